import { PlusOutlined } from '@ant-design/icons';
import type { TTask } from '@tierline/contracts';
import { Badge, Button, Card, Col, Row, Segmented, Space, Statistic, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TaskList } from '../components/TaskList.tsx';
import { TasksNav } from '../components/TasksNav.tsx';
import { TeamOverdue } from '../components/TeamOverdue.tsx';
import { useNow } from '../components/useNow.ts';
import { useTaskActions } from '../components/useTaskActions.tsx';
import { VisitsCard } from '../components/VisitsCard.tsx';
import { browserTimeZone, bucketTasks, dayKey, dayRange, UPCOMING_DAYS } from '../taskDates.ts';
import { type TaskScope, useMyOverdueTasks, useMyTaskWindow, useVisits } from '../tasks.api.ts';

/** Overdue tasks from both queries, once each, oldest first: a task may pass its due time while the page is open. */
function mergeOverdue(stillListed: readonly TTask[], passedSince: readonly TTask[]): TTask[] {
  const byId = new Map([...stillListed, ...passedSince].map((task) => [task.id, task]));
  return [...byId.values()].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** A card's title with how many it holds. */
function CardTitle({ text, count, color }: { text: string; count: number; color: string }) {
  return (
    <Space size={8}>
      {text}
      <Badge count={count} color={color} overflowCount={999} />
    </Space>
  );
}

/**
 * 我的一天: what is overdue (red, with how late), what is due today and in the next 7 days, and the
 * visits planned and made — with complete (optionally logging the follow-up), edit, reschedule and
 * cancel on each task. Managers and above switch to their team's overdue counts per rep.
 */
export function MyDayPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const user = useCurrentUser();
  const now = useNow();
  const timeZone = browserTimeZone();
  const today = dayKey(now, timeZone);
  // Keyed by day, not by minute, so the queries do not restart every time `now` ticks.
  const nextDays = useMemo(() => dayRange(today, UPCOMING_DAYS + 1, timeZone), [today, timeZone]);
  const todayRange = useMemo(() => dayRange(today, 1, timeZone), [today, timeZone]);
  const [{ view }, setUrl] = useUrlFilters<{ view?: string }>();
  const seesTeam = user.role !== 'rep';
  const scope: TaskScope = seesTeam && view === 'team' ? 'team' : 'mine';
  const writer = canWrite(user.role);
  const { actions, modals } = useTaskActions();
  const taskActions = writer ? actions : undefined;

  const overdue = useMyOverdueTasks(user.id);
  const upcoming = useMyTaskWindow(user.id, nextDays);
  const visits = useVisits(user.id, todayRange);
  const buckets = bucketTasks(upcoming.data?.rows ?? [], now, timeZone);
  const overdueTasks = mergeOverdue(overdue.rows, buckets.overdue);
  const plannedVisits = [...buckets.today, ...buckets.upcoming].filter((task) => task.activityKind === 'visit');
  const doneVisits = visits.data?.rows ?? [];

  const header = (
    <PageHeader
      title={t('tasks.myDay.title')}
      extra={
        <Space wrap>
          {seesTeam && (
            <Segmented<TaskScope>
              value={scope}
              onChange={(next) => setUrl({ view: next === 'team' ? 'team' : undefined })}
              options={[
                { value: 'mine', label: t('tasks.myDay.mine') },
                { value: 'team', label: t('tasks.myDay.team') },
              ]}
              data-testid="scope-switch"
            />
          )}
          <ExportButton list="tasks" filters={{ assigneeId: scope === 'mine' ? user.id : undefined, status: 'open' }} />
          {writer && (
            <Button type="primary" icon={<PlusOutlined />} onClick={actions.create}>
              {t('tasks.create')}
            </Button>
          )}
        </Space>
      }
    />
  );

  const stat = (title: string, value: number, more: boolean, danger = false) => (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic
          title={title}
          value={`${value}${more ? '+' : ''}`}
          styles={{ content: danger && value > 0 ? { color: token.colorError } : undefined }}
        />
      </Card>
    </Col>
  );

  return (
    <>
      {header}
      <TasksNav />
      {scope === 'team' ? (
        <TeamOverdue now={now} timeZone={timeZone} actions={taskActions} />
      ) : (
        <>
          {/* The cards' titles carry the same counts; on a phone the figures would only push the tasks down. */}
          {!isPhone && (
            <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="my-day-stats">
              {stat(t('tasks.myDay.stats.overdue'), overdueTasks.length, overdue.hasNextPage, true)}
              {stat(t('tasks.myDay.stats.today'), buckets.today.length, false)}
              {stat(t('tasks.myDay.stats.upcoming'), buckets.upcoming.length, upcoming.data?.truncated ?? false)}
              {stat(t('tasks.myDay.stats.visits'), doneVisits.length, false)}
            </Row>
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card
                  size="small"
                  title={<CardTitle text={t('tasks.myDay.overdue')} count={overdueTasks.length} color={token.colorError} />}
                  styles={{ header: overdueTasks.length ? { color: token.colorError } : undefined }}
                  data-testid="overdue-card"
                >
                  {overdue.isError && !overdue.data ? (
                    <LoadError error={overdue.error} onRetry={overdue.refetch} />
                  ) : (
                    <>
                      <TaskList
                        tasks={overdueTasks}
                        now={now}
                        timeZone={timeZone}
                        actions={taskActions}
                        empty={overdue.isPending ? t('common.loading') : t('tasks.myDay.emptyOverdue')}
                      />
                      {overdue.hasNextPage && (
                        <LoadMore
                          count={overdueTasks.length}
                          hasNextPage
                          isFetchingNextPage={overdue.isFetchingNextPage}
                          fetchNextPage={overdue.fetchNextPage}
                        />
                      )}
                    </>
                  )}
                </Card>
                <Card
                  size="small"
                  title={<CardTitle text={t('tasks.myDay.today')} count={buckets.today.length} color={token.colorPrimary} />}
                  data-testid="today-card"
                >
                  {upcoming.isError && !upcoming.data ? (
                    <LoadError error={upcoming.error} onRetry={upcoming.refetch} />
                  ) : (
                    <TaskList
                      tasks={buckets.today}
                      now={now}
                      timeZone={timeZone}
                      actions={taskActions}
                      empty={upcoming.isPending ? t('common.loading') : t('tasks.myDay.emptyToday')}
                    />
                  )}
                </Card>
                <Card
                  size="small"
                  title={<CardTitle text={t('tasks.myDay.upcoming')} count={buckets.upcoming.length} color={token.colorTextTertiary} />}
                  data-testid="upcoming-card"
                >
                  <TaskList
                    tasks={buckets.upcoming}
                    now={now}
                    timeZone={timeZone}
                    actions={taskActions}
                    groupByDay
                    empty={upcoming.isPending ? t('common.loading') : t('tasks.myDay.emptyUpcoming')}
                  />
                </Card>
              </Space>
            </Col>
            <Col xs={24} lg={8}>
              <VisitsCard
                planned={plannedVisits}
                done={doneVisits}
                now={now}
                timeZone={timeZone}
                actions={taskActions}
                loading={upcoming.isPending || visits.isPending}
              />
            </Col>
          </Row>
        </>
      )}
      {modals}
    </>
  );
}
