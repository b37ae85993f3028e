/**
 * Date inputs speak the reader's local calendar ("2025-03-01", "2025-03-01T09:30"); the API speaks
 * instants. These turn one into the other so a day means the reader's day, not UTC's.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** Local midnight at the start of a calendar day, as an ISO instant; undefined for empty or malformed input. */
export function dayStartIso(day: string | undefined, plusDays = 0): string | undefined {
  const m = day ? DATE.exec(day) : null;
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}

/**
 * The API's half-open range [from, to) for two picked days, both included: "from 1 March to 3 March"
 * runs from the start of 1 March to the start of 4 March.
 */
export function openedRange(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  return { from: dayStartIso(from), to: dayStartIso(to, 1) };
}

/** A datetime-local value as an ISO instant; undefined when empty or malformed. */
export function localInputToIso(value: string | undefined | null): string | undefined {
  const m = value ? DATE_TIME.exec(value) : null;
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])).toISOString();
}

/** An instant as a datetime-local value in local time, e.g. the `max` of an opening time (now). */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
