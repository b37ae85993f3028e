import { useQueryClient } from '@tanstack/react-query';
import type { TServiceRequest } from '@tierline/contracts';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api.ts';
import { isStaleVersion } from '../../../shared/errors.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CustomerSelect } from '../../customers/components/CustomerSelect.tsx';
import { useCustomersById } from '../../customers/customers.api.ts';
import { tierName, useTierPolicies, useTiers } from '../../tiers/tiers.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { localInputToIso, toLocalInput } from '../dateInputs.ts';
import { applyServiceFieldErrors, serviceErrorText } from '../serviceErrors.ts';
import {
  SERVICE_CHANNELS,
  SERVICE_PRIORITIES,
  serviceKeys,
  type TServiceChannel,
  type TServicePriority,
  useCreateServiceRequest,
  useCustomerContacts,
  useUpdateServiceRequest,
} from '../serviceRequests.api.ts';

interface FormValues {
  customerId?: string | null;
  contactId?: string | null;
  title: string;
  description?: string | null;
  channel: TServiceChannel;
  priority: TServicePriority;
  openedAt?: string;
  ownerId?: string | null;
}

interface ServiceRequestFormModalProps {
  open: boolean;
  /** The request to edit; without one the form opens a new request. */
  request: TServiceRequest | null;
  /** A customer to open the request for (from a customer's page); still changeable. */
  customerId?: string;
  onClose: () => void;
  onCreated?: (request: TServiceRequest) => void;
}

const toValues = (r: TServiceRequest | null, customerId?: string): Partial<FormValues> =>
  r
    ? {
        customerId: r.customerId,
        contactId: r.contactId,
        title: r.title,
        description: r.description,
        channel: r.channel,
        priority: r.priority,
        ownerId: r.ownerId,
      }
    : { customerId: customerId ?? null, channel: 'phone', priority: 'normal', contactId: null, ownerId: null };

const orNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** 新建/编辑服务请求. Customer and opening time are fixed once opened (the SLA was measured from them). */
export function ServiceRequestFormModal({ open, request, customerId, onClose, onCreated }: ServiceRequestFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateServiceRequest();
  const update = useUpdateServiceRequest();
  const [base, setBase] = useState<TServiceRequest | null>(request);
  const [stale, setStale] = useState(false);
  const chosenCustomer = Form.useWatch('customerId', form) ?? null;
  const contacts = useCustomerContacts(chosenCustomer);
  const customer = useCustomersById([chosenCustomer]).get(chosenCustomer ?? '');
  const { byId: tiers } = useTiers();
  const { byTier } = useTierPolicies();
  // A rep handles their own requests; managers and above may hand one to someone else.
  const assigns = user.role !== 'rep';

  useEffect(() => {
    if (!open) return;
    setBase(request);
    setStale(false);
    form.resetFields();
    form.setFieldsValue(toValues(request, customerId));
  }, [open, request, customerId, form]);

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) setStale(true);
    applyServiceFieldErrors(form, error, t);
    void message.error(serviceErrorText(error, t));
  };

  const reload = async () => {
    if (!base) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: serviceKeys.detail(base.id),
      queryFn: () => api.get<TServiceRequest>(`/service-requests/${base.id}`),
      staleTime: 0,
    });
    setBase(fresh);
    setStale(false);
    form.setFieldsValue(toValues(fresh));
  };

  const onFinish = (v: FormValues) => {
    const common = {
      title: v.title.trim(),
      description: orNull(v.description),
      channel: v.channel,
      priority: v.priority,
      contactId: v.contactId ?? null,
    };
    if (base) {
      const owner = assigns && v.ownerId && v.ownerId !== base.ownerId ? { ownerId: v.ownerId } : {};
      update.mutate(
        { id: base.id, version: base.version, ...common, ...owner },
        {
          onSuccess: () => {
            void message.success(t('service.updated'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      {
        ...common,
        customerId: v.customerId ?? '',
        openedAt: localInputToIso(v.openedAt),
        ownerId: assigns && v.ownerId ? v.ownerId : undefined,
      },
      {
        onSuccess: (created) => {
          void message.success(t('service.created'));
          onClose();
          onCreated?.(created);
        },
        onError,
      },
    );
  };

  // What the chosen customer's tier promises, so the person logging the call knows the clock it starts.
  const tier = customer?.tierId ? tiers.get(customer.tierId) : undefined;
  const sla = customer?.tierId ? byTier.get(customer.tierId)?.responseSlaHours : undefined;
  const tierHint = tier
    ? sla
      ? t('service.hints.tierSla', { tier: tierName(tier, i18n.language), hours: sla })
      : t('service.hints.tierNoSla', { tier: tierName(tier, i18n.language) })
    : undefined;
  const half = { xs: 24, sm: 12 };

  return (
    <Modal
      open={open}
      title={base ? t('service.editTitle') : t('service.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ disabled: stale }}
      width={640}
      forceRender
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('errors.conflict')}
          action={
            <Button size="small" onClick={() => reload().catch(onError)}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<FormValues>
        name="serviceRequest"
        form={form}
        layout="vertical"
        onFinish={onFinish}
        // Another customer's contact would be refused: a new customer starts with no contact.
        onValuesChange={(changed) => 'customerId' in changed && form.setFieldsValue({ contactId: null })}
        requiredMark={false}
      >
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="customerId"
              label={t('service.fields.customer')}
              extra={base ? undefined : tierHint}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              {base ? <Select disabled options={[{ value: base.customerId, label: base.customerName }]} /> : <CustomerSelect />}
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="contactId" label={t('service.fields.contact')}>
              <Select
                allowClear
                disabled={!chosenCustomer}
                placeholder={chosenCustomer ? undefined : t('service.hints.contactNeedsCustomer')}
                loading={contacts.isFetching}
                showSearch={{ optionFilterProp: 'label' }}
                options={(contacts.data ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="title"
              label={t('service.fields.title')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t('service.fields.description')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={10_000} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="channel" label={t('service.fields.channel')}>
              <Select options={SERVICE_CHANNELS.map((c) => ({ value: c, label: t(`service.channels.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="priority" label={t('service.fields.priority')}>
              <Select options={SERVICE_PRIORITIES.map((p) => ({ value: p, label: t(`service.priorities.${p}`) }))} />
            </Form.Item>
          </Col>
          {!base && (
            <Col {...half}>
              <Form.Item name="openedAt" label={t('service.fields.openedAt')} extra={t('service.hints.openedAt')}>
                <Input type="datetime-local" max={toLocalInput(new Date())} />
              </Form.Item>
            </Col>
          )}
          {assigns && (
            <Col {...half}>
              <Form.Item name="ownerId" label={t('service.fields.owner')} extra={base ? undefined : t('service.hints.owner')}>
                <UserSelect />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
