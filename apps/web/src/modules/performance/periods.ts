import type { TPeriodKind } from '@tierline/contracts';
import type { TFunction } from 'i18next';

/**
 * Appraisal periods as the web names them: `2026-07` (month), `2026-Q3` (quarter), `2026` (year) — the same keys
 * the API takes (ZPeriod). Pure, unit-tested in periods.test.ts; the server's periods.rules.ts is the reference.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const satisfies readonly TPeriodKind[];

interface ParsedPeriod {
  kind: TPeriodKind;
  year: number;
  /** 1-based: the month (1–12), the quarter (1–4), or 1 for a year. */
  index: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const PER_YEAR: Record<TPeriodKind, number> = { month: 12, quarter: 4, year: 1 };

export function parsePeriod(key: string): ParsedPeriod | null {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) return { kind: 'quarter', year: Number(quarter[1]), index: Number(quarter[2]) };
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) return { kind: 'month', year: Number(month[1]), index: Number(month[2]) };
  const year = /^(\d{4})$/.exec(key);
  if (year) return { kind: 'year', year: Number(year[1]), index: 1 };
  return null;
}

export const isPeriod = (key: string | null | undefined): key is string => Boolean(key && parsePeriod(key));

function keyOf(kind: TPeriodKind, year: number, index: number): string {
  if (kind === 'month') return `${year}-${pad(index)}`;
  if (kind === 'quarter') return `${year}-Q${index}`;
  return String(year);
}

export function periodKind(key: string): TPeriodKind {
  return parsePeriod(key)?.kind ?? 'quarter';
}

/** The period of `kind` containing `today`, by the browser's calendar (the org's zone is China's for nearly everyone). */
export function currentPeriod(kind: TPeriodKind, today: Date = new Date()): string {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  return keyOf(kind, year, kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1);
}

/** The period `by` steps after (negative: before) `key`, of the same kind: 2026-Q1, −1 → 2025-Q4. */
export function shiftPeriod(key: string, by: number): string {
  const p = parsePeriod(key);
  if (!p) throw new Error(`not a period: ${key}`);
  const perYear = PER_YEAR[p.kind];
  const i0 = p.year * perYear + (p.index - 1) + by;
  return keyOf(p.kind, Math.floor(i0 / perYear), (((i0 % perYear) + perYear) % perYear) + 1);
}

/** The `count` periods of `key`'s kind ending with `key`, oldest first (the trend's x axis). */
export function periodsEndingWith(key: string, count: number): string[] {
  return Array.from({ length: count }, (_, k) => shiftPeriod(key, k - (count - 1)));
}

/** The same period, as the nearest period of another kind (switching quarter → month keeps the quarter's last month). */
export function convertPeriod(key: string, kind: TPeriodKind, today: Date = new Date()): string {
  const p = parsePeriod(key);
  if (!p) return currentPeriod(kind, today);
  if (p.kind === kind) return key;
  // The last month of the period: a quarter's third, a year's December.
  const lastMonth = p.kind === 'month' ? p.index : p.kind === 'quarter' ? p.index * 3 : 12;
  const day = new Date(p.year, lastMonth - 1, 1);
  // Never into the future: the year 2026 seen as a month today is this month, not December.
  const now = new Date(today.getFullYear(), today.getMonth(), 1);
  return currentPeriod(kind, day > now ? now : day);
}

/** Choices for a period picker: the current period, `back` before it and `ahead` after it, newest first. */
export function periodChoices(kind: TPeriodKind, today: Date = new Date(), back = PER_YEAR[kind] * 2, ahead = 1): string[] {
  const current = currentPeriod(kind, today);
  return Array.from({ length: back + ahead + 1 }, (_, k) => shiftPeriod(current, ahead - k));
}

/** A period in the reader's words: 2026年第3季度 / Q3 2026, 2026年7月 / Jul 2026, 2026年 / 2026. */
export function periodLabel(key: string, t: TFunction): string {
  const p = parsePeriod(key);
  if (!p) return key;
  if (p.kind === 'quarter') return t('performance.period.quarterLabel', { year: p.year, quarter: p.index });
  if (p.kind === 'month') {
    const month = t(`performance.period.months.m${p.index as MonthIndex}`);
    return t('performance.period.monthLabel', { year: p.year, month });
  }
  return t('performance.period.yearLabel', { year: p.year });
}

type MonthIndex = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** A short label for chart axes: 2026-Q3 → 26Q3, 2026-07 → 26-07, 2026 → 2026. */
export function shortPeriodLabel(key: string): string {
  const p = parsePeriod(key);
  if (!p || p.kind === 'year') return key;
  return p.kind === 'quarter' ? `${String(p.year).slice(2)}Q${p.index}` : `${String(p.year).slice(2)}-${pad(p.index)}`;
}
