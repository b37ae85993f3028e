import {
  type TCycleLength,
  type TFunnel,
  type TRevenue,
  type TWinLoss,
  ZCycleLength,
  ZCycleLengthExportQuery,
  ZCycleLengthQuery,
  ZFunnel,
  ZFunnelExportQuery,
  ZFunnelQuery,
  ZRevenue,
  ZRevenueExportQuery,
  ZRevenueQuery,
  ZWinLoss,
  ZWinLossExportQuery,
  ZWinLossQuery,
} from '@tierline/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { access } from '../../platform/access.ts';
import type { ExportColumn } from '../../platform/exports/export.rules.ts';
import { sendFigures } from '../../platform/exports/figures.ts';
import { ctxOf } from '../../platform/requestContext.ts';
import { SNAPSHOT_DESCRIPTION } from './dashboardSnapshots.rules.ts';
import { cycleLength, funnel, revenue, winLoss } from './pipelineAnalytics.usecases.ts';

const SCOPE =
  'Counts only deals the caller may see (rep: own and shared; manager: their teams’ and own; director, admin, viewer: the organisation’s); ' +
  'teamId (the deal’s team stamp), repId (owner), region and tierId (the customer’s region and current tier), levelId (the owner’s current level) ' +
  'and pipelineId narrow within that. The window [from, to) is calendar dates in the organisation’s zone. ' +
  'compare=previous adds `previous`: the same figures for the previous month/quarter/year (or as many days before). ' +
  'Money is decimal text, rates are fractions as text with 4 places (null when the denominator is 0). ' +
  'GET …/export with the same query and format=csv|xlsx, locale=zh-CN|en gives the same rows as a file. ' +
  SNAPSHOT_DESCRIPTION;

const FUNNEL =
  'Per stage of the pipeline, in position order: enteredCount / enteredAmount = deals with a stage-history entry of the stage in the window ' +
  '(each deal once; amount = the deal’s current amount); advancedCount = of those, the deals that after that entry entered an open stage further ' +
  'on (by position) or the won stage, by now; conversionRate = advancedCount / enteredCount (null for won and lost). currentCount / currentAmount = ' +
  'open deals in the stage now (a snapshot, the window ignored). totals: createdCount = deals created in the window, createdWonCount / createdLostCount ' +
  '= of those, now won / lost; winRate = createdWonCount / createdCount; closedWinRate = createdWonCount / (createdWonCount + createdLostCount); ' +
  'wonCount, wonAmount, lostCount, lostAmount = deals closed (won / lost) in the window. ';
const CYCLE =
  'Per process type (pipeline): wonCount = won deals closed in the window; meanDays, medianDays, p90Days = mean, median and 90th percentile ' +
  '(percentile_cont, interpolated) of their days from creation to close. stages: per open stage, dealCount = those won deals that spent time in ' +
  'the stage, meanDays = the mean of each such deal’s total days in it (its finished visits). ';
const WIN_LOSS =
  'Deals closed in the window, grouped by the customer’s current tier, the owner’s current level, the pipeline’s process type, or loss reason: ' +
  'wonCount, wonAmount, lostCount, lostAmount; winRate = won / (won + lost); lostShare = the group’s lost deals / all lost deals in the answer. ' +
  'By lossReason only lost deals count (winRate null) and a deal without a reason is the row with key null (“Unspecified”); key null elsewhere: ' +
  'no customer (tier) or no level. ';
const REVENUE =
  'Won deals closed in the window: wonCount and wonAmount by the customer’s current tier (key null: deals without a customer), by the pipeline’s ' +
  'process type, or by month of close in the organisation’s zone (YYYY-MM, every month of the window, empty ones at 0); share = the group’s ' +
  'won amount / the window’s total won amount. ';

/** Current rows then, with compare, the previous window's, each stamped with its window so one file holds both. */
const withWindows = <F extends { window: { from: string; to: string } }, R>(f: F & { previous?: F }, rowsOf: (x: F) => R[]) =>
  [f, ...(f.previous ? [f.previous] : [])].flatMap((x) => rowsOf(x).map((r) => ({ ...r, window: `${x.window.from}–${x.window.to}` })));

const windowColumn = <T extends { window: string }>(): ExportColumn<T> => ({
  key: 'window',
  zh: '期间',
  en: 'Window',
  value: (r) => r.window,
});
const text = <T>(key: keyof T & string, zh: string, en: string, numeric = false): ExportColumn<T> => ({
  key,
  zh,
  en,
  value: (r) => r[key] as string | number | null,
  numeric,
});

type FunnelExportRow = TFunnel['stages'][number] & { window: string };
const funnelColumns: ExportColumn<FunnelExportRow>[] = [
  windowColumn(),
  text('key', '阶段键', 'Stage key'),
  text('nameZh', '阶段', 'Stage (zh)'),
  text('nameEn', '阶段（英文）', 'Stage'),
  text('enteredCount', '进入数', 'Entered', true),
  text('enteredAmount', '进入金额', 'Entered amount', true),
  text('advancedCount', '推进数', 'Advanced', true),
  text('conversionRate', '转化率', 'Conversion rate', true),
  text('currentCount', '当前数', 'Open now', true),
  text('currentAmount', '当前金额', 'Open amount now', true),
];

type CycleExportRow = {
  processType: string;
  stage: string | null;
  count: number;
  meanDays: number | null;
  medianDays: number | null;
  p90Days: number | null;
};
const cycleRowsOf = (c: Omit<TCycleLength, 'previous'>): CycleExportRow[] =>
  c.rows.flatMap((p) => [
    { processType: p.processType, stage: null, count: p.wonCount, meanDays: p.meanDays, medianDays: p.medianDays, p90Days: p.p90Days },
    ...p.stages.map((s) => ({
      processType: p.processType,
      stage: s.key,
      count: s.dealCount,
      meanDays: s.meanDays,
      medianDays: null,
      p90Days: null,
    })),
  ]);
const cycleColumns: ExportColumn<CycleExportRow & { window: string }>[] = [
  windowColumn(),
  text('processType', '销售类型', 'Process type'),
  text('stage', '阶段（空：整个周期）', 'Stage (empty: whole cycle)'),
  text('count', '赢单数', 'Won deals', true),
  text('meanDays', '平均天数', 'Mean days', true),
  text('medianDays', '中位天数', 'Median days', true),
  text('p90Days', 'P90 天数', 'P90 days', true),
];

type GroupExportRow = { key: string | null; labelZh: string | null; labelEn: string | null; window: string };
const groupColumns = <T extends GroupExportRow>(more: ExportColumn<T>[]): ExportColumn<T>[] => [
  windowColumn(),
  text('key', '键', 'Key'),
  text('labelZh', '名称', 'Name (zh)'),
  text('labelEn', '名称（英文）', 'Name'),
  ...more,
];
type WinLossExportRow = TWinLoss['rows'][number] & { window: string };
const winLossColumns = groupColumns<WinLossExportRow>([
  text('wonCount', '赢单数', 'Won', true),
  text('wonAmount', '赢单金额', 'Won amount', true),
  text('lostCount', '输单数', 'Lost', true),
  text('lostAmount', '输单金额', 'Lost amount', true),
  text('winRate', '赢率', 'Win rate', true),
  text('lostShare', '输单占比', 'Share of lost', true),
]);
type RevenueExportRow = TRevenue['rows'][number] & { window: string };
const revenueColumns = groupColumns<RevenueExportRow>([
  text('wonCount', '赢单数', 'Won', true),
  text('wonAmount', '赢单金额', 'Won amount', true),
  text('share', '占比', 'Share', true),
]);

export const pipelineAnalyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const config = { access: access.signedIn };
  const tags = ['analytics'];

  app.get(
    '/api/v1/analytics/funnel',
    {
      config,
      schema: {
        tags,
        summary: 'Funnel of a pipeline with stage-to-stage conversion',
        description: FUNNEL + SCOPE,
        querystring: ZFunnelQuery,
        response: { 200: ZFunnel },
      },
    },
    async (req) => funnel(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/analytics/funnel/export',
    {
      config,
      schema: { tags, summary: 'The funnel’s stages as CSV or Excel', description: FUNNEL + SCOPE, querystring: ZFunnelExportQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const f = await funnel(ctx, req.query);
      const rows = withWindows(f, (x) => x.stages);
      return sendFigures(reply, ctx, { name: 'funnel', sheet: { zh: '销售漏斗', en: 'Funnel' }, columns: funnelColumns, rows }, req.query);
    },
  );

  app.get(
    '/api/v1/analytics/cycle-length',
    {
      config,
      schema: {
        tags,
        summary: 'Sales cycle length by process type and days per stage',
        description: CYCLE + SCOPE,
        querystring: ZCycleLengthQuery,
        response: { 200: ZCycleLength },
      },
    },
    async (req) => cycleLength(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/analytics/cycle-length/export',
    { config, schema: { tags, summary: 'Cycle length as CSV or Excel', description: CYCLE + SCOPE, querystring: ZCycleLengthExportQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const rows = withWindows(await cycleLength(ctx, req.query), cycleRowsOf);
      return sendFigures(
        reply,
        ctx,
        { name: 'cycle-length', sheet: { zh: '销售周期', en: 'Cycle length' }, columns: cycleColumns, rows },
        req.query,
      );
    },
  );

  app.get(
    '/api/v1/analytics/win-loss',
    {
      config,
      schema: {
        tags,
        summary: 'Win/loss by loss reason, tier, rep level or process type',
        description: WIN_LOSS + SCOPE,
        querystring: ZWinLossQuery,
        response: { 200: ZWinLoss },
      },
    },
    async (req) => winLoss(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/analytics/win-loss/export',
    { config, schema: { tags, summary: 'Win/loss as CSV or Excel', description: WIN_LOSS + SCOPE, querystring: ZWinLossExportQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const rows = withWindows(await winLoss(ctx, req.query), (x) => x.rows);
      return sendFigures(
        reply,
        ctx,
        { name: 'win-loss', sheet: { zh: '赢输分析', en: 'Win-loss' }, columns: winLossColumns, rows },
        req.query,
      );
    },
  );

  app.get(
    '/api/v1/analytics/revenue',
    {
      config,
      schema: {
        tags,
        summary: 'Won revenue by tier, process type or month',
        description: REVENUE + SCOPE,
        querystring: ZRevenueQuery,
        response: { 200: ZRevenue },
      },
    },
    async (req) => revenue(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/analytics/revenue/export',
    { config, schema: { tags, summary: 'Revenue as CSV or Excel', description: REVENUE + SCOPE, querystring: ZRevenueExportQuery } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const rows = withWindows(await revenue(ctx, req.query), (x) => x.rows);
      return sendFigures(reply, ctx, { name: 'revenue', sheet: { zh: '收入', en: 'Revenue' }, columns: revenueColumns, rows }, req.query);
    },
  );
};
