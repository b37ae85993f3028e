import { KPI_KEYS, type TKpi } from '@tierline/contracts';
import { fromUnits, toUnits } from '../../platform/decimal.ts';

/**
 * The KPI catalogue (decision 0026): what each KPI measures, in which unit, and the exact formula the API documents.
 * Every actual is computed from the records (kpis.repository.ts sums and counts in SQL; the ratios are taken here,
 * exactly, so a rate or a mean never goes through a binary float).
 */
export type KpiUnit = 'money' | 'count' | 'rate' | 'score';
export type KpiDefinition = { kpi: TKpi; unit: KpiUnit; formula: string };

const activityKind = (kind: string) =>
  `Count of the rep's ${kind}s (activities of kind ${kind}) with occurred_at in the period; deleted ones do not count.`;

export const KPI_CATALOGUE: Record<TKpi, Omit<KpiDefinition, 'kpi'>> = {
  revenueWon: {
    unit: 'money',
    formula: "Σ amount of the rep's deals in a won stage with closed_at in the period.",
  },
  paymentsCollected: {
    unit: 'money',
    formula: 'Σ amount of payments received (received_on) in the period on contracts the rep owns.',
  },
  newCustomers: {
    unit: 'count',
    formula: 'Count of customers created in the period that the rep owns.',
  },
  orders: {
    unit: 'count',
    formula: 'Count of orders with ordered_at in the period, of customers the rep owns.',
  },
  winRate: {
    unit: 'rate',
    formula: 'won ÷ (won + lost) over the rep’s deals closed in the period; none closed → no value.',
  },
  activities: {
    unit: 'count',
    formula: "Count of the rep's activities of every kind (notes included) with occurred_at in the period.",
  },
  'activities.call': { unit: 'count', formula: activityKind('call') },
  'activities.email': { unit: 'count', formula: activityKind('email') },
  'activities.visit': { unit: 'count', formula: activityKind('visit') },
  'activities.meeting': { unit: 'count', formula: activityKind('meeting') },
  satisfaction: {
    unit: 'score',
    formula: 'Mean of the satisfaction scores (1–5) recorded in the period for the rep’s customers; none → no value.',
  },
  followUpCompliance: {
    unit: 'rate',
    formula:
      'on time ÷ due over the rep’s cadence tasks due in the period and by now, not cancelled; on time = done with completed_at ≤ due_at; none due → no value.',
  },
  forecastAccuracy: {
    unit: 'rate',
    formula:
      'max(0, 1 − |revenueWon − committed| ÷ committed) for the rep’s forecast commit of the period; committed 0 → 1 if nothing was won, else 0; no commit → no value.',
  },
};

export const kpiCatalogue = (): KpiDefinition[] => KPI_KEYS.map((kpi) => ({ kpi, ...KPI_CATALOGUE[kpi] }));
export const kpiUnit = (kpi: TKpi): KpiUnit => KPI_CATALOGUE[kpi].unit;
/** Money and counts add up over a team's members; rates and scores are averaged. */
export const isAdditive = (kpi: TKpi) => kpiUnit(kpi) === 'money' || kpiUnit(kpi) === 'count';

/** Decimal places of each unit in text: money 2, rates 4 (fractions 0–1), satisfaction 2, counts whole. */
const SCALE: Record<KpiUnit, number> = { money: 2, count: 0, rate: 4, score: 2 };

/** num ÷ den rounded half up to `scale` places, exactly (both non-negative, in the same units). */
export function decimalRatio(num: bigint, den: bigint, scale: number): string {
  const factor = 10n ** BigInt(scale);
  return fromUnits((2n * num * factor + den) / (2n * den), scale);
}

/**
 * A value as text in its KPI's unit ("125000.00", "0.6667", "4.33", "12"). Targets arrive with 4 places from SQL;
 * a count target with a fraction keeps it ("12.5"), since rounding it would change the goal.
 */
export function formatKpiValue(kpi: TKpi, value: string): string {
  const unit = kpiUnit(kpi);
  if (unit !== 'count') return fromUnits(toUnits(value, SCALE[unit]), SCALE[unit]);
  return fromUnits(toUnits(value, 4), 4).replace(/\.?0+$/, '') || '0';
}

/** What SQL sums and counts for one subject (a rep, or a team) over one period. */
export type KpiAggregates = {
  wonCount: number;
  lostCount: number;
  wonAmount: string;
  paymentsCollected: string;
  newCustomers: number;
  orders: number;
  activities: { total: number; call: number; email: number; visit: number; meeting: number };
  satisfactionSum: number;
  satisfactionCount: number;
  tasksDue: number;
  tasksOnTime: number;
  /** null: nothing committed for the period. */
  committed: string | null;
};

export const EMPTY_AGGREGATES: KpiAggregates = {
  wonCount: 0,
  lostCount: 0,
  wonAmount: '0',
  paymentsCollected: '0',
  newCustomers: 0,
  orders: 0,
  activities: { total: 0, call: 0, email: 0, visit: 0, meeting: 0 },
  satisfactionSum: 0,
  satisfactionCount: 0,
  tasksDue: 0,
  tasksOnTime: 0,
  committed: null,
};

const rate = (num: number, den: number) => (den === 0 ? null : decimalRatio(BigInt(num), BigInt(den), 4));

/** max(0, 1 − |won − committed| / committed) = max(0, committed − |won − committed|) / committed. */
export function forecastAccuracyOf(won: string, committed: string | null): string | null {
  if (committed === null) return null;
  const c = toUnits(committed, 2);
  const w = toUnits(won, 2);
  if (c === 0n) return w === 0n ? '1.0000' : '0.0000';
  const miss = w > c ? w - c : c - w;
  return miss >= c ? '0.0000' : decimalRatio(c - miss, c, 4);
}

/** Every KPI's actual from the aggregates; null where there is nothing to measure. */
export function kpiActuals(a: KpiAggregates): Record<TKpi, string | null> {
  const revenueWon = fromUnits(toUnits(a.wonAmount, 2), 2);
  return {
    revenueWon,
    paymentsCollected: fromUnits(toUnits(a.paymentsCollected, 2), 2),
    newCustomers: String(a.newCustomers),
    orders: String(a.orders),
    winRate: rate(a.wonCount, a.wonCount + a.lostCount),
    activities: String(a.activities.total),
    'activities.call': String(a.activities.call),
    'activities.email': String(a.activities.email),
    'activities.visit': String(a.activities.visit),
    'activities.meeting': String(a.activities.meeting),
    satisfaction: a.satisfactionCount === 0 ? null : decimalRatio(BigInt(a.satisfactionSum), BigInt(a.satisfactionCount), 2),
    followUpCompliance: rate(a.tasksOnTime, a.tasksDue),
    forecastAccuracy: forecastAccuracyOf(revenueWon, a.committed),
  };
}
