import type { TContract, TDeal } from '@tierline/contracts';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format.ts';
import { useContractError } from '../contractErrors.ts';
import { type NewContractValues, newContractBody } from '../contractRequests.ts';
import { useCreateContract } from '../contracts.api.ts';
import { endsNotBeforeStart } from './formRules.ts';
import { WonDealSelect } from './WonDealSelect.tsx';

interface NewContractModalProps {
  open: boolean;
  /** A contract for this deal (from the deal's page): no deal picker. */
  deal?: Pick<TDeal, 'id' | 'name' | 'amount' | 'currency'>;
  onClose: () => void;
  onCreated?: (contract: TContract) => void;
}

/** A contract from a won deal: customer, owner and currency come from the deal; number and amount may be left to it. */
export function NewContractModal({ open, deal, onClose, onCreated }: NewContractModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewContractValues>();
  const create = useCreateContract();
  const showError = useContractError();
  const [picked, setPicked] = useState<Pick<TDeal, 'amount' | 'currency'> | null>(deal ?? null);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ dealId: deal?.id });
    setPicked(deal ?? null);
  }, [open, deal, form]);

  const onFinish = (values: NewContractValues) =>
    create.mutate(newContractBody(values), {
      onSuccess: (contract) => {
        if (contract.status === 'pending_approval') void message.warning(t('contracts.createdPending'));
        else void message.success(t('contracts.created'));
        onClose();
        onCreated?.(contract);
      },
      onError: (error) => showError(error, form),
    });

  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };
  return (
    <Modal
      open={open}
      title={t('contracts.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={640}
      forceRender
    >
      <Form<NewContractValues> name="newContract" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        {deal ? (
          <>
            <Alert type="info" showIcon title={t('contracts.fromDeal', { name: deal.name })} style={{ marginBottom: 16 }} />
            <Form.Item name="dealId" hidden>
              <Input />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="dealId"
            label={t('contracts.deal')}
            extra={t('contracts.dealHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <WonDealSelect placeholder={t('contracts.pickDeal')} onChange={(_id, d) => setPicked(d)} />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="number" label={t('contracts.number')}>
              <Input placeholder={t('contracts.numberPlaceholder')} maxLength={60} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="amount" label={t('contracts.amount')} extra={t('contracts.amountHint')}>
              <InputNumber<string>
                min="0.01"
                precision={2}
                stringMode
                placeholder={picked?.amount ? formatMoney(picked.amount, picked.currency, i18n.language) : undefined}
                suffix={picked?.currency}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
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
