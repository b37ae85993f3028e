import type { TAnalyticsFilters, TTierDistribution } from '@tierline/contracts';
import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Chart } from '../../../shared/Chart.tsx';
import { formatNumber } from '../../../shared/format.ts';
import { useFigure } from '../analytics.api.ts';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, growth, money } from '../figures.ts';
import { customersLink, windowQuery } from './tierQueries.ts';
import { distributionOption, nameIn } from './tiers.charts.ts';

type Row = TTierDistribution['rows'][number];

/** 等级分布: customers and revenue per tier; a tier opens its customers. */
export function DistributionCard({ filters }: { filters: TAnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const navigate = useNavigate();
  const query = windowQuery(filters);
  const figure = useFigure<TTierDistribution>('tiers/distribution', query);
  const option = useMemo(
    () =>
      figure.data &&
      distributionOption(figure.data, lng, {
        customers: t('analyticsTiers.distribution.customerShare'),
        revenue: t('analyticsTiers.distribution.revenueShare'),
      }),
    [figure.data, lng, t],
  );
  const previousOf = (row: Row) => figure.data?.previous?.rows.find((p) => p.tierId === row.tierId);
  return (
    <FigureCard
      title={t('analyticsTiers.distribution.title')}
      query={figure}
      figure={{ path: 'tiers/distribution', query }}
      isEmpty={(d) => d.totalCustomers === 0}
      testId="tier-distribution"
    >
      {(d) => (
        <>
          {option && (
            <Chart
              option={option}
              height={240}
              label={t('analyticsTiers.distribution.title')}
              onItemClick={({ dataIndex }) => navigate(customersLink(filters, d.rows[dataIndex]?.tierId))}
            />
          )}
          <Table<Row>
            rowKey="tierId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.rows}
            columns={[
              {
                key: 'tier',
                title: t('analyticsTiers.tier'),
                render: (_, r) => <Link to={customersLink(filters, r.tierId)}>{nameIn({ zh: r.tierNameZh, en: r.tierNameEn }, lng)}</Link>,
              },
              {
                key: 'customers',
                title: t('analyticsTiers.distribution.customers'),
                align: 'right',
                render: (_, r) => formatNumber(r.customers, lng),
              },
              {
                key: 'cShare',
                title: t('analyticsTiers.distribution.customerShare'),
                align: 'right',
                render: (_, r) => formatPercent(r.customerShare, lng),
              },
              { key: 'revenue', title: t('analyticsTiers.distribution.revenue'), align: 'right', render: (_, r) => money(r.revenue, lng) },
              {
                key: 'rShare',
                title: t('analyticsTiers.distribution.revenueShare'),
                align: 'right',
                render: (_, r) => formatPercent(r.revenueShare, lng),
              },
              ...(d.previous
                ? [
                    {
                      key: 'delta',
                      title: t('analytics.vsPrevious'),
                      align: 'right' as const,
                      render: (_: unknown, r: Row) => <Delta rate={growth(r.revenue, previousOf(r)?.revenue)} />,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </FigureCard>
  );
}
