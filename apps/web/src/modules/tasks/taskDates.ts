/**
 * Calendar days in a time zone, for "my day" and the calendar. A task is due at an instant; whether
 * that is "today" depends on where the reader is, so every helper takes the time zone (the browser's
 * in the app, a fixed one in tests) instead of using the machine's local time.
 */

/** A calendar day, "2025-03-01". Compares correctly as a string. */
export type DayKey = string;

const DAY_MS = 86_400_000;

/** The reader's time zone, e.g. "Asia/Shanghai". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const keyOf = (year: number, month: number, day: number): DayKey => `${year}-${pad(month)}-${pad(day)}`;
const toDate = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);

/** The calendar day an instant falls on in the time zone. */
export function dayKey(at: Date | string, timeZone: string): DayKey {
  const w = wallClock(toDate(at), timeZone);
  return keyOf(w.year, w.month, w.day);
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const w = wallClock(new Date(whole), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** The instant when the zone's clocks show `hour:minute` on that day (checked twice, so a DST change is honoured). */
export function zonedTime(key: DayKey, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  let instant = wall - offsetAt(wall, timeZone);
  const second = offsetAt(instant, timeZone);
  if (wall - second !== instant) instant = wall - second;
  return new Date(instant);
}

export const dayStart = (key: DayKey, timeZone: string): Date => zonedTime(key, 0, 0, timeZone);

/** The day `n` calendar days later (or earlier); calendar arithmetic, no time zone involved. */
export function addDays(key: DayKey, n: number): DayKey {
  const [y, m, d] = key.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d) + n * DAY_MS);
  return keyOf(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
}

/** Calendar days from `from` to `to` (negative when `to` comes first). */
export function daysBetween(from: DayKey, to: DayKey): number {
  const utc = (key: DayKey) => {
    const [y, m, d] = key.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(key: DayKey): number {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** How many calendar days a due time lies behind today (0 when it was earlier today or is not past). */
export function daysOverdue(dueAt: string, now: Date, timeZone: string): number {
  return Math.max(0, daysBetween(dayKey(dueAt, timeZone), dayKey(now, timeZone)));
}

/** Days ahead that "upcoming" covers, after today. */
export const UPCOMING_DAYS = 7;

export interface Buckets<T> {
  /** Open and past due, oldest first. */
  overdue: T[];
  /** Due later today. */
  today: T[];
  /** Due within the next UPCOMING_DAYS days. */
  upcoming: T[];
  /** Due after that. */
  later: T[];
}

/**
 * Sorts open tasks into the sections of "my day". Overdue means past its due instant, as the server
 * says (so a task due at 9:00 is overdue at 10:00 the same day); the others go by calendar day.
 */
export function bucketTasks<T extends { dueAt: string; status: string }>(
  tasks: readonly T[],
  now: Date,
  timeZone: string,
  upcomingDays = UPCOMING_DAYS,
): Buckets<T> {
  const buckets: Buckets<T> = { overdue: [], today: [], upcoming: [], later: [] };
  const today = dayKey(now, timeZone);
  const lastUpcoming = addDays(today, upcomingDays);
  const byDue = [...tasks].sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  for (const task of byDue) {
    if (task.status !== 'open') continue;
    const key = dayKey(task.dueAt, timeZone);
    if (Date.parse(task.dueAt) < now.getTime()) buckets.overdue.push(task);
    else if (key === today) buckets.today.push(task);
    else if (key <= lastUpcoming) buckets.upcoming.push(task);
    else buckets.later.push(task);
  }
  return buckets;
}

export interface Range {
  /** ISO instant, inclusive. */
  from: string;
  /** ISO instant, exclusive. */
  to: string;
}

export function dayRange(first: DayKey, days: number, timeZone: string): Range {
  return { from: dayStart(first, timeZone).toISOString(), to: dayStart(addDays(first, days), timeZone).toISOString() };
}

/**
 * What a month view of the calendar must fetch: the month plus the days of the neighbouring months
 * its grid shows (up to a week before the 1st and two weeks after the last day, whatever the week start).
 */
export function monthRange(year: number, month: number, timeZone: string): Range {
  const first = keyOf(year, month, 1);
  const nextFirst = month === 12 ? keyOf(year + 1, 1, 1) : keyOf(year, month + 1, 1);
  return { from: dayStart(addDays(first, -7), timeZone).toISOString(), to: dayStart(addDays(nextFirst, 14), timeZone).toISOString() };
}

/**
 * The weekday a week starts on for a language, as the month calendar shows it (dayjs's locales):
 * Monday in China, Sunday in English.
 */
export const weekStartFor = (locale: string): number => (locale.startsWith('zh') ? 1 : 0);

/** The seven days of the week that holds `key`; weeks start on Monday (1) by default, as in China. */
export function weekDays(key: DayKey, weekStartsOn = 1): DayKey[] {
  const back = (weekdayOf(key) - weekStartsOn + 7) % 7;
  const start = addDays(key, -back);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** An instant as the value of an <input type="datetime-local"> in the time zone: "2025-03-01T14:05". */
export function toLocalInput(at: Date | string, timeZone: string): string {
  const w = wallClock(toDate(at), timeZone);
  return `${keyOf(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant an <input type="datetime-local"> value names in the time zone; null for an empty or broken value. */
export function fromLocalInput(value: string | null | undefined, timeZone: string): Date | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const at = zonedTime(match[1], Number(match[2]), Number(match[3]), timeZone);
  return Number.isNaN(at.getTime()) ? null : at;
}

export type PresetKey = 'tomorrow' | 'inThreeDays' | 'nextMonday';
/** The hour quick reschedules land on: the start of a working morning. */
const PRESET_HOUR = 9;

/** Quick choices for moving a task: tomorrow, in three days, next Monday — each at 9:00 in the time zone. */
export function reschedulePresets(now: Date, timeZone: string): { key: PresetKey; at: Date }[] {
  const today = dayKey(now, timeZone);
  const toMonday = (8 - weekdayOf(today)) % 7 || 7;
  return [
    { key: 'tomorrow', at: zonedTime(addDays(today, 1), PRESET_HOUR, 0, timeZone) },
    { key: 'inThreeDays', at: zonedTime(addDays(today, 3), PRESET_HOUR, 0, timeZone) },
    { key: 'nextMonday', at: zonedTime(addDays(today, toMonday), PRESET_HOUR, 0, timeZone) },
  ];
}

/** A time of day in the reader's language and zone: "14:05" / "2:05 PM". */
export function formatTime(at: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(toDate(at));
}

/** A calendar day with its weekday, short: "3月6日周四" / "Thu, Mar 6". */
export function formatDay(key: DayKey, locale: string): string {
  const [y, m, d] = key.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** Date and time in the reader's language and zone: "2025年3月6日 14:05" / "Mar 6, 2025, 2:05 PM". */
export function formatDateTimeIn(at: Date | string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(toDate(at));
}
