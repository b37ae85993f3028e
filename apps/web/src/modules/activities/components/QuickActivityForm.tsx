import type { TActivity } from '@tierline/contracts';
import { Alert, App, Col, Form, Input, InputNumber, Modal, Row, Segmented, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLogActivity } from '../activities.api.ts';
import {
  ACTIVITY_KINDS,
  ACTIVITY_OUTCOMES,
  type ActivityFormField,
  type ActivityFormValues,
  type ActivityTarget,
  buildActivityCreate,
  type GeoFix,
  initialActivityValues,
  isTooFarAhead,
  placeActivityErrors,
  toLocalInput,
} from '../activityRequest.ts';
import { CheckInField } from './CheckInField.tsx';
import { ACTIVITY_STYLE } from './eventStyle.tsx';
import { useActivityTarget } from './useActivityTarget.ts';

export interface QuickActivityFormProps extends ActivityTarget {
  open: boolean;
  onClose: () => void;
  /** Values to start from, e.g. a task's kind and title when completing it logs its activity. */
  preset?: Partial<Pick<ActivityFormValues, 'kind' | 'subject' | 'notes' | 'outcome' | 'contactId'>>;
  onLogged?: (activity: TActivity) => void;
}

/**
 * 记录跟进: log a call, email, visit, meeting or note on a customer (optionally its contact and deal), a deal
 * (its customer is found) or a lead. Other pages (my day, tasks) open it with the record preset.
 */
export function QuickActivityForm({ open, onClose, customerId, dealId, leadId, preset, onLogged }: QuickActivityFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const showError = useShowError();
  const [form] = Form.useForm<ActivityFormValues>();
  const [geo, setGeo] = useState<GeoFix | null>(null);
  const [openedAt, setOpenedAt] = useState('');
  const log = useLogActivity();
  const target = useActivityTarget({ customerId, dealId, leadId }, open);
  const kind = Form.useWatch('kind', form);
  const onLead = Boolean(leadId);
  // The preset is read when the form opens: a new object on each render of the caller must not reset it.
  const presetRef = useRef(preset);
  presetRef.current = preset;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const initial = initialActivityValues(new Date(), presetRef.current);
    form.setFieldsValue(initial);
    setOpenedAt(initial.occurredAt);
    setGeo(null);
  }, [open, form]);

  const onError = (error: unknown) => {
    // A customer shared read-only, or in the pool for a rep: the server's reason is English prose.
    if (isApiError(error, 403)) return void message.error(t('activities.form.forbidden'));
    const fieldErrors = isApiError(error) ? (error.problem.errors ?? []) : [];
    if (!fieldErrors.length) return showError(error);
    const placed = placeActivityErrors(fieldErrors);
    const words = (p: (typeof placed)[number]) => (p.key ? t(`activities.form.errors.${p.key}`) : p.message);
    const byField = new Map<ActivityFormField, string[]>();
    for (const p of placed) if (p.field) byField.set(p.field, [...(byField.get(p.field) ?? []), words(p)]);
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    const elsewhere = placed.filter((p) => !p.field).map(words);
    void message.error(elsewhere.length ? elsewhere.join('；') : t('activities.form.invalid'));
  };

  const onFinish = (values: ActivityFormValues) =>
    log.mutate(buildActivityCreate(values, { customerId: target.customerId, dealId, leadId }, { geo, defaultOccurredAt: openedAt }), {
      onSuccess: (activity) => {
        const movedContact = activity.isContact && activity.customerId !== null;
        void message.success(t(movedContact ? 'activities.form.loggedContact' : 'activities.form.logged'));
        onLogged?.(activity);
        onClose();
      },
      onError,
    });

  const half = { xs: 24, sm: 12 };
  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={
        // Its own line for the record's name: a long company name must not run under the close button.
        <div style={{ paddingInlineEnd: 24 }}>
          {t('activities.form.title')}
          {target.name && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontWeight: 'normal', fontSize: 13 }}>
              {target.name}
            </Typography.Text>
          )}
        </div>
      }
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: target.noCustomer }}
      confirmLoading={log.isPending}
      width={640}
      forceRender
      data-testid="quick-activity-form"
    >
      {target.noCustomer && <Alert type="warning" showIcon title={t('activities.form.noCustomer')} style={{ marginBottom: 16 }} />}
      <Form<ActivityFormValues> name="activity" form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="kind" label={t('activities.form.kind')}>
          <Segmented
            block
            options={ACTIVITY_KINDS.map((k) => ({
              value: k,
              label: t(`activities.kinds.${k}`),
              // Five labels and five icons do not fit a phone's width.
              icon: isPhone ? undefined : ACTIVITY_STYLE[k].icon,
            }))}
          />
        </Form.Item>
        <Form.Item name="subject" label={t('activities.form.subject')} rules={[{ ...required, whitespace: true }]}>
          <Input maxLength={200} autoComplete="off" placeholder={t('activities.form.subjectPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item
              name="occurredAt"
              label={t('activities.form.occurredAt')}
              rules={[
                required,
                {
                  validator: (_, value: string) =>
                    isTooFarAhead(value, new Date()) ? Promise.reject(new Error(t('activities.form.notInFuture'))) : Promise.resolve(),
                },
              ]}
            >
              <Input type="datetime-local" max={toLocalInput(new Date())} />
            </Form.Item>
          </Col>
          {/* Duration and outcome are short: side by side even on a phone. */}
          <Col xs={12} sm={12}>
            <Form.Item name="durationMinutes" label={t('activities.form.duration')}>
              <InputNumber min={0} max={1440} precision={0} suffix={t('activities.form.minutes')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {kind !== 'note' && (
            <Col xs={12} sm={12}>
              <Form.Item name="outcome" label={t('activities.form.outcome')}>
                <Select allowClear options={ACTIVITY_OUTCOMES.map((o) => ({ value: o, label: t(`activities.outcomes.${o}`) }))} />
              </Form.Item>
            </Col>
          )}
          {!onLead && (
            <Col {...half}>
              <Form.Item name="contactId" label={t('activities.form.contact')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={target.contactsLoading}
                  placeholder={t('activities.form.contactPlaceholder')}
                  notFoundContent={t('activities.form.noContacts')}
                  options={target.contactOptions.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
                />
              </Form.Item>
            </Col>
          )}
          {!onLead && !dealId && (
            <Col {...half}>
              <Form.Item name="dealId" label={t('activities.form.deal')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={target.dealsLoading}
                  placeholder={t('activities.form.dealPlaceholder')}
                  options={target.dealOptions.map((d) => ({ value: d.id, label: d.name }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        {kind === 'visit' && <CheckInField geo={geo} onGeo={setGeo} />}
        <Form.Item name="notes" label={t('activities.form.notes')}>
          <Input.TextArea rows={3} maxLength={10_000} placeholder={t('activities.form.notesPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
