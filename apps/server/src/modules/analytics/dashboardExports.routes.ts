import {
  type TDirectorDashboard,
  type TExportFormat,
  type TLocale,
  type TManagerDashboard,
  type TRepDashboard,
  type TStageSnapshot,
  ZFiguresExportOptions,
  ZManagerDashboardQuery,
  ZRepDashboardQuery,
} from '@tierline/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { access } from '../../platform/access.ts';
import type { ExportColumn } from '../../platform/exports/export.rules.ts';
import { type Figures, sendFigures } from '../../platform/exports/figures.ts';
import { type Ctx, ctxOf } from '../../platform/requestContext.ts';
import { directorDashboard, managerDashboard, repDashboard } from './dashboards.usecases.ts';

/**
 * The role dashboards' figures as CSV or Excel (issue 9 item 6): each card of a dashboard downloads its own rows, from
 * the same use case, with the same access and query as the JSON route — so a file never holds more than the card.
 * The director's forecast and concentration cards come from figures with their own export routes.
 */

const BASE = '/api/v1/analytics/dashboard';

export const REP_FIGURES = ['pipeline', 'tasks', 'targets'] as const;
export const MANAGER_FIGURES = ['funnel', 'attainment', 'overdue', 'poolWarnings', 'levelRecommendations'] as const;
export const DIRECTOR_FIGURES = ['revenueByTier', 'revenueByProcessType', 'openPipeline', 'leaderboard'] as const;

const exportOptions = <const F extends readonly [string, ...string[]]>(figures: F) =>
  z.object({ figure: z.enum(figures), ...ZFiguresExportOptions.shape });

/** A figure ready to send, whatever its row type (a column reads its own row type only). */
type Sendable = (reply: FastifyReply, ctx: Ctx, options: { format: TExportFormat; locale: TLocale }) => Promise<unknown>;
const sendable =
  <T>(figures: Figures<T>): Sendable =>
  (reply, ctx, options) =>
    sendFigures(reply, ctx, figures, options);

const col = <T>(key: string, zh: string, en: string, value: ExportColumn<T>['value'], numeric = false): ExportColumn<T> => ({
  key,
  zh,
  en,
  value,
  numeric,
});
/** A name in the file's language (the dashboards carry both). */
const named = (locale: TLocale) => (zh: string | null, en: string | null) => (locale === 'en' ? en : zh);

function stageFigures(name: string, sheet: Figures<TStageSnapshot>['sheet'], rows: TStageSnapshot[], locale: TLocale) {
  const pick = named(locale);
  return sendable<TStageSnapshot>({
    name,
    sheet,
    rows,
    columns: [
      col('processType', '流程类型', 'Process type', (r) => r.processType),
      col('pipeline', '销售流程', 'Pipeline', (r) => pick(r.pipelineNameZh, r.pipelineNameEn)),
      col('stageKey', '阶段代码', 'Stage key', (r) => r.stageKey),
      col('stage', '阶段', 'Stage', (r) => pick(r.stageNameZh, r.stageNameEn)),
      col('count', '商机数', 'Deals', (r) => r.count, true),
      col('amount', '金额', 'Amount', (r) => r.amount, true),
      col('weightedAmount', '加权金额', 'Weighted amount', (r) => r.weightedAmount, true),
    ],
  });
}

type Kpi = { kpi: string; actual: string | null; target: string | null; attainment: number | null };
const kpiColumns = <T extends Kpi>(): ExportColumn<T>[] => [
  col('kpi', '指标', 'KPI', (r) => r.kpi),
  col('actual', '实际', 'Actual', (r) => r.actual, true),
  col('target', '目标', 'Target', (r) => r.target, true),
  col('attainment', '达成率', 'Attainment', (r) => r.attainment, true),
];

function repFigures(d: TRepDashboard, locale: TLocale): Record<(typeof REP_FIGURES)[number], () => Sendable> {
  return {
    pipeline: () => stageFigures('dashboard-pipeline', { zh: '我的商机阶段', en: 'My pipeline' }, d.pipeline, locale),
    tasks: () =>
      sendable<TRepDashboard['tasks'] & { rep: string }>({
        name: 'dashboard-tasks',
        sheet: { zh: '我的任务', en: 'My tasks' },
        rows: [{ rep: d.rep.name, ...d.tasks }],
        columns: [
          col('rep', '销售', 'Rep', (r) => r.rep),
          col('open', '未完成', 'Open', (r) => r.open, true),
          col('dueToday', '今日到期', 'Due today', (r) => r.dueToday, true),
          col('overdue', '已逾期', 'Overdue', (r) => r.overdue, true),
        ],
      }),
    targets: () => {
      type R = TRepDashboard['targets']['kpis'][number] & { period: string; total: number | null; grade: string | null };
      const { kpis, period, total, grade } = d.targets;
      return sendable<R>({
        name: 'dashboard-targets',
        sheet: { zh: '目标与达成', en: 'Targets' },
        rows: kpis.map((k) => ({ ...k, period, total, grade })),
        columns: [
          col('period', '考核期', 'Period', (r) => r.period),
          ...kpiColumns<R>(),
          col('targetSource', '目标来源', 'Target source', (r) => r.targetSource),
          col('total', '总分', 'Total', (r) => r.total, true),
          col('grade', '评级', 'Grade', (r) => r.grade),
        ],
      });
    },
  };
}

function managerFigures(d: TManagerDashboard, locale: TLocale): Record<(typeof MANAGER_FIGURES)[number], () => Sendable> {
  return {
    funnel: () => stageFigures('dashboard-team-funnel', { zh: '团队漏斗', en: 'Team funnel' }, d.funnel, locale),
    attainment: () => {
      // One line per rep and KPI: a sheet sorts and pivots it, and every KPI keeps its own actual and target.
      type R = TManagerDashboard['attainment']['reps'][number]['kpis'][number] & { name: string; total: number; grade: string };
      return sendable<R>({
        name: 'dashboard-attainment',
        sheet: { zh: '团队达成', en: 'Attainment' },
        rows: d.attainment.reps.flatMap((rep) => rep.kpis.map((k) => ({ ...k, name: rep.name, total: rep.total, grade: rep.grade }))),
        columns: [
          col('rep', '销售', 'Rep', (r) => r.name),
          col('total', '总分', 'Total', (r) => r.total, true),
          col('grade', '评级', 'Grade', (r) => r.grade),
          ...kpiColumns<R>(),
        ],
      });
    },
    overdue: () =>
      sendable<TManagerDashboard['overdueFollowUps'][number]>({
        name: 'dashboard-overdue',
        sheet: { zh: '逾期跟进', en: 'Overdue follow-ups' },
        rows: d.overdueFollowUps,
        columns: [
          col('rep', '销售', 'Rep', (r) => r.name),
          col('overdue', '逾期任务', 'Overdue tasks', (r) => r.overdue, true),
          col('oldestDueAt', '最早到期', 'Oldest due', (r) => r.oldestDueAt),
        ],
      }),
    poolWarnings: () =>
      sendable<TManagerDashboard['poolWarnings']['customers'][number]>({
        name: 'dashboard-pool-warnings',
        sheet: { zh: '公海预警', en: 'Pool warnings' },
        rows: d.poolWarnings.customers,
        columns: [
          col('customer', '客户', 'Customer', (r) => r.name),
          col('owner', '负责人', 'Owner', (r) => r.ownerName),
          col('lastTouchAt', '最近跟进', 'Last touch', (r) => r.lastTouchAt),
          col('warnedAt', '预警时间', 'Warned at', (r) => r.warnedAt),
          col('reclaimAt', '回收时间', 'Back to pool at', (r) => r.reclaimAt),
        ],
      }),
    levelRecommendations: () => {
      type R = TManagerDashboard['levelRecommendations']['reps'][number] & { period: string };
      const { reps, period } = d.levelRecommendations;
      return sendable<R>({
        name: 'dashboard-level-recommendations',
        sheet: { zh: '职级建议', en: 'Level recommendations' },
        rows: reps.map((r) => ({ ...r, period })),
        columns: [
          col('period', '考核期', 'Period', (r) => r.period),
          col('rep', '销售', 'Rep', (r) => r.name),
          col('recommendation', '建议', 'Recommendation', (r) => r.recommendation),
          col('decided', '决定', 'Decision', (r) => r.decided),
        ],
      });
    },
  };
}

type Slice = { current: string; previous: string; growth: string | null };
const sliceColumns = <T>(prefix: string, zh: string, en: string, slice: (r: T) => Slice): ExportColumn<T>[] => [
  col(`${prefix}Current`, `${zh}·本季度`, `${en} · this quarter`, (r) => slice(r).current, true),
  col(`${prefix}Previous`, `${zh}·上季度`, `${en} · last quarter`, (r) => slice(r).previous, true),
  col(`${prefix}Growth`, `${zh}·增长`, `${en} · growth`, (r) => slice(r).growth, true),
];

function directorFigures(d: TDirectorDashboard, locale: TLocale): Record<(typeof DIRECTOR_FIGURES)[number], () => Sendable> {
  const pick = named(locale);
  return {
    revenueByTier: () => {
      type R = TDirectorDashboard['revenueByTier'][number];
      return sendable<R>({
        name: 'dashboard-revenue-by-tier',
        sheet: { zh: '分级收入', en: 'Revenue by tier' },
        rows: d.revenueByTier,
        columns: [
          col('tierKey', '等级代码', 'Tier key', (r) => r.key),
          col('tier', '客户等级', 'Tier', (r) => pick(r.nameZh, r.nameEn) ?? (locale === 'en' ? 'No customer' : '无客户')),
          ...sliceColumns<R>('wonDealAmount', '赢单金额', 'Won deal amount', (r) => r.wonDealAmount),
          ...sliceColumns<R>('orderAmount', '订单金额', 'Order amount', (r) => r.orderAmount),
        ],
      });
    },
    revenueByProcessType: () => {
      type R = TDirectorDashboard['revenueByProcessType'][number];
      return sendable<R>({
        name: 'dashboard-revenue-by-process',
        sheet: { zh: '流程类型收入', en: 'Revenue by process' },
        rows: d.revenueByProcessType,
        columns: [
          col('processType', '流程类型', 'Process type', (r) => r.processType),
          ...sliceColumns<R>('wonDealAmount', '赢单金额', 'Won deal amount', (r) => r.wonDealAmount),
        ],
      });
    },
    openPipeline: () =>
      sendable<TDirectorDashboard['openPipeline']>({
        name: 'dashboard-open-pipeline',
        sheet: { zh: '在途商机', en: 'Open pipeline' },
        rows: [d.openPipeline],
        columns: [
          col('count', '商机数', 'Deals', (r) => r.count, true),
          col('amount', '金额', 'Amount', (r) => r.amount, true),
          col('weightedAmount', '加权金额', 'Weighted amount', (r) => r.weightedAmount, true),
        ],
      }),
    leaderboard: () =>
      sendable<TDirectorDashboard['leaderboard'][number] & { period: string }>({
        name: 'dashboard-leaderboard',
        sheet: { zh: '排行榜', en: 'Leaderboard' },
        rows: d.leaderboard.map((r) => ({ ...r, period: d.quarter.period })),
        columns: [
          col('period', '考核期', 'Period', (r) => r.period),
          col('rank', '名次', 'Rank', (r) => r.rank, true),
          col('rep', '销售', 'Rep', (r) => r.name),
          col('total', '总分', 'Total', (r) => r.value, true),
          col('grade', '评级', 'Grade', (r) => r.grade),
        ],
      }),
  };
}

const description = (route: string, figures: readonly string[]) =>
  `One card of \`GET ${BASE}/${route}\` as CSV or Excel (format=csv|xlsx, locale=zh-CN|en for the headers and names):
\`figure\` = ${figures.map((f) => `\`${f}\``).join(', ')}. Same query, same access and data scope as the JSON route (a rep
or team the caller may not see is 404, as there).`;

export const dashboardExportsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    `${BASE}/rep/export`,
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['analytics'],
        summary: "A rep dashboard's figure as CSV or Excel",
        description: description('rep', REP_FIGURES),
        querystring: ZRepDashboardQuery.extend(exportOptions(REP_FIGURES).shape),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { figure, format, locale, ...q } = req.query;
      return repFigures(await repDashboard(ctx, q), locale)[figure]()(reply, ctx, { format, locale });
    },
  );

  app.get(
    `${BASE}/manager/export`,
    {
      config: { access: access.roles('manager', 'director', 'admin', 'viewer') },
      schema: {
        tags: ['analytics'],
        summary: "A manager dashboard's figure as CSV or Excel",
        description: description('manager', MANAGER_FIGURES),
        querystring: ZManagerDashboardQuery.extend(exportOptions(MANAGER_FIGURES).shape),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { figure, format, locale, ...q } = req.query;
      return managerFigures(await managerDashboard(ctx, q), locale)[figure]()(reply, ctx, { format, locale });
    },
  );

  app.get(
    `${BASE}/director/export`,
    {
      config: { access: access.roles('director', 'admin', 'viewer') },
      schema: {
        tags: ['analytics'],
        summary: "The director dashboard's figure as CSV or Excel",
        description: description('director', DIRECTOR_FIGURES),
        querystring: exportOptions(DIRECTOR_FIGURES),
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const { figure, format, locale } = req.query;
      return directorFigures(await directorDashboard(ctx), locale)[figure]()(reply, ctx, { format, locale });
    },
  );
};
