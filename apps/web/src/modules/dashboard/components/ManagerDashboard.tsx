import { DashboardOutlined } from '@ant-design/icons';
import type { TManagerDashboard } from '@tierline/contracts';
import { Col, Empty, Flex, Row, Statistic, Table, type TableProps, Tag, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Chart } from '../../../shared/Chart.tsx';
import { formatDate } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { FigureCard } from '../../analytics/components/FigureCard.tsx';
import { FiguresAsOf } from '../../analytics/components/FiguresAsOf.tsx';
import { GradeBadge, gradeColor } from '../../performance/components/GradeBadge.tsx';
import { formatPercent, formatScore, kpiLabel } from '../../performance/kpis.ts';
import { useManagerDashboard } from '../dashboard.api.ts';
import { scoreBarsOption } from '../dashboard.charts.ts';
import { levelEvaluationPath, scorecardPath } from '../dashboardViews.ts';
import { StageBars } from './StageBars.tsx';

type RepRow = TManagerDashboard['attainment']['reps'][number];
type OverdueRow = TManagerDashboard['overdueFollowUps'][number];
type PoolRow = TManagerDashboard['poolWarnings']['customers'][number];
type LevelRow = TManagerDashboard['levelRecommendations']['reps'][number];

/** A rep's own dashboard, opened from a team figure. */
export const repDashboardPath = (repId: string) => `/?repId=${repId}`;

/**
 * A team's dashboard: funnel of open deals, attainment per rep, overdue follow-ups, customers due back to the pool and
 * last quarter's level recommendations. `teamId` undefined: all the teams the manager manages. The figures are the
 * manager's snapshot (decision 0035): the line above them says when they were computed, and 刷新 computes them now.
 */
export function ManagerDashboard({ teamId, enabled }: { teamId?: string; enabled: boolean }) {
  const { t } = useTranslation();
  const query = useManagerDashboard(teamId, enabled);
  const exportQuery = (figure: string) => ({ figure, teamId });
  const card = { query, exportPath: 'dashboard/manager' } as const;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <FiguresAsOf asOf={query.data?.computedAt} figures={[{ path: 'dashboard/manager', query: { teamId } }]} />
      </Col>
      <Col xs={24} xl={12}>
        <FigureCard {...card} title={t('dashboard.manager.funnel')} exportQuery={exportQuery('funnel')} testId="team-funnel">
          {(d) => <StageBars rows={d.funnel} scope={{ teamId }} />}
        </FigureCard>
      </Col>
      <Col xs={24} xl={12}>
        <FigureCard
          {...card}
          title={t('dashboard.manager.attainment', { period: query.data?.attainment.period ?? '' })}
          exportQuery={exportQuery('attainment')}
          testId="team-attainment"
          isEmpty={(d) => d.attainment.reps.length === 0}
        >
          {(d) => <Attainment attainment={d.attainment} />}
        </FigureCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <FigureCard
          {...card}
          title={t('dashboard.manager.overdue')}
          exportQuery={exportQuery('overdue')}
          testId="team-overdue"
          extra={<Link to="/activities?view=team">{t('dashboard.manager.toTeamTasks')}</Link>}
        >
          {(d) => <Overdue rows={d.overdueFollowUps} />}
        </FigureCard>
      </Col>
      <Col xs={24} lg={12} xl={8}>
        <FigureCard {...card} title={t('dashboard.manager.pool')} exportQuery={exportQuery('poolWarnings')} testId="team-pool">
          {(d) => <PoolWarnings pool={d.poolWarnings} />}
        </FigureCard>
      </Col>
      <Col xs={24} xl={8}>
        <FigureCard
          {...card}
          title={t('dashboard.manager.levels', { period: query.data?.levelRecommendations.period ?? '' })}
          exportQuery={exportQuery('levelRecommendations')}
          testId="team-levels"
        >
          {(d) => <LevelRecommendations rec={d.levelRecommendations} teamId={teamId} />}
        </FigureCard>
      </Col>
    </Row>
  );
}

function Attainment({ attainment }: { attainment: TManagerDashboard['attainment'] }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const isPhone = useIsPhone();
  const lng = i18n.language;
  const ranked = useMemo(() => [...attainment.reps].sort((a, b) => b.total - a.total), [attainment]);
  const option = useMemo(
    () =>
      scoreBarsOption(
        ranked.map((r) => ({ label: r.name, score: r.total, grade: r.grade, color: gradeColor(r.grade, token) })),
        isPhone,
      ),
    [ranked, token, isPhone],
  );
  // The KPIs every rep is measured on this quarter (the first rep's order), as sortable attainment columns.
  const kpis = isPhone ? [] : (ranked[0]?.kpis.map((k) => k.kpi) ?? []);
  const attainmentOf = (r: RepRow, kpi: string) => r.kpis.find((k) => k.kpi === kpi)?.attainment ?? null;
  const columns: TableProps<RepRow>['columns'] = [
    {
      key: 'name',
      title: t('dashboard.manager.rep'),
      render: (_, r) => (
        <Flex gap={8} align="center" wrap={false}>
          <Link to={scorecardPath(attainment.period, r.repId)} title={t('dashboard.manager.scorecard')}>
            {r.name}
          </Link>
          <Link
            to={repDashboardPath(r.repId)}
            title={t('dashboard.manager.dashboard')}
            aria-label={t('dashboard.manager.dashboard')}
            data-testid="rep-dashboard-link"
          >
            <DashboardOutlined />
          </Link>
        </Flex>
      ),
      sorter: (a, b) => a.name.localeCompare(b.name, lng),
    },
    {
      key: 'total',
      title: t('dashboard.manager.total'),
      align: 'right',
      render: (_, r) => formatScore(r.total, lng, 1),
      sorter: (a, b) => a.total - b.total,
      defaultSortOrder: 'descend',
    },
    { key: 'grade', title: t('dashboard.manager.grade'), render: (_, r) => <GradeBadge grade={r.grade} /> },
    ...kpis.map((kpi) => ({
      key: kpi,
      title: kpiLabel(kpi, t),
      align: 'right' as const,
      render: (_: unknown, r: RepRow) => formatPercent(attainmentOf(r, kpi), lng, 0),
      sorter: (a: RepRow, b: RepRow) => (attainmentOf(a, kpi) ?? -1) - (attainmentOf(b, kpi) ?? -1),
    })),
  ];
  return (
    <Flex vertical gap={12}>
      <Chart option={option} height={Math.max(120, ranked.length * 32 + 24)} label={t('dashboard.chart.repsLabel')} testId="rep-scores" />
      <Table<RepRow>
        rowKey="repId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={ranked}
        scroll={{ x: 'max-content' }}
        data-testid="attainment-table"
      />
    </Flex>
  );
}

function Overdue({ rows }: { rows: OverdueRow[] }) {
  const { t, i18n } = useTranslation();
  const sorted = useMemo(() => [...rows].sort((a, b) => b.overdue - a.overdue), [rows]);
  if (!rows.length) return <Empty description={t('dashboard.manager.noReps')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const columns: TableProps<OverdueRow>['columns'] = [
    { key: 'name', title: t('dashboard.manager.rep'), render: (_, r) => <Link to={repDashboardPath(r.repId)}>{r.name}</Link> },
    {
      key: 'overdue',
      title: t('dashboard.manager.overdueTasks'),
      align: 'right',
      render: (_, r) => (r.overdue > 0 ? <Tag color="red">{r.overdue}</Tag> : 0),
    },
    { key: 'oldest', title: t('dashboard.manager.oldestDue'), render: (_, r) => formatDate(r.oldestDueAt, i18n.language) },
  ];
  return (
    <Table<OverdueRow> rowKey="repId" size="small" pagination={false} columns={columns} dataSource={sorted} data-testid="overdue-table" />
  );
}

function PoolWarnings({ pool }: { pool: TManagerDashboard['poolWarnings'] }) {
  const { t, i18n } = useTranslation();
  if (!pool.count) return <Empty description={t('dashboard.manager.noWarnings')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const columns: TableProps<PoolRow>['columns'] = [
    { key: 'name', title: t('dashboard.manager.customer'), render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.name}</Link> },
    { key: 'owner', title: t('dashboard.manager.owner'), render: (_, c) => c.ownerName },
    { key: 'reclaim', title: t('dashboard.manager.reclaimAt'), render: (_, c) => formatDate(c.reclaimAt, i18n.language) },
  ];
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong type="warning" data-testid="pool-count">
        {t('dashboard.manager.poolCount', { count: pool.count })}
      </Typography.Text>
      <Table<PoolRow>
        rowKey="customerId"
        size="small"
        columns={columns}
        dataSource={pool.customers}
        pagination={pool.customers.length > 8 ? { pageSize: 8, size: 'small' } : false}
        data-testid="pool-table"
      />
    </Flex>
  );
}

const RECOMMENDATION_COLORS = { promote: 'green', hold: 'default', demote: 'orange' } as const;

function LevelRecommendations({ rec, teamId }: { rec: TManagerDashboard['levelRecommendations']; teamId?: string }) {
  const { t } = useTranslation();
  const columns: TableProps<LevelRow>['columns'] = [
    {
      key: 'name',
      title: t('dashboard.manager.rep'),
      render: (_, r) => <Link to={levelEvaluationPath(rec.period, r.repId, teamId)}>{r.name}</Link>,
    },
    {
      key: 'recommendation',
      title: '',
      render: (_, r) => (
        <Tag color={RECOMMENDATION_COLORS[r.recommendation]}>{t(`dashboard.manager.recommendations.${r.recommendation}`)}</Tag>
      ),
    },
    {
      key: 'decided',
      title: '',
      render: (_, r) => (r.decided ? t(`dashboard.manager.decided.${r.decided}`) : t('dashboard.manager.undecided')),
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Row gutter={8}>
        {(['promote', 'hold', 'demote'] as const).map((k) => (
          <Col span={8} key={k}>
            <Statistic title={t(`dashboard.manager.recommendations.${k}`)} value={rec[k]} />
          </Col>
        ))}
      </Row>
      <Table<LevelRow> rowKey="repId" size="small" pagination={false} showHeader={false} columns={columns} dataSource={rec.reps} />
      <Link to={levelEvaluationPath(rec.period, undefined, teamId)}>{t('dashboard.manager.toLevels')}</Link>
    </Flex>
  );
}
