import type { TAnalyticsFilters, TTierRfm } from '@tierline/contracts';
import { Col, Row, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { formatNumber } from '../../../shared/format.ts';
import { useFigure } from '../analytics.api.ts';
import { FigureCard } from '../components/FigureCard.tsx';
import { money } from '../figures.ts';
import { scopeQuery } from './tierQueries.ts';
import { nameIn, rfmOption } from './tiers.charts.ts';

type Segment = TTierRfm['segments'][number];

/** RFM 客户分群: the customers by recency, frequency and monetary value over the tier rules' window. */
export function RfmCard({ filters }: { filters: TAnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = scopeQuery(filters);
  const figure = useFigure<TTierRfm>('tiers/rfm-segments', query);
  const option = useMemo(() => figure.data && rfmOption(figure.data, lng, t('analyticsTiers.rfm.customers')), [figure.data, lng, t]);
  return (
    <FigureCard
      title={t('analyticsTiers.rfm.title')}
      query={figure}
      figure={{ path: 'tiers/rfm-segments', query }}
      isEmpty={(d) => d.totalCustomers === 0}
      testId="tier-rfm"
    >
      {(d) => (
        <>
          <Typography.Paragraph type="secondary">{t('analyticsTiers.rfm.explain', { days: d.windowDays })}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              {option && <Chart option={option} height={260} label={t('analyticsTiers.rfm.title')} />}
            </Col>
            <Col xs={24} lg={12}>
              <Table<Segment>
                rowKey="segment"
                size="small"
                pagination={false}
                dataSource={d.segments}
                columns={[
                  {
                    key: 'segment',
                    title: t('analyticsTiers.rfm.segment'),
                    render: (_, s) => nameIn({ zh: s.labelZh, en: s.labelEn }, lng),
                  },
                  {
                    key: 'customers',
                    title: t('analyticsTiers.rfm.customers'),
                    align: 'right',
                    render: (_, s) => formatNumber(s.customers, lng),
                  },
                  { key: 'revenue', title: t('analyticsTiers.rfm.revenue'), align: 'right', render: (_, s) => money(s.revenue, lng, true) },
                ]}
              />
            </Col>
          </Row>
        </>
      )}
    </FigureCard>
  );
}
