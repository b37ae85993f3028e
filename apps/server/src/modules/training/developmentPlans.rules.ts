import type { TCriterionCheck, TKpi, TLevelGap, TPeriodKind, TPlanGoal, TPlanGoalWrite } from '@tierline/contracts';
import { compareDecimal } from '../../platform/decimal.ts';
import { periodContaining, periodsEndingWith } from '../performance/periods.rules.ts';
import type { HeldCourse } from './curricula.rules.ts';

/**
 * Development plans (decision 0029), pure: each goal judged live on the organisation's today, and the level gap —
 * which step of the level evaluation separates the rep from the plan's target level, and what of it is missing.
 */

export type StoredGoal = TPlanGoalWrite & { id: string };

/** The last CLOSED period of a kind: the one before the period containing today (2026-07-03, quarter → 2026-Q2). */
export function lastClosedPeriod(today: string, kind: TPeriodKind): string {
  const current = periodContaining(today, kind);
  return periodsEndingWith(current.key, 2)[0].key;
}

/** Whether a date (YYYY-MM-DD) has passed: strictly before today. */
const before = (day: string | null, today: string) => day !== null && day < today;

/** What the goals of one rep are judged on. */
export type GoalFacts = {
  /** The organisation's today (YYYY-MM-DD). */
  today: string;
  /** The rep's KPI actuals per period key (the last closed period of each kind a goal asks); null: nothing to measure. */
  kpiActuals: ReadonlyMap<string, Partial<Record<TKpi, string | null>>>;
  /** Courses the rep holds today (`courseHoldings`). */
  holdings: ReadonlyMap<string, HeldCourse>;
  /** The manager's assessment per skill id (the rep's own does not count). */
  managerLevels: ReadonlyMap<string, number>;
};

/**
 * One goal met or not, with the figure judged:
 * - kpi: the actual in the last closed period of its kind, met at or above the target (exact decimals, 4 places);
 *   nothing to measure (null) is not met;
 * - course: held today with its certification, if any, not expired; the value is the completion date;
 * - skill: the manager-assessed level at least the goal's.
 * Overdue: its due date has passed and it is not met.
 */
export function evaluateGoal(goal: StoredGoal, facts: GoalFacts): TPlanGoal {
  let met = false;
  let value: string | null = null;
  let period: string | null = null;
  if (goal.kind === 'kpi') {
    period = lastClosedPeriod(facts.today, goal.periodKind);
    value = facts.kpiActuals.get(period)?.[goal.kpi] ?? null;
    met = value !== null && compareDecimal(value, goal.target, 4) >= 0;
  } else if (goal.kind === 'course') {
    const held = facts.holdings.get(goal.courseId);
    value = held?.completedOn ?? null;
    met = held?.valid === true;
  } else {
    const level = facts.managerLevels.get(goal.skillId);
    value = level === undefined ? null : String(level);
    met = level !== undefined && level >= goal.level;
  }
  return { ...goal, met, value, period, overdue: !met && before(goal.dueOn, facts.today) };
}

export function evaluateGoals(goals: StoredGoal[], facts: GoalFacts): { goals: TPlanGoal[]; goalsMet: number } {
  const judged = goals.map((g) => evaluateGoal(g, facts));
  return { goals: judged, goalsMet: judged.filter((g) => g.met).length };
}

/** The periods of each kind the KPI goals read (the last closed one of each kind asked). */
export function kpiPeriodsOf(goals: StoredGoal[], today: string): string[] {
  return [...new Set(goals.flatMap((g) => (g.kind === 'kpi' ? [lastClosedPeriod(today, g.periodKind)] : [])))];
}

type EvaluatedStep = { toLevelId: string; direction: 'promote' | 'demote'; met: boolean; checks: TCriterionCheck[] };

/**
 * The step a plan is measured against: among the promotion steps from the rep's level, the one to the target;
 * else the lowest-ranked target among those ranked at or below the target (the first step toward it). None when
 * every promotion overshoots the target or there is none.
 */
export function stepToward<S extends Pick<EvaluatedStep, 'toLevelId' | 'direction'>>(
  steps: S[],
  targetLevelId: string,
  rankOf: ReadonlyMap<string, number>,
): S | undefined {
  const promotions = steps.filter((s) => s.direction === 'promote');
  const exact = promotions.find((s) => s.toLevelId === targetLevelId);
  if (exact) return exact;
  const targetRank = rankOf.get(targetLevelId);
  if (targetRank === undefined) return undefined;
  const toward = promotions
    .filter((s) => (rankOf.get(s.toLevelId) ?? Number.POSITIVE_INFINITY) <= targetRank)
    .sort((a, b) => (rankOf.get(a.toLevelId) as number) - (rankOf.get(b.toLevelId) as number));
  return toward[0];
}

/**
 * What separates the rep from the target level, in the level evaluation's own terms. Reached when the rep's level
 * (now) ranks at or above the target: nothing is asked. Otherwise the step toward the target from the level the
 * evaluation judged, its checks, and `missing` = those not met. No step (no level, no promotion leading there):
 * not met, nothing to list.
 */
export function levelGap(input: {
  period: string;
  targetLevelId: string;
  /** The rep's level now (`users.level_id`). */
  currentLevelId: string | null;
  /** The level evaluation of the rep for `period`: the level it judged and every step from it. */
  evaluation: { levelId: string | null; steps: EvaluatedStep[] };
  rankOf: ReadonlyMap<string, number>;
}): TLevelGap {
  const { period, targetLevelId, rankOf } = input;
  const targetRank = rankOf.get(targetLevelId);
  const currentRank = input.currentLevelId === null ? undefined : rankOf.get(input.currentLevelId);
  const base = { period, toLevelId: targetLevelId };
  if (currentRank !== undefined && targetRank !== undefined && currentRank >= targetRank)
    return { ...base, fromLevelId: input.currentLevelId, stepToLevelId: null, reached: true, met: true, checks: [], missing: [] };
  const step = stepToward(input.evaluation.steps, targetLevelId, rankOf);
  const fromLevelId = input.evaluation.levelId;
  if (!step) return { ...base, fromLevelId, stepToLevelId: null, reached: false, met: false, checks: [], missing: [] };
  return {
    ...base,
    fromLevelId,
    stepToLevelId: step.toLevelId,
    reached: false,
    met: step.met,
    checks: step.checks,
    missing: step.checks.filter((c) => !c.met),
  };
}

/** The default period of the level gap: the last closed quarter (its grades are complete). */
export const defaultGapPeriod = (today: string) => lastClosedPeriod(today, 'quarter');

/**
 * When the rep's level then (at the default period's end) is not their level now — promoted since, or new and
 * levelled this quarter — the gap is judged for the current quarter instead: a plan is about the step from where the
 * rep stands now, and the evaluation judges the level in force at the period's end.
 */
export const currentQuarter = (today: string) => periodContaining(today, 'quarter').key;
