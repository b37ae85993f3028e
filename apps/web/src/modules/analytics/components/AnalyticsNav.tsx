import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { ANALYTICS_NAV, analyticsNavKeyOf } from '../access.ts';

/** The tab bar across the analytics pages; each tab is a page (a link, so Back and reload work). */
export function AnalyticsNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return (
    <nav aria-label={t('analytics.nav.label')} data-testid="analytics-nav">
      <Tabs
        activeKey={analyticsNavKeyOf(pathname)}
        onChange={(key) => {
          const item = ANALYTICS_NAV.find((i) => i.key === key);
          // The window and filters travel with the tab: the same period on the next page.
          if (item) navigate(`${item.path}${search}`);
        }}
        items={ANALYTICS_NAV.map((item) => ({ key: item.key, label: t(`analytics.nav.${item.key}`) }))}
        style={{ marginBottom: 8 }}
      />
    </nav>
  );
}
