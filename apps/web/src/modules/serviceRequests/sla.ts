import type { TServiceRequest, TServiceRequestStatus } from '@tierline/contracts';

const MINUTE = 60_000;

/**
 * Where a request stands against its response SLA (docs/decisions/0021):
 * - `remaining`: unanswered, still in time — minutes left;
 * - `overdue`: unanswered past the deadline — minutes over;
 * - `met`: first answered in time — the margin it had;
 * - `late`: first answered after the deadline — minutes late;
 * - `none`: the customer's tier promised no SLA.
 */
export type SlaState = { kind: 'none' } | { kind: 'remaining' | 'overdue' | 'met' | 'late'; minutes: number };

type SlaFields = Pick<TServiceRequest, 'slaDueAt' | 'firstAnsweredAt' | 'slaRemainingMinutes'>;

/**
 * The SLA state now. An answered request's margin is fixed (the server's `slaRemainingMinutes`); an
 * unanswered one counts down from its deadline against the clock here, so a page left open keeps
 * counting instead of showing the minutes of when it loaded. Exactly at the deadline is in time, as on
 * the server; past it by seconds already counts as a minute over, never "overdue 0 minutes".
 */
export function slaState(r: SlaFields, now: Date): SlaState {
  if (!r.slaDueAt) return { kind: 'none' };
  if (r.firstAnsweredAt) {
    const margin = r.slaRemainingMinutes ?? Math.floor((Date.parse(r.slaDueAt) - Date.parse(r.firstAnsweredAt)) / MINUTE);
    return margin >= 0 ? { kind: 'met', minutes: margin } : { kind: 'late', minutes: -margin };
  }
  const left = Date.parse(r.slaDueAt) - now.getTime();
  if (left >= 0) return { kind: 'remaining', minutes: Math.floor(left / MINUTE) };
  return { kind: 'overdue', minutes: Math.max(1, Math.ceil(-left / MINUTE)) };
}

export type DurationUnit = 'day' | 'hour' | 'minute';
const part = (unit: DurationUnit, count: number) => ({ unit, count });

/**
 * A span of minutes as its two largest units, enough to read at a glance: 200 → 3 h 20 min,
 * 1 500 → 1 d 1 h, 2 880 → 2 d (a zero second unit is left out). Negative spans count as their size.
 */
export function durationParts(totalMinutes: number): { unit: DurationUnit; count: number }[] {
  const m = Math.floor(Math.abs(totalMinutes));
  const days = Math.floor(m / 1440);
  const hours = Math.floor((m % 1440) / 60);
  const minutes = m % 60;
  if (days > 0) return hours > 0 ? [part('day', days), part('hour', hours)] : [part('day', days)];
  if (hours > 0) return minutes > 0 ? [part('hour', hours), part('minute', minutes)] : [part('hour', hours)];
  return [part('minute', minutes)];
}

export type ServiceAction = 'answer' | 'resolve' | 'reopen';

/** What may be done next, by status (the server's rules): answer once from open; resolve from open or answered; reopen when resolved. */
export function availableActions(status: TServiceRequestStatus): ServiceAction[] {
  switch (status) {
    case 'open':
      return ['answer', 'resolve'];
    case 'answered':
      return ['resolve'];
    case 'resolved':
      return ['reopen'];
    default:
      return [];
  }
}

/** Closed is final; every other request may have its fields edited. */
export const isEditable = (status: TServiceRequestStatus) => status !== 'closed';

/** Share of requests breached, as a whole percentage; null when there were none. */
export function breachRate(counts: { requests: number; breached: number }): number | null {
  return counts.requests > 0 ? Math.round((counts.breached / counts.requests) * 100) : null;
}
