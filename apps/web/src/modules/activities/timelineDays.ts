/**
 * Days of a timeline, in the reader's time zone: an event at 23:30 in Shanghai belongs to that evening, not
 * to the next UTC day. The zone is a parameter so tests (and a later per-user setting) can name it.
 */

/** The browser's IANA time zone, e.g. "Asia/Shanghai". */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day ("2025-03-01") a moment falls on in a time zone. */
export function dayKey(iso: string | Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(typeof iso === 'string' ? new Date(iso) : iso).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export interface DayGroup<T> {
  day: string;
  events: T[];
}

/**
 * Consecutive events grouped by their day, keeping the order given (the server's: newest first). A day
 * split across two pages of "load more" stays one group, because the pages are concatenated first.
 */
export function groupByDay<T extends { at: string }>(
  events: readonly T[],
  timeZone: string,
  dayOf: (event: T) => string = (event) => dayKey(event.at, timeZone),
): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const event of events) {
    const day = dayOf(event);
    const last = groups.at(-1);
    if (last?.day === day) last.events.push(event);
    else groups.push({ day, events: [event] });
  }
  return groups;
}

/** "today" or "yesterday" when the day is one of those in the zone, else null (the date is shown). */
export function relativeDay(day: string, now: Date, timeZone: string): 'today' | 'yesterday' | null {
  if (day === dayKey(now, timeZone)) return 'today';
  // Noon today minus a day lands on yesterday whatever the zone's DST does.
  const noon = Date.parse(`${dayKey(now, timeZone)}T12:00:00Z`);
  if (day === new Date(noon - 86_400_000).toISOString().slice(0, 10)) return 'yesterday';
  return null;
}

/** A day heading in the reader's language: "2025年3月1日 周六", "Sat, Mar 1, 2025". */
export function formatDayHeading(day: string, locale: string): string {
  // The day is already the zone's: format its noon in UTC so no zone can move it.
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The time of day of an event in the zone ("14:05", "2:05 PM"). */
export function formatTimeOfDay(iso: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}
