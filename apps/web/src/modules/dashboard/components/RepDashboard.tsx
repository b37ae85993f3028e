import type { TRepDashboard } from '@tierline/contracts';
import { Col, Empty, Flex, Row, Statistic, Table, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FigureCard } from '../../analytics/components/FigureCard.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { GradeBadge } from '../../performance/components/GradeBadge.tsx';
import { formatKpiValue, formatPercent, formatScore, kpiLabel } from '../../performance/kpis.ts';
import { useRepDashboard } from '../dashboard.api.ts';
import { scorecardPath } from '../dashboardViews.ts';
import { AttainmentBars } from './AttainmentBars.tsx';
import { StageBars } from './StageBars.tsx';

type Kpi = TRepDashboard['targets']['kpis'][number];

/** A rep's dashboard: their open pipeline by stage, their tasks, their targets and attainment this quarter. */
export function RepDashboard({ repId }: { repId?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const query = useRepDashboard(repId);
  const exportQuery = (figure: string) => ({ figure, repId });
  const ownerId = repId ?? user.id;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <FigureCard
          title={t('dashboard.rep.pipeline')}
          query={query}
          exportPath="dashboard/rep"
          exportQuery={exportQuery('pipeline')}
          testId="rep-pipeline"
        >
          {(d) => <StageBars rows={d.pipeline} scope={{ ownerId }} />}
        </FigureCard>
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <FigureCard
            title={repId && query.data ? t('dashboard.rep.tasksOf', { name: query.data.rep.name }) : t('dashboard.rep.tasks')}
            query={query}
            exportPath="dashboard/rep"
            exportQuery={exportQuery('tasks')}
            testId="rep-tasks"
          >
            {(d) => <TaskCounts tasks={d.tasks} mine={!repId} />}
          </FigureCard>
          <FigureCard
            title={t('dashboard.rep.targets', { period: query.data?.targets.period ?? '' })}
            query={query}
            exportPath="dashboard/rep"
            exportQuery={exportQuery('targets')}
            testId="rep-targets"
          >
            {(d) => <Targets targets={d.targets} repId={repId} />}
          </FigureCard>
        </Flex>
      </Col>
    </Row>
  );
}

/** Open, due today, overdue: each a way into My Day (the team's view when it is another rep's). */
function TaskCounts({ tasks, mine }: { tasks: TRepDashboard['tasks']; mine: boolean }) {
  const { t } = useTranslation();
  const to = mine ? '/activities' : '/activities?view=team';
  const tile = (key: 'open' | 'dueToday' | 'overdue', danger = false) => (
    <Col span={8} key={key}>
      <Link to={to} data-testid={`tasks-${key}`}>
        <Statistic
          title={t(`dashboard.rep.${key}`)}
          value={tasks[key]}
          styles={{ content: danger && tasks[key] > 0 ? { color: '#cf1322' } : undefined }}
        />
      </Link>
    </Col>
  );
  return (
    <>
      <Row gutter={8}>{[tile('open'), tile('dueToday'), tile('overdue', true)]}</Row>
      {mine && (
        <Link to={to} style={{ display: 'inline-block', marginTop: 8 }}>
          {t('dashboard.rep.toMyDay')}
        </Link>
      )}
    </>
  );
}

function Targets({ targets, repId }: { targets: TRepDashboard['targets']; repId?: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const bars = useMemo(
    () =>
      targets.kpis.map((k) => ({
        label: kpiLabel(k.kpi, t),
        attainment: k.attainment,
        tooltip: `${kpiLabel(k.kpi, t)}: ${formatKpiValue(k.kpi, k.actual, lng)} / ${formatKpiValue(k.kpi, k.target, lng)}`,
      })),
    [targets, t, lng],
  );
  const columns: TableProps<Kpi>['columns'] = [
    { key: 'kpi', title: t('dashboard.rep.kpi'), render: (_, k) => kpiLabel(k.kpi, t) },
    { key: 'actual', title: t('dashboard.rep.actual'), align: 'right', render: (_, k) => formatKpiValue(k.kpi, k.actual, lng, true) },
    { key: 'target', title: t('dashboard.rep.target'), align: 'right', render: (_, k) => formatKpiValue(k.kpi, k.target, lng, true) },
    { key: 'attainment', title: t('dashboard.rep.attainment'), align: 'right', render: (_, k) => formatPercent(k.attainment, lng, 1) },
  ];
  const withTarget = targets.kpis.filter((k) => k.target !== null);
  return (
    <Flex vertical gap={12}>
      <Flex gap={24} align="center" wrap>
        <Statistic title={t('dashboard.rep.total')} value={formatScore(targets.total, lng, 1)} />
        <Statistic title={t('dashboard.rep.grade')} value={targets.grade ?? '—'} valueRender={() => <GradeBadge grade={targets.grade} />} />
        <Link to={scorecardPath(targets.period, repId)} data-testid="to-scorecard">
          {t('dashboard.rep.scorecard')}
        </Link>
      </Flex>
      {withTarget.length ? (
        <>
          <AttainmentBars items={bars} label={t('dashboard.chart.attainmentLabel')} testId="kpi-attainment" />
          <Table<Kpi>
            rowKey="kpi"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={withTarget}
            scroll={{ x: 'max-content' }}
          />
        </>
      ) : (
        <Empty description={t('dashboard.rep.noTargets')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Flex>
  );
}
