import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Drawer, Empty, Flex, Select, Table, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CursorTable } from '../../../shared/CursorTable.tsx';
import { errorText } from '../../../shared/errors.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { eventLabelKey } from '../eventTypes.ts';
import {
  DELIVERY_COLORS,
  DELIVERY_STATUSES,
  type TWebhook,
  type TWebhookAttempt,
  type TWebhookDelivery,
  type TWebhookDeliveryStatus,
  useDeliveries,
  useRedeliver,
} from '../webhooks.api.ts';

/** While something waits to be sent, the log refreshes itself. */
const REFRESH_MS = 5_000;

/** 投递记录: a subscription's deliveries, newest first; a row opens to its attempts and payload; redeliver any. */
export function DeliveryLogDrawer({ webhook, onClose }: { webhook: TWebhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer
      open={Boolean(webhook)}
      onClose={onClose}
      title={webhook ? t('webhooks.log.title', { url: webhook.url }) : ''}
      size={isPhone ? '100%' : 960}
      destroyOnHidden
    >
      {webhook && <DeliveryLog webhook={webhook} />}
    </Drawer>
  );
}

export function EventLabel({ type }: { type: string }) {
  const { t } = useTranslation();
  const key = eventLabelKey(type);
  return (
    <Flex vertical>
      <span>{key ? t(key) : type}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {type}
      </Typography.Text>
    </Flex>
  );
}

function DeliveryLog({ webhook }: { webhook: TWebhook }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [status, setStatus] = useState<TWebhookDeliveryStatus | undefined>();
  const list = useDeliveries(webhook.id, status);
  const redeliver = useRedeliver(webhook.id);
  const waiting = list.rows.some((d) => d.status === 'pending');
  const { refetch } = list;

  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void refetch(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, refetch]);

  const onRedeliver = (d: TWebhookDelivery) =>
    redeliver.mutate(d.id, {
      onSuccess: (after) => {
        const last = after.attempts.at(-1);
        if (last && !last.error) void message.success(t('webhooks.log.redelivered', { code: last.statusCode }));
        else void message.warning(t('webhooks.log.redeliverFailed', { error: last?.error ?? '' }));
      },
      onError: (error) => void message.error(errorText(error, t)),
    });

  const at = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '—');

  const columns: TableProps<TWebhookDelivery>['columns'] = [
    { key: 'createdAt', title: t('webhooks.log.createdAt'), dataIndex: 'createdAt', render: at },
    { key: 'event', title: t('webhooks.log.event'), dataIndex: 'eventType', render: (type: string) => <EventLabel type={type} /> },
    {
      key: 'status',
      title: t('webhooks.log.status'),
      dataIndex: 'status',
      render: (s: TWebhookDeliveryStatus) => <Tag color={DELIVERY_COLORS[s]}>{t(`webhooks.statuses.${s}`)}</Tag>,
    },
    { key: 'attempts', title: t('webhooks.log.attempts'), dataIndex: 'attemptCount', align: 'right' },
    {
      key: 'lastStatusCode',
      title: t('webhooks.log.lastStatusCode'),
      render: (_, d) =>
        d.lastStatusCode !== null ? (
          <Typography.Text type={d.lastStatusCode >= 200 && d.lastStatusCode < 300 ? 'success' : 'danger'}>
            {d.lastStatusCode}
          </Typography.Text>
        ) : d.lastError ? (
          <Typography.Text type="danger" ellipsis={{ tooltip: d.lastError }} style={{ maxWidth: 160 }}>
            {d.lastError}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    { key: 'nextAttemptAt', title: t('webhooks.log.nextAttemptAt'), dataIndex: 'nextAttemptAt', render: at },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, d) => (
        <Button
          size="small"
          icon={<SendOutlined />}
          loading={redeliver.isPending && redeliver.variables === d.id}
          onClick={() => onRedeliver(d)}
        >
          {t('webhooks.log.redeliver')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Flex wrap gap={12} justify="space-between" style={{ marginBottom: 16 }}>
        <Select<TWebhookDeliveryStatus>
          allowClear
          aria-label={t('webhooks.log.status')}
          placeholder={t('webhooks.log.allStatuses')}
          style={{ width: 180 }}
          value={status}
          options={DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.statuses.${s}`) }))}
          onChange={setStatus}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isRefetching}>
          {t('webhooks.log.refresh')}
        </Button>
      </Flex>
      <CursorTable<TWebhookDelivery>
        list={list}
        columns={columns}
        size="small"
        locale={{ emptyText: <Empty description={t('webhooks.log.empty')} /> }}
        expandable={{ expandedRowRender: (d) => <DeliveryDetail delivery={d} /> }}
      />
    </>
  );
}

/** A delivery opened: its event id, every attempt (time, status code, duration, error, manual or not) and the payload. */
function DeliveryDetail({ delivery }: { delivery: TWebhookDelivery }) {
  const { t, i18n } = useTranslation();
  const columns: TableProps<TWebhookAttempt>['columns'] = [
    { key: 'at', title: t('webhooks.log.attemptAt'), dataIndex: 'at', render: (iso: string) => formatDateTime(iso, i18n.language) },
    {
      key: 'statusCode',
      title: t('webhooks.log.statusCode'),
      dataIndex: 'statusCode',
      render: (code: number | null) => (code === null ? '—' : code),
    },
    {
      key: 'duration',
      title: t('webhooks.log.duration'),
      dataIndex: 'durationMs',
      render: (ms: number | null) => (ms === null ? '—' : t('webhooks.log.durationMs', { ms })),
    },
    {
      key: 'error',
      title: t('webhooks.log.error'),
      dataIndex: 'error',
      render: (error: string | null) => (error ? <Typography.Text type="danger">{error}</Typography.Text> : '—'),
    },
    {
      key: 'manual',
      title: '',
      dataIndex: 'manual',
      render: (manual: boolean) => <Tag>{manual ? t('webhooks.log.manual') : t('webhooks.log.automatic')}</Tag>,
    },
  ];
  return (
    // A definite width: the tables inside (width 100%) would otherwise grow the log's max-content table without bound.
    <Flex vertical gap={12} data-testid="delivery-detail" style={{ width: 'min(880px, calc(100vw - 96px))' }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('webhooks.log.eventId')}>
          <Typography.Text code copyable>
            {delivery.eventId}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Table<TWebhookAttempt>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={delivery.attempts}
        pagination={false}
        locale={{ emptyText: t('webhooks.log.noAttempts') }}
      />
      <div>
        <Typography.Text type="secondary">{t('webhooks.log.payload')}</Typography.Text>
        <pre
          style={{
            maxHeight: 240,
            overflow: 'auto',
            margin: '4px 0 0',
            padding: 8,
            background: 'rgba(0,0,0,0.03)',
            fontSize: 12,
            // Wrapped, so a long line never widens the log's table past the drawer.
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
          }}
        >
          {JSON.stringify(delivery.payload, null, 2)}
        </pre>
      </div>
    </Flex>
  );
}
