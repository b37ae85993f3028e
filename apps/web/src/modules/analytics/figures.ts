import { formatMoney } from '../../shared/format.ts';

/** Analytics figures are in the organisation's currency (one per org for now, as in performance). */
export const FIGURE_CURRENCY = 'CNY';

/** A fraction ("0.4567") as a percentage ("45.7%"); empty shows "—". */
export function formatPercent(rate: string | number | null | undefined, locale: string, digits = 1): string {
  if (rate === null || rate === undefined || rate === '') return '—';
  const n = Number(rate);
  if (!Number.isFinite(n)) return String(rate);
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(n);
}

export const money = (value: string | number | null | undefined, locale: string, compact = false): string =>
  formatMoney(value, FIGURE_CURRENCY, locale, compact);

/** (current − previous) / previous as a fraction, or null when there is nothing to compare with. */
export function growth(current: string | number, previous: string | number | null | undefined): number | null {
  if (previous === null || previous === undefined) return null;
  const p = Number(previous);
  return p === 0 ? null : (Number(current) - p) / p;
}

/** A rate's change in percentage points (0.5 → 0.6 is +0.1, shown "10%"): relative growth of a rate misleads. */
export function rateChange(current: string | null | undefined, previous: string | null | undefined): number | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  return Math.round((Number(current) - Number(previous)) * 10_000) / 10_000;
}
