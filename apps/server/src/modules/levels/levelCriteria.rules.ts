import type { TGradeBand, TLevelCriterion } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';

/**
 * The level criteria per step of the ladder (decision 0027): the built-in ones derived from the organisation's
 * levels, the validation of an organisation's own, and how grades compare. Pure.
 */

export type LadderLevel = { id: string; rank: number };

/**
 * The built-in criteria: each step up one rank and each step down one rank, judged over the last two quarters.
 * Up to the 2nd level: grade B or better and 6 months at level; up to the 3rd and higher: grade A or better and
 * 18 months. Down: grade D (or worse) in both quarters, whatever the time at level. No KPI minimums.
 */
export function defaultCriteria(levels: LadderLevel[]): TLevelCriterion[] {
  const ladder = [...levels].sort((a, b) => a.rank - b.rank);
  const steps: TLevelCriterion[] = [];
  for (let k = 0; k + 1 < ladder.length; k++) {
    const [lower, upper] = [ladder[k], ladder[k + 1]];
    const toSecond = k === 0;
    const common = { periodKind: 'quarter', consecutivePeriods: 2 } as const;
    steps.push({
      ...common,
      kpiMinimums: [],
      fromLevelId: lower.id,
      toLevelId: upper.id,
      direction: 'promote',
      grade: toSecond ? 'B' : 'A',
      minMonthsAtLevel: toSecond ? 6 : 18,
    });
    steps.push({
      ...common,
      kpiMinimums: [],
      fromLevelId: upper.id,
      toLevelId: lower.id,
      direction: 'demote',
      grade: 'D',
      minMonthsAtLevel: null,
    });
  }
  return steps;
}

/** Grades best first: the bands sorted by their minimum score, highest first (the order scoring reads them in). */
export function gradesBestFirst(bands: TGradeBand[]): string[] {
  return [...bands].sort((a, b) => b.min - a.min).map((b) => b.grade);
}

/**
 * Whether `grade` satisfies `required` under `bands`: at least as good (promotion) or at least as bad (demotion).
 * A grade missing from the bands satisfies nothing — it cannot be placed.
 */
export function gradeSatisfies(bands: TGradeBand[], grade: string, required: string, direction: 'promote' | 'demote'): boolean {
  const order = gradesBestFirst(bands);
  const have = order.indexOf(grade);
  const want = order.indexOf(required);
  if (have < 0 || want < 0) return false;
  return direction === 'promote' ? have <= want : have >= want;
}

/**
 * What is wrong with an organisation's criteria, each problem named `steps.N.field`: both levels must be the
 * organisation's, a promotion must go up and a demotion down, a step (from → to) appears once, a grade is one
 * of `grades`, a KPI appears once in a step, and a step asks for something (one with no criterion would always
 * be met — a demotion of everyone).
 */
export function criteriaErrors(steps: TLevelCriterion[], levels: LadderLevel[], grades: readonly string[]): FieldError[] {
  const rankOf = new Map(levels.map((l) => [l.id, l.rank]));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  steps.forEach((s, i) => {
    const at = (field: string) => `steps.${i}.${field}`;
    const from = rankOf.get(s.fromLevelId);
    const to = rankOf.get(s.toLevelId);
    if (from === undefined) errors.push({ path: at('fromLevelId'), message: 'no such level in this organisation' });
    if (to === undefined) errors.push({ path: at('toLevelId'), message: 'no such level in this organisation' });
    if (from !== undefined && to !== undefined) {
      if (s.direction === 'promote' && to <= from)
        errors.push({ path: at('toLevelId'), message: 'a promotion goes to a higher level than it starts from' });
      if (s.direction === 'demote' && to >= from)
        errors.push({ path: at('toLevelId'), message: 'a demotion goes to a lower level than it starts from' });
    }
    const key = `${s.fromLevelId}→${s.toLevelId}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ path: at('toLevelId'), message: `the same step as steps.${first}` });
    else seen.set(key, i);
    if (s.grade !== null && !grades.includes(s.grade))
      errors.push({ path: at('grade'), message: `not a grade of the grade bands (${grades.join(', ')})` });
    const kpis = new Set<string>();
    s.kpiMinimums.forEach((m, j) => {
      if (kpis.has(m.kpi)) errors.push({ path: at(`kpiMinimums.${j}.kpi`), message: 'this KPI already has a minimum in this step' });
      kpis.add(m.kpi);
    });
    if (s.grade === null && s.kpiMinimums.length === 0 && !s.minMonthsAtLevel)
      errors.push({ path: at('grade'), message: 'a step needs a grade, a KPI minimum or a time at level' });
  });
  return errors;
}
