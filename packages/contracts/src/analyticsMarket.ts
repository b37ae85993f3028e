import { z } from 'zod';
import { windowChecked, ZAnalyticsFilters, ZComputedAt, ZFiguresExportOptions, ZRefresh } from './analytics.ts';
import { ZDate, ZId } from './common.ts';
import { ZLeaderboardRow, ZScorecardKpi } from './performance.ts';

/**
 * Market analysis (issue 9 item 5) and the role dashboards' summaries (item 1). Money is decimal text with 2
 * places, rates and growth are fractions as text with 4 places (null when the denominator is 0), counts integers.
 */

const ZMarketQueryBase = ZAnalyticsFilters.extend({
  /** Group the customers in scope by their industry or their region. */
  by: z.enum(['industry', 'region']).default('industry'),
});
export const ZMarketQuery = windowChecked(ZMarketQueryBase);
export type TMarketQuery = z.infer<typeof ZMarketQuery>;
export const ZMarketExportQuery = windowChecked(ZMarketQueryBase.extend(ZFiguresExportOptions.shape));

const ZMoney = z.string();
const ZRate = z.string().nullable();

/** One window's revenue and win/loss figures of a group. */
export const ZMarketFigures = z.object({
  /** Σ amount of the won deals closed in the window (deals joined to their customer for the group). */
  wonDealAmount: ZMoney,
  /** Σ amount of the customers' orders placed in the window (purchase history). */
  orderAmount: ZMoney,
  wonCount: z.number().int(),
  lostCount: z.number().int(),
  /** won / (won + lost); null when both are 0. */
  winRate: ZRate,
});

export const ZMarketTier = z.object({ tierId: ZId, key: z.string(), nameZh: z.string(), nameEn: z.string(), rank: z.number().int() });

export const ZMarketRow = z.object({
  /** The industry or region as written on the customers; null: not set (or a deal without a customer). */
  key: z.string().nullable(),
  label: z.string().nullable(),
  current: ZMarketFigures,
  previous: ZMarketFigures,
  /** (current − previous) / previous for each revenue measure; null when the previous one is 0. */
  growth: z.object({ wonDealAmount: ZRate, orderAmount: ZRate }),
  /** Customers in scope now (not deleted) in this group, and by their current tier (every tier, zeros included). */
  customerCount: z.number().int(),
  customersByTier: z.array(z.object({ tierId: ZId, count: z.number().int() })),
});
export type TMarketRow = z.infer<typeof ZMarketRow>;

export const ZMarketAnalysis = z.object({
  by: z.enum(['industry', 'region']),
  window: z.object({ from: ZDate, to: ZDate }),
  previousWindow: z.object({ from: ZDate, to: ZDate }),
  /** The organisation's tiers by rank (1 highest): the columns of `customersByTier`. */
  tiers: z.array(ZMarketTier),
  data: z.array(ZMarketRow),
  /** The same figures over every group. */
  total: ZMarketRow.omit({ key: true, label: true }),
  ...ZComputedAt.shape,
});
export type TMarketAnalysis = z.infer<typeof ZMarketAnalysis>;

// ——— Dashboards ———

/** Open deals per stage of each pipeline (every open stage listed, zeros included). */
export const ZStageSnapshot = z.object({
  pipelineId: ZId,
  processType: z.string(),
  pipelineNameZh: z.string(),
  pipelineNameEn: z.string(),
  stageId: ZId,
  stageKey: z.string(),
  stageNameZh: z.string(),
  stageNameEn: z.string(),
  position: z.number().int(),
  count: z.number().int(),
  /** Σ amount (deals without an amount count 0). */
  amount: ZMoney,
  /** Σ amount × (the deal's probability, else the stage's) / 100, rounded to cents. */
  weightedAmount: ZMoney,
});
export type TStageSnapshot = z.infer<typeof ZStageSnapshot>;

const ZPeriodRef = z.object({ period: z.string(), from: ZDate, to: ZDate });

export const ZRepDashboardQuery = z.object({ repId: ZId.optional() });
export const ZRepDashboard = z.object({
  rep: z.object({ id: ZId, name: z.string(), teamId: ZId.nullable(), levelId: ZId.nullable() }),
  pipeline: z.array(ZStageSnapshot),
  tasks: z.object({
    /** Open tasks assigned to the rep. */
    open: z.number().int(),
    /** Open tasks due today (the organisation's calendar day), whether or not their hour has passed. */
    dueToday: z.number().int(),
    /** Open tasks due before now. */
    overdue: z.number().int(),
  }),
  /** The current quarter's scorecard: each KPI's actual, target and attainment (performance module). */
  targets: ZPeriodRef.extend({
    kpis: z.array(ZScorecardKpi.pick({ kpi: true, actual: true, target: true, targetSource: true, attainment: true })),
    total: z.number().nullable(),
    grade: z.string().nullable(),
  }),
});
export type TRepDashboard = z.infer<typeof ZRepDashboard>;

export const ZManagerDashboardQuery = z.object({ teamId: ZId.optional(), ...ZRefresh.shape });
export const ZManagerDashboard = z.object({
  teams: z.array(z.object({ id: ZId, name: z.string() })),
  funnel: z.array(ZStageSnapshot),
  attainment: ZPeriodRef.extend({
    reps: z.array(
      z.object({
        repId: ZId,
        name: z.string(),
        teamId: ZId.nullable(),
        levelId: ZId.nullable(),
        total: z.number(),
        grade: z.string(),
        kpis: z.array(ZScorecardKpi.pick({ kpi: true, actual: true, target: true, attainment: true })),
      }),
    ),
  }),
  overdueFollowUps: z.array(z.object({ repId: ZId, name: z.string(), overdue: z.number().int(), oldestDueAt: z.string().nullable() })),
  poolWarnings: z.object({
    /** All customers of the team's reps past their warning date (the list below is the 50 due back first). */
    count: z.number().int(),
    customers: z.array(
      z.object({
        customerId: ZId,
        name: z.string(),
        ownerId: ZId,
        ownerName: z.string(),
        tierId: ZId,
        lastTouchAt: z.string(),
        warnedAt: z.string().nullable(),
        reclaimAt: z.string(),
      }),
    ),
  }),
  levelRecommendations: ZPeriodRef.extend({
    promote: z.number().int(),
    hold: z.number().int(),
    demote: z.number().int(),
    reps: z.array(
      z.object({
        repId: ZId,
        name: z.string(),
        levelId: ZId.nullable(),
        recommendation: z.enum(['promote', 'hold', 'demote']),
        toLevelId: ZId.nullable(),
        decided: z.enum(['accepted', 'rejected']).nullable(),
      }),
    ),
  }),
  ...ZComputedAt.shape,
});
export type TManagerDashboard = z.infer<typeof ZManagerDashboard>;

const ZRevenueSlice = z.object({
  current: ZMoney,
  previous: ZMoney,
  /** (current − previous) / previous; null when previous is 0. */
  growth: ZRate,
});
export const ZDirectorDashboard = z.object({
  quarter: ZPeriodRef,
  previousQuarter: ZPeriodRef,
  revenueByTier: z.array(
    z.object({
      tierId: ZId.nullable(),
      key: z.string().nullable(),
      nameZh: z.string().nullable(),
      nameEn: z.string().nullable(),
      wonDealAmount: ZRevenueSlice,
      orderAmount: ZRevenueSlice,
    }),
  ),
  revenueByProcessType: z.array(z.object({ processType: z.string(), wonDealAmount: ZRevenueSlice })),
  openPipeline: z.object({ count: z.number().int(), amount: ZMoney, weightedAmount: ZMoney }),
  leaderboard: z.array(ZLeaderboardRow),
  ...ZComputedAt.shape,
});
export type TDirectorDashboard = z.infer<typeof ZDirectorDashboard>;
export const ZDirectorDashboardQuery = ZRefresh;
