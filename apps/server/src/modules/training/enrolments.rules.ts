import type { QuizResult } from './quiz.rules.ts';

export type EnrolmentStatus = 'assigned' | 'in_progress' | 'completed' | 'failed' | 'cancelled';
export const OPEN_STATUSES: readonly EnrolmentStatus[] = ['assigned', 'in_progress'];

export const isOpen = (status: EnrolmentStatus) => OPEN_STATUSES.includes(status);

/** Overdue: a due date before the organisation's today, and still open (a finished enrolment is never late). */
export const isOverdue = (e: { status: EnrolmentStatus; dueOn: string | null }, today: string) =>
  isOpen(e.status) && e.dueOn !== null && e.dueOn < today;

type Learning = {
  status: EnrolmentStatus;
  progress: number;
  quizScore: number | null;
  passed: boolean | null;
  attemptsUsed: number;
  startedAt: Date | null;
  completedAt: Date | null;
};

/** Recording progress: an assigned enrolment starts (in progress, started now); the figure is the learner's own. */
export function withProgress<T extends Learning>(e: T, progress: number, now: Date): T {
  return { ...e, progress, status: 'in_progress', startedAt: e.startedAt ?? now };
}

/** Completing a course without a quiz: done, at 100 %. */
export function completed<T extends Learning>(e: T, now: Date): T {
  return { ...e, status: 'completed', progress: 100, startedAt: e.startedAt ?? now, completedAt: now };
}

/**
 * After a quiz attempt: the enrolment keeps its best score; a pass completes it; a fail with no attempt left fails
 * it (passed false); otherwise it stays in progress, undecided.
 */
export function afterAttempt<T extends Learning>(e: T, result: QuizResult, attemptsLeft: number | null, now: Date): T {
  const next: T = {
    ...e,
    attemptsUsed: e.attemptsUsed + 1,
    quizScore: Math.max(e.quizScore ?? 0, result.score),
    status: 'in_progress',
    startedAt: e.startedAt ?? now,
  };
  if (result.passed) return { ...next, status: 'completed', progress: 100, passed: true, completedAt: now };
  if (attemptsLeft === 0) return { ...next, status: 'failed', passed: false };
  return next;
}
