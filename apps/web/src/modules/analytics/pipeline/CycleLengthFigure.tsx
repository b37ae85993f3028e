import type { TAnalyticsFilters, TCycleLength } from '@tierline/contracts';
import { Flex, Table, type TableProps, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { formatNumber } from '../../../shared/format.ts';
import { useFigure } from '../analytics.api.ts';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { type CycleRow, cycleChartOption, cycleRows } from './cycle.charts.ts';

type StageRow = TCycleLength['rows'][number]['stages'][number];

/**
 * 销售周期: days from creation to the win, per process type (median, mean, P90), and the mean days spent in each
 * stage behind an expanded row; compare adds the previous window's median (fewer days is better).
 */
export function CycleLengthFigure({ filters }: { filters: TAnalyticsFilters }) {
  const { t } = useTranslation();
  const cycle = useFigure<TCycleLength>('cycle-length', filters);
  return (
    <FigureCard<TCycleLength>
      title={t('analyticsPipeline.cycle.title')}
      query={cycle}
      figure={{ path: 'cycle-length', query: filters }}
      isEmpty={(c) => c.rows.every((r) => r.wonCount === 0) && (c.previous?.rows ?? []).every((r) => r.wonCount === 0)}
      testId="figure-cycle"
    >
      {(c) => <CycleBody cycle={c} />}
    </FigureCard>
  );
}

function CycleBody({ cycle }: { cycle: TCycleLength }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { token } = theme.useToken();
  const rows = useMemo(() => cycleRows(cycle, lng), [cycle, lng]);
  const days = (n: number | null) => (n === null ? '—' : t('analyticsPipeline.cycle.days', { n: formatNumber(n, lng, 1) }));
  const option = useMemo(
    () =>
      cycleChartOption(
        rows,
        {
          median: t('analyticsPipeline.cycle.median'),
          mean: t('analyticsPipeline.cycle.mean'),
          p90: t('analyticsPipeline.cycle.p90'),
          days: (n) => t('analyticsPipeline.cycle.days', { n }),
        },
        [token.colorPrimary, token['cyan-5'], token['purple-4']],
        lng,
      ),
    [rows, t, lng, token],
  );
  const compare = Boolean(cycle.previous);
  const columns: TableProps<CycleRow>['columns'] = [
    { key: 'process', title: t('analyticsPipeline.cycle.process'), dataIndex: 'name' },
    { key: 'won', title: t('analyticsPipeline.cycle.wonDeals'), align: 'right', dataIndex: 'wonCount' },
    { key: 'median', title: t('analyticsPipeline.cycle.median'), align: 'right', render: (_, r) => days(r.medianDays) },
    { key: 'mean', title: t('analyticsPipeline.cycle.mean'), align: 'right', responsive: ['sm'], render: (_, r) => days(r.meanDays) },
    { key: 'p90', title: t('analyticsPipeline.cycle.p90'), align: 'right', responsive: ['md'], render: (_, r) => days(r.p90Days) },
    ...(compare
      ? ([
          {
            key: 'previousMedian',
            title: t('analyticsPipeline.cycle.previousMedian'),
            align: 'right',
            responsive: ['sm'],
            render: (_, r) => days(r.previous?.medianDays ?? null),
          },
          {
            key: 'delta',
            title: t('analyticsPipeline.delta'),
            align: 'right',
            render: (_, r) => <Delta rate={r.medianGrowth} lowerIsBetter />,
          },
        ] satisfies TableProps<CycleRow>['columns'])
      : []),
  ];
  const stageColumns: TableProps<StageRow>['columns'] = [
    { key: 'stage', title: t('analyticsPipeline.cycle.stage'), render: (_, s) => (lng.startsWith('zh') ? s.nameZh : s.nameEn) },
    { key: 'deals', title: t('analyticsPipeline.cycle.stageDeals'), align: 'right', dataIndex: 'dealCount' },
    { key: 'mean', title: t('analyticsPipeline.cycle.stageMean'), align: 'right', render: (_, s) => days(s.meanDays) },
  ];
  return (
    <Flex vertical gap={12}>
      <Chart option={option} height={240} label={t('analyticsPipeline.cycle.chartLabel')} testId="cycle-chart" />
      <Table<CycleRow>
        rowKey="pipelineId"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Table<StageRow>
              rowKey="stageId"
              size="small"
              columns={stageColumns}
              dataSource={r.stages}
              pagination={false}
              data-testid="cycle-stages"
            />
          ),
          rowExpandable: (r) => r.stages.length > 0,
        }}
        data-testid="cycle-table"
      />
    </Flex>
  );
}
