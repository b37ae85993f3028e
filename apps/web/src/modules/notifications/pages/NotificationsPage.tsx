import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { NotificationList } from '../components/NotificationList.tsx';
import { NotificationPreferences } from '../components/NotificationPreferences.tsx';
import { useMarkAllRead, useUnreadCount } from '../notifications.api.ts';

const TABS = ['all', 'unread', 'preferences'] as const;
type TabKey = (typeof TABS)[number];

/** 通知: everything I was told, the unread ones, and which kinds I want to be told. The tab is in the URL (?tab=preferences). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [{ tab }, setUrl] = useUrlFilters<{ tab?: string }>();
  const active: TabKey = TABS.includes(tab as TabKey) ? (tab as TabKey) : 'all';
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const count = unread.data ?? 0;

  const onMarkAll = () =>
    markAll.mutate(undefined, {
      onSuccess: () => void message.success(t('notifications.allMarkedRead')),
      onError: (e) => showError(e),
    });

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        extra={
          active !== 'preferences' && (
            <Button icon={<CheckOutlined />} disabled={count === 0} loading={markAll.isPending} onClick={onMarkAll}>
              {t('notifications.markAllRead')}
            </Button>
          )
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setUrl({ tab: key === 'all' ? undefined : key })}
          // Only the open tab asks the server; switching back shows the cached list at once.
          destroyOnHidden
          items={[
            { key: 'all', label: t('notifications.tabs.all'), children: <NotificationList unread={false} /> },
            {
              key: 'unread',
              label: count > 0 ? `${t('notifications.tabs.unread')} (${count})` : t('notifications.tabs.unread'),
              children: <NotificationList unread />,
            },
            { key: 'preferences', label: t('notifications.tabs.preferences'), children: <NotificationPreferences /> },
          ]}
        />
      </Card>
    </>
  );
}
