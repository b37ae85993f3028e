import type { TServiceRequestStatus } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';

/**
 * The response SLA of a service request (客户服务), as pure functions of its times and an injected "now".
 * The SLA is measured against the first answer: it runs from `openedAt` for the tier's `slaHours`
 * (calendar hours, exact: 3 600 000 ms each — no business hours or holidays).
 */

const HOUR = 3_600_000;
const MINUTE = 60_000;

type SlaTimes = { slaDueAt: Date | null; firstAnsweredAt: Date | null };

/** openedAt + slaHours; null when the tier promises no SLA. */
export function slaDueAtOf(openedAt: Date, slaHours: number | null): Date | null {
  return slaHours === null ? null : new Date(openedAt.getTime() + slaHours * HOUR);
}

/** Breached: first answered after the deadline, or still unanswered and now past it. Exactly at the deadline is in time. */
export function isBreached(r: SlaTimes, now: Date): boolean {
  if (!r.slaDueAt) return false;
  const answeredOrNow = r.firstAnsweredAt ?? now;
  return answeredOrNow.getTime() > r.slaDueAt.getTime();
}

/**
 * Whole minutes left until the deadline, rounded down: counted from now while unanswered, from the first
 * answer once answered (the margin it was answered with). Negative exactly when breached; null without an SLA.
 */
export function slaRemainingMinutes(r: SlaTimes, now: Date): number | null {
  if (!r.slaDueAt) return null;
  const from = r.firstAnsweredAt ?? now;
  return Math.floor((r.slaDueAt.getTime() - from.getTime()) / MINUTE);
}

/** Whole minutes from opening to the first answer, rounded down; null while unanswered. */
export function firstResponseMinutes(openedAt: Date, firstAnsweredAt: Date | null): number | null {
  return firstAnsweredAt ? Math.floor((firstAnsweredAt.getTime() - openedAt.getTime()) / MINUTE) : null;
}

/**
 * Highlighted: the request's tier ranks above the organisation's lowest tier (rank 1 is the highest), so with
 * the default ladder KA and VIP requests stand out and SMB ones do not. A request without a tier, or an
 * organisation with a single tier, highlights nothing.
 */
export function isHighlighted(tierRank: number | null, lowestRank: number | null): boolean {
  return tierRank !== null && lowestRank !== null && tierRank < lowestRank;
}

/** A request is opened now or earlier (logged after the call), never in the future. */
export function openedAtProblem(openedAt: Date, now: Date): FieldError | null {
  return openedAt.getTime() > now.getTime() ? { path: 'openedAt', message: 'is in the future' } : null;
}

export type ServiceAction = 'answer' | 'resolve' | 'reopen';

/**
 * The life of a request: open → answered (the first answer stops the SLA clock, once) → resolved; resolving an
 * unanswered request answers it too; a resolved request may be reopened (open again, its first answer kept).
 * `closed` is final.
 */
const ALLOWED_FROM: Record<ServiceAction, TServiceRequestStatus[]> = {
  answer: ['open'],
  resolve: ['open', 'answered'],
  reopen: ['resolved'],
};

export function actionProblem(action: ServiceAction, status: TServiceRequestStatus, firstAnsweredAt: Date | null): FieldError | null {
  if (ALLOWED_FROM[action].includes(status)) return null;
  if (action === 'answer' && status === 'answered')
    return {
      path: 'status',
      message: `already answered${firstAnsweredAt ? ` at ${firstAnsweredAt.toISOString()}` : ''}; the first answer is what the SLA measures`,
    };
  if (status === 'closed') return { path: 'status', message: 'a closed request is final' };
  return { path: 'status', message: `a ${status} request cannot be ${action === 'answer' ? 'answered' : `${action}d`}` };
}

/** What an action changes: the status, and the times it sets. The first answer is never moved once set. */
export function applyAction(
  action: ServiceAction,
  r: { firstAnsweredAt: Date | null },
  now: Date,
  resolution?: string,
): { status: TServiceRequestStatus; firstAnsweredAt: Date | null; resolvedAt: Date | null; resolution?: string | null } {
  switch (action) {
    case 'answer':
      return { status: 'answered', firstAnsweredAt: r.firstAnsweredAt ?? now, resolvedAt: null };
    case 'resolve':
      return { status: 'resolved', firstAnsweredAt: r.firstAnsweredAt ?? now, resolvedAt: now, resolution: resolution ?? null };
    case 'reopen':
      return { status: 'open', firstAnsweredAt: r.firstAnsweredAt, resolvedAt: null, resolution: null };
  }
}

/** Closed requests are history; everything else may have its fields edited. */
export const isFinal = (status: TServiceRequestStatus) => status === 'closed';
