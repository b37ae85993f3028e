import type { TOverdueTasks } from '@tierline/contracts';
import { Button, Card, Col, Row, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { daysOverdue } from '../taskDates.ts';
import { useTeamOverdue } from '../tasks.api.ts';
import { TaskList } from './TaskList.tsx';
import type { TaskActions } from './useTaskActions.tsx';

type RepCount = TOverdueTasks['byRep'][number];

interface TeamOverdueProps {
  now: Date;
  timeZone: string;
  actions?: TaskActions;
}

/**
 * 团队逾期 (managers, directors, admins): overdue counts per rep across the caller's data scope, and
 * the overdue tasks themselves, oldest first — all of them, or one rep's when a rep is picked.
 */
export function TeamOverdue({ now, timeZone, actions }: TeamOverdueProps) {
  const { t } = useTranslation();
  const [rep, setRep] = useState<RepCount | null>(null);
  const counts = useTeamOverdue(undefined, true);
  const list = useTeamOverdue(rep?.userId, true);
  const { byId: teams } = useTeamOptions();

  if (counts.isError && !counts.data) return <LoadError error={counts.error} onRetry={counts.refetch} />;
  const byRep = counts.counts?.byRep ?? [];
  const lateText = (oldest: string) => {
    const n = daysOverdue(oldest, now, timeZone);
    return n === 0 ? t('tasks.overdueToday') : n === 1 ? t('tasks.overdueOneDay') : t('tasks.overdueDays', { n });
  };

  const columns: TableProps<RepCount>['columns'] = [
    { key: 'name', title: t('tasks.team.rep'), dataIndex: 'name' },
    {
      key: 'team',
      title: t('tasks.team.team'),
      dataIndex: 'teamId',
      responsive: ['sm'],
      render: (teamId: string | null) => (teamId ? (teams.get(teamId)?.name ?? '…') : t('tasks.team.noTeam')),
    },
    {
      key: 'overdue',
      title: t('tasks.team.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      render: (n: number) => <Tag color="red">{n}</Tag>,
    },
    { key: 'oldest', title: t('tasks.team.oldest'), dataIndex: 'oldestDueAt', render: (at: string) => lateText(at) },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card
          title={t('tasks.team.title')}
          extra={counts.counts && <Typography.Text type="secondary">{t('tasks.team.total', { n: counts.counts.total })}</Typography.Text>}
          size="small"
          data-testid="team-overdue"
        >
          <Table<RepCount>
            rowKey="userId"
            size="small"
            columns={columns}
            dataSource={byRep}
            loading={counts.isPending}
            pagination={false}
            locale={{ emptyText: t('tasks.team.empty') }}
            onRow={(r) => ({ onClick: () => setRep(r.userId === rep?.userId ? null : r), style: { cursor: 'pointer' } })}
            rowClassName={(r) => (r.userId === rep?.userId ? 'ant-table-row-selected' : '')}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card
          title={rep ? t('tasks.team.tasksOf', { name: rep.name }) : t('tasks.team.allTasks')}
          extra={rep && <Button onClick={() => setRep(null)}>{t('tasks.team.all')}</Button>}
          size="small"
        >
          {list.isError && !list.data ? (
            <LoadError error={list.error} onRetry={list.refetch} />
          ) : (
            <>
              <TaskList
                tasks={list.rows}
                now={now}
                timeZone={timeZone}
                actions={actions}
                showAssignee={!rep}
                empty={list.isPending ? t('common.loading') : t('tasks.team.empty')}
              />
              <LoadMore
                count={list.rows.length}
                hasNextPage={list.hasNextPage}
                isFetchingNextPage={list.isFetchingNextPage}
                fetchNextPage={list.fetchNextPage}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
