import type { TPeriodKind } from '@tierline/contracts';

/**
 * Appraisal periods as calendar dates in the organisation's time zone: `2026-07`, `2026-Q3`, `2026`.
 * `from` is the first day, `to` the first day after (exclusive); SQL turns them into instants with the org's zone.
 */
export type Period = { key: string; kind: TPeriodKind; year: number; index: number; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month0: number) => {
  const y = year + Math.floor(month0 / 12);
  return `${y}-${pad((((month0 % 12) + 12) % 12) + 1)}-01`;
};

export function parsePeriod(key: string): Period {
  const q = /^(\d{4})-Q([1-4])$/.exec(key);
  if (q) {
    const year = Number(q[1]);
    const index = Number(q[2]);
    return { key, kind: 'quarter', year, index, from: firstOfMonth(year, (index - 1) * 3), to: firstOfMonth(year, index * 3) };
  }
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) {
    const year = Number(m[1]);
    const index = Number(m[2]);
    return { key, kind: 'month', year, index, from: firstOfMonth(year, index - 1), to: firstOfMonth(year, index) };
  }
  const y = /^(\d{4})$/.exec(key);
  if (y) {
    const year = Number(y[1]);
    return { key, kind: 'year', year, index: 1, from: `${year}-01-01`, to: `${year + 1}-01-01` };
  }
  throw new Error(`not a period: ${key}`);
}

function periodAt(kind: TPeriodKind, year: number, index: number): Period {
  const perYear = kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1;
  const i0 = year * perYear + (index - 1);
  const y = Math.floor(i0 / perYear);
  const i = (i0 % perYear) + 1;
  return parsePeriod(kind === 'month' ? `${y}-${pad(i)}` : kind === 'quarter' ? `${y}-Q${i}` : String(y));
}

/** The `count` periods of `key`'s kind ending with `key`, oldest first (`2026-Q3`, 2 → 2026-Q2, 2026-Q3). */
export function periodsEndingWith(key: string, count: number): Period[] {
  const p = parsePeriod(key);
  return Array.from({ length: count }, (_, k) => periodAt(p.kind, p.year, p.index - (count - 1 - k)));
}

/** The period of `kind` that contains the calendar date `day` (YYYY-MM-DD). */
export function periodContaining(day: string, kind: TPeriodKind): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return periodAt(kind, year, kind === 'month' ? month : kind === 'quarter' ? Math.ceil(month / 3) : 1);
}

/** Whole months from `since` to `until` (both YYYY-MM-DD): 2025-03-15 → 2026-09-14 is 17, → 2026-09-15 is 18. */
export function monthsBetween(since: string, until: string): number {
  const [y1, m1, d1] = since.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = until.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}
