/** Calendar dates (YYYY-MM-DD) as the level pages use them: effective dates, hire dates, tenure. */

/** Today as a calendar date in the reader's time zone, as date inputs write it. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whole months from one calendar date to another (a tenure, a time at level); 0 when `to` is not later. */
export function monthsBetween(from: string, to: string): number {
  const [fy = 0, fm = 0, fd = 0] = from.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

/** A span of months as years and months (26 → { years: 2, months: 2 }), for "司龄 2 年 2 个月". */
export function yearsAndMonths(months: number): { years: number; months: number } {
  return { years: Math.floor(months / 12), months: months % 12 };
}
