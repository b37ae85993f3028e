import type { TAnalyticsFilters, TTierCompliance } from '@tierline/contracts';
import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useFigure } from '../analytics.api.ts';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, rateChange } from '../figures.ts';
import { windowQuery } from './tierQueries.ts';
import { complianceOption, nameIn } from './tiers.charts.ts';

type Row = TTierCompliance['rows'][number];

/** 跟进达标率: of the follow-ups each tier's cadence asked for in the window, the share done on time. */
export function ComplianceCard({ filters }: { filters: TAnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = windowQuery(filters);
  const figure = useFigure<TTierCompliance>('tiers/follow-up-compliance', query);
  const option = useMemo(
    () => figure.data && complianceOption(figure.data, lng, t('analyticsTiers.compliance.rate')),
    [figure.data, lng, t],
  );
  const previousRate = (row: Row) => figure.data?.previous?.rows.find((p) => p.tierId === row.tierId)?.rate;
  return (
    <FigureCard
      title={t('analyticsTiers.compliance.title')}
      query={figure}
      figure={{ path: 'tiers/follow-up-compliance', query }}
      isEmpty={(d) => d.due === 0}
      testId="tier-compliance"
    >
      {(d) => (
        <>
          <Typography.Paragraph type="secondary">{t('analyticsTiers.compliance.explain')}</Typography.Paragraph>
          {option && <Chart option={option} height={220} label={t('analyticsTiers.compliance.title')} />}
          <Table<Row>
            rowKey="tierId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={d.rows}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('analyticsTiers.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {d.due}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {d.onTime}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {formatPercent(d.rate, lng)}
                </Table.Summary.Cell>
                {d.previous && (
                  <Table.Summary.Cell index={4} align="right">
                    <Delta rate={rateChange(d.rate, d.previous.rate)} />
                  </Table.Summary.Cell>
                )}
              </Table.Summary.Row>
            )}
            columns={[
              { key: 'tier', title: t('analyticsTiers.tier'), render: (_, r) => nameIn({ zh: r.tierNameZh, en: r.tierNameEn }, lng) },
              { key: 'due', title: t('analyticsTiers.compliance.due'), dataIndex: 'due', align: 'right' },
              { key: 'onTime', title: t('analyticsTiers.compliance.onTime'), dataIndex: 'onTime', align: 'right' },
              { key: 'rate', title: t('analyticsTiers.compliance.rate'), align: 'right', render: (_, r) => formatPercent(r.rate, lng) },
              ...(d.previous
                ? [
                    {
                      key: 'delta',
                      title: t('analytics.vsPrevious'),
                      align: 'right' as const,
                      render: (_: unknown, r: Row) => <Delta rate={rateChange(r.rate, previousRate(r))} />,
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
