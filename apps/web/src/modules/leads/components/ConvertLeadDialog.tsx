import type { TLead } from '@tierline/contracts';
import { Alert, App, Checkbox, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CustomerSelect } from '../../customers/components/CustomerSelect.tsx';
import { BUYING_ROLES, SENIORITIES } from '../../customers/contacts.api.ts';
import { localName, usePipelines } from '../../deals/deals.api.ts';
import {
  buildConvertRequest,
  CONVERT_FIELDS,
  type ConvertFormValues,
  conversionPath,
  initialConvertValues,
  proposedCustomerId,
} from '../convertRequest.ts';
import { useConvertLead, useLeadDuplicates } from '../leads.api.ts';
import { useShowLeadError } from '../useLeadError.ts';

interface ConvertLeadDialogProps {
  lead: TLead;
  open: boolean;
  onClose: () => void;
}

/**
 * 转化: turns the lead into a customer (new, or the one it matches), a contact and optionally a deal,
 * in one request the server runs as one transaction. Lands on the deal, or the customer.
 */
export function ConvertLeadDialog({ lead, open, onClose }: ConvertLeadDialogProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ConvertFormValues>();
  // Asked while the dialog is still closed (it stays mounted), so it opens already filled in.
  const duplicates = useLeadDuplicates(lead.id);
  const { pipelines } = usePipelines();
  const convert = useConvertLead();
  const showError = useShowLeadError();
  const mode = Form.useWatch('customerMode', form);
  const customerId = Form.useWatch('customerId', form);
  const withDeal = Form.useWatch('withDeal', form);
  const proposed = proposedCustomerId(duplicates.data ?? []);
  const proposedMatch = duplicates.data?.find((d) => d.entity === 'customer' && d.id === proposed)?.matchedOn ?? [];

  // Filled in on opening, and again when the duplicates or pipelines arrive — unless the user has started typing.
  useEffect(() => {
    if (!open || form.isFieldsTouched()) return;
    // The short-cycle pipeline is where most converted leads start; any other is one click away.
    const pipeline = pipelines.find((p) => p.processType === 'short') ?? pipelines[0];
    form.setFieldsValue(
      initialConvertValues(lead, duplicates.data ?? [], {
        name: t('leads.convert.dealDefault', { name: lead.company ?? lead.name }),
        pipelineId: pipeline?.id,
      }),
    );
  }, [open, lead, duplicates.data, pipelines, form, t]);
  useEffect(() => {
    if (!open) form.resetFields();
  }, [open, form]);

  const onFinish = (v: ConvertFormValues) =>
    convert.mutate(
      { id: lead.id, ...buildConvertRequest(v, lead) },
      {
        onSuccess: (result) => {
          void message.success(result.dealId ? t('leads.convert.doneWithDeal') : t('leads.convert.done'));
          onClose();
          navigate(conversionPath(result));
        },
        onError: (error) => showError(error, form, CONVERT_FIELDS),
      },
    );

  const required = { required: true, whitespace: true, message: t('validation.required') };
  const half = { xs: 24, sm: 12 };
  const section = (title: string, hint?: string) => (
    <Flex align="baseline" gap={8} wrap style={{ margin: '4px 0 8px' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {hint && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hint}
        </Typography.Text>
      )}
    </Flex>
  );
  return (
    <Modal
      open={open}
      title={t('leads.convert.title', { name: lead.name })}
      okText={t('leads.convert.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={convert.isPending}
      width={720}
      forceRender
    >
      <Form<ConvertFormValues> name="convert-lead" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Typography.Paragraph type="secondary">{t('leads.convert.intro')}</Typography.Paragraph>
        {section(t('leads.convert.customer'))}
        <Form.Item name="customerMode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'new', label: t('leads.convert.newCustomer') },
              { value: 'existing', label: t('leads.convert.existingCustomer') },
            ]}
          />
        </Form.Item>
        {mode === 'existing' ? (
          <>
            {proposed && customerId === proposed && (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('leads.convert.proposed', {
                  fields: proposedMatch.map((m) => t(`leads.duplicates.matched.${m}`)).join(t('common.listSeparator')),
                })}
              />
            )}
            <Form.Item
              name="customerId"
              label={t('leads.convert.customer')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <CustomerSelect placeholder={t('leads.convert.pickCustomer')} />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name={['customer', 'name']}
            label={t('leads.convert.customerName')}
            extra={t('leads.convert.customerNameHint')}
            rules={[required]}
          >
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        )}

        {section(t('leads.convert.contact'), t('leads.convert.contactHint'))}
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name={['contact', 'name']} label={t('leads.fields.name')} rules={[required]}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={['contact', 'title']} label={t('leads.fields.title')}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name={['contact', 'email']}
              label={t('leads.fields.email')}
              rules={[{ type: 'email', message: t('validation.email') }]}
            >
              <Input type="email" maxLength={254} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={['contact', 'phone']} label={t('leads.fields.phone')}>
              <Input type="tel" maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={['contact', 'seniority']} label={t('leads.convert.seniority')}>
              <Select allowClear options={SENIORITIES.map((s) => ({ value: s, label: t(`contacts.seniorities.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={['contact', 'buyingRole']} label={t('leads.convert.buyingRole')}>
              <Select allowClear options={BUYING_ROLES.map((r) => ({ value: r, label: t(`contacts.roles.${r}`) }))} />
            </Form.Item>
          </Col>
        </Row>

        <Flex align="center" gap={12} style={{ marginBottom: 12 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('leads.convert.deal')}
          </Typography.Title>
          <Form.Item name="withDeal" valuePropName="checked" noStyle>
            <Checkbox>{t('leads.convert.withDeal')}</Checkbox>
          </Form.Item>
        </Flex>
        {withDeal && (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name={['deal', 'name']} label={t('leads.convert.dealName')} rules={[required]}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name={['deal', 'pipelineId']}
                label={t('leads.convert.pipeline')}
                extra={t('leads.convert.stageHint')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select options={pipelines.map((p) => ({ value: p.id, label: localName(p, i18n.language) }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={['deal', 'amount']} label={t('leads.convert.amount')}>
                {/* The API takes up to 14 digits before the point; a larger number would come back as a schema error. */}
                <InputNumber<string> min="0" max="99999999999999.99" precision={2} stringMode style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name={['deal', 'expectedCloseDate']} label={t('leads.convert.expectedClose')}>
                <Input type="date" />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}
