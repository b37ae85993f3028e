import type { TCertification, TEnrolment } from '@tierline/contracts';

/** Still to do: assigned or started (the server's "open" enrolment; only these can be overdue or worked on). */
export const isOpen = (e: Pick<TEnrolment, 'status'>): boolean => e.status === 'assigned' || e.status === 'in_progress';

/** Days from `today` to a calendar date (both YYYY-MM-DD); negative when the date has passed. */
export function daysUntil(date: string, today: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/** Today as YYYY-MM-DD in the browser's zone (the due-soon hint only; overdue itself comes from the server). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Matches the reminders job: due soon is within 3 days. */
export const DUE_SOON_DAYS = 3;

export type DueState = 'none' | 'ok' | 'soon' | 'today' | 'overdue';

/**
 * How a due date reads on an enrolment: red when overdue (the server's verdict in the org's zone, so a browser in
 * another zone never disagrees with the reminder the rep got), orange within three days. Closed enrolments have
 * nothing due any more.
 */
export function dueState(e: Pick<TEnrolment, 'status' | 'dueOn' | 'overdue'>, today: string): DueState {
  if (!isOpen(e) || !e.dueOn) return 'none';
  if (e.overdue) return 'overdue';
  const days = daysUntil(e.dueOn, today);
  if (days <= 0) return 'today';
  return days <= DUE_SOON_DAYS ? 'soon' : 'ok';
}

export const STATUS_COLORS: Record<TEnrolment['status'], string> = {
  assigned: 'blue',
  in_progress: 'processing',
  completed: 'success',
  failed: 'error',
  cancelled: 'default',
};

export const CERTIFICATION_COLORS: Record<TCertification['status'], string> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
};

/**
 * My learning's order: what is still to do first — overdue, then by due date (undated last), then newest —
 * and below it the finished ones, latest finished first.
 */
export function sortEnrolments<E extends Pick<TEnrolment, 'status' | 'dueOn' | 'overdue' | 'createdAt' | 'completedAt'>>(
  list: readonly E[],
): E[] {
  const rank = (e: E) => (isOpen(e) ? (e.overdue ? 0 : 1) : 2);
  return [...list].sort((a, b) => {
    const byRank = rank(a) - rank(b);
    if (byRank !== 0) return byRank;
    if (rank(a) < 2) {
      if (a.dueOn !== b.dueOn) {
        if (!a.dueOn) return 1;
        if (!b.dueOn) return -1;
        return a.dueOn.localeCompare(b.dueOn);
      }
      return b.createdAt.localeCompare(a.createdAt);
    }
    return (b.completedAt ?? b.createdAt).localeCompare(a.completedAt ?? a.createdAt);
  });
}

export type NextStep = 'start' | 'continue' | 'quiz' | 'retry' | 'complete' | 'none';

/**
 * The learner's next action on an enrolment: start it; then, for a course with a quiz, take it (or retry after a
 * fail while attempts remain); for one without, mark it complete.
 */
export function nextStep(e: Pick<TEnrolment, 'status' | 'attemptsUsed' | 'attemptsLeft' | 'passed'>, hasQuiz: boolean): NextStep {
  if (!isOpen(e)) return 'none';
  if (e.status === 'assigned') return 'start';
  if (!hasQuiz) return 'complete';
  if (e.attemptsLeft !== null && e.attemptsLeft <= 0) return 'none';
  return e.attemptsUsed > 0 ? 'retry' : 'quiz';
}

/** The link that opens an enrolment on My learning (notifications use it too). */
export const learnPath = (enrolmentId: string): string => `/training?learn=${encodeURIComponent(enrolmentId)}`;

/** A course's length in whole hours and minutes ("1 h 30 min"), for the catalogue's tags. */
export function durationParts(minutes: number): { hours: number; minutes: number } {
  const m = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(m / 60), minutes: m % 60 };
}

/**
 * A material link, only when it is http(s): the contract checks this on save, and the page checks again so a link
 * can never run script (javascript:) whatever ends up stored.
 */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * My certifications: of several for one course (a re-certification grants a new one) only the latest, the one that
 * counts; those needing attention first (expiring, then expired), then valid; within each the soonest expiry first
 * (never-expiring last).
 */
export function sortCertifications<C extends Pick<TCertification, 'courseId' | 'status' | 'expiresOn' | 'grantedOn'>>(
  list: readonly C[],
): C[] {
  const latest = new Map<string, C>();
  for (const c of list) {
    const held = latest.get(c.courseId);
    if (!held || c.grantedOn > held.grantedOn) latest.set(c.courseId, c);
  }
  const rank: Record<TCertification['status'], number> = { expiring: 0, expired: 1, valid: 2 };
  return [...latest.values()].sort((a, b) => {
    const byRank = rank[a.status] - rank[b.status];
    if (byRank !== 0) return byRank;
    if (a.expiresOn !== b.expiresOn) {
      if (!a.expiresOn) return 1;
      if (!b.expiresOn) return -1;
      return a.expiresOn.localeCompare(b.expiresOn);
    }
    return b.grantedOn.localeCompare(a.grantedOn);
  });
}
