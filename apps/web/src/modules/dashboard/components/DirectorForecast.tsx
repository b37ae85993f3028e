import { Col, Flex, Row, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { DealsDrawer, type DealsFilter } from '../../analytics/components/DealsDrawer.tsx';
import { FigureCard } from '../../analytics/components/FigureCard.tsx';
import { formatPercent, money } from '../../analytics/figures.ts';
import { lorenzOption } from '../../analytics/tiers/tiers.charts.ts';
import { useConcentration, useForecastPipeline } from '../dashboard.api.ts';
import { FORECAST_SERIES, forecastBarsOption } from '../dashboard.charts.ts';

type Window = { from: string; to: string };

/**
 * The quarter's weighted open pipeline by expected close month and forecast category (the forecast figure's own
 * route and export); a click on a segment opens the open deals of that category.
 */
export function ForecastFigure({ window }: { window: Window }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const q = { from: window.from, to: window.to };
  const query = useForecastPipeline(q);
  const [open, setOpen] = useState<{ filter: DealsFilter; title: string } | null>(null);
  const option = useMemo(
    () =>
      query.data
        ? forecastBarsOption(
            query.data,
            (c) => t(`deals.forecasts.${c}`),
            (v) => money(v, lng, true),
          )
        : null,
    [query.data, t, lng],
  );
  return (
    <FigureCard
      title={t('dashboard.director.forecast')}
      query={query}
      exportPath="forecast/pipeline"
      exportQuery={q}
      testId="forecast"
      extra={
        query.data && (
          <Typography.Text type="secondary">
            {t('dashboard.director.forecastTotal', { amount: money(query.data.total.weightedAmount, lng, true) })}
          </Typography.Text>
        )
      }
    >
      {() =>
        option && (
          <>
            <Chart
              option={option}
              height={260}
              label={t('dashboard.chart.forecastLabel')}
              testId="forecast-bars"
              onItemClick={({ seriesIndex }) => {
                const category = FORECAST_SERIES[seriesIndex];
                if (category) setOpen({ filter: { status: 'open', forecastCategory: category }, title: t(`deals.forecasts.${category}`) });
              }}
            />
            <DealsDrawer filter={open?.filter ?? null} title={open?.title ?? ''} onClose={() => setOpen(null)} />
          </>
        )
      }
    </FigureCard>
  );
}

/** The quarter's revenue concentration: what the top 5 % and 20 % of paying customers bring, and the Lorenz curve. */
export function ConcentrationFigure({ window }: { window: Window }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const q = { from: window.from, to: window.to };
  const query = useConcentration(q);
  const option = useMemo(
    () =>
      query.data ? lorenzOption(query.data.lorenz, { curve: t('dashboard.director.curve'), equal: t('dashboard.director.equal') }) : null,
    [query.data, t],
  );
  return (
    <FigureCard
      title={t('dashboard.director.concentration')}
      query={query}
      exportPath="tiers/concentration"
      exportQuery={q}
      testId="concentration"
      isEmpty={(d) => d.payingCustomers === 0}
    >
      {(d) => (
        <Flex vertical gap={8}>
          <Row gutter={8}>
            <Col xs={12} md={8}>
              <Statistic title={t('dashboard.director.top5')} value={formatPercent(d.top5.share, lng)} />
            </Col>
            <Col xs={12} md={8}>
              <Statistic title={t('dashboard.director.top20')} value={formatPercent(d.top20.share, lng)} />
            </Col>
            <Col xs={24} md={8}>
              <Typography.Text type="secondary">{t('dashboard.director.payingCustomers', { count: d.payingCustomers })}</Typography.Text>
              <div>{money(d.payingRevenue, lng, true)}</div>
            </Col>
          </Row>
          {option && <Chart option={option} height={240} label={t('dashboard.chart.lorenzLabel')} testId="lorenz" />}
        </Flex>
      )}
    </FigureCard>
  );
}
