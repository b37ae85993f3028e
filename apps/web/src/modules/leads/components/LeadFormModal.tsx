import type { TLead } from '@tierline/contracts';
import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { OPEN_STATUSES, type TLeadOpenStatus, type TLeadWithDuplicates, useCreateLead, useUpdateLead } from '../leads.api.ts';
import { useShowLeadError } from '../useLeadError.ts';

interface LeadFormValues {
  name: string;
  company?: string | null;
  title?: string | null;
  email?: string | null;
  phone?: string | null;
  source?: string | null;
  region?: string | null;
  industry?: string | null;
  status: TLeadOpenStatus;
  ownerId?: string | null;
}

const FIELDS = ['name', 'company', 'title', 'email', 'phone', 'source', 'region', 'industry', 'status', 'ownerId'];
const TEXT_FIELDS = ['company', 'title', 'email', 'phone', 'source', 'region', 'industry'] as const;

interface LeadFormModalProps {
  open: boolean;
  /** The lead to edit; without one the form captures a new lead. */
  lead: TLead | null;
  onClose: () => void;
  /** The new lead with the duplicates the server found for it. */
  onCreated?: (lead: TLeadWithDuplicates) => void;
}

const orNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function LeadFormModal({ open, lead, onClose, onCreated }: LeadFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<LeadFormValues>();
  const create = useCreateLead();
  const update = useUpdateLead();
  const showError = useShowLeadError();
  // Reps own the leads they add and may not hand them on; managers and above assign (or leave for the rules).
  const assigns = user.role !== 'rep';

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      lead
        ? {
            name: lead.name,
            company: lead.company,
            title: lead.title,
            email: lead.email,
            phone: lead.phone,
            source: lead.source,
            region: lead.region,
            industry: lead.industry,
            status: lead.status as TLeadOpenStatus,
            ownerId: lead.ownerId,
          }
        : { status: 'new', ownerId: user.id },
    );
  }, [open, lead, form, user.id]);

  const onFinish = (v: LeadFormValues) => {
    const fields = {
      name: v.name.trim(),
      company: orNull(v.company),
      title: orNull(v.title),
      email: orNull(v.email),
      phone: orNull(v.phone),
      source: orNull(v.source),
      region: orNull(v.region),
      industry: orNull(v.industry),
      status: v.status,
    };
    const owner = assigns && (!lead || (v.ownerId ?? null) !== lead.ownerId) ? { ownerId: v.ownerId ?? null } : {};
    const onError = (error: unknown) => showError(error, form, FIELDS);
    if (lead) {
      update.mutate(
        { id: lead.id, version: lead.version, ...fields, ...owner },
        {
          onSuccess: () => {
            void message.success(t('leads.updated'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(
        { ...fields, ...owner },
        {
          onSuccess: (created) => {
            void message.success(t('leads.created'));
            onClose();
            onCreated?.(created);
          },
          onError,
        },
      );
    }
  };

  const half = { xs: 24, sm: 12 };
  const text = (name: (typeof TEXT_FIELDS)[number], extra: { type?: string; placeholder?: string } = {}) => (
    <Col {...half}>
      <Form.Item
        name={name}
        label={t(`leads.fields.${name}`)}
        rules={name === 'email' ? [{ type: 'email', message: t('validation.email') }] : undefined}
      >
        <Input autoComplete="off" maxLength={name === 'phone' ? 50 : 200} {...extra} />
      </Form.Item>
    </Col>
  );
  return (
    <Modal
      open={open}
      title={lead ? t('leads.editTitle') : t('leads.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      width={640}
      forceRender
    >
      <Form<LeadFormValues> name="lead" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="name"
              label={t('leads.fields.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          {text('company')}
          {text('title')}
          {text('email', { type: 'email' })}
          {text('phone', { type: 'tel' })}
          {text('source', { placeholder: t('leads.placeholders.source') })}
          {text('region')}
          {text('industry')}
          <Col {...half}>
            <Form.Item name="status" label={t('leads.fields.status')}>
              <Select options={OPEN_STATUSES.map((s) => ({ value: s, label: t(`leads.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
          {assigns && (
            <Col {...half}>
              <Form.Item name="ownerId" label={t('leads.fields.owner')} extra={t('leads.ownerHint')}>
                <UserSelect />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
