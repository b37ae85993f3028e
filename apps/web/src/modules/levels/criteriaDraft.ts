import type { TKpi, TLevel, TLevelCriterion, TPeriodKind } from '@tierline/contracts';
import { inputToTarget, targetToInput } from '../performance/kpis.ts';

/**
 * The level criteria editor's values and their checks, pure. KPI minimums are typed as targets are (rates in
 * percent), and saved as the API's decimal text.
 */

export interface StepValues {
  direction: 'promote' | 'demote';
  fromLevelId?: string;
  toLevelId?: string;
  periodKind: TPeriodKind;
  consecutivePeriods: number;
  grade?: string | null;
  minMonthsAtLevel?: number | null;
  kpiMinimums?: { kpi?: TKpi; min?: number | null }[];
}

export function toStepValues(steps: readonly TLevelCriterion[]): StepValues[] {
  return steps.map((s) => ({
    direction: s.direction,
    fromLevelId: s.fromLevelId,
    toLevelId: s.toLevelId,
    periodKind: s.periodKind,
    consecutivePeriods: s.consecutivePeriods,
    grade: s.grade,
    minMonthsAtLevel: s.minMonthsAtLevel,
    kpiMinimums: s.kpiMinimums.map((m) => ({ kpi: m.kpi, min: targetToInput(m.kpi, m.min) })),
  }));
}

/** What the API takes; a KPI row without a KPI or a minimum is dropped (it asks nothing). */
export function fromStepValues(values: readonly StepValues[]): TLevelCriterion[] {
  return values.map((v) => ({
    direction: v.direction,
    fromLevelId: v.fromLevelId ?? '',
    toLevelId: v.toLevelId ?? '',
    periodKind: v.periodKind,
    consecutivePeriods: v.consecutivePeriods,
    grade: v.grade || null,
    minMonthsAtLevel: v.minMonthsAtLevel ?? null,
    kpiMinimums: (v.kpiMinimums ?? []).flatMap((m) => {
      const min = m.kpi ? inputToTarget(m.kpi, m.min) : null;
      return m.kpi && min !== null ? [{ kpi: m.kpi, min }] : [];
    }),
  }));
}

export type StepProblem = 'levels' | 'sameLevel' | 'promoteDown' | 'demoteUp' | 'duplicate';

/**
 * What would make a step meaningless: no levels, the same level twice, a promotion to a lower rank (or a
 * demotion to a higher one), or a second step between the same two levels (the server keeps one).
 */
export function stepProblems(steps: readonly TLevelCriterion[], levels: readonly Pick<TLevel, 'id' | 'rank'>[]): Map<number, StepProblem> {
  const rank = new Map(levels.map((l) => [l.id, l.rank]));
  const problems = new Map<number, StepProblem>();
  const seen = new Set<string>();
  steps.forEach((s, i) => {
    const from = rank.get(s.fromLevelId);
    const to = rank.get(s.toLevelId);
    const pair = `${s.fromLevelId}→${s.toLevelId}`;
    if (from === undefined || to === undefined) problems.set(i, 'levels');
    else if (from === to) problems.set(i, 'sameLevel');
    else if (s.direction === 'promote' && to < from) problems.set(i, 'promoteDown');
    else if (s.direction === 'demote' && to > from) problems.set(i, 'demoteUp');
    else if (seen.has(pair)) problems.set(i, 'duplicate');
    seen.add(pair);
  });
  return problems;
}

/** A new step's defaults: the next promotion up the ladder that has none yet, over 2 quarters at A. */
export function newStep(steps: readonly StepValues[], levels: readonly Pick<TLevel, 'id' | 'rank'>[]): StepValues {
  const ordered = [...levels].sort((a, b) => a.rank - b.rank);
  const taken = new Set(steps.map((s) => `${s.fromLevelId}→${s.toLevelId}`));
  const pair = ordered.slice(1).find((to, i) => !taken.has(`${ordered[i]?.id}→${to.id}`));
  const from = pair ? ordered[ordered.indexOf(pair) - 1] : undefined;
  return {
    direction: 'promote',
    fromLevelId: from?.id,
    toLevelId: pair?.id,
    periodKind: 'quarter',
    consecutivePeriods: 2,
    grade: 'A',
    minMonthsAtLevel: null,
    kpiMinimums: [],
  };
}
