import { useQueryClient } from '@tanstack/react-query';
import type { TCustomer } from '@tierline/contracts';
import { Alert, App, Button, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../../shared/api.ts';
import { isStaleVersion, useShowError } from '../../../shared/errors.ts';
import { canSetTier } from '../../../shared/roles.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { CUSTOMER_STATUSES, customerKeys, type TCustomerStatus, useCreateCustomer, useUpdateCustomer } from '../customers.api.ts';

interface CustomerFormValues {
  name: string;
  tierId?: string;
  ownerId?: string | null;
  teamId?: string | null;
  status: TCustomerStatus;
  industry?: string | null;
  region?: string | null;
  source?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  tags?: string[];
}

interface CustomerFormModalProps {
  open: boolean;
  /** The customer to edit; without one the form creates a customer. */
  customer: TCustomer | null;
  onClose: () => void;
  onCreated?: (customer: TCustomer) => void;
}

const TEXT_FIELDS = ['industry', 'region', 'source', 'phone', 'email', 'address'] as const;

function toFormValues(c: TCustomer | null, me: string): Partial<CustomerFormValues> {
  if (!c) return { status: 'prospect', ownerId: me, tags: [] };
  const { name, ownerId, teamId, status, industry, region, source, phone, email, address, tags } = c;
  return { name, ownerId, teamId, status, industry, region, source, phone, email, address, tags };
}

/** Empty text is "not set" (null), so a cleared field clears the stored value. */
const orNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

export function CustomerFormModal({ open, customer, onClose, onCreated }: CustomerFormModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CustomerFormValues>();
  const showError = useShowError();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const { tiers } = useTiers();
  const { teams } = useTeamOptions();
  const [base, setBase] = useState<TCustomer | null>(customer);
  const [stale, setStale] = useState(false);
  // Reps own what they create and cannot reassign; managers and above pick the owner (empty: the pool).
  const assigns = user.role !== 'rep';

  useEffect(() => {
    if (!open) return;
    setBase(customer);
    setStale(false);
    form.resetFields();
    form.setFieldsValue(toFormValues(customer, user.id));
  }, [open, customer, form, user.id]);

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) setStale(true);
    showError(error, form);
  };

  const reload = async () => {
    if (!base) return;
    const fresh = await queryClient.fetchQuery({
      queryKey: customerKeys.detail(base.id),
      queryFn: () => api.get<TCustomer>(`/customers/${base.id}`),
      staleTime: 0,
    });
    setBase(fresh);
    setStale(false);
    form.setFieldsValue(toFormValues(fresh, user.id));
  };

  const onFinish = (v: CustomerFormValues) => {
    const text = Object.fromEntries(TEXT_FIELDS.map((key) => [key, orNull(v[key])])) as Record<(typeof TEXT_FIELDS)[number], string | null>;
    const common = { name: v.name.trim(), status: v.status, tags: v.tags ?? [], ...text };
    const people = assigns ? { ownerId: v.ownerId ?? null, teamId: v.teamId ?? null } : {};
    if (base) {
      update.mutate(
        { id: base.id, version: base.version, ...common, ...people },
        {
          onSuccess: () => {
            void message.success(t('customers.updated'));
            onClose();
          },
          onError,
        },
      );
    } else {
      const tier = v.tierId && canSetTier(user.role) ? { tierId: v.tierId } : {};
      create.mutate(
        { ...common, ...people, ...tier, teamId: assigns ? (v.teamId ?? undefined) : undefined },
        {
          onSuccess: (created) => {
            void message.success(t('customers.created'));
            onClose();
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
      title={base ? t('customers.editTitle') : t('customers.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ disabled: stale }}
      width={680}
      forceRender
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('errors.conflict')}
          action={
            <Button size="small" onClick={() => reload().catch(showError)}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<CustomerFormValues> name="customer" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Row gutter={16}>
          <Col xs={24} sm={base || !canSetTier(user.role) ? 24 : 16}>
            <Form.Item
              name="name"
              label={t('customers.name')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input autoComplete="off" maxLength={200} />
            </Form.Item>
          </Col>
          {!base && canSetTier(user.role) && (
            <Col xs={24} sm={8}>
              <Form.Item name="tierId" label={t('customers.tier')} extra={t('customers.tierDefault')}>
                <Select allowClear options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, i18n.language) }))} />
              </Form.Item>
            </Col>
          )}
          {assigns && (
            <>
              <Col {...half}>
                <Form.Item name="ownerId" label={t('customers.owner')} extra={t('customers.ownerEmptyIsPool')}>
                  <UserSelect placeholder={t('customers.inPool')} />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="teamId" label={t('customers.team')} extra={t('customers.teamDefault')}>
                  <Select
                    allowClear
                    showSearch={{ optionFilterProp: 'label' }}
                    options={teams.map((team) => ({ value: team.id, label: team.name }))}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col {...half}>
            <Form.Item name="status" label={t('customers.status')}>
              <Select options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: t(`customers.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('customers.industry')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="region" label={t('customers.region')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="source" label={t('customers.source')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('customers.phone')}>
              <Input inputMode="tel" maxLength={50} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="email" label={t('customers.email')} rules={[{ type: 'email', message: t('validation.email') }]}>
              <Input inputMode="email" maxLength={254} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('customers.address')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('customers.tags')}>
              <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} placeholder={t('customers.tagsHint')} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
