import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Table, type TableProps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatMoney, formatNumber } from '../../../shared/format.ts';
import { linesTotalCents } from '../dealMath.ts';
import { type TDealDetail, type TDealLineInput, useSetDealLines } from '../deals.api.ts';

type Line = TDealDetail['lines'][number];

/** The products of the deal: quantity, unit price, discount, and the total. */
export function DealLinesCard({ deal, editable }: { deal: TDealDetail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const save = useSetDealLines(deal);
  const showError = useShowError();
  const [form] = Form.useForm<{ lines: TDealLineInput[] }>();
  const [open, setOpen] = useState(false);
  const lng = i18n.language;
  const money = (v: number | string) => formatMoney(v, deal.currency, lng);

  useEffect(() => {
    if (open) form.setFieldsValue({ lines: deal.lines.map(({ lineNo: _, ...line }) => line) });
  }, [open, deal.lines, form]);

  const columns: TableProps<Line>['columns'] = [
    { key: 'product', title: t('deals.lines.product'), render: (_, l) => l.productName || l.productCode },
    { key: 'code', title: t('deals.lines.code'), dataIndex: 'productCode', responsive: ['md'] },
    { key: 'qty', title: t('deals.lines.quantity'), align: 'right', render: (_, l) => formatNumber(l.quantity, lng, 3) },
    { key: 'price', title: t('deals.lines.unitPrice'), align: 'right', render: (_, l) => money(l.unitPrice) },
    { key: 'discount', title: t('deals.lines.discount'), align: 'right', responsive: ['sm'], render: (_, l) => `${l.discountPct}%` },
    { key: 'total', title: t('deals.lines.total'), align: 'right', render: (_, l) => money(linesTotalCents([l]) / 100) },
  ];

  const onFinish = (v: { lines?: TDealLineInput[] }) =>
    save.mutate(
      (v.lines ?? []).map((l) => ({
        ...l,
        productName: l.productName || null,
        quantity: String(l.quantity),
        unitPrice: String(l.unitPrice),
      })),
      {
        onSuccess: () => {
          void message.success(t('deals.lines.saved'));
          setOpen(false);
        },
        onError: (e) => showError(e),
      },
    );

  return (
    <Card
      size="small"
      title={t('deals.lines.title')}
      extra={
        editable && (
          <Button size="small" onClick={() => setOpen(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Table<Line>
        rowKey="lineNo"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={deal.lines}
        locale={{ emptyText: t('deals.lines.empty') }}
        scroll={{ x: 'max-content' }}
      />
      {deal.lines.length > 0 && (
        <Typography.Paragraph strong style={{ textAlign: 'right', margin: '8px 0 0' }}>
          {t('deals.lines.sum', { amount: money(linesTotalCents(deal.lines) / 100) })}
        </Typography.Paragraph>
      )}
      <Modal
        open={open}
        title={t('deals.lines.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={save.isPending}
        width={760}
        forceRender
      >
        <Form name="dealLines" form={form} onFinish={onFinish}>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[field.name, 'productCode']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ width: 120 }}
                    >
                      <Input placeholder={t('deals.lines.code')} aria-label={t('deals.lines.code')} maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'productName']} style={{ flex: 1, minWidth: 140 }}>
                      <Input placeholder={t('deals.lines.product')} aria-label={t('deals.lines.product')} maxLength={300} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'quantity']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ width: 90 }}
                    >
                      <InputNumber<string>
                        min="0"
                        stringMode
                        placeholder={t('deals.lines.quantity')}
                        aria-label={t('deals.lines.quantity')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'unitPrice']}
                      rules={[{ required: true, message: t('validation.required') }]}
                      style={{ width: 120 }}
                    >
                      <InputNumber<string>
                        min="0"
                        precision={2}
                        stringMode
                        placeholder={t('deals.lines.unitPrice')}
                        aria-label={t('deals.lines.unitPrice')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'discountPct']} style={{ width: 90 }}>
                      <InputNumber
                        min={0}
                        max={100}
                        suffix="%"
                        placeholder={t('deals.lines.discount')}
                        aria-label={t('deals.lines.discount')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                  </Flex>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ quantity: '1', discountPct: 0 })}>
                  {t('deals.lines.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
