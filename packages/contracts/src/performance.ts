import { z } from 'zod';
import { ZDate, ZId, ZListQuery, ZTimestamp, ZVersion } from './common.ts';
import { KPI_KEYS } from './performanceDefaults.ts';

export { DEFAULT_SCORING_SCHEME, KPI_KEYS } from './performanceDefaults.ts';

/**
 * Sales performance (PRODUCT.md D, decision 0026): periods, KPIs, targets, appraisal cycles and reviews,
 * scorecards and leaderboards. Actuals are computed from the data, never typed in.
 */

/** A period in the organisation's time zone: `2026-07` (month), `2026-Q3` (quarter) or `2026` (year). */
export const ZPeriod = z.string().regex(/^(19\d\d|2\d{3})(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'a period such as 2026-07, 2026-Q3 or 2026');
export type TPeriod = z.infer<typeof ZPeriod>;
export const ZPeriodKind = z.enum(['month', 'quarter', 'year']);
export type TPeriodKind = z.infer<typeof ZPeriodKind>;

/**
 * Every KPI, each with a documented formula (decision 0026). Money KPIs are decimal strings; rates are fractions
 * 0–1; satisfaction is the mean 1–5 score; counts are integers as strings.
 */
export const ZKpi = z.enum(KPI_KEYS);
export type TKpi = z.infer<typeof ZKpi>;
/** A KPI as `GET /api/v1/kpis` documents it. */
export const ZKpiDefinition = z.object({ kpi: ZKpi, unit: z.enum(['money', 'count', 'rate', 'score']), formula: z.string() });
export type TKpiDefinition = z.infer<typeof ZKpiDefinition>;

/** A KPI's value as exact decimal text (`"125000.00"`, `"0.6667"`, `"12"`). */
const ZValue = z
  .union([z.number(), z.string().trim()])
  .transform((v) => String(v))
  .refine((v) => /^\d{1,14}(\.\d{1,4})?$/.test(v), 'a non-negative number with up to 4 decimals');

// ——— Targets ———

/** A target: for one rep, one team, or (a default) every rep of one level; per KPI and period. */
export const ZTarget = z.object({
  id: ZId,
  kpi: ZKpi,
  /** A period key for rep and team targets; a level default names the period kind it applies to every period of. */
  period: z.string(),
  repId: ZId.nullable(),
  teamId: ZId.nullable(),
  levelId: ZId.nullable(),
  value: z.string(),
  version: z.number().int(),
});
export type TTarget = z.infer<typeof ZTarget>;

export const ZTargetUpsert = z
  .object({
    kpi: ZKpi,
    period: z.union([ZPeriod, ZPeriodKind]),
    repId: ZId.optional(),
    teamId: ZId.optional(),
    levelId: ZId.optional(),
    value: ZValue,
  })
  .superRefine((t, ctx) => {
    const subjects = [t.repId, t.teamId, t.levelId].filter(Boolean).length;
    if (subjects !== 1) ctx.addIssue({ code: 'custom', path: ['repId'], message: 'exactly one of repId, teamId, levelId' });
    const isKind = ZPeriodKind.safeParse(t.period).success;
    if (t.levelId && !isKind)
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'a level default takes a period kind: month, quarter or year' });
    if (!t.levelId && isKind)
      ctx.addIssue({ code: 'custom', path: ['period'], message: 'a rep or team target takes a period such as 2026-Q3' });
  });
export type TTargetUpsert = z.infer<typeof ZTargetUpsert>;
/** Sets many targets at once (a manager filling a team's quarter); each is created or replaces the same key's value. */
export const ZTargetBatch = z.object({ targets: z.array(ZTargetUpsert).min(1).max(2000) });
export const ZTargetListQuery = z.object({
  period: z.union([ZPeriod, ZPeriodKind]).optional(),
  repId: ZId.optional(),
  teamId: ZId.optional(),
  levelId: ZId.optional(),
});

// ——— Appraisal cycles and reviews ———

export const ZGradeBand = z.object({ grade: z.string().trim().min(1).max(10), min: z.number().min(0).max(100) });
export type TGradeBand = z.infer<typeof ZGradeBand>;
export const ZKpiWeight = z.object({ kpi: ZKpi, weight: z.number().int().min(0).max(100) });
export const ZCriterionWeight = z.object({
  /** managerRating, customerFeedback, teamwork, or an organisation's own key. */
  key: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'letters, digits and _'),
  weight: z.number().int().min(0).max(100),
});
/** What one level is appraised on: KPIs with weights and the qualitative criteria with weights. */
export const ZLevelScheme = z.object({
  levelId: ZId.nullable(),
  kpis: z.array(ZKpiWeight).max(KPI_KEYS.length),
  criteria: z.array(ZCriterionWeight).max(20),
});
export type TLevelScheme = z.infer<typeof ZLevelScheme>;

/** How a period is scored. Without a cycle for the period, the built-in default scheme applies (decision 0026). */
export const ZScoringScheme = z.object({
  /** Quantitative share of the total, 0–100; the qualitative share is the rest (70 → 70/30). */
  quantitativeWeight: z.number().int().min(0).max(100),
  /** Attainment counts up to this fraction (1.5 = 150 %). */
  attainmentCap: z.number().min(1).max(5),
  /** Grade bands: the first band whose `min` the total reaches, from the highest. */
  gradeBands: z.array(ZGradeBand).min(1).max(10),
  /** One scheme per level; `levelId: null` is the fallback for reps without a level or a scheme of their own. */
  levels: z.array(ZLevelScheme).min(1).max(20),
});
export type TScoringScheme = z.infer<typeof ZScoringScheme>;

export const ZCycleStatus = z.enum(['open', 'closed']);
export const ZAppraisalCycle = ZScoringScheme.extend({
  id: ZId,
  name: z.string(),
  period: ZPeriod,
  status: ZCycleStatus,
  createdAt: ZTimestamp,
  version: z.number().int(),
});
export type TAppraisalCycle = z.infer<typeof ZAppraisalCycle>;
export const ZAppraisalCycleCreate = ZScoringScheme.partial().extend({ name: z.string().trim().min(1).max(200), period: ZPeriod });
export const ZAppraisalCycleUpdate = ZScoringScheme.partial().extend({
  name: z.string().trim().min(1).max(200).optional(),
  /** Closing locks every review of the cycle. */
  status: ZCycleStatus.optional(),
  version: ZVersion.optional(),
});

export const ZReviewKind = z.enum(['manager', 'self']);
export const ZReviewStatus = z.enum(['draft', 'submitted', 'locked']);
export const ZRating = z.object({
  key: ZCriterionWeight.shape.key,
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).nullable().optional(),
});
export type TRating = z.infer<typeof ZRating>;
export const ZReview = z.object({
  id: ZId,
  cycleId: ZId,
  repId: ZId,
  reviewerId: ZId,
  kind: ZReviewKind,
  ratings: z.array(ZRating),
  comment: z.string().nullable(),
  status: ZReviewStatus,
  submittedAt: ZTimestamp.nullable(),
  lockedAt: ZTimestamp.nullable(),
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TReview = z.infer<typeof ZReview>;
/** A manager reviews a rep of their team (`kind: manager`); a rep writes their own (`kind: self`). */
export const ZReviewCreate = z.object({
  cycleId: ZId,
  repId: ZId,
  kind: ZReviewKind,
  ratings: z.array(ZRating).max(20).default([]),
  comment: z.string().trim().max(5000).nullable().optional(),
});
export const ZReviewUpdate = z.object({
  ratings: z.array(ZRating).max(20).optional(),
  comment: z.string().trim().max(5000).nullable().optional(),
  version: ZVersion.optional(),
});
export const ZReviewListQuery = ZListQuery.extend({ cycleId: ZId.optional(), repId: ZId.optional(), kind: ZReviewKind.optional() });

// ——— Satisfaction and forecast commits (inputs of two KPIs) ———

/** A customer's satisfaction score (1–5), recorded by hand or by import; it counts for the customer's owner then. */
export const ZSatisfactionScore = z.object({
  id: ZId,
  customerId: ZId,
  ownerId: ZId.nullable(),
  score: z.number().int().min(1).max(5),
  recordedOn: ZDate,
  comment: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TSatisfactionScore = z.infer<typeof ZSatisfactionScore>;
export const ZSatisfactionCreate = z.object({
  customerId: ZId,
  score: z.number().int().min(1).max(5),
  recordedOn: ZDate.optional(),
  comment: z.string().trim().max(2000).nullable().optional(),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
});
export const ZSatisfactionListQuery = ZListQuery.extend({ customerId: ZId.optional(), ownerId: ZId.optional() });

/** What a rep commits to win in a period (提交预测); forecast accuracy compares it with what was won. */
export const ZForecastCommit = z.object({
  id: ZId,
  repId: ZId,
  period: ZPeriod,
  amount: z.string(),
  committedAt: ZTimestamp,
  version: z.number().int(),
});
export type TForecastCommit = z.infer<typeof ZForecastCommit>;
export const ZForecastCommitUpsert = z.object({ period: ZPeriod, amount: ZValue, repId: ZId.optional() });
export const ZForecastCommitListQuery = z.object({ period: ZPeriod.optional(), repId: ZId.optional() });

// ——— Scorecards and leaderboards ———

export const ZScorecardQuery = z.object({ period: ZPeriod, repId: ZId.optional(), teamId: ZId.optional() });

/** One KPI line: every figure the UI needs to show how its points were computed. */
export const ZScorecardKpi = z.object({
  kpi: ZKpi,
  /** null: nothing to measure (a win rate without closed deals, a satisfaction without scores). */
  actual: z.string().nullable(),
  /** null: no target — the KPI is left out of the score and its weight is shared by the others. */
  target: z.string().nullable(),
  /** Where the target came from. */
  targetSource: z.enum(['rep', 'team', 'level', 'members', 'none']),
  /** actual / target; a zero target counts as met (1); null without a target. */
  attainment: z.number().nullable(),
  /** min(attainment, cap). */
  cappedAttainment: z.number().nullable(),
  weight: z.number(),
  /** The weight this KPI has among the KPIs that count (weights of KPIs without a target are shared out). */
  effectiveWeight: z.number(),
  /** effectiveWeight × cappedAttainment, the KPI's share of the quantitative score (0–100 × cap). */
  points: z.number(),
});
export type TScorecardKpi = z.infer<typeof ZScorecardKpi>;

export const ZScorecardCriterion = z.object({
  key: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  comment: z.string().nullable(),
  /** weight share × score / 5 × 100. */
  points: z.number(),
});

export const ZScorecard = z.object({
  subject: z.object({
    kind: z.enum(['rep', 'team']),
    id: ZId,
    name: z.string(),
    teamId: ZId.nullable(),
    /** The level in force at the period's end (its scheme and default targets apply). */
    levelId: ZId.nullable(),
  }),
  period: ZPeriod,
  from: ZDate,
  /** Exclusive. */
  to: ZDate,
  cycleId: ZId.nullable(),
  attainmentCap: z.number(),
  kpis: z.array(ZScorecardKpi),
  /** Σ points, capped at 100. */
  quantitativeScore: z.number(),
  /** From the submitted manager review; null until there is one (teams have none). */
  qualitativeScore: z.number().nullable(),
  criteria: z.array(ZScorecardCriterion),
  reviewId: ZId.nullable(),
  quantitativeWeight: z.number(),
  qualitativeWeight: z.number(),
  /** quantitativeWeight% × quantitative + qualitativeWeight% × qualitative, 0–100, one decimal. */
  total: z.number(),
  grade: z.string(),
  /** False while the qualitative part is missing (it counts as 0 until the review is submitted). */
  complete: z.boolean(),
});
export type TScorecard = z.infer<typeof ZScorecard>;

export const ZLeaderboardQuery = z.object({
  period: ZPeriod,
  metric: z.union([z.literal('total'), ZKpi]).default('total'),
  teamId: ZId.optional(),
  levelId: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const ZLeaderboardRow = z.object({
  rank: z.number().int(),
  repId: ZId,
  name: z.string(),
  teamId: ZId.nullable(),
  levelId: ZId.nullable(),
  value: z.string().nullable(),
  grade: z.string().nullable(),
});
export type TLeaderboardRow = z.infer<typeof ZLeaderboardRow>;
