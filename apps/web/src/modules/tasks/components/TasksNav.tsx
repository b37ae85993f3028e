import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { isPlanner } from '../plans.api.ts';

const VIEWS = [
  { path: '/activities', key: 'myDay' },
  { path: '/activities/calendar', key: 'calendar' },
  { path: '/activities/plans', key: 'plans' },
] as const;

/** The follow-up section's views: my day, the calendar and, for those who design them, the follow-up plans. */
export function TasksNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const views = VIEWS.filter((v) => v.key !== 'plans' || isPlanner(user.role));
  const current = views.find((v) => v.path === pathname.replace(/\/$/, ''))?.path ?? VIEWS[0].path;
  return (
    <Segmented
      value={current}
      onChange={(path) => navigate(path)}
      options={views.map((v) => ({ value: v.path, label: t(`tasks.nav.${v.key}`) }))}
      aria-label={t('tasks.nav.label')}
      data-testid="tasks-nav"
      style={{ marginBottom: 16 }}
    />
  );
}
