import type { TActivity, TTask } from '@tierline/contracts';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomersById } from '../../customers/customers.api.ts';
import { TaskList } from './TaskList.tsx';
import type { TaskActions } from './useTaskActions.tsx';
import { VisitLine } from './VisitLine.tsx';

interface VisitsCardProps {
  /** Open visit tasks: the visits planned for today. */
  planned: readonly TTask[];
  /** Visits already logged today. */
  done: readonly TActivity[];
  now: Date;
  timeZone: string;
  actions?: TaskActions;
  loading: boolean;
}

/** 今日拜访: the visits planned for today (visit tasks) and those already made (visit activities). */
export function VisitsCard({ planned, done, now, timeZone, actions, loading }: VisitsCardProps) {
  const { t } = useTranslation();
  const customers = useCustomersById(done.map((a) => a.customerId));
  const empty = planned.length === 0 && done.length === 0;

  return (
    <Card title={t('tasks.myDay.visits')} size="small" loading={loading} data-testid="visits-card">
      {empty && <Typography.Text type="secondary">{t('tasks.myDay.emptyVisits')}</Typography.Text>}
      {/* Today's visits already made come first: they happened before anything still planned. */}
      {done.map((a, i) => (
        <VisitLine
          key={a.id}
          visit={a}
          customerName={a.customerId ? customers.get(a.customerId)?.name : undefined}
          timeZone={timeZone}
          divider={i < done.length - 1 || planned.length > 0}
        />
      ))}
      {planned.length > 0 && <TaskList tasks={planned} now={now} timeZone={timeZone} actions={actions} groupByDay compact empty="" />}
    </Card>
  );
}
