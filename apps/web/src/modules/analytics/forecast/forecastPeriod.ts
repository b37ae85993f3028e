import { currentPeriod, parsePeriod, shiftPeriod } from '../../performance/periods.ts';
import type { AnalyticsWindow } from '../window.ts';

/**
 * The calibrated forecast's periods: this quarter and the next (what a rep can still commit to), as the API's period
 * keys (2026-Q3); and a period's calendar dates [from, to), for the open pipeline expected to close in it.
 */
export function forecastQuarters(today: Date = new Date()): { thisQuarter: string; nextQuarter: string } {
  const thisQuarter = currentPeriod('quarter', today);
  return { thisQuarter, nextQuarter: shiftPeriod(thisQuarter, 1) };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function periodWindow(key: string): AnalyticsWindow | null {
  const p = parsePeriod(key);
  if (!p) return null;
  const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  const first = p.kind === 'month' ? p.index : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  const end = first + months; // 13 is January of the next year
  return {
    from: `${p.year}-${pad(first)}-01`,
    to: end > 12 ? `${p.year + 1}-${pad(end - 12)}-01` : `${p.year}-${pad(end)}-01`,
  };
}
