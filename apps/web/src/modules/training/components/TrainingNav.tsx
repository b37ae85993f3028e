import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { trainingNavFor, trainingNavKeyOf } from '../access.ts';

/** The tab bar across the training pages; each tab is a page of its own (a link, so Back and reload work). */
export function TrainingNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = trainingNavFor(user.role);
  return (
    <nav aria-label={t('training.nav.label')} data-testid="training-nav">
      <Tabs
        activeKey={trainingNavKeyOf(pathname)}
        onChange={(key) => {
          const item = items.find((i) => i.key === key);
          if (item) navigate(item.path);
        }}
        items={items.map((item) => ({ key: item.key, label: t(`training.nav.${item.key}`) }))}
        style={{ marginBottom: 8 }}
      />
    </nav>
  );
}
