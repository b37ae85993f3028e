import type { Clock } from '../platform/clock.ts';
import type { Rng } from './random.ts';

const DAY = 86_400_000;
/** The demo's organisation works in China Standard Time (UTC+8, no daylight saving). */
const CST = 8 * 3_600_000;

/**
 * The demo's calendar: days counted from the as-of date (0 = as-of, -1 = the day before), times in
 * Asia/Shanghai. The demo's "now" is 08:00 on the as-of date: everything it records happened before.
 */
export class DemoTime {
  private readonly midnight: number;

  /** Today's date in Asia/Shanghai: the default as-of date. */
  static today(now = new Date()): string {
    return new Date(now.getTime() + CST).toISOString().slice(0, 10);
  }

  constructor(readonly asOf: string) {
    this.midnight = Date.parse(`${asOf}T00:00:00+08:00`);
    if (Number.isNaN(this.midnight)) throw new Error(`not a date: ${asOf}`);
  }

  /** A moment: `day` days from the as-of date, `minutes` after local midnight. */
  at(day: number, minutes = 0): Date {
    return new Date(this.midnight + day * DAY + minutes * 60_000);
  }

  /** The demo's now: 08:00 on the as-of date. */
  get now(): Date {
    return this.at(0, 8 * 60);
  }

  /** The local date (YYYY-MM-DD) `day` days from the as-of date. */
  date(day: number): string {
    return new Date(this.midnight + day * DAY + CST).toISOString().slice(0, 10);
  }

  /** The day number of a moment (floor, local time). */
  dayOf(at: Date): number {
    return Math.floor((at.getTime() - this.midnight) / DAY);
  }

  /** Monday to Friday. */
  isWorkday(day: number): boolean {
    const weekday = new Date(this.midnight + day * DAY + CST).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The nearest workday at or before `day`. */
  workdayAtOrBefore(day: number): number {
    let d = day;
    while (!this.isWorkday(d)) d--;
    return d;
  }

  /** The nearest workday at or after `day` — or at or before it, when that would pass `latest`. */
  workdayFrom(day: number, latest = -1): number {
    let d = day;
    while (!this.isWorkday(d) && d < latest) d++;
    return this.isWorkday(d) ? d : this.workdayAtOrBefore(day);
  }

  /** A moment in office hours (09:00–18:00) on the nearest workday at or before `day`. */
  officeHours(rng: Rng, day: number): Date {
    return this.at(this.workdayAtOrBefore(day), rng.int(9 * 60, 17 * 60 + 45));
  }
}

/** The clock the demo's use cases read: set to the moment each thing happens, so their own timestamps are historical. */
export class DemoClock implements Clock {
  private current: number;

  constructor(start: Date) {
    this.current = start.getTime();
  }

  now = () => new Date(this.current);

  set(at: Date) {
    this.current = at.getTime();
  }
}
