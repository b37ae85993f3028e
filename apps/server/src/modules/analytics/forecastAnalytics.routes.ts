import {
  type TCalibratedForecastRep,
  type TForecastPipelineCell,
  ZCalibratedForecast,
  ZCalibratedForecastExportQuery,
  ZCalibratedForecastQuery,
  ZForecastPipeline,
  ZForecastPipelineExportQuery,
  ZForecastPipelineQuery,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import type { ExportColumn } from '../../platform/exports/export.rules.ts';
import { sendFigures } from '../../platform/exports/figures.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { SNAPSHOT_DESCRIPTION } from './dashboardSnapshots.rules.ts';
import { calibratedForecast, forecastPipeline } from './forecast.usecases.ts';

const PIPELINE_DESCRIPTION = `Open deals now (stage kind open, not deleted, that I may see) whose expected_close_date is in [from, to) (calendar dates), by expected close month (YYYY-MM) and forecast category (pipeline, best_case, commit, closed, omitted).
count = number of deals; amount = Σ amount (none → 0); weightedAmount = Σ amount × (the deal's probability, else its stage's) ÷ 100, summed in numeric and rounded once to 2 places.
cells: every month of the window × every category (zeros included); months: each month's open figures plus wonCount/wonAmount = deals in a won stage whose closed_at falls in the window and in that month, both in the organisation's time zone; categories: each category over the window; total: everything.
Filters narrow within my scope: teamId = deals.team_id, repId = owner, region/tierId = the customer's, levelId = the owner's current level, pipelineId. compare is ignored (the open pipeline is a snapshot).`;

const CALIBRATED_DESCRIPTION = `Per active rep I may see (a rep: themselves; a manager: the reps of their teams; others: the organisation's; a named rep or team outside → 404), for the period (2026-Q3, 2026-07 or 2026):
committed = the rep's forecast commit of the period (null when none); wonSoFar = Σ amount of the rep's deals in a won stage with closed_at in the period (org time zone), as the revenueWon KPI.
history = the rep's last \`history\` (default 4) periods of the same kind that have ended and are before the period and had a commit, each with accuracy = max(0, 1 − |won − committed| ÷ committed) (the forecastAccuracy KPI; committed 0 → 1 if nothing won, else 0).
accuracy = the mean of those accuracies (4 places), null without history.
calibrated = wonSoFar + max(0, committed − wonSoFar) × accuracy (the product rounded half up to 2 places): what is won is certain, the rest of the commit counts as much as the rep's forecasts have proved right. Without history the commit stands (wonSoFar + the rest); without a commit, calibrated = wonSoFar. explanation shows each step with the numbers.
teams (by the reps' current team) and total: Σ committed (missing = 0), Σ wonSoFar, Σ calibrated, the number of reps and of reps who committed.`;

const pipelineColumns: ExportColumn<TForecastPipelineCell>[] = [
  { key: 'month', zh: '预计成交月份', en: 'Expected close month', value: (r) => r.month },
  { key: 'category', zh: '预测类别', en: 'Forecast category', value: (r) => r.category },
  { key: 'count', zh: '商机数', en: 'Deals', value: (r) => r.count, numeric: true },
  { key: 'amount', zh: '金额', en: 'Amount', value: (r) => r.amount, numeric: true },
  { key: 'weightedAmount', zh: '加权金额', en: 'Weighted amount', value: (r) => r.weightedAmount, numeric: true },
];

const calibratedColumns: ExportColumn<TCalibratedForecastRep>[] = [
  { key: 'repName', zh: '销售', en: 'Rep', value: (r) => r.repName },
  { key: 'teamName', zh: '团队', en: 'Team', value: (r) => r.teamName },
  { key: 'committed', zh: '承诺预测', en: 'Committed', value: (r) => r.committed, numeric: true },
  { key: 'wonSoFar', zh: '已赢单金额', en: 'Won so far', value: (r) => r.wonSoFar, numeric: true },
  { key: 'periods', zh: '历史期数', en: 'Past periods', value: (r) => r.history.length, numeric: true },
  { key: 'accuracy', zh: '历史预测准确率', en: 'Past accuracy', value: (r) => r.accuracy, numeric: true },
  { key: 'calibrated', zh: '校准预测', en: 'Calibrated forecast', value: (r) => r.calibrated, numeric: true },
  { key: 'explanation', zh: '计算过程', en: 'How it was computed', value: (r) => r.explanation.join('\n') },
];

/** Forecast analytics (issue 9 item 3): the weighted pipeline and the calibrated forecast, each with its export. */
export const forecastAnalyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const pipelineSchema = { tags: ['analytics'], description: `${PIPELINE_DESCRIPTION}\n\n${SNAPSHOT_DESCRIPTION}` };
  app.get(
    '/api/v1/analytics/forecast/pipeline',
    {
      config: { access: access.signedIn },
      schema: {
        ...pipelineSchema,
        summary: 'Weighted open pipeline by expected close month and forecast category, within my scope',
        querystring: ZForecastPipelineQuery,
        response: { 200: ZForecastPipeline },
      },
    },
    async (req) => forecastPipeline(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/analytics/forecast/pipeline/export',
    {
      config: { access: access.signedIn },
      schema: {
        ...pipelineSchema,
        summary: 'The weighted pipeline (month × category) as CSV or Excel',
        querystring: ZForecastPipelineExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...filters } = req.query;
      const figures = await forecastPipeline(ctx, filters);
      return sendFigures(
        reply,
        ctx,
        { name: 'forecast-pipeline', sheet: { zh: '加权管道', en: 'Weighted pipeline' }, columns: pipelineColumns, rows: figures.cells },
        { format, locale },
      );
    },
  );

  const calibratedSchema = { tags: ['analytics'], description: `${CALIBRATED_DESCRIPTION}\n\n${SNAPSHOT_DESCRIPTION}` };
  app.get(
    '/api/v1/analytics/forecast/calibrated',
    {
      config: { access: access.signedIn },
      schema: {
        ...calibratedSchema,
        summary: 'Each rep’s commit, past forecast accuracy and calibrated forecast, with how it was computed',
        querystring: ZCalibratedForecastQuery,
        response: { 200: ZCalibratedForecast },
      },
    },
    async (req) => calibratedForecast(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/analytics/forecast/calibrated/export',
    {
      config: { access: access.signedIn },
      schema: {
        ...calibratedSchema,
        summary: 'The calibrated forecast per rep as CSV or Excel',
        querystring: ZCalibratedForecastExportQuery,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { format, locale, ...q } = req.query;
      const figures = await calibratedForecast(ctx, q);
      return sendFigures(
        reply,
        ctx,
        {
          name: 'forecast-calibrated',
          sheet: { zh: '校准预测', en: 'Calibrated forecast' },
          columns: calibratedColumns,
          rows: figures.reps,
        },
        { format, locale },
      );
    },
  );
};
