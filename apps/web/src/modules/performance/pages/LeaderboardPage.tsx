import { TrophyFilled } from '@ant-design/icons';
import type { TLeaderboardRow } from '@tierline/contracts';
import { Card, Empty, Flex, Segmented, Select, Table, type TableProps, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { levelName } from '../../../shared/format.ts';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useLevels } from '../../levels/levels.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { GradeBadge } from '../components/GradeBadge.tsx';
import { PeriodPicker } from '../components/PeriodPicker.tsx';
import { formatKpiValue, formatScore, KPI_LIST, kpiLabel } from '../kpis.ts';
import { type LeaderboardMetric, useLeaderboard } from '../performance.api.ts';
import { currentPeriod, isPeriod } from '../periods.ts';

type Scope = 'org' | 'team' | 'level';
type UrlState = { period?: string; metric?: string; scope?: Scope; teamId?: string; levelId?: string };

const MEDALS = ['#d4a017', '#a8a9ad', '#b87333'];
const METRICS: LeaderboardMetric[] = ['total', ...KPI_LIST];

function Medal({ rank }: { rank: number }) {
  const { t } = useTranslation();
  const color = MEDALS[rank - 1];
  if (!color) return <span style={{ display: 'inline-block', minWidth: 22, textAlign: 'center' }}>{rank}</span>;
  return (
    <Tooltip title={t('performance.leaderboard.medal', { rank })}>
      <TrophyFilled
        style={{ color, fontSize: 20 }}
        aria-label={t('performance.leaderboard.medal', { rank })}
        data-testid={`medal-${rank}`}
      />
    </Tooltip>
  );
}

/**
 * 排行榜: reps ranked by the total score or any KPI in a period, across the organisation, one team or one level.
 * Every signed-in user sees names and values (decision 0026).
 */
export function LeaderboardPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const user = useCurrentUser();
  const [url, setUrl] = useUrlFilters<UrlState>();
  const period = isPeriod(url.period) ? url.period : currentPeriod('quarter');
  const metric: LeaderboardMetric = METRICS.includes(url.metric as LeaderboardMetric) ? (url.metric as LeaderboardMetric) : 'total';
  const scope: Scope = url.scope === 'team' || url.scope === 'level' ? url.scope : 'org';
  const teams = useTeamOptions();
  const levels = useLevels();
  const teamId = scope === 'team' ? (url.teamId ?? user.teamId ?? teams.teams[0]?.id) : undefined;
  const levelId = scope === 'level' ? (url.levelId ?? user.levelId ?? levels.levels[0]?.id) : undefined;
  const board = useLeaderboard({ period, metric, teamId, levelId });
  const rows = board.data?.data ?? [];

  const columns: TableProps<TLeaderboardRow>['columns'] = [
    { key: 'rank', title: t('performance.leaderboard.rank'), width: 72, align: 'center', render: (_, row) => <Medal rank={row.rank} /> },
    {
      key: 'name',
      title: t('performance.leaderboard.rep'),
      render: (_, row) => <Typography.Text strong={row.repId === user.id}>{row.name}</Typography.Text>,
    },
    {
      key: 'team',
      title: t('performance.leaderboard.team'),
      responsive: ['sm'],
      render: (_, row) => (row.teamId ? (teams.byId.get(row.teamId)?.name ?? '—') : '—'),
    },
    {
      key: 'level',
      title: t('performance.leaderboard.level'),
      responsive: ['md'],
      render: (_, row) => {
        const level = row.levelId ? levels.byId.get(row.levelId) : undefined;
        return level ? levelName(level, lng) : '—';
      },
    },
    {
      key: 'value',
      title: kpiLabel(metric, t),
      align: 'right',
      render: (_, row) => (
        <span data-testid="leaderboard-value">
          {metric === 'total' ? formatScore(row.value === null ? null : Number(row.value), lng, 1) : formatKpiValue(metric, row.value, lng)}
        </span>
      ),
    },
    { key: 'grade', title: t('performance.leaderboard.grade'), align: 'center', render: (_, row) => <GradeBadge grade={row.grade} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('performance.leaderboard.title')}
        extra={<PeriodPicker value={period} onChange={(p) => setUrl({ period: p })} />}
      />
      <Card>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <Select<LeaderboardMetric>
            aria-label={t('performance.metric.label')}
            value={metric}
            onChange={(m) => setUrl({ metric: m === 'total' ? undefined : m })}
            options={METRICS.map((m) => ({ value: m, label: kpiLabel(m, t) }))}
            style={{ width: 160 }}
            data-testid="metric-select"
          />
          <Segmented<Scope>
            aria-label={t('performance.leaderboard.scope')}
            value={scope}
            onChange={(s) => setUrl({ scope: s === 'org' ? undefined : s, teamId: undefined, levelId: undefined })}
            options={(['org', 'team', 'level'] as const).map((s) => ({ value: s, label: t(`performance.leaderboard.scopes.${s}`) }))}
          />
          {scope === 'team' && (
            <Select<string>
              aria-label={t('performance.leaderboard.pickTeam')}
              value={teamId}
              onChange={(id) => setUrl({ teamId: id })}
              options={teams.teams.map((team) => ({ value: team.id, label: team.name }))}
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 180 }}
            />
          )}
          {scope === 'level' && (
            <Select<string>
              aria-label={t('performance.leaderboard.pickLevel')}
              value={levelId}
              onChange={(id) => setUrl({ levelId: id })}
              options={levels.levels.map((level) => ({ value: level.id, label: levelName(level, lng) }))}
              style={{ width: 140 }}
            />
          )}
        </Flex>
        {board.isError && !board.data ? (
          <LoadError error={board.error} onRetry={board.refetch} />
        ) : (
          <Table<TLeaderboardRow>
            rowKey="repId"
            size="middle"
            columns={columns}
            dataSource={rows}
            loading={board.isFetching}
            pagination={false}
            rowClassName={(row) => (row.repId === user.id ? 'ant-table-row-selected' : '')}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('performance.leaderboard.empty')} /> }}
            data-testid="leaderboard"
          />
        )}
      </Card>
    </>
  );
}
