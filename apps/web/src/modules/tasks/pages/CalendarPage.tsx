import { Alert, Calendar, Card, Flex, Grid, Segmented, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// The calendar's weekday names and week start come from dayjs's locale, which must be loaded to be used.
import 'dayjs/locale/zh-cn';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { type CalendarItem, isLate, itemsByDay, kindsOf } from '../calendarItems.ts';
import { KindLegend } from '../components/DayItems.tsx';
import { DayPanel, type DayPanelMode } from '../components/DayPanel.tsx';
import { KindDot } from '../components/KindDot.tsx';
import { TasksNav } from '../components/TasksNav.tsx';
import { useNow } from '../components/useNow.ts';
import { useTaskActions } from '../components/useTaskActions.tsx';
import { WeekList } from '../components/WeekList.tsx';
import { browserTimeZone, type DayKey, dayKey, dayRange, monthRange, weekDays, weekStartFor } from '../taskDates.ts';
import { RANGE_CAP, type TaskScope, useTasksInRange, useVisits } from '../tasks.api.ts';

type View = 'month' | 'week';
/** Items a month cell lists before "N more"; the day panel lists them all. */
const CELL_ITEMS = 3;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** One month cell: the day's first items as coloured lines (dots only on a phone's compact calendar). */
function MonthCell({ items, compact, now }: { items: readonly CalendarItem[]; compact: boolean; now: Date }) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  if (compact) {
    return (
      <Flex justify="center" gap={2}>
        {kindsOf(items).map((k) => (
          <KindDot key={k} kind={k} />
        ))}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2}>
      {items.slice(0, CELL_ITEMS).map((item) => (
        <Flex key={item.id} gap={4} align="center" style={{ minWidth: 0 }}>
          <KindDot kind={item.kind} />
          <Typography.Text
            ellipsis
            delete={item.type === 'task' && item.done}
            type={isLate(item, now) ? 'danger' : undefined}
            style={{ fontSize: 12, minWidth: 0 }}
          >
            {item.title}
          </Typography.Text>
        </Flex>
      ))}
      {items.length > CELL_ITEMS && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tasks.calendar.more', { n: items.length - CELL_ITEMS })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * 日历: tasks by due day and visits by the day they happened, coloured by kind, as a month (antd
 * Calendar) or a week list. A day's items open beside or under it (DayPanel), with the task actions.
 * The view, day and scope live in the URL, so a link or Back returns to the same place.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const screens = Grid.useBreakpoint();
  const panelMode: DayPanelMode = isPhone ? 'below' : screens.xxl ? 'side' : 'drawer';
  const [dayOpen, setDayOpen] = useState(false);
  const now = useNow();
  const timeZone = browserTimeZone();
  const today = dayKey(now, timeZone);
  const [url, setUrl] = useUrlFilters<{ view?: string; date?: string; scope?: string }>();
  const view: View = url.view === 'week' ? 'week' : 'month';
  const selected: DayKey = url.date && DAY_PATTERN.test(url.date) ? url.date : today;
  const seesTeam = user.role !== 'rep';
  const scope: TaskScope = seesTeam && url.scope === 'team' ? 'team' : 'mine';
  const { actions, modals } = useTaskActions();

  const [year, month] = selected.split('-').map(Number);
  const weekStart = weekDays(selected, weekStartFor(i18n.language))[0];
  const range = useMemo(
    () => (view === 'month' ? monthRange(year, month, timeZone) : dayRange(weekStart, 7, timeZone)),
    [view, year, month, weekStart, timeZone],
  );
  const who = scope === 'mine' ? user.id : undefined;
  const tasks = useTasksInRange(who, range);
  const visits = useVisits(who, range);
  const byDay = useMemo(() => itemsByDay(tasks.data?.rows ?? [], visits.data?.rows ?? [], timeZone), [tasks.data, visits.data, timeZone]);
  const truncated = tasks.data?.truncated || visits.data?.truncated;
  const select = (day: DayKey, open: boolean) => {
    setUrl({ date: day === today ? undefined : day });
    if (open) setDayOpen(true);
  };

  const failed = (tasks.isError && !tasks.data && tasks) || (visits.isError && !visits.data && visits);
  return (
    <>
      <PageHeader
        title={t('tasks.calendar.title')}
        extra={
          <Space wrap>
            {seesTeam && (
              <Segmented<TaskScope>
                value={scope}
                onChange={(next) => setUrl({ scope: next === 'team' ? 'team' : undefined })}
                options={[
                  { value: 'mine', label: t('tasks.myDay.mine') },
                  { value: 'team', label: t('tasks.myDay.team') },
                ]}
              />
            )}
            <ExportButton list="tasks" filters={{ assigneeId: who, dueFrom: range.from, dueTo: range.to }} />
            <Segmented<View>
              value={view}
              onChange={(next) => setUrl({ view: next === 'week' ? 'week' : undefined })}
              options={[
                { value: 'month', label: t('tasks.calendar.month') },
                { value: 'week', label: t('tasks.calendar.week') },
              ]}
              data-testid="calendar-view"
            />
          </Space>
        }
      />
      <TasksNav />
      {truncated && <Alert type="warning" showIcon title={t('tasks.calendar.truncated', { n: RANGE_CAP })} style={{ marginBottom: 16 }} />}
      {failed ? (
        <LoadError error={failed.error} onRetry={failed.refetch} />
      ) : (
        <Flex gap={16} vertical={panelMode !== 'side'} align="flex-start">
          <div style={{ flex: 1, minWidth: 0, width: panelMode === 'side' ? undefined : '100%' }}>
            <Card size="small" loading={tasks.isPending || visits.isPending} data-testid="calendar">
              {view === 'month' ? (
                <Calendar
                  fullscreen={!isPhone}
                  value={dayjs(selected)}
                  // Picking a day opens it; another month or year in the header only moves there.
                  onSelect={(date: Dayjs, info) => select(date.format('YYYY-MM-DD'), info.source === 'date')}
                  cellRender={(date: Dayjs, info) =>
                    info.type === 'date' ? (
                      <MonthCell items={byDay.get(date.format('YYYY-MM-DD')) ?? []} compact={isPhone} now={now} />
                    ) : (
                      info.originNode
                    )
                  }
                />
              ) : (
                <WeekList
                  selected={selected}
                  today={today}
                  byDay={byDay}
                  timeZone={timeZone}
                  now={now}
                  onOpen={(day) => select(day, true)}
                  onMove={(day) => select(day, false)}
                />
              )}
              <KindLegend />
            </Card>
          </div>
          <div style={{ width: panelMode === 'side' ? 360 : '100%', flexShrink: 0 }}>
            <DayPanel
              mode={panelMode}
              open={dayOpen}
              onClose={() => setDayOpen(false)}
              day={selected}
              items={byDay.get(selected) ?? []}
              now={now}
              timeZone={timeZone}
              actions={canWrite(user.role) ? actions : undefined}
              showPeople={scope === 'team'}
            />
          </div>
        </Flex>
      )}
      {modals}
    </>
  );
}
