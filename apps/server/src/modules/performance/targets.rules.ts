import type { TKpi, TTargetUpsert } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';
import { type KpiUnit, kpiUnit } from './kpis.rules.ts';

/** A target is given in the same unit as the actual it is compared with (decision 0026, `kpis.rules.ts`). */
const DECIMALS: Record<KpiUnit, number> = { money: 2, count: 0, rate: 4, score: 2 };

const decimalsOf = (value: string) => {
  const fraction = value.split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length;
};

/** Why `value` (non-negative decimal text, as the contract checked it) is not a target for `kpi`; null when it is. */
export function targetValueProblem(kpi: TKpi, value: string): string | null {
  const unit = kpiUnit(kpi);
  if (decimalsOf(value) > DECIMALS[unit])
    return unit === 'count' ? `${kpi} counts: a whole number` : `${kpi} takes at most ${DECIMALS[unit]} decimals`;
  if (unit === 'rate' && Number(value) > 1) return `${kpi} is a fraction 0–1 (0.8 is 80 %)`;
  if (unit === 'score' && Number(value) > 5) return 'satisfaction is a mean score of 1–5';
  return null;
}

/** A stored value (numeric with 4 decimals) in its KPI's unit: "120000.00", "15", "0.8000", "4.50". */
export function targetValueText(kpi: TKpi, stored: string): string {
  const [whole, fraction = ''] = stored.split('.');
  const places = DECIMALS[kpiUnit(kpi)];
  return places === 0 ? whole : `${whole}.${fraction.padEnd(places, '0').slice(0, places)}`;
}

export type TargetSubject = { kind: 'rep' | 'team' | 'level'; id: string };

export function subjectOf(t: Pick<TTargetUpsert, 'repId' | 'teamId' | 'levelId'>): TargetSubject {
  if (t.repId) return { kind: 'rep', id: t.repId };
  if (t.teamId) return { kind: 'team', id: t.teamId };
  return { kind: 'level', id: t.levelId as string };
}

/** What makes a target the same target: setting it again replaces its value. */
export const targetKey = (t: Pick<TTargetUpsert, 'repId' | 'teamId' | 'levelId' | 'kpi' | 'period'>) => {
  const s = subjectOf(t);
  return `${s.kind}:${s.id}:${t.kpi}:${t.period}`;
};

/** Values that do not suit their KPI, and a target given twice in one batch (which value would win?). */
export function targetBatchProblems(targets: TTargetUpsert[], prefix = 'targets'): FieldError[] {
  const errors: FieldError[] = [];
  const first = new Map<string, number>();
  targets.forEach((t, i) => {
    const problem = targetValueProblem(t.kpi, t.value);
    if (problem) errors.push({ path: `${prefix}.${i}.value`, message: problem });
    const key = targetKey(t);
    const seen = first.get(key);
    if (seen !== undefined) errors.push({ path: `${prefix}.${i}.kpi`, message: `the same target as ${prefix}.${seen}` });
    else first.set(key, i);
  });
  return errors;
}
