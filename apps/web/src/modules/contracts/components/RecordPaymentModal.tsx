import { App, AutoComplete, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, toCents } from '../../../shared/format.ts';
import { useContractError } from '../contractErrors.ts';
import { localToday, suggestedPayment } from '../contractMath.ts';
import { type PaymentValues, paymentBody } from '../contractRequests.ts';
import { type TContractDetail, useRecordPayment } from '../contracts.api.ts';

const METHODS = ['bank', 'acceptance', 'cheque', 'cash', 'online'] as const;

interface RecordPaymentModalProps {
  open: boolean;
  contract: TContractDetail;
  onClose: () => void;
}

/** A payment received: at most what is still owed, dated, optionally tied to an instalment. */
export function RecordPaymentModal({ open, contract: c, onClose }: RecordPaymentModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PaymentValues>();
  const record = useRecordPayment(c);
  const showError = useContractError();
  const lng = i18n.language;
  const money = (v: string) => formatMoney(v, c.currency, lng);
  const unpaid = c.installments.map((i, index) => ({ ...i, n: index + 1 })).filter((i) => toCents(i.outstanding) > 0);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ amount: suggestedPayment(c), receivedOn: localToday() });
  }, [open, c, form]);

  const onFinish = (values: PaymentValues) =>
    record.mutate(paymentBody(values), {
      onSuccess: (payment) => {
        void message.success(t('contracts.payments.recorded', { amount: money(payment.amount) }));
        onClose();
      },
      onError: (error) => showError(error, form),
    });

  return (
    <Modal
      open={open}
      title={t('contracts.payments.recordTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      width={560}
      forceRender
    >
      <Form<PaymentValues> name="recordPayment" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="amount"
              label={t('contracts.payments.amount')}
              extra={t('contracts.payments.maxHint', { amount: money(c.outstanding) })}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: (_, v?: string | number | null) => {
                    const cents = toCents(v ?? null);
                    if (v === undefined || v === null || v === '') return Promise.resolve();
                    if (cents <= 0) return Promise.reject(new Error(t('contracts.payments.positive')));
                    if (cents > toCents(c.outstanding))
                      return Promise.reject(new Error(t('contracts.payments.tooMuch', { amount: money(c.outstanding) })));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <InputNumber<string> min="0.01" precision={2} stringMode suffix={c.currency} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="receivedOn"
              label={t('contracts.payments.receivedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input type="date" max={localToday()} />
            </Form.Item>
          </Col>
          {unpaid.length > 0 && (
            <Col span={24}>
              <Form.Item name="installmentId" label={t('contracts.payments.installment')}>
                <Select
                  allowClear
                  placeholder={t('contracts.payments.installmentAuto')}
                  options={unpaid.map((i) => ({
                    value: i.id,
                    label: `${t('contracts.plan.nth', { n: i.n })} · ${formatDate(i.dueOn, lng)} · ${money(i.outstanding)}`,
                  }))}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={10}>
            <Form.Item name="method" label={t('contracts.payments.method')}>
              <AutoComplete
                allowClear
                maxLength={40}
                options={METHODS.map((m) => ({ value: t(`contracts.payments.methods.${m}`) }))}
                showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item name="reference" label={t('contracts.payments.reference')}>
              <Input maxLength={200} placeholder={t('contracts.payments.referencePlaceholder')} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
