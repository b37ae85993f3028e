import { Checkbox, Flex, Form, Input, Modal, Radio, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api.ts';
import { useShowError } from '../../../shared/errors.ts';
import { eventGroups, eventLabelKey } from '../eventTypes.ts';
import {
  type TWebhook,
  type TWebhookEventType,
  type TWebhookWithSecret,
  useCreateWebhook,
  useUpdateWebhook,
  type WebhookInput,
} from '../webhooks.api.ts';

type FormValues = { url: string; description?: string; scope: 'all' | 'some'; eventTypes: TWebhookEventType[]; active: boolean };

/**
 * Create or edit a subscription: URL, description, events (all, or picked by record type) and the active switch.
 * A created subscription goes to `onCreated` with its secret, which the page shows once.
 */
export function WebhookFormModal({
  open,
  webhook,
  onClose,
  onCreated,
}: {
  open: boolean;
  webhook: TWebhook | null;
  onClose: () => void;
  onCreated: (created: TWebhookWithSecret) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const showError = useShowError();
  const scope = Form.useWatch('scope', form);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      webhook
        ? {
            url: webhook.url,
            description: webhook.description ?? '',
            scope: webhook.eventTypes.length ? 'some' : 'all',
            eventTypes: webhook.eventTypes as TWebhookEventType[],
            active: webhook.active,
          }
        : { url: '', description: '', scope: 'all', eventTypes: [], active: true },
    );
  }, [open, webhook, form]);

  const onError = (error: unknown) => {
    // The server names the refused address in English; say the rest in the reader's language.
    if (isApiError(error, 422) && error.code === 'webhook_target_refused') {
      const reason = error.problem.errors?.[0]?.message ?? '';
      form.setFields([{ name: 'url', errors: [t('webhooks.form.targetRefused', { reason })] }]);
      return;
    }
    showError(error, form);
  };

  const onFinish = (values: FormValues) => {
    const input: WebhookInput = {
      url: values.url.trim(),
      description: values.description?.trim() || null,
      eventTypes: values.scope === 'all' ? [] : values.eventTypes,
      active: values.active,
    };
    if (webhook) update.mutate({ id: webhook.id, version: webhook.version, ...input }, { onSuccess: onClose, onError });
    else
      create.mutate(input, {
        onSuccess: (created) => {
          onCreated(created);
          onClose();
        },
        onError,
      });
  };

  return (
    <Modal
      open={open}
      title={webhook ? t('webhooks.form.editTitle') : t('webhooks.form.createTitle')}
      okText={webhook ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      afterClose={() => form.resetFields()}
      width={640}
      forceRender
    >
      <Form<FormValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: /^https?:\/\/\S+$/i, message: t('webhooks.form.urlInvalid') },
          ]}
        >
          <Input placeholder={t('webhooks.form.urlPlaceholder')} autoComplete="off" inputMode="url" />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input placeholder={t('webhooks.form.descriptionPlaceholder')} maxLength={500} />
        </Form.Item>
        <Form.Item name="scope" label={t('webhooks.events')}>
          <Radio.Group
            options={[
              { value: 'all', label: t('webhooks.allEvents') },
              { value: 'some', label: t('webhooks.someEvents') },
            ]}
          />
        </Form.Item>
        {scope === 'all' ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
            {t('webhooks.allEventsHint')}
          </Typography.Paragraph>
        ) : (
          <Form.Item
            name="eventTypes"
            rules={[{ type: 'array', min: 1, message: t('webhooks.form.pickEvents') }]}
            style={{ marginTop: -8 }}
          >
            <Checkbox.Group style={{ width: '100%' }}>
              <Flex vertical gap={12} style={{ width: '100%' }}>
                {eventGroups().map((group) => (
                  <div key={group.entity} data-testid={`event-group-${group.entity}`}>
                    <Typography.Text strong>{t(`webhooks.groups.${group.entity}`)}</Typography.Text>
                    <Flex wrap gap={8} style={{ marginTop: 4 }}>
                      {group.types.map((type) => (
                        <Checkbox key={type} value={type}>
                          {t(eventLabelKey(type) ?? 'webhooks.eventTypes.webhook.test')}{' '}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {type}
                          </Typography.Text>
                        </Checkbox>
                      ))}
                    </Flex>
                  </div>
                ))}
              </Flex>
            </Checkbox.Group>
          </Form.Item>
        )}
        <Form.Item name="active" label={t('webhooks.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
