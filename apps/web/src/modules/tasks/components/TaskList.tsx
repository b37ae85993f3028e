import type { TTask } from '@tierline/contracts';
import { Typography } from 'antd';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomersById } from '../../customers/customers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { dayKey, formatDay } from '../taskDates.ts';
import { useDealsById } from '../tasks.api.ts';
import { TaskRow } from './TaskRow.tsx';
import type { TaskActions } from './useTaskActions.tsx';

interface TaskListProps {
  tasks: readonly TTask[];
  now: Date;
  timeZone: string;
  actions?: TaskActions;
  /** Put a day heading above each day's tasks (the next 7 days). */
  groupByDay?: boolean;
  /** Name each task's assignee (team views). */
  showAssignee?: boolean;
  empty: string;
  /** More rows follow this list in the same card (visits after the planned ones): keep the last divider. */
  continued?: boolean;
  /** A narrow column: icon-only buttons. */
  compact?: boolean;
}

/** Task rows with their customers', deals' (and assignees') names, each fetched once for the whole list. */
export function TaskList({
  tasks,
  now,
  timeZone,
  actions,
  groupByDay = false,
  showAssignee = false,
  empty,
  continued = false,
  compact = false,
}: TaskListProps) {
  const { i18n } = useTranslation();
  const customers = useCustomersById(tasks.map((task) => task.customerId));
  const deals = useDealsById(tasks.map((task) => task.dealId));
  const users = useUsersById(showAssignee ? tasks.map((task) => task.assigneeId) : []);

  if (tasks.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <div>
      {tasks.map((task, i) => {
        const day = dayKey(task.dueAt, timeZone);
        const newDay = groupByDay && (i === 0 || dayKey(tasks[i - 1].dueAt, timeZone) !== day);
        return (
          <Fragment key={task.id}>
            {newDay && (
              <Typography.Text type="secondary" strong style={{ display: 'block', marginTop: i === 0 ? 0 : 12 }}>
                {formatDay(day, i18n.language)}
              </Typography.Text>
            )}
            <TaskRow
              task={task}
              customer={task.customerId ? customers.get(task.customerId) : undefined}
              deal={task.dealId ? deals.get(task.dealId) : undefined}
              assigneeName={showAssignee ? (users.get(task.assigneeId)?.name ?? '…') : undefined}
              now={now}
              timeZone={timeZone}
              actions={actions}
              divider={continued || i < tasks.length - 1}
              compact={compact}
              timeOnly={groupByDay}
            />
          </Fragment>
        );
      })}
    </div>
  );
}
