import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { useContractError } from '../contractErrors.ts';
import { termsEditable } from '../contractMath.ts';
import { type ContractEditValues, contractPatch, isEmptyPatch } from '../contractRequests.ts';
import { type TContractDetail, useUpdateContract } from '../contracts.api.ts';
import { endsNotBeforeStart } from './formRules.ts';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY'];

interface ContractEditModalProps {
  open: boolean;
  contract: TContractDetail;
  onClose: () => void;
}

/** Number and dates always; amount, currency and owner only while a draft (they are what gets approved). */
export function ContractEditModal({ open, contract: c, onClose }: ContractEditModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<ContractEditValues>();
  const update = useUpdateContract();
  const showError = useContractError();
  const terms = termsEditable(c.status);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      number: c.number,
      amount: c.amount,
      currency: c.currency,
      ownerId: c.ownerId,
      signedOn: c.signedOn ?? '',
      startsOn: c.startsOn ?? '',
      endsOn: c.endsOn ?? '',
    });
  }, [open, c, form]);

  const onFinish = (values: ContractEditValues) => {
    const patch = contractPatch(c, terms ? values : { ...values, amount: undefined, currency: undefined, ownerId: undefined });
    if (isEmptyPatch(patch)) return onClose();
    update.mutate(
      { id: c.id, ...patch },
      {
        onSuccess: (after) => {
          void message.success(after.status === 'pending_approval' ? t('contracts.createdPending') : t('contracts.updated'));
          onClose();
        },
        onError: (error) => showError(error, form),
      },
    );
  };

  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };
  return (
    <Modal
      open={open}
      title={t('contracts.editTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      width={640}
      forceRender
    >
      <Form<ContractEditValues> name="editContract" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {!terms && <Alert type="info" showIcon title={t('contracts.termsLocked')} style={{ marginBottom: 16 }} />}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="number"
              label={t('contracts.number')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={16} sm={8}>
            <Form.Item name="amount" label={t('contracts.amount')} rules={[{ required: true, message: t('validation.required') }]}>
              <InputNumber<string> min="0.01" precision={2} stringMode disabled={!terms} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} sm={4}>
            <Form.Item name="currency" label={t('contracts.currency')}>
              <Select disabled={!terms} options={CURRENCIES.map((code) => ({ value: code, label: code }))} />
            </Form.Item>
          </Col>
          {terms && user.role !== 'rep' && (
            <Col span={24}>
              <Form.Item name="ownerId" label={t('contracts.owner')}>
                <UserSelect />
              </Form.Item>
            </Col>
          )}
          <Col {...third}>
            <Form.Item name="signedOn" label={t('contracts.signedOn')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="startsOn" label={t('contracts.startsOn')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="endsOn" label={t('contracts.endsOn')} dependencies={['startsOn']} rules={[endsNotBeforeStart(t)]}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
