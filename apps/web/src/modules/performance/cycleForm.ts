import type { TAppraisalCycle, TGradeBand, TKpi, TScoringScheme } from '@tierline/contracts';
import type { TAppraisalCycleUpdate } from './performance.api.ts';

/**
 * The appraisal cycle editor's form values and the PATCH body they make. Percentages are typed as such (a cap of 150
 * for 1.5). Pure, unit-tested in cycleForm.test.ts.
 */

/** The fallback scheme's id in the form (a Select cannot hold null). */
export const FALLBACK = '__fallback';

export interface CycleFormValues {
  name: string;
  quantitativeWeight: number;
  capPercent: number;
  gradeBands: TGradeBand[];
  levels: { levelId: string; kpis: { kpi: TKpi; weight: number }[]; criteria: { key: string; weight: number }[] }[];
}

export function toFormValues(cycle: TAppraisalCycle): CycleFormValues {
  const levels = [...cycle.levels].sort((a, b) => (a.levelId === null ? -1 : b.levelId === null ? 1 : 0));
  return {
    name: cycle.name,
    quantitativeWeight: cycle.quantitativeWeight,
    capPercent: Math.round(cycle.attainmentCap * 10000) / 100,
    gradeBands: [...cycle.gradeBands].sort((a, b) => b.min - a.min),
    levels: levels.map((scheme) => ({
      levelId: scheme.levelId ?? FALLBACK,
      kpis: scheme.kpis.map((k) => ({ ...k })),
      criteria: scheme.criteria.map((c) => ({ ...c })),
    })),
  };
}

export function toUpdate(values: CycleFormValues): Required<Pick<TAppraisalCycleUpdate, 'name'>> & TScoringScheme {
  return {
    name: values.name.trim(),
    quantitativeWeight: values.quantitativeWeight,
    attainmentCap: Math.round(values.capPercent * 100) / 10000,
    gradeBands: [...values.gradeBands].sort((a, b) => b.min - a.min).map((b) => ({ grade: b.grade.trim(), min: b.min })),
    levels: values.levels.map((scheme) => ({
      levelId: scheme.levelId === FALLBACK ? null : scheme.levelId,
      kpis: scheme.kpis.filter((k) => k?.kpi),
      criteria: scheme.criteria.filter((c) => c?.key).map((c) => ({ key: c.key.trim(), weight: c.weight })),
    })),
  };
}

/** Values that appear twice in a list (grades, KPIs, criteria keys, levels): the form marks the second one. */
export function duplicates(values: readonly (string | null | undefined)[]): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (!value) continue;
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return twice;
}

export const sumWeights = (items: readonly ({ weight?: number | null } | undefined)[]) =>
  items.reduce((sum, item) => sum + (Number(item?.weight) || 0), 0);
