import { z } from 'zod';
import { ZDate, ZId, ZTimestamp, ZVersion } from './common.ts';
import { ZGradeBand, ZKpi, ZPeriod, ZPeriodKind } from './performance.ts';

/**
 * Salesperson levels as a ladder people move on (PRODUCT.md D ★, decision 0027): new levels, level history,
 * rep profiles, criteria per step, evaluations with their evidence, and managers' decisions.
 */

/** A new level is placed by rank; the ranks after it move up by one. */
export const ZLevelCreate = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,29}$/, 'lowercase letters, digits and _'),
  nameZh: z.string().trim().min(1).max(50),
  nameEn: z.string().trim().min(1).max(50),
  /** 1 = lowest. Omitted: above the highest. */
  rank: z.number().int().min(1).max(100).optional(),
});

export const ZLevelHistoryEntry = z.object({
  id: ZId,
  userId: ZId,
  fromLevelId: ZId.nullable(),
  toLevelId: ZId.nullable(),
  effectiveOn: ZDate,
  reason: z.enum(['manual', 'evaluation', 'import']),
  decisionId: ZId.nullable(),
  changedBy: ZId.nullable(),
  createdAt: ZTimestamp,
});
export type TLevelHistoryEntry = z.infer<typeof ZLevelHistoryEntry>;

/** A rep's profile: level and its history, tenure, capacity and availability. */
export const ZRepProfile = z.object({
  userId: ZId,
  name: z.string(),
  email: z.string(),
  teamId: ZId.nullable(),
  levelId: ZId.nullable(),
  /** Since when the current level holds (the latest history entry's date; else the hire date). */
  levelSince: ZDate.nullable(),
  hireDate: ZDate.nullable(),
  /** Open deals this rep may carry: their own capacity, else their level's; null: no limit. */
  capacity: z.number().int().nullable(),
  capacitySource: z.enum(['rep', 'level', 'none']),
  openDeals: z.number().int(),
  available: z.boolean(),
  history: z.array(ZLevelHistoryEntry),
  version: z.number().int(),
});
export type TRepProfile = z.infer<typeof ZRepProfile>;
export const ZRepProfileUpdate = z.object({
  /** This rep's own capacity (open deals); null: their level's. */
  capacity: z.number().int().min(0).max(100_000).nullable(),
  version: ZVersion.optional(),
});

/**
 * What one step of the ladder asks, over the last `consecutivePeriods` periods of `periodKind` ending with the
 * evaluated one: a grade at least `minGrade` in each (promotion) or at most `maxGrade` in each (demotion), KPI
 * minimums in each, and time at the current level.
 */
export const ZLevelCriterion = z.object({
  fromLevelId: ZId,
  toLevelId: ZId,
  direction: z.enum(['promote', 'demote']),
  periodKind: ZPeriodKind,
  consecutivePeriods: z.number().int().min(1).max(12),
  /** Promotion: every period at this grade or better. Demotion: every period at this grade or worse. */
  grade: z.string().trim().min(1).max(10).nullable(),
  kpiMinimums: z.array(z.object({ kpi: ZKpi, min: z.string().regex(/^\d{1,14}(\.\d{1,4})?$/) })).max(13),
  minMonthsAtLevel: z.number().int().min(0).max(240).nullable(),
});
export type TLevelCriterion = z.infer<typeof ZLevelCriterion>;
export const ZLevelCriteria = z.object({
  /** True while the organisation uses the built-in criteria (nothing saved yet). */
  isDefault: z.boolean(),
  gradeBands: z.array(ZGradeBand),
  steps: z.array(ZLevelCriterion),
});
export const ZLevelCriteriaReplace = z.object({ steps: z.array(ZLevelCriterion).max(40) });

export const ZCriterionCheck = z.object({
  /** `course`: a course of the level's promotion curriculum passed (its certification valid), decision 0029. */
  kind: z.enum(['grade', 'kpiMinimum', 'timeAtLevel', 'course']),
  /** The course a `course` check asks for (its title is in `required`). */
  courseId: ZId.optional(),
  /** What is required, e.g. `A` over 2 quarters, `revenueWon ≥ 300000`, `18 months`. */
  required: z.string(),
  met: z.boolean(),
  /** The figures it was judged on, period by period (grade or KPI value; null where there was no scorecard). */
  evidence: z.array(z.object({ period: z.string(), value: z.string().nullable(), met: z.boolean() })),
});
export type TCriterionCheck = z.infer<typeof ZCriterionCheck>;

export const ZLevelDecision = z.object({
  id: ZId,
  repId: ZId,
  period: ZPeriod,
  recommendation: z.enum(['promote', 'hold', 'demote']),
  fromLevelId: ZId.nullable(),
  toLevelId: ZId.nullable(),
  decision: z.enum(['accepted', 'rejected']),
  comment: z.string(),
  effectiveOn: ZDate.nullable(),
  /** Set when the level actually changed (on `effectiveOn`, by the daily job when that is in the future). */
  appliedAt: ZTimestamp.nullable(),
  decidedBy: ZId,
  decidedAt: ZTimestamp,
});
export type TLevelDecision = z.infer<typeof ZLevelDecision>;

export const ZLevelEvaluation = z.object({
  repId: ZId,
  name: z.string(),
  teamId: ZId.nullable(),
  levelId: ZId.nullable(),
  recommendation: z.enum(['promote', 'hold', 'demote']),
  /** The level the recommendation leads to (null for hold). */
  toLevelId: ZId.nullable(),
  /** Every step considered from the rep's level, with each criterion met or not. */
  steps: z.array(
    z.object({ toLevelId: ZId, direction: z.enum(['promote', 'demote']), met: z.boolean(), checks: z.array(ZCriterionCheck) }),
  ),
  decision: ZLevelDecision.nullable(),
});
export type TLevelEvaluation = z.infer<typeof ZLevelEvaluation>;
export const ZLevelEvaluationQuery = z.object({ period: ZPeriod, teamId: ZId.optional(), repId: ZId.optional() });

export const ZLevelDecisionCreate = z.object({
  repId: ZId,
  period: ZPeriod,
  decision: z.enum(['accept', 'reject']),
  comment: z.string().trim().min(1, 'a comment is required').max(2000),
  /** When the new level takes effect; default today (org time zone). */
  effectiveOn: ZDate.optional(),
});
