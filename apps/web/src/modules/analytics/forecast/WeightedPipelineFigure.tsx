import type { TAnalyticsFilters, TForecastPipeline } from '@tierline/contracts';
import { Button, Flex, Table, type TableProps, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useFigure } from '../analytics.api.ts';
import { DealsDrawer } from '../components/DealsDrawer.tsx';
import { FigureCard } from '../components/FigureCard.tsx';
import { money } from '../figures.ts';
import { BySwitch } from '../pipeline/BySwitch.tsx';
import { CATEGORY_STACK_ORDER, type ForecastCategory, type PipelineMeasure, weightedPipelineOption } from './weightedPipeline.charts.ts';

type CategoryRow = TForecastPipeline['categories'][number];
const MEASURES: PipelineMeasure[] = ['weightedAmount', 'amount'];

/**
 * 加权管道: open deals now, expected to close in the window, by month and forecast category (stacked bars, weighted or
 * face amount), the month's won revenue beside; then the categories as a table. A category opens its open deals.
 * `compare` is left out: the open pipeline is a snapshot of now.
 */
export function WeightedPipelineFigure({ filters }: { filters: TAnalyticsFilters }) {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlFilters<{ measure?: string }>();
  const measure: PipelineMeasure = url.measure === 'amount' ? 'amount' : 'weightedAmount';
  const [category, setCategory] = useState<ForecastCategory | null>(null);
  const query = { ...filters, compare: undefined };
  const figures = useFigure<TForecastPipeline>('forecast/pipeline', query);
  return (
    <>
      <FigureCard<TForecastPipeline>
        title={t('analyticsPipeline.forecast.pipelineTitle')}
        query={figures}
        figure={{ path: 'forecast/pipeline', query }}
        extra={
          <BySwitch<PipelineMeasure>
            label={t('analyticsPipeline.forecast.measureLabel')}
            value={measure}
            onChange={(next) => setUrl({ measure: next === 'weightedAmount' ? undefined : next })}
            options={MEASURES.map((m) => ({ value: m, label: t(`analyticsPipeline.forecast.measure.${m}`) }))}
            testId="pipeline-measure"
          />
        }
        isEmpty={(p) => p.total.count === 0 && p.total.wonCount === 0}
        testId="figure-forecast-pipeline"
      >
        {(p) => <PipelineBody figures={p} measure={measure} onCategory={setCategory} />}
      </FigureCard>
      <DealsDrawer
        filter={
          category
            ? { forecastCategory: category, status: 'open', pipelineId: filters.pipelineId, teamId: filters.teamId, ownerId: filters.repId }
            : null
        }
        title={t('analyticsPipeline.forecast.drawerTitle', { category: category ? t(`deals.forecasts.${category}`) : '' })}
        onClose={() => setCategory(null)}
      />
    </>
  );
}

function PipelineBody({
  figures,
  measure,
  onCategory,
}: {
  figures: TForecastPipeline;
  measure: PipelineMeasure;
  onCategory: (c: ForecastCategory) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const isPhone = useIsPhone();
  const { token } = theme.useToken();
  const { option, seriesCategories } = useMemo(
    () =>
      weightedPipelineOption(
        figures,
        measure,
        { category: (c) => t(`deals.forecasts.${c}`), won: t('analyticsPipeline.forecast.won') },
        {
          commit: token.colorSuccess,
          best_case: token.colorPrimary,
          pipeline: token['blue-2'],
          closed: token['cyan-5'],
          omitted: token.colorTextQuaternary,
          won: token['orange-6'],
        },
        lng,
        isPhone,
      ),
    [figures, measure, t, lng, token, isPhone],
  );
  const rows = useMemo(
    () => CATEGORY_STACK_ORDER.map((c) => figures.categories.find((k) => k.category === c)).filter((r): r is CategoryRow => Boolean(r)),
    [figures],
  );
  const columns: TableProps<CategoryRow>['columns'] = [
    {
      key: 'category',
      title: t('analyticsPipeline.forecast.category'),
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onCategory(r.category)}
          data-testid={`forecast-category-${r.category}`}
        >
          {t(`deals.forecasts.${r.category}`)}
        </Button>
      ),
    },
    {
      key: 'count',
      title: t('analyticsPipeline.forecast.count'),
      align: 'right',
      render: (_, r) => <span data-testid="forecast-count">{r.count}</span>,
    },
    {
      key: 'amount',
      title: t('analyticsPipeline.forecast.amount'),
      align: 'right',
      responsive: ['md'],
      render: (_, r) => money(r.amount, lng),
    },
    {
      key: 'weighted',
      title: t('analyticsPipeline.forecast.weighted'),
      align: 'right',
      render: (_, r) => <span data-testid="forecast-weighted">{money(r.weightedAmount, lng)}</span>,
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analyticsPipeline.forecast.note', { time: formatDateTime(figures.asOf, lng) })}
      </Typography.Text>
      <Chart
        option={option}
        height={300}
        label={t('analyticsPipeline.forecast.chartLabel')}
        testId="forecast-pipeline-chart"
        onItemClick={({ seriesIndex }) => {
          const category = seriesCategories[seriesIndex];
          if (category) onCategory(category);
        }}
      />
      <Table<CategoryRow>
        rowKey="category"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="forecast-categories"
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('analyticsPipeline.total')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {figures.total.count}
            </Table.Summary.Cell>
            {!isPhone && (
              <Table.Summary.Cell index={2} align="right">
                {money(figures.total.amount, lng)}
              </Table.Summary.Cell>
            )}
            <Table.Summary.Cell index={3} align="right">
              {money(figures.total.weightedAmount, lng)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Flex>
  );
}
