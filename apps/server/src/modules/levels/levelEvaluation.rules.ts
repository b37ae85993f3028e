import type { TCriterionCheck, TGradeBand, TKpi, TLevelCriterion, TLevelEvaluation } from '@tierline/contracts';
import { compareDecimal } from '../../platform/decimal.ts';
import { parsePeriod, periodContaining, periodsEndingWith } from '../performance/periods.rules.ts';
import { type HeldCourse, promotionReadiness } from '../training/curricula.rules.ts';
import { gradeSatisfies } from './levelCriteria.rules.ts';

/**
 * Level evaluation (decision 0027), pure: a rep's level, the criteria of the steps from it, the rep's scorecards of
 * the periods those steps look at, the months at level and the courses of the level's promotion curriculum the rep
 * holds (decision 0029) → each criterion met or not with its evidence, and the recommendation.
 */

/** What the evaluation reads of one period's scorecard. */
export type PeriodScorecard = {
  grade: string;
  /** False while the manager's review is missing: the grade is provisional and judges nothing. */
  complete: boolean;
  /** KPI actuals as exact decimal text; null where there was nothing to measure. */
  actuals: Partial<Record<TKpi, string | null>>;
};
/** A period as the evaluation sees it: the rep's scorecard (null: none) and the grade bands it was graded by. */
export type PeriodFigures = { scorecard: PeriodScorecard | null; gradeBands: TGradeBand[] };

export type EvaluationInput = {
  /** The evaluated period (`2026-Q2`). */
  period: string;
  /** The rep's level in force at the evaluated period's last day; null: no level, nothing to evaluate. */
  levelId: string | null;
  /** The organisation's criteria (every step; those from `levelId` are used). */
  criteria: TLevelCriterion[];
  /** Rank of each level of the ladder, to find the highest promotion and the deepest demotion. */
  rankOf: ReadonlyMap<string, number>;
  /** The rep's figures per period key; a period missing here has no scorecard. */
  figures: ReadonlyMap<string, PeriodFigures>;
  /** Whole months at the level up to the end of the evaluated period; null when unknown (no history, no hire date). */
  monthsAtLevel: number | null;
  /**
   * Decision 0029: the courses of the level's `forPromotion` curriculum and the ones the rep holds on `today` (the
   * organisation's calendar). Every promotion step from the level asks each course; omitted: no curriculum.
   */
  courses?: PromotionCourses;
};

export type PromotionCourses = {
  today: string;
  forPromotion: { id: string; title: string }[];
  holdings: ReadonlyMap<string, HeldCourse>;
};

export type Evaluation = Pick<TLevelEvaluation, 'recommendation' | 'toLevelId' | 'steps'>;

/** The evaluated period's last day (YYYY-MM-DD). */
export function lastDayOf(period: string): string {
  const to = new Date(`${parsePeriod(period).to}T00:00:00Z`);
  return new Date(to.getTime() - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The periods a step looks at: its `consecutivePeriods` periods of its kind ending with the one that contains the
 * evaluated period's last day (a quarterly step evaluated for 2026-05 reads 2026-Q1 and 2026-Q2), oldest first.
 */
export function stepPeriods(step: Pick<TLevelCriterion, 'periodKind' | 'consecutivePeriods'>, period: string): string[] {
  const last = periodContaining(lastDayOf(period), step.periodKind);
  return periodsEndingWith(last.key, step.consecutivePeriods).map((p) => p.key);
}

/** Every period key the steps from one level need, for fetching the scorecards at once. */
export function neededPeriods(steps: Pick<TLevelCriterion, 'periodKind' | 'consecutivePeriods'>[], period: string): string[] {
  return [...new Set(steps.flatMap((s) => stepPeriods(s, period)))];
}

const plural = (n: number, kind: string) => `${n} ${kind}${n === 1 ? '' : 's'}`;

function gradeCheck(step: TLevelCriterion, grade: string, periods: string[], figures: EvaluationInput['figures']): TCriterionCheck {
  const evidence = periods.map((period) => {
    const f = figures.get(period);
    const card = f?.scorecard;
    // Only a complete scorecard (manager review submitted) has a grade that counts, in either direction.
    if (!f || !card?.complete) return { period, value: null, met: false };
    return { period, value: card.grade, met: gradeSatisfies(f.gradeBands, card.grade, grade, step.direction) };
  });
  const how = step.direction === 'promote' ? 'or better' : 'or worse';
  return {
    kind: 'grade',
    required: `${grade} ${how} in each of ${plural(periods.length, step.periodKind)}`,
    met: evidence.every((e) => e.met),
    evidence,
  };
}

/** Promotion: at least the minimum in every period. Demotion: below it (the level's floor) in every period. */
function kpiCheck(step: TLevelCriterion, kpi: TKpi, min: string, periods: string[], figures: EvaluationInput['figures']): TCriterionCheck {
  const evidence = periods.map((period) => {
    const value = figures.get(period)?.scorecard?.actuals[kpi] ?? null;
    if (value === null) return { period, value, met: false };
    const cmp = compareDecimal(value, min, 4);
    return { period, value, met: step.direction === 'promote' ? cmp >= 0 : cmp < 0 };
  });
  return {
    kind: 'kpiMinimum',
    required: `${kpi} ${step.direction === 'promote' ? '≥' : '<'} ${min} in each of ${plural(periods.length, step.periodKind)}`,
    met: evidence.every((e) => e.met),
    evidence,
  };
}

function timeCheck(min: number, period: string, months: number | null): TCriterionCheck {
  const met = months !== null && months >= min;
  return {
    kind: 'timeAtLevel',
    required: `≥ ${plural(min, 'month')} at level`,
    met,
    evidence: [{ period, value: months === null ? null : String(months), met }],
  };
}

/**
 * One check per course of the promotion curriculum, by title (then id, so equal titles still read the same every
 * time): met when the rep holds it today with its certification, if any, not expired. Courses are judged on the
 * evaluation's day, not the period's: a course passed after the period still counts, an expired one no longer does.
 */
export function courseChecks(courses: PromotionCourses): TCriterionCheck[] {
  const ordered = [...courses.forPromotion].sort((a, b) =>
    a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const readiness = promotionReadiness({ forPromotion: ordered.map((c) => c.id) }, courses.holdings).courses;
  return ordered.map((course, i) => {
    const { completedOn, met } = readiness[i];
    return {
      kind: 'course',
      courseId: course.id,
      required: course.title,
      met,
      evidence: [{ period: courses.today, value: completedOn, met }],
    };
  });
}

/** One step's checks; a step is met when it has at least one check and every check is met. Only promotions ask courses. */
export function evaluateStep(step: TLevelCriterion, input: Pick<EvaluationInput, 'period' | 'figures' | 'monthsAtLevel' | 'courses'>) {
  const periods = stepPeriods(step, input.period);
  const checks: TCriterionCheck[] = [];
  if (step.grade !== null) checks.push(gradeCheck(step, step.grade, periods, input.figures));
  for (const m of step.kpiMinimums) checks.push(kpiCheck(step, m.kpi, m.min, periods, input.figures));
  if (step.minMonthsAtLevel !== null) checks.push(timeCheck(step.minMonthsAtLevel, input.period, input.monthsAtLevel));
  if (step.direction === 'promote' && input.courses) checks.push(...courseChecks(input.courses));
  return { toLevelId: step.toLevelId, direction: step.direction, met: checks.length > 0 && checks.every((c) => c.met), checks };
}

/**
 * The recommendation: demote when a demotion step is met (demotion wins: a rep failing their level's floor is not
 * promoted past it), to the lowest level among those met; else promote to the highest level whose step is met;
 * else hold. Steps are listed promotions first (lowest target first), then demotions (highest target first).
 */
export function evaluateRep(input: EvaluationInput): Evaluation {
  if (input.levelId === null) return { recommendation: 'hold', toLevelId: null, steps: [] };
  const rank = (id: string) => input.rankOf.get(id) ?? 0;
  const from = input.criteria.filter((s) => s.fromLevelId === input.levelId);
  const ordered = [
    ...from.filter((s) => s.direction === 'promote').sort((a, b) => rank(a.toLevelId) - rank(b.toLevelId)),
    ...from.filter((s) => s.direction === 'demote').sort((a, b) => rank(b.toLevelId) - rank(a.toLevelId)),
  ];
  const steps = ordered.map((s) => evaluateStep(s, input));
  const metDemotions = steps.filter((s) => s.met && s.direction === 'demote');
  const metPromotions = steps.filter((s) => s.met && s.direction === 'promote');
  if (metDemotions.length) return { recommendation: 'demote', toLevelId: metDemotions[metDemotions.length - 1].toLevelId, steps };
  if (metPromotions.length) return { recommendation: 'promote', toLevelId: metPromotions[metPromotions.length - 1].toLevelId, steps };
  return { recommendation: 'hold', toLevelId: null, steps };
}
