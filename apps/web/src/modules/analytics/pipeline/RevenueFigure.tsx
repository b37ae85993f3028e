import type { TAnalyticsFilters, TRevenue } from '@tierline/contracts';
import { Flex, Table, type TableProps, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useFigure } from '../analytics.api.ts';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, growth, money } from '../figures.ts';
import { BySwitch } from './BySwitch.tsx';
import { type RevenueRow, revenueChartOption, revenueRows } from './closedDeals.charts.ts';
import { FigureStat } from './FigureStat.tsx';

export const REVENUE_BY = ['tier', 'processType', 'month'] as const;
type By = TRevenue['by'];

/** 收入: the won amount of deals closed in the window by customer tier, process type, or month of close. */
export function RevenueFigure({ filters }: { filters: TAnalyticsFilters }) {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlFilters<{ revenueBy?: string }>();
  const by: By = REVENUE_BY.includes(url.revenueBy as By) ? (url.revenueBy as By) : 'month';
  const query = { ...filters, by };
  const figures = useFigure<TRevenue>('revenue', query);
  return (
    <FigureCard<TRevenue>
      title={t('analyticsPipeline.revenue.title')}
      query={figures}
      figure={{ path: 'revenue', query }}
      extra={
        <BySwitch<By>
          label={t('analyticsPipeline.byLabel')}
          value={by}
          onChange={(next) => setUrl({ revenueBy: next === 'month' ? undefined : next })}
          options={REVENUE_BY.map((b) => ({ value: b, label: t(`analyticsPipeline.revenue.by.${b}`) }))}
          testId="revenue-by"
        />
      }
      isEmpty={(r) => r.rows.length === 0}
      testId="figure-revenue"
    >
      {(r) => <RevenueBody figures={r} />}
    </FigureCard>
  );
}

function RevenueBody({ figures }: { figures: TRevenue }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const rows = useMemo(() => revenueRows(figures, lng, t('analyticsPipeline.none')), [figures, lng, t]);
  const option = useMemo(
    () =>
      revenueChartOption(
        rows,
        figures.by,
        { current: t('analytics.current'), previous: t('analytics.previous') },
        { won: token.colorPrimary, lost: token.colorError, previous: token.colorTextTertiary, text: token.colorText },
        lng,
        isPhone,
      ),
    [rows, figures.by, t, lng, token, isPhone],
  );
  const compare = Boolean(figures.previous);
  const columns: TableProps<RevenueRow>['columns'] = [
    { key: 'group', title: t(`analyticsPipeline.revenue.by.${figures.by}`), dataIndex: 'name' },
    { key: 'won', title: t('analyticsPipeline.revenue.wonCount'), align: 'right', responsive: ['sm'], dataIndex: 'wonCount' },
    { key: 'amount', title: t('analyticsPipeline.revenue.wonAmount'), align: 'right', render: (_, r) => money(r.wonAmount, lng) },
    {
      key: 'share',
      title: t('analyticsPipeline.revenue.share'),
      align: 'right',
      responsive: ['md'],
      render: (_, r) => formatPercent(r.share, lng),
    },
    ...(compare
      ? ([
          {
            key: 'previous',
            title: t('analyticsPipeline.revenue.previousAmount'),
            align: 'right',
            responsive: ['sm'],
            render: (_, r) => (r.previous ? money(r.previous.wonAmount, lng) : '—'),
          },
          { key: 'delta', title: t('analyticsPipeline.delta'), align: 'right', render: (_, r) => <Delta rate={r.growth} /> },
        ] satisfies TableProps<RevenueRow>['columns'])
      : []),
  ];
  const before = figures.previous?.totals;
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <FigureStat
          title={t('analyticsPipeline.revenue.total')}
          value={`${money(figures.totals.wonAmount, lng)}`}
          delta={compare ? growth(figures.totals.wonAmount, before?.wonAmount) : undefined}
          testId="revenue-total"
        />
        <FigureStat title={t('analyticsPipeline.revenue.wonCount')} value={figures.totals.wonCount} />
      </Flex>
      <Chart
        option={option}
        height={260}
        label={t('analyticsPipeline.revenue.chartLabel', { by: t(`analyticsPipeline.revenue.by.${figures.by}`) })}
        testId="revenue-chart"
      />
      <Table<RevenueRow>
        rowKey={(r) => r.key ?? '∅'}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="revenue-table"
      />
    </Flex>
  );
}
