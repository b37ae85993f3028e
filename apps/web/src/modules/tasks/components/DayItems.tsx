import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCustomersById } from '../../customers/customers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import type { CalendarItem } from '../calendarItems.ts';
import { KindDot } from './KindDot.tsx';
import { TaskList } from './TaskList.tsx';
import type { TaskActions } from './useTaskActions.tsx';
import { VisitLine } from './VisitLine.tsx';

interface DayItemsProps {
  items: readonly CalendarItem[];
  now: Date;
  timeZone: string;
  actions?: TaskActions;
  /** Team calendar: name whose task or visit each one is. */
  showPeople: boolean;
}

/** Everything on one calendar day: its tasks (with their actions) and the visits made. */
export function DayItems({ items, now, timeZone, actions, showPeople }: DayItemsProps) {
  const { t } = useTranslation();
  const visits = items.flatMap((i) => (i.type === 'visit' ? [i.activity] : []));
  const tasks = items.flatMap((i) => (i.type === 'task' ? [i.task] : []));
  const customers = useCustomersById(visits.map((v) => v.customerId));
  const owners = useUsersById(showPeople ? visits.map((v) => v.ownerId) : []);

  if (items.length === 0) return <Typography.Text type="secondary">{t('tasks.calendar.empty')}</Typography.Text>;
  return (
    <div data-testid="day-items">
      {tasks.length > 0 && (
        <TaskList
          tasks={tasks}
          now={now}
          timeZone={timeZone}
          actions={actions}
          showAssignee={showPeople}
          empty=""
          continued={visits.length > 0}
        />
      )}
      {visits.map((v, i) => (
        <VisitLine
          key={v.id}
          divider={i < visits.length - 1}
          visit={v}
          customerName={v.customerId ? customers.get(v.customerId)?.name : undefined}
          ownerName={showPeople ? owners.get(v.ownerId)?.name : undefined}
          timeZone={timeZone}
        />
      ))}
    </div>
  );
}

/** The kinds and their colours, under the calendar. */
export function KindLegend() {
  const { t } = useTranslation();
  const kinds = ['call', 'email', 'visit', 'meeting', 'note', 'other'] as const;
  return (
    <Flex wrap gap={12} align="center" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('tasks.calendar.legend')}</Typography.Text>
      {kinds.map((k) => (
        <KindDot key={k} kind={k} text={t(`tasks.kinds.${k}`)} />
      ))}
    </Flex>
  );
}
