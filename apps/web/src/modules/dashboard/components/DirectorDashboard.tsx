import type { TDirectorDashboard, TLeaderboardRow } from '@tierline/contracts';
import { Col, Flex, Row, Segmented, Statistic, Table, type TableProps } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import type { FigureRef } from '../../analytics/analytics.api.ts';
import { DealsDrawer } from '../../analytics/components/DealsDrawer.tsx';
import { Delta } from '../../analytics/components/Delta.tsx';
import { FigureCard } from '../../analytics/components/FigureCard.tsx';
import { FiguresAsOf } from '../../analytics/components/FiguresAsOf.tsx';
import { money } from '../../analytics/figures.ts';
import { GradeBadge } from '../../performance/components/GradeBadge.tsx';
import { useDirectorDashboard } from '../dashboard.api.ts';
import { compareBarsOption, nameIn } from '../dashboard.charts.ts';
import { scorecardPath } from '../dashboardViews.ts';
import { ConcentrationFigure, ForecastFigure } from './DirectorForecast.tsx';

type Slice = { current: string; previous: string; growth: string | null };
type CompareRow = { key: string; label: string; slice: Slice; tierId?: string | null };

/**
 * The organisation's dashboard: revenue by tier and by process type this quarter against last, the open pipeline,
 * the weighted forecast of the quarter, the leaderboard and the revenue concentration. The figures are a snapshot
 * (decision 0034): the line above them says when they were computed, and 刷新 computes them now.
 */
export function DirectorDashboard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = useDirectorDashboard();
  const d = query.data;
  // 刷新 computes the page's three snapshots now: the dashboard's own and the quarter's forecast and concentration.
  const quarter = d && { from: d.quarter.from, to: d.quarter.to };
  const snapshots: FigureRef[] = [
    { path: 'dashboard/director', query: {} },
    ...(quarter
      ? [
          { path: 'forecast/pipeline', query: quarter },
          { path: 'tiers/concentration', query: quarter },
        ]
      : []),
  ];
  const navigate = useNavigate();
  const [metric, setMetric] = useState<'won' | 'orders'>('won');
  const [openDeals, setOpenDeals] = useState(false);
  const card = { query, exportPath: 'dashboard/director' } as const;
  const tierRows = (data: TDirectorDashboard): CompareRow[] =>
    data.revenueByTier.map((r) => ({
      key: r.tierId ?? 'none',
      tierId: r.tierId,
      label: r.tierId ? nameIn(r.nameZh, r.nameEn, lng) : t('dashboard.director.noCustomer'),
      slice: metric === 'won' ? r.wonDealAmount : r.orderAmount,
    }));
  const processRows = (data: TDirectorDashboard): CompareRow[] =>
    data.revenueByProcessType.map((r) => ({
      key: r.processType,
      label: t(`dashboard.processTypes.${r.processType as 'short'}`, { defaultValue: r.processType }),
      slice: r.wonDealAmount,
    }));
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <FiguresAsOf asOf={d?.computedAt} figures={snapshots} />
      </Col>
      <Col xs={24} xl={14}>
        <FigureCard
          {...card}
          title={t('dashboard.director.revenueByTier', { current: d?.quarter.period ?? '', previous: d?.previousQuarter.period ?? '' })}
          exportQuery={{ figure: 'revenueByTier' }}
          testId="revenue-by-tier"
        >
          {(data) => (
            <CompareFigure
              switcher={
                <Segmented
                  size="small"
                  value={metric}
                  onChange={(v) => setMetric(v as 'won' | 'orders')}
                  options={[
                    { value: 'won', label: t('dashboard.director.wonDeals') },
                    { value: 'orders', label: t('dashboard.director.orders') },
                  ]}
                  data-testid="tier-metric"
                />
              }
              rows={tierRows(data)}
              firstColumn={t('dashboard.director.tier')}
              onPick={(row) => row.tierId && navigate(`/customers?tierId=${row.tierId}`)}
              testId="tier-bars"
            />
          )}
        </FigureCard>
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={16}>
          <FigureCard
            {...card}
            title={t('dashboard.director.openPipeline')}
            exportQuery={{ figure: 'openPipeline' }}
            testId="open-pipeline"
          >
            {(data) => (
              <Row gutter={8} onClick={() => setOpenDeals(true)} style={{ cursor: 'pointer' }}>
                <Col span={6}>
                  <Statistic title={t('dashboard.director.count')} value={data.openPipeline.count} />
                </Col>
                <Col span={9}>
                  <Statistic title={t('dashboard.director.amount')} value={money(data.openPipeline.amount, lng, true)} />
                </Col>
                <Col span={9}>
                  <Statistic title={t('dashboard.director.weighted')} value={money(data.openPipeline.weightedAmount, lng, true)} />
                </Col>
              </Row>
            )}
          </FigureCard>
          <FigureCard
            {...card}
            title={t('dashboard.director.revenueByProcess')}
            exportQuery={{ figure: 'revenueByProcessType' }}
            testId="revenue-by-process"
          >
            {(data) => <CompareFigure rows={processRows(data)} firstColumn={t('dashboard.director.processType')} testId="process-bars" />}
          </FigureCard>
        </Flex>
      </Col>
      {d && (
        <Col xs={24} xl={14}>
          <ForecastFigure window={d.quarter} />
        </Col>
      )}
      <Col xs={24} xl={10}>
        <FigureCard
          {...card}
          title={t('dashboard.director.leaderboard', { period: d?.quarter.period ?? '' })}
          exportQuery={{ figure: 'leaderboard' }}
          testId="leaderboard"
        >
          {(data) => <Leaderboard rows={data.leaderboard} period={data.quarter.period} />}
        </FigureCard>
      </Col>
      {d && (
        <Col xs={24} xl={14}>
          <ConcentrationFigure window={d.quarter} />
        </Col>
      )}
      <DealsDrawer
        filter={openDeals ? { status: 'open' } : null}
        title={t('dashboard.director.openPipeline')}
        onClose={() => setOpenDeals(false)}
      />
    </Row>
  );
}

/** This quarter against last as grouped bars, and the same figures with their growth in a table below. */
function CompareFigure({
  switcher,
  rows,
  firstColumn,
  onPick,
  testId,
}: {
  /** A control over the chart (which revenue), in the body so a phone keeps the card's title. */
  switcher?: ReactNode;
  rows: CompareRow[];
  firstColumn: string;
  onPick?: (row: CompareRow) => void;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const option = useMemo(
    () =>
      compareBarsOption(
        rows.map((r) => r.label),
        rows.map((r) => r.slice.current),
        rows.map((r) => r.slice.previous),
        { current: t('dashboard.director.thisQuarter'), previous: t('dashboard.director.lastQuarter') },
        (v) => money(v, lng, true),
        isPhone,
      ),
    [rows, t, lng, isPhone],
  );
  const columns: TableProps<CompareRow>['columns'] = [
    {
      key: 'label',
      title: firstColumn,
      render: (_, r) => (onPick && r.tierId ? <Link to={`/customers?tierId=${r.tierId}`}>{r.label}</Link> : r.label),
    },
    { key: 'current', title: t('dashboard.director.thisQuarter'), align: 'right', render: (_, r) => money(r.slice.current, lng, isPhone) },
    {
      key: 'previous',
      title: t('dashboard.director.lastQuarter'),
      align: 'right',
      render: (_, r) => money(r.slice.previous, lng, isPhone),
    },
    { key: 'growth', title: t('dashboard.director.growth'), align: 'right', render: (_, r) => <Delta rate={r.slice.growth} /> },
  ];
  return (
    <Flex vertical gap={12}>
      {switcher && <div>{switcher}</div>}
      <Chart
        option={option}
        height={240}
        label={t('dashboard.chart.compareLabel')}
        testId={testId}
        onItemClick={onPick ? ({ dataIndex }) => rows[dataIndex] && onPick(rows[dataIndex]) : undefined}
      />
      <Table<CompareRow> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} />
    </Flex>
  );
}

function Leaderboard({ rows, period }: { rows: TLeaderboardRow[]; period: string }) {
  const { t } = useTranslation();
  const columns: TableProps<TLeaderboardRow>['columns'] = [
    { key: 'rank', title: t('dashboard.director.rank'), render: (_, r) => r.rank, width: 56 },
    { key: 'name', title: t('dashboard.director.rep'), render: (_, r) => <Link to={scorecardPath(period, r.repId)}>{r.name}</Link> },
    { key: 'total', title: t('dashboard.director.total'), align: 'right', render: (_, r) => r.value ?? '—' },
    { key: 'grade', title: t('dashboard.director.grade'), render: (_, r) => <GradeBadge grade={r.grade} /> },
  ];
  return (
    <Table<TLeaderboardRow>
      rowKey="repId"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={rows}
      data-testid="leaderboard-table"
    />
  );
}
