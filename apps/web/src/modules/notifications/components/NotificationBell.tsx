import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Empty, Flex, Popover, Spin, Typography, theme } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useLatestNotifications, useMarkAllRead, useUnreadCount } from '../notifications.api.ts';
import { useNotificationWording } from '../useNotificationWording.ts';
import { useNow } from '../useNow.ts';
import { useOpenNotification } from '../useOpenNotification.ts';
import { NotificationItem } from './NotificationItem.tsx';

/**
 * The header's bell: the unread count, and the newest notifications one click away — in a dropdown on a
 * desktop, in a full-width drawer on a phone (a dropdown anchored to the bell would run off the screen).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [open, setOpen] = useState(false);
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  const close = useCallback(() => setOpen(false), []);
  const button = (
    <Button
      type="text"
      aria-label={label}
      data-testid="notification-bell"
      onClick={isPhone ? () => setOpen(true) : undefined}
      style={{ height: 40, paddingInline: 8 }}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (isPhone)
    return (
      <>
        {button}
        <Drawer
          open={open}
          onClose={close}
          placement="right"
          size="100%"
          title={t('notifications.title')}
          extra={<MarkAllReadButton count={count} />}
          destroyOnHidden
          styles={{ body: { padding: 0 } }}
        >
          <BellPanel onClose={close} count={count} withHeader={false} />
        </Drawer>
      </>
    );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      arrow={false}
      open={open}
      onOpenChange={setOpen}
      // Rendered only while open: the dropdown asks for the newest each time it opens, never in the background.
      destroyOnHidden
      content={<BellPanel onClose={close} count={count} withHeader />}
      styles={{ container: { padding: 0, width: 380 } }}
    >
      {button}
    </Popover>
  );
}

function MarkAllReadButton({ count }: { count: number }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const markAll = useMarkAllRead();
  return (
    <Button
      type="link"
      size="small"
      disabled={count === 0}
      loading={markAll.isPending}
      onClick={() => markAll.mutate(undefined, { onError: (e) => showError(e) })}
      style={{ paddingInline: 0 }}
    >
      {t('notifications.markAllRead')}
    </Button>
  );
}

function BellPanel({ onClose, count, withHeader }: { onClose: () => void; count: number; withHeader: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const latest = useLatestNotifications(true);
  const words = useNotificationWording();
  const now = useNow();
  const open = useOpenNotification(onClose);
  const viewAll = useCallback(() => {
    onClose();
    navigate('/notifications');
  }, [navigate, onClose]);
  const rows = latest.data?.data ?? [];

  return (
    <div data-testid="notification-panel">
      {withHeader && (
        <Flex
          justify="space-between"
          align="center"
          style={{ padding: '10px 12px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <Typography.Text strong>{t('notifications.title')}</Typography.Text>
          <MarkAllReadButton count={count} />
        </Flex>
      )}
      <div style={{ maxHeight: withHeader ? 'min(420px, 60vh)' : undefined, overflowY: 'auto' }}>
        {latest.isPending ? (
          <Spin style={{ display: 'block', padding: 24 }} />
        ) : rows.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ padding: 16 }} />
        ) : (
          rows.map((n) => <NotificationItem key={n.id} notification={n} words={words(n)} now={now} onOpen={open} />)
        )}
      </div>
      <Button type="link" block onClick={viewAll} style={{ height: 40 }}>
        {t('notifications.viewAll')}
      </Button>
    </div>
  );
}
