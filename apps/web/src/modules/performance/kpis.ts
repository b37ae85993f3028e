import type { TKpi } from '@tierline/contracts';
import { KPI_KEYS } from '@tierline/contracts/performanceDefaults';
import type { TFunction } from 'i18next';
import { formatMoney, formatNumber } from '../../shared/format.ts';

/**
 * The KPIs as the web shows them (decision 0026): how each value reads (money, a count, a rate, a 1–5 score) and how a
 * target is typed. Pure, unit-tested in kpis.test.ts.
 */

/** The org's currency; money KPIs are in it (ENGINEERING.md: CNY by default). */
export const CURRENCY = 'CNY';

/** Every KPI, in the contracts' order (their zod-free entry point keeps the schemas out of the bundle). */
export const KPI_LIST = KPI_KEYS;

export type KpiKind = 'money' | 'count' | 'rate' | 'score';

export const KPI_KIND: Record<TKpi, KpiKind> = {
  revenueWon: 'money',
  paymentsCollected: 'money',
  newCustomers: 'count',
  orders: 'count',
  winRate: 'rate',
  activities: 'count',
  'activities.call': 'count',
  'activities.email': 'count',
  'activities.visit': 'count',
  'activities.meeting': 'count',
  satisfaction: 'score',
  followUpCompliance: 'rate',
  forecastAccuracy: 'rate',
};

/** The KPIs a team's member table shows beside the total. */
export const KEY_KPIS: readonly TKpi[] = ['revenueWon', 'paymentsCollected', 'newCustomers', 'winRate'];

/** i18n keys cannot hold a dot: `activities.call` is labelled under `activities_call`. */
export type KpiLabelKey =
  | 'revenueWon'
  | 'paymentsCollected'
  | 'newCustomers'
  | 'orders'
  | 'winRate'
  | 'activities'
  | 'activities_call'
  | 'activities_email'
  | 'activities_visit'
  | 'activities_meeting'
  | 'satisfaction'
  | 'followUpCompliance'
  | 'forecastAccuracy';
export const kpiLabelKey = (kpi: TKpi): KpiLabelKey => kpi.replace('.', '_') as KpiLabelKey;

export function kpiLabel(kpi: TKpi | 'total', t: TFunction): string {
  return kpi === 'total' ? t('performance.metric.total') : t(`performance.kpis.${kpiLabelKey(kpi)}`);
}

/** A fraction as a percentage: 0.6667 → "66.67%", 1.5 → "150%". */
export function formatPercent(fraction: number | string | null | undefined, locale: string, maxDigits = 2): string {
  if (fraction === null || fraction === undefined || fraction === '') return '—';
  const n = Number(fraction);
  if (!Number.isFinite(n)) return String(fraction);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: maxDigits }).format(n);
}

/** A KPI's value as people read it: ¥125,000.00, 12, 66.67%, 4.25/5; null (nothing to measure) → —. */
export function formatKpiValue(kpi: TKpi, value: string | number | null | undefined, locale: string, compact = false): string {
  if (value === null || value === undefined || value === '') return '—';
  switch (KPI_KIND[kpi]) {
    case 'money':
      return formatMoney(value, CURRENCY, locale, compact);
    case 'rate':
      return formatPercent(value, locale);
    case 'score':
      return `${formatNumber(value, locale, 2)}/5`;
    default:
      return formatNumber(value, locale, 0);
  }
}

/** A score or points (0–100, one or two decimals): 85 → "85", 84.55 → "84.55". */
export function formatScore(value: number | null | undefined, locale: string, maxDigits = 2): string {
  if (value === null || value === undefined) return '—';
  return formatNumber(value, locale, maxDigits);
}

/**
 * A target as typed in the editor: rates in percent (35 for 0.35), the rest as they are. The API keeps rates as
 * fractions, so the editor converts both ways.
 */
export function targetToInput(kpi: TKpi, value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) return null;
  return KPI_KIND[kpi] === 'rate' ? Math.round(n * 1_000_000) / 10_000 : n;
}

/** What the API takes for a typed target (ZTargetUpsert.value): up to 4 decimals, never negative. */
export function inputToTarget(kpi: TKpi, input: number | null | undefined): string | null {
  if (input === null || input === undefined || !Number.isFinite(input) || input < 0) return null;
  switch (KPI_KIND[kpi]) {
    case 'rate':
      return trimZeros((input / 100).toFixed(4));
    case 'money':
      return trimZeros(input.toFixed(2));
    case 'score':
      return trimZeros(Math.min(input, 5).toFixed(2));
    default:
      return String(Math.round(input));
  }
}

/** "0.3500" → "0.35", "12.00" → "12". */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The input bounds and step of a KPI's target in the editor. */
export function targetInputProps(kpi: TKpi): { min: number; max?: number; step: number; precision: number; suffix?: string } {
  switch (KPI_KIND[kpi]) {
    case 'rate':
      return { min: 0, max: 100, step: 1, precision: 2, suffix: '%' };
    case 'score':
      return { min: 0, max: 5, step: 0.1, precision: 2, suffix: '/5' };
    case 'money':
      return { min: 0, step: 10_000, precision: 2 };
    default:
      return { min: 0, step: 1, precision: 0 };
  }
}
