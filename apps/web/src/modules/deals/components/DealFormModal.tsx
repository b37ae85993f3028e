import type { TDeal } from '@tierline/contracts';
import { App, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CustomerSelect } from '../../customers/components/CustomerSelect.tsx';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import {
  boardStages,
  FORECAST_CATEGORIES,
  localName,
  type TForecastCategory,
  useCreateDeal,
  usePipelines,
  useUpdateDeal,
} from '../deals.api.ts';
import { isGateRefusal, missingItems } from '../gateErrors.ts';

const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'HKD', 'JPY'];

interface DealFormValues {
  name: string;
  pipelineId: string;
  stageId?: string;
  customerId?: string | null;
  amount?: string | number | null;
  currency: string;
  expectedCloseDate?: string;
  probability?: number | null;
  forecastCategory: TForecastCategory;
  ownerId?: string | null;
}

interface DealFormModalProps {
  open: boolean;
  /** The deal to edit; without one the form creates a deal in `pipelineId`. */
  deal: TDeal | null;
  pipelineId?: string;
  /** A new deal for this customer (from the customer's page). */
  customerId?: string;
  onClose: () => void;
  onCreated?: (deal: TDeal) => void;
}

export function DealFormModal({ open, deal, pipelineId, customerId, onClose, onCreated }: DealFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<DealFormValues>();
  const showError = useShowError();
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const { pipelines, byId } = usePipelines();
  const chosenPipeline = Form.useWatch('pipelineId', form);
  const openStages = boardStages(byId.get(chosenPipeline ?? '')).filter((s) => s.kind === 'open');
  const lng = i18n.language;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      deal
        ? {
            name: deal.name,
            pipelineId: deal.pipelineId,
            customerId: deal.customerId,
            amount: deal.amount,
            currency: deal.currency,
            expectedCloseDate: deal.expectedCloseDate ?? undefined,
            probability: deal.probabilityOverridden ? deal.probability : null,
            forecastCategory: deal.forecastCategory,
            ownerId: deal.ownerId,
          }
        : { pipelineId, customerId, currency: 'CNY', forecastCategory: 'pipeline', ownerId: user.id },
    );
  }, [open, deal, pipelineId, customerId, form, user.id]);

  const onError = (error: unknown) => {
    // A new deal in a later stage meets that stage's gate too: say what is missing.
    if (isGateRefusal(error)) {
      form.setFields([{ name: 'stageId', errors: missingItems(error, t).map((item) => item.label) }]);
      return;
    }
    showError(error, form);
  };

  const onFinish = (v: DealFormValues) => {
    const amount = v.amount === null || v.amount === undefined || v.amount === '' ? null : String(v.amount);
    const fields = {
      name: v.name.trim(),
      customerId: v.customerId ?? null,
      amount,
      currency: v.currency,
      expectedCloseDate: v.expectedCloseDate || null,
      probability: v.probability ?? null,
      forecastCategory: v.forecastCategory,
    };
    const owner = user.role !== 'rep' && v.ownerId ? { ownerId: v.ownerId } : {};
    const done = (text: string) => {
      void message.success(text);
      onClose();
    };
    if (deal) {
      update.mutate({ id: deal.id, version: deal.version, ...fields, ...owner }, { onSuccess: () => done(t('deals.updated')), onError });
    } else {
      create.mutate(
        { ...fields, ...owner, pipelineId: v.pipelineId, stageId: v.stageId },
        {
          onSuccess: (created) => {
            done(t('deals.created'));
            onCreated?.(created);
          },
          onError,
        },
      );
    }
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal
      open={open}
      title={deal ? t('deals.editTitle') : t('deals.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      forceRender
    >
      <Form<DealFormValues> name="deal" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="name" label={t('deals.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          {!deal && (
            <>
              <Col {...half}>
                <Form.Item name="pipelineId" label={t('deals.pipeline')} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select
                    options={pipelines.map((p) => ({ value: p.id, label: localName(p, lng) }))}
                    onChange={() => form.setFieldValue('stageId', undefined)}
                  />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="stageId" label={t('deals.stage')} extra={t('deals.stageDefault')}>
                  <Select
                    allowClear
                    options={openStages.map((s) => ({ value: s.id, label: `${localName(s, lng)} · ${s.probability}%` }))}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...half}>
            <Form.Item name="customerId" label={t('deals.customer')}>
              <CustomerSelect placeholder={t('deals.pickCustomer')} />
            </Form.Item>
          </Col>
          {user.role !== 'rep' && (
            <Col {...half}>
              <Form.Item name="ownerId" label={t('deals.owner')}>
                <UserSelect />
              </Form.Item>
            </Col>
          )}
          <Col xs={16} sm={8}>
            <Form.Item name="amount" label={t('deals.amount')}>
              <InputNumber<string> min="0" precision={2} stringMode style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8} sm={4}>
            <Form.Item name="currency" label={t('deals.currency')}>
              <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="expectedCloseDate" label={t('deals.expectedClose')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="probability" label={t('deals.probability')} extra={t('deals.probabilityDefault')}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="forecastCategory" label={t('deals.forecast')}>
              <Select options={FORECAST_CATEGORIES.map((f) => ({ value: f, label: t(`deals.forecasts.${f}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
