import { CheckOutlined, EditOutlined, FieldTimeOutlined, MoreOutlined, StopOutlined } from '@ant-design/icons';
import type { TCustomer, TDeal, TTask } from '@tierline/contracts';
import { Button, Dropdown, Flex, type MenuProps, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { KIND_COLORS } from '../calendarItems.ts';
import { addDays, dayKey, daysOverdue, formatDateTimeIn, formatTime } from '../taskDates.ts';
import { PRIORITY_COLORS, SOURCE_COLORS } from '../tasks.api.ts';
import type { TaskActions } from './useTaskActions.tsx';

interface TaskRowProps {
  task: TTask;
  customer?: TCustomer;
  deal?: TDeal;
  /** Shown in team views, where the tasks are other people's. */
  assigneeName?: string;
  now: Date;
  timeZone: string;
  /** Without actions the row only shows the task (a viewer, or a closed task). */
  actions?: TaskActions;
  /** A line under the row, except under the last of a list. */
  divider?: boolean;
  /** A narrow column (the visits card): the complete button shows only its icon. */
  compact?: boolean;
  /** Under a day heading the date is said already: show only the time. */
  timeOnly?: boolean;
}

/** When a task is due, in words: "今天 14:00", "明天 09:00", or the date and time (or just the time). */
function useDueText(dueAt: string, now: Date, timeZone: string, timeOnly: boolean): string {
  const { t, i18n } = useTranslation();
  const key = dayKey(dueAt, timeZone);
  const today = dayKey(now, timeZone);
  const time = formatTime(dueAt, i18n.language, timeZone);
  if (timeOnly) return time;
  if (key === today) return t('tasks.dueToday', { time });
  if (key === addDays(today, 1)) return t('tasks.dueTomorrow', { time });
  return formatDateTimeIn(dueAt, i18n.language, timeZone);
}

/** One task: what, for whom, how urgent, where it came from, when due — and what can be done with it. */
export function TaskRow({
  task,
  customer,
  deal,
  assigneeName,
  now,
  timeZone,
  actions,
  divider = true,
  compact = false,
  timeOnly = false,
}: TaskRowProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // The line under the title is smaller; Typography sets its own size, so it is given here too.
  const small = { fontSize: token.fontSizeSM };
  const isPhone = useIsPhone();
  const dueText = useDueText(task.dueAt, now, timeZone, timeOnly);
  const open = task.status === 'open';
  const overdue = open && Date.parse(task.dueAt) < now.getTime();
  const late = overdue ? daysOverdue(task.dueAt, now, timeZone) : 0;
  const lateText = late === 0 ? t('tasks.overdueToday') : late === 1 ? t('tasks.overdueOneDay') : t('tasks.overdueDays', { n: late });

  const menu: MenuProps['items'] = [
    { key: 'edit', icon: <EditOutlined />, label: t('tasks.actions.edit') },
    // A cadence task is due at the last contact plus the cadence: only a contact moves it.
    ...(task.source === 'cadence' ? [] : [{ key: 'reschedule', icon: <FieldTimeOutlined />, label: t('tasks.actions.reschedule') }]),
    { type: 'divider' as const },
    { key: 'cancel', icon: <StopOutlined />, label: t('tasks.actions.cancel'), danger: true },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (!actions) return;
    if (key === 'edit') actions.edit(task);
    if (key === 'reschedule') actions.reschedule(task);
    if (key === 'cancel') actions.cancel(task);
  };

  return (
    <Flex
      gap={12}
      align="flex-start"
      style={{ padding: '10px 0', borderBottom: divider ? `1px solid ${token.colorBorderSecondary}` : undefined }}
      data-testid="task-row"
      data-task-id={task.id}
    >
      <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong delete={task.status === 'cancelled'} type={task.status === 'done' ? 'secondary' : undefined}>
          {task.title}
        </Typography.Text>
        <Flex wrap gap={4} align="center">
          {overdue && (
            <Tag color="red" data-testid="task-overdue">
              {lateText}
            </Tag>
          )}
          <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ marginRight: 4 }}>
            {dueText}
          </Typography.Text>
          <Tag color={PRIORITY_COLORS[task.priority]}>{t(`tasks.priorities.${task.priority}`)}</Tag>
          <Tooltip title={t(`tasks.sourceHints.${task.source}`)}>
            <Tag color={SOURCE_COLORS[task.source]}>{t(`tasks.sources.${task.source}`)}</Tag>
          </Tooltip>
          {task.activityKind && <Tag color={KIND_COLORS[task.activityKind]}>{t(`tasks.kinds.${task.activityKind}`)}</Tag>}
          {!open && <Tag>{t(`tasks.statuses.${task.status}`)}</Tag>}
        </Flex>
        <Flex wrap gap={12} style={{ fontSize: token.fontSizeSM }}>
          {task.customerId && <Link to={`/customers/${task.customerId}`}>{customer?.name ?? '…'}</Link>}
          {task.dealId && <Link to={`/deals/${task.dealId}`}>{deal?.name ?? '…'}</Link>}
          {!task.customerId && !task.dealId && (
            <Typography.Text type="secondary" style={small}>
              {t('tasks.noLink')}
            </Typography.Text>
          )}
          {assigneeName && (
            <Typography.Text type="secondary" style={small}>
              {t('tasks.team.assignee', { name: assigneeName })}
            </Typography.Text>
          )}
        </Flex>
      </Flex>
      {actions && open && (
        <Flex gap={4} style={{ flexShrink: 0 }}>
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={() => actions.complete(task)}
            aria-label={t('tasks.actions.complete')}
            data-testid="task-complete"
          >
            {isPhone || compact ? null : t('tasks.actions.complete')}
          </Button>
          <Dropdown menu={{ items: menu, onClick: onMenu }} trigger={['click']}>
            <Button size="small" icon={<MoreOutlined />} aria-label={t('tasks.actions.more')} data-testid="task-more" />
          </Dropdown>
        </Flex>
      )}
    </Flex>
  );
}
