/**
 * When a snapshot's figures were computed, short enough for a quiet line over the figures: "14:05" today, with the
 * day when it was another day ("3月6日 14:05" / "Mar 6, 14:05") and the year when another year. Always 24-hour: a
 * clock time read at a glance, not a sentence. `timeZone` is the reader's (the browser's when left out); tests fix it.
 */
export function formatAsOf(asOf: string, locale: string, now: Date = new Date(), timeZone?: string): string {
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime())) return asOf;
  const dayOf = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const [day, today] = [dayOf.format(at), dayOf.format(now)];
  const date: Intl.DateTimeFormatOptions =
    day === today ? {} : { month: 'short', day: 'numeric', ...(day.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }) };
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...date }).format(at);
}
