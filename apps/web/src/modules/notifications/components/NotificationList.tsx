import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useMarkRead, useNotificationList } from '../notifications.api.ts';
import { useNotificationWording } from '../useNotificationWording.ts';
import { useNow } from '../useNow.ts';
import { useOpenNotification } from '../useOpenNotification.ts';
import { NotificationItem } from './NotificationItem.tsx';

/** All my notifications, or only the unread ones, newest first, a page at a time. */
export function NotificationList({ unread }: { unread: boolean }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const list = useNotificationList(unread);
  const markRead = useMarkRead();
  const words = useNotificationWording();
  const now = useNow();
  const open = useOpenNotification();

  if (list.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={list.refetch} />;
  if (list.rows.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(unread ? 'notifications.emptyUnread' : 'notifications.empty')} />;
  return (
    <div data-testid="notification-list">
      {list.rows.map((n) => (
        <NotificationItem
          key={n.id}
          notification={n}
          words={words(n)}
          now={now}
          onOpen={open}
          onMarkRead={(item) => markRead.mutate(item.id, { onError: (e) => showError(e) })}
        />
      ))}
      <LoadMore
        count={list.rows.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </div>
  );
}
