import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, toCents } from '../../../shared/format.ts';
import { useContractError } from '../contractErrors.ts';
import { addMonths, centsToAmount, checkPlan, localToday, splitEvenly } from '../contractMath.ts';
import { installmentsBody, type PlanRow } from '../contractRequests.ts';
import { type TContractDetail, useSetInstallments } from '../contracts.api.ts';

interface PaymentPlanModalProps {
  open: boolean;
  contract: TContractDetail;
  onClose: () => void;
}

/**
 * Edits the plan as a whole (the API replaces it): due date and amount per instalment, with the sum
 * against the contract amount always in view. Saving waits until they match, as the server requires.
 */
export function PaymentPlanModal({ open, contract: c, onClose }: PaymentPlanModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ rows: PlanRow[] }>();
  const save = useSetInstallments(c);
  const showError = useContractError();
  const [parts, setParts] = useState(2);
  const rows: PlanRow[] = Form.useWatch('rows', form) ?? [];
  const check = checkPlan(c.amount, rows);
  const money = (cents: number) => formatMoney(centsToAmount(cents), c.currency, i18n.language);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ rows: c.installments.map((i) => ({ dueOn: i.dueOn, amount: i.amount })) });
  }, [open, c.installments, form]);

  const firstDue = () => c.startsOn ?? c.signedOn ?? localToday();

  /** Equal monthly instalments from the start (or signing) date; the user adjusts from there. */
  const generate = () =>
    form.setFieldsValue({ rows: splitEvenly(c.amount, parts).map((amount, i) => ({ dueOn: addMonths(firstDue(), i), amount })) });

  const fillRest = () => {
    const last = rows.length - 1;
    const amount = toCents(rows[last]?.amount ?? null) + check.diffCents;
    if (last >= 0 && amount > 0) form.setFieldValue(['rows', last, 'amount'], centsToAmount(amount));
  };

  const onFinish = (values: { rows?: PlanRow[] }) =>
    save.mutate(installmentsBody(values.rows ?? [], c.version), {
      onSuccess: () => {
        void message.success(t('contracts.plan.saved'));
        onClose();
      },
      onError: (error) => showError(error),
    });

  const balance =
    check.diffCents === 0
      ? t('contracts.plan.matches')
      : check.diffCents > 0
        ? t('contracts.plan.short', { diff: money(check.diffCents) })
        : t('contracts.plan.over', { diff: money(-check.diffCents) });

  return (
    <Modal
      open={open}
      title={t('contracts.plan.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !check.matches }}
      confirmLoading={save.isPending}
      width={620}
      forceRender
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <Typography.Text>{t('contracts.plan.split')}</Typography.Text>
        <InputNumber
          min={1}
          max={60}
          precision={0}
          value={parts}
          onChange={(n) => setParts(n ?? 1)}
          suffix={t('contracts.plan.unit')}
          aria-label={t('contracts.plan.split')}
          style={{ width: 110 }}
        />
        <Button onClick={generate}>{t('contracts.plan.splitApply')}</Button>
      </Flex>
      <Form name="paymentPlan" form={form} onFinish={onFinish}>
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.length > 0 && (
                <Flex gap={8} style={{ marginBottom: 4 }} aria-hidden>
                  <span style={{ width: 64, flexShrink: 0 }} />
                  <Typography.Text type="secondary" style={{ flex: 1 }}>
                    {t('contracts.plan.dueOn')}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ flex: 1 }}>
                    {t('contracts.plan.amount')}
                  </Typography.Text>
                  <span style={{ width: 32, flexShrink: 0 }} />
                </Flex>
              )}
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid="plan-row">
                  <Typography.Text type="secondary" style={{ width: 64, lineHeight: '32px', flexShrink: 0 }}>
                    {t('contracts.plan.nthShort', { n: index + 1 })}
                  </Typography.Text>
                  <Form.Item
                    name={[field.name, 'dueOn']}
                    rules={[{ required: true, message: t('validation.required') }]}
                    style={{ flex: 1, minWidth: 0 }}
                  >
                    <Input type="date" aria-label={t('contracts.plan.dueOn')} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    rules={[{ required: true, message: t('validation.required') }]}
                    style={{ flex: 1, minWidth: 0 }}
                  >
                    <InputNumber<string>
                      min="0.01"
                      precision={2}
                      stringMode
                      aria-label={t('contracts.plan.amount')}
                      placeholder={t('contracts.plan.amount')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Flex>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => {
                  const last = rows.at(-1)?.dueOn;
                  add({ dueOn: last ? addMonths(last, 1) : firstDue(), amount: undefined });
                }}
              >
                {t('contracts.plan.add')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {rows.length > 0 ? (
        <Alert
          type={check.matches ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 16 }}
          title={t('contracts.plan.sum', { sum: money(check.totalCents), amount: money(check.amountCents) })}
          description={
            check.matches ? (
              balance
            ) : (
              <Flex vertical align="flex-start" gap={4}>
                {`${balance} · ${t('contracts.plan.mustMatch')}`}
                <Button size="small" onClick={fillRest}>
                  {t('contracts.plan.fillRest')}
                </Button>
              </Flex>
            )
          }
          data-testid="plan-check"
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          {t('contracts.plan.clearHint')}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
