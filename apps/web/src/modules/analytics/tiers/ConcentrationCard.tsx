import type { TAnalyticsFilters, TTierConcentration } from '@tierline/contracts';
import { Col, Row, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { useFigure } from '../analytics.api.ts';
import { Delta } from '../components/Delta.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { formatPercent, money, rateChange } from '../figures.ts';
import { windowQuery } from './tierQueries.ts';
import { lorenzOption } from './tiers.charts.ts';

/** 收入集中度: what the top 5 % and 20 % of paying customers bring, and the whole Lorenz curve. */
export function ConcentrationCard({ filters }: { filters: TAnalyticsFilters }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = windowQuery(filters);
  const figure = useFigure<TTierConcentration>('tiers/concentration', query);
  const option = useMemo(
    () =>
      figure.data &&
      lorenzOption(figure.data.lorenz, { curve: t('analyticsTiers.concentration.curve'), equal: t('analyticsTiers.concentration.equal') }),
    [figure.data, t],
  );
  return (
    <FigureCard
      title={t('analyticsTiers.concentration.title')}
      query={figure}
      figure={{ path: 'tiers/concentration', query }}
      isEmpty={(d) => d.payingCustomers === 0}
      testId="tier-concentration"
    >
      {(d) => (
        <>
          <Typography.Paragraph type="secondary">{t('analyticsTiers.concentration.explain')}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            {(['top5', 'top20'] as const).map((top) => (
              <Col xs={12} md={8} key={top}>
                <Statistic
                  title={t(`analyticsTiers.concentration.${top}`)}
                  value={formatPercent(d[top].share, lng)}
                  data-testid={`concentration-${top}`}
                />
                <Typography.Text type="secondary">
                  {t('analyticsTiers.concentration.customersOf', { count: d[top].customers })} · {money(d[top].revenue, lng, true)}
                  {d.previous && (
                    <>
                      {' '}
                      <Delta rate={rateChange(d[top].share, d.previous[top].share)} lowerIsBetter />
                    </>
                  )}
                </Typography.Text>
              </Col>
            ))}
            <Col xs={24} md={8}>
              <Statistic title={t('analyticsTiers.concentration.paying')} value={d.payingCustomers} />
              <Typography.Text type="secondary">{money(d.payingRevenue, lng, true)}</Typography.Text>
            </Col>
          </Row>
          {option && <Chart option={option} height={240} label={t('analyticsTiers.concentration.curve')} />}
        </>
      )}
    </FigureCard>
  );
}
