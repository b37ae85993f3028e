import { parsePeriod } from '../performance/periods.rules.ts';

/**
 * The windows analytics compares (issue 9): calendar dates [from, to) in the organisation's zone. The previous window
 * of a whole month, quarter or year is the previous one of those (Q3 against Q2, though they differ in days);
 * any other window is compared with as many days just before it.
 */
export type Window = { from: string; to: string };

const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period key whose dates are exactly the window (`2026-Q3`), or null. */
export function periodOfWindow(w: Window): string | null {
  const [y, m, d] = w.from.split('-').map(Number);
  if (d !== 1) return null;
  const candidates = [String(y), `${y}-Q${Math.ceil(m / 3)}`, `${y}-${String(m).padStart(2, '0')}`];
  for (const key of candidates) {
    const p = parsePeriod(key);
    if (p.from === w.from && p.to === w.to) return key;
  }
  return null;
}

export function previousWindow(w: Window): Window {
  const key = periodOfWindow(w);
  if (key) {
    const p = parsePeriod(key);
    const [y, m] = p.from.split('-').map(Number);
    const months = p.kind === 'year' ? 12 : p.kind === 'quarter' ? 3 : 1;
    const start = new Date(Date.UTC(y, m - 1 - months, 1));
    return { from: toDate(start.getTime()), to: p.from };
  }
  const days = Math.round((toMs(w.to) - toMs(w.from)) / DAY);
  return { from: toDate(toMs(w.from) - days * DAY), to: w.from };
}
