import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { navItemsFor, navKeyOf } from '../access.ts';

/** The tab bar across the performance pages; each tab is a page of its own (a link, so Back and reload work). */
export function PerformanceNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = navItemsFor(user.role);
  const active = navKeyOf(pathname);
  return (
    <nav aria-label={t('performance.nav.label')} data-testid="performance-nav">
      <Tabs
        activeKey={active}
        onChange={(key) => {
          const item = items.find((i) => i.key === key);
          if (item) navigate(item.path);
        }}
        items={items.map((item) => ({ key: item.key, label: t(`performance.nav.${item.key}`) }))}
        style={{ marginBottom: 8 }}
      />
    </nav>
  );
}
