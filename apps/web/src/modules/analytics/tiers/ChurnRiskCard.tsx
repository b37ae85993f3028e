import type { TAnalyticsFilters, TTierChurnRisk } from '@tierline/contracts';
import { Flex, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format.ts';
import { useFigure } from '../analytics.api.ts';
import { FigureCard } from '../components/FigureCard.tsx';
import { scopeQuery } from './tierQueries.ts';
import { nameIn } from './tiers.charts.ts';

type Customer = TTierChurnRisk['customers'][number];

/** 流失风险: customers silent for more than twice their usual interval between purchases, the longest-silent first. */
export function ChurnRiskCard({ filters }: { filters: TAnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = scopeQuery(filters);
  const figure = useFigure<TTierChurnRisk>('tiers/churn-risk', query);
  return (
    <FigureCard
      title={t('analyticsTiers.churn.title')}
      query={figure}
      figure={{ path: 'tiers/churn-risk', query }}
      isEmpty={(d) => d.assessed === 0}
      testId="tier-churn"
    >
      {(d) => (
        <>
          <Typography.Paragraph type="secondary">
            {t('analyticsTiers.churn.explain')} {t('analyticsTiers.churn.asOf', { time: formatDateTime(d.asOf, lng) })}
          </Typography.Paragraph>
          <Flex gap={32} wrap style={{ marginBottom: 12 }}>
            <Statistic title={t('analyticsTiers.churn.assessed')} value={d.assessed} />
            <Statistic title={t('analyticsTiers.churn.atRisk')} value={d.atRisk} valueStyle={{ color: d.atRisk ? '#cf1322' : undefined }} />
            {d.byTier.map((tier) => (
              <Statistic
                key={tier.tierId}
                title={nameIn({ zh: tier.tierNameZh, en: tier.tierNameEn }, lng)}
                value={tier.atRisk}
                suffix={`/ ${tier.assessed}`}
              />
            ))}
          </Flex>
          <Table<Customer>
            rowKey="customerId"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={d.customers}
            columns={[
              {
                key: 'customer',
                title: t('analyticsTiers.churn.customer'),
                render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>,
              },
              {
                key: 'tier',
                title: t('analyticsTiers.tier'),
                render: (_, c) => <Tag>{nameIn({ zh: c.tierNameZh, en: c.tierNameEn }, lng)}</Tag>,
              },
              { key: 'owner', title: t('analyticsTiers.churn.owner'), render: (_, c) => c.ownerName ?? '—' },
              { key: 'last', title: t('analyticsTiers.churn.lastPurchase'), render: (_, c) => formatDate(c.lastPurchaseAt, lng) },
              {
                key: 'since',
                title: t('analyticsTiers.churn.daysSince'),
                align: 'right',
                render: (_, c) => formatNumber(c.daysSinceLastPurchase, lng, 1),
              },
              {
                key: 'usual',
                title: t('analyticsTiers.churn.usualInterval'),
                align: 'right',
                render: (_, c) => formatNumber(c.usualIntervalDays, lng, 1),
              },
              {
                key: 'ratio',
                title: t('analyticsTiers.churn.ratio'),
                align: 'right',
                render: (_, c) => `×${formatNumber(c.ratio, lng, 1)}`,
              },
            ]}
          />
        </>
      )}
    </FigureCard>
  );
}
