import type { TMarketAnalysis, TMarketRow } from '@tierline/contracts';
import { Result, Segmented, Table, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { Chart } from '../../../shared/Chart.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useFigure } from '../analytics.api.ts';
import { AnalyticsFilterBar } from '../components/AnalyticsFilterBar.tsx';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, money } from '../figures.ts';
import { marketOption } from '../market/market.charts.ts';
import { nameIn } from '../tiers/tiers.charts.ts';
import { useAnalyticsFilters } from '../useAnalyticsFilters.ts';

type By = 'industry' | 'region';

/**
 * 市场分析: revenue, win rate and growth by industry or region, with the customers of each by tier. Open to senior reps,
 * managers and directors; a rep below the top level gets the server's 403 `level_too_low`, said here in words.
 */
export function MarketPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [filters, setFilters] = useAnalyticsFilters();
  const [{ by = 'industry' }, setUrl] = useUrlFilters<{ by?: By }>();
  const query = { ...filters, compare: undefined, by };
  const figure = useFigure<TMarketAnalysis>('market', query);
  const option = useMemo(
    () =>
      figure.data &&
      marketOption(figure.data, {
        current: t('analytics.current'),
        previous: t('analytics.previous'),
        notSet: t('analyticsMarket.notSet'),
      }),
    [figure.data, t],
  );

  if (isApiError(figure.error, 403) && figure.error.code === 'level_too_low') {
    return (
      <>
        <PageHeader title={t('analyticsMarket.title')} />
        <Result
          status="info"
          title={t('analyticsMarket.levelTooLow')}
          subTitle={t('analyticsMarket.levelTooLowHint')}
          data-testid="market-level-too-low"
        />
      </>
    );
  }

  const groupLink = (row: TMarketRow) => (row.key ? `/customers?${new URLSearchParams({ [by]: row.key })}` : undefined);
  const tierColumns: TableProps<TMarketRow>['columns'] = (figure.data?.tiers ?? []).map((tier) => ({
    key: `tier-${tier.tierId}`,
    title: nameIn({ zh: tier.nameZh, en: tier.nameEn }, lng),
    align: 'right',
    render: (_, r) => r.customersByTier.find((c) => c.tierId === tier.tierId)?.count ?? 0,
  }));
  const columns: TableProps<TMarketRow>['columns'] = [
    {
      key: 'group',
      title: t(`analyticsMarket.group.${by}`),
      fixed: 'left',
      render: (_, r) => {
        const link = groupLink(r);
        const label = r.label ?? t('analyticsMarket.notSet');
        return link ? <Link to={link}>{label}</Link> : label;
      },
    },
    { key: 'orders', title: t('analyticsMarket.orderAmount'), align: 'right', render: (_, r) => money(r.current.orderAmount, lng) },
    { key: 'ordersGrowth', title: t('analyticsMarket.growth'), align: 'right', render: (_, r) => <Delta rate={r.growth.orderAmount} /> },
    { key: 'won', title: t('analyticsMarket.wonDealAmount'), align: 'right', render: (_, r) => money(r.current.wonDealAmount, lng) },
    { key: 'wonGrowth', title: t('analyticsMarket.growth'), align: 'right', render: (_, r) => <Delta rate={r.growth.wonDealAmount} /> },
    { key: 'winRate', title: t('analyticsMarket.winRate'), align: 'right', render: (_, r) => formatPercent(r.current.winRate, lng) },
    {
      key: 'wonLost',
      title: t('analyticsMarket.wonLost'),
      align: 'right',
      render: (_, r) => `${r.current.wonCount} / ${r.current.lostCount}`,
    },
    { key: 'customers', title: t('analyticsMarket.customers'), align: 'right', render: (_, r) => r.customerCount },
    ...tierColumns,
  ];

  return (
    <>
      <PageHeader title={t('analyticsMarket.title')} />
      <AnalyticsFilterBar filters={filters} onChange={setFilters} fields={['team', 'region', 'level', 'tier', 'pipeline']} />
      <FigureCard
        title={t('analyticsMarket.chart')}
        query={figure}
        figure={{ path: 'market', query }}
        isEmpty={(d) => d.data.length === 0}
        testId="market-figure"
        extra={
          <Segmented<By>
            size="small"
            value={by}
            onChange={(next) => setUrl({ by: next })}
            options={(['industry', 'region'] as const).map((value) => ({ value, label: t(`analyticsMarket.by.${value}`) }))}
            data-testid="market-by"
          />
        }
      >
        {(d) => (
          <>
            {option && <Chart option={option} height={300} label={t('analyticsMarket.chart')} />}
            <Table<TMarketRow>
              rowKey={(r) => r.key ?? ''}
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={d.data}
              columns={columns}
              data-testid="market-table"
            />
          </>
        )}
      </FigureCard>
    </>
  );
}
