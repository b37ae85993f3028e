import {
  ClockCircleOutlined,
  CustomerServiceOutlined,
  ExclamationCircleOutlined,
  FormOutlined,
  InboxOutlined,
  ReadOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  TrophyOutlined,
  UserAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import type { TNotification, TNotificationKind } from '@tierline/contracts';
import { Badge, Button, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/format.ts';
import { relativeTime } from '../notificationText.ts';
import type { NotificationWords } from '../useNotificationWording.ts';

/** An icon and colour per kind, so the urgent ones (overdue, SLA) stand out in a long list. */
const KIND_LOOK: Record<TNotificationKind, { icon: ReactNode; color: string }> = {
  assignment: { icon: <UserAddOutlined />, color: '#1f5fbf' },
  task_due: { icon: <ClockCircleOutlined />, color: '#d48806' },
  task_overdue: { icon: <ExclamationCircleOutlined />, color: '#cf1322' },
  pool_warning: { icon: <WarningOutlined />, color: '#d46b08' },
  pool_reclaim: { icon: <InboxOutlined />, color: '#8c8c8c' },
  tier_change: { icon: <RiseOutlined />, color: '#722ed1' },
  service_sla: { icon: <CustomerServiceOutlined />, color: '#cf1322' },
  level_recommendation: { icon: <TrophyOutlined />, color: '#08979c' },
  level_changed: { icon: <TrophyOutlined />, color: '#389e0d' },
  review_submitted: { icon: <FormOutlined />, color: '#1f5fbf' },
  training_assigned: { icon: <ReadOutlined />, color: '#1f5fbf' },
  training_due_soon: { icon: <ReadOutlined />, color: '#d48806' },
  training_overdue: { icon: <ReadOutlined />, color: '#cf1322' },
  certification_expiring: { icon: <SafetyCertificateOutlined />, color: '#d46b08' },
};

interface NotificationItemProps {
  notification: TNotification;
  words: NotificationWords;
  now: Date;
  onOpen: (n: TNotification) => void;
  /** The page offers "mark read" on each unread row; the bell marks read by opening. */
  onMarkRead?: (n: TNotification) => void;
}

/** One notification: what happened in the reader's words, how long ago, and a dot while unread. */
export function NotificationItem({ notification: n, words, now, onOpen, onMarkRead }: NotificationItemProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const unread = n.readAt === null;
  const look = KIND_LOOK[n.kind] ?? KIND_LOOK.assignment;
  return (
    <Flex
      align="flex-start"
      gap={4}
      data-testid="notification-item"
      data-unread={unread}
      style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, background: unread ? token.colorPrimaryBg : undefined }}
    >
      <button
        type="button"
        onClick={() => onOpen(n)}
        style={{
          all: 'unset',
          boxSizing: 'border-box',
          cursor: 'pointer',
          flex: 1,
          minWidth: 0,
          padding: '10px 12px',
          display: 'flex',
          gap: 10,
          alignItems: 'flex-start',
        }}
      >
        <span style={{ color: look.color, fontSize: 18, lineHeight: '22px' }} aria-hidden>
          {look.icon}
        </span>
        <span style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong={unread} style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {words.message}
          </Typography.Text>
          {words.detail && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {words.detail}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatDateTime(n.createdAt, i18n.language)}>
            {t(`notifications.kinds.${n.kind}`)} · {relativeTime(n.createdAt, now, i18n.language)}
          </Typography.Text>
        </span>
      </button>
      <Flex vertical align="flex-end" gap={4} style={{ padding: '12px 12px 0 0' }}>
        {unread && <Badge status="processing" aria-label={t('notifications.unread')} />}
        {unread && onMarkRead && (
          <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => onMarkRead(n)}>
            {t('notifications.markRead')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}
