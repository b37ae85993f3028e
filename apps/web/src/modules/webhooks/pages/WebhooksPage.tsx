import { DeleteOutlined, DownOutlined, EditOutlined, HistoryOutlined, KeyOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Dropdown, Empty, Flex, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { DeliveryLogDrawer } from '../components/DeliveryLogDrawer.tsx';
import { WebhookFormModal } from '../components/WebhookFormModal.tsx';
import { eventLabelKey } from '../eventTypes.ts';
import {
  DELIVERY_COLORS,
  type TWebhook,
  type TWebhookListItem,
  type TWebhookWithSecret,
  useDeleteWebhook,
  useRotateSecret,
  useSendTest,
  useUpdateWebhook,
  useWebhooks,
} from '../webhooks.api.ts';

type Editing = { webhook: TWebhook | null } | null;

/**
 * 系统管理 → Webhook: the organisation's subscriptions to domain events and how each one's latest delivery went.
 * Create and edit them, switch them on and off, send a test event, rotate the signing secret (shown once, like
 * the one a new subscription gets) and open each one's delivery log.
 */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const remove = useDeleteWebhook();
  const rotate = useRotateSecret();
  const sendTest = useSendTest();
  const [editing, setEditing] = useState<Editing>(null);
  const [revealed, setRevealed] = useState<TWebhookWithSecret | null>(null);
  const [logOf, setLogOf] = useState<TWebhook | null>(null);

  const eventLabel = (type: string) => {
    const key = eventLabelKey(type);
    return key ? t(key) : type;
  };

  const onTest = (w: TWebhook) =>
    sendTest.mutate(w.id, {
      onSuccess: () => {
        void message.success(t('webhooks.testQueued'));
        setLogOf(w);
      },
      onError: (error) => showError(error),
    });

  const setActive = (w: TWebhook, active: boolean) =>
    update.mutate(
      { id: w.id, version: w.version, active },
      { onSuccess: () => void message.success(t('webhooks.saved')), onError: (error) => showError(error) },
    );

  const confirmRotate = (w: TWebhook) =>
    void modal.confirm({
      title: t('webhooks.rotateConfirm'),
      content: t('webhooks.rotateConfirmText'),
      okText: t('webhooks.actions.rotate'),
      cancelText: t('common.cancel'),
      onOk: () => rotate.mutateAsync(w.id).then(setRevealed, (error: unknown) => showError(error)),
    });

  const confirmDelete = (w: TWebhook) =>
    void modal.confirm({
      title: t('webhooks.deleteConfirm'),
      content: t('webhooks.deleteConfirmText'),
      okText: t('webhooks.actions.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(w).then(
          () => {
            void message.success(t('webhooks.deleted'));
            if (revealed?.id === w.id) setRevealed(null);
          },
          (error: unknown) => showError(error),
        ),
    });

  const columns: TableProps<TWebhookListItem>['columns'] = [
    {
      key: 'url',
      title: t('webhooks.url'),
      render: (_, w) => (
        <Flex vertical style={{ maxWidth: 360 }}>
          <Typography.Text code ellipsis={{ tooltip: w.url }}>
            {w.url}
          </Typography.Text>
          {w.description && <Typography.Text type="secondary">{w.description}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: 'events',
      title: t('webhooks.events'),
      render: (_, w) =>
        w.eventTypes.length === 0 ? (
          <Tooltip title={t('webhooks.allEventsHint')}>
            <Tag color="blue">{t('webhooks.allEvents')}</Tag>
          </Tooltip>
        ) : (
          <Flex wrap gap={4} style={{ maxWidth: 300 }}>
            {w.eventTypes.map((type) => (
              <Tooltip key={type} title={type}>
                <Tag style={{ marginInlineEnd: 0 }}>{eventLabel(type)}</Tag>
              </Tooltip>
            ))}
          </Flex>
        ),
    },
    {
      key: 'status',
      title: t('webhooks.status'),
      render: (_, w) => (
        <Tooltip title={w.active ? t('common.inactive') : t('common.active')}>
          <Tag
            color={w.active ? 'success' : 'default'}
            style={{ cursor: 'pointer' }}
            onClick={() => setActive(w, !w.active)}
            data-testid={`webhook-active-${w.id}`}
          >
            {w.active ? t('common.active') : t('common.inactive')}
          </Tag>
        </Tooltip>
      ),
    },
    {
      key: 'lastDelivery',
      title: t('webhooks.lastDelivery'),
      render: (_, w) => {
        const last = w.lastDelivery;
        if (!last) return <Typography.Text type="secondary">{t('webhooks.noDelivery')}</Typography.Text>;
        return (
          <Flex vertical gap={2}>
            <Space size={4}>
              <Tag color={DELIVERY_COLORS[last.status]} style={{ marginInlineEnd: 0 }}>
                {t(`webhooks.statuses.${last.status}`)}
              </Tag>
              {last.lastStatusCode !== null && <Typography.Text type="secondary">HTTP {last.lastStatusCode}</Typography.Text>}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {eventLabel(last.eventType)} · {formatDateTime(last.lastAttemptAt ?? last.createdAt, i18n.language)}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, w) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<HistoryOutlined />} onClick={() => setLogOf(w)}>
            {t('webhooks.actions.log')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<SendOutlined />}
            loading={sendTest.isPending && sendTest.variables === w.id}
            onClick={() => onTest(w)}
          >
            {t('webhooks.actions.test')}
          </Button>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ webhook: w })}>
            {t('webhooks.actions.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'rotate', icon: <KeyOutlined />, label: t('webhooks.actions.rotate'), onClick: () => confirmRotate(w) },
                {
                  key: 'delete',
                  icon: <DeleteOutlined />,
                  danger: true,
                  label: t('webhooks.actions.delete'),
                  onClick: () => confirmDelete(w),
                },
              ],
            }}
          >
            <Button type="link" size="small">
              {t('webhooks.actions.more')} <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ webhook: null })}>
            {t('webhooks.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
      {revealed && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setRevealed(null) }}
          style={{ marginBottom: 16 }}
          title={t('webhooks.secret.title')}
          data-testid="webhook-secret"
          description={
            <Flex vertical gap={4}>
              <span>{t('webhooks.secret.text')}</span>
              <Typography.Text type="secondary">{t('webhooks.secret.for', { url: revealed.url })}</Typography.Text>
              <Typography.Paragraph
                code
                copyable={{ text: revealed.secret, tooltips: [t('common.copy'), t('common.copied')] }}
                style={{ wordBreak: 'break-all', fontSize: 15, margin: 0 }}
              >
                {revealed.secret}
              </Typography.Paragraph>
            </Flex>
          }
        />
      )}
      <Card>
        {webhooks.isError && !webhooks.data ? (
          <LoadError error={webhooks.error} onRetry={webhooks.refetch} />
        ) : (
          <Table<TWebhookListItem>
            rowKey="id"
            columns={columns}
            dataSource={webhooks.data?.data ?? []}
            loading={webhooks.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            size="middle"
            locale={{ emptyText: <Empty description={t('webhooks.empty')} /> }}
          />
        )}
      </Card>
      <WebhookFormModal
        open={Boolean(editing)}
        webhook={editing?.webhook ?? null}
        onClose={() => setEditing(null)}
        onCreated={(created) => {
          void message.success(t('webhooks.created'));
          setRevealed(created);
        }}
      />
      <DeliveryLogDrawer webhook={logOf} onClose={() => setLogOf(null)} />
    </>
  );
}
