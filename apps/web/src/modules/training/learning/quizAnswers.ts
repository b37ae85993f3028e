import type { TQuizAttempt } from '@tierline/contracts';

/** A question as the learner gets it (no answer key). */
export interface LearnerQuestion {
  id: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: { id: string; text: string }[];
}

/** The learner's choices so far: question id → chosen option ids (one for single choice). */
export type AnswerState = Readonly<Record<string, readonly string[]>>;

export const emptyAnswers: AnswerState = {};

/** Single choice: the option replaces any earlier choice. */
export function chooseSingle(state: AnswerState, questionId: string, optionId: string): AnswerState {
  return { ...state, [questionId]: [optionId] };
}

/** Multiple choice: ticks or unticks one option, keeping the others. */
export function toggleMultiple(state: AnswerState, questionId: string, optionId: string, checked: boolean): AnswerState {
  const current = state[questionId] ?? [];
  const next = checked ? (current.includes(optionId) ? current : [...current, optionId]) : current.filter((id) => id !== optionId);
  return { ...state, [questionId]: next };
}

export const isAnswered = (state: AnswerState, questionId: string): boolean => (state[questionId]?.length ?? 0) > 0;

/** The questions (1-based numbers) left without any choice: submitting counts them wrong, so the learner is told. */
export function unansweredNumbers(questions: readonly Pick<LearnerQuestion, 'id'>[], state: AnswerState): number[] {
  return questions.flatMap((q, i) => (isAnswered(state, q.id) ? [] : [i + 1]));
}

/**
 * The body of POST /enrolments/{id}/attempts: one entry per question in the quiz's order, options in the quiz's
 * order (so the same choices always send the same body); ids the quiz no longer has are dropped.
 */
export function toAttemptBody(
  questions: readonly LearnerQuestion[],
  state: AnswerState,
): { answers: { questionId: string; optionIds: string[] }[] } {
  return {
    answers: questions.map((q) => {
      const chosen = new Set(state[q.id] ?? []);
      const optionIds = q.options.filter((o) => chosen.has(o.id)).map((o) => o.id);
      return { questionId: q.id, optionIds: q.kind === 'single' ? optionIds.slice(0, 1) : optionIds };
    }),
  };
}

export interface AttemptSummary {
  right: number;
  total: number;
  /** 1-based numbers of the questions answered wrong, in the quiz's order. */
  wrongNumbers: number[];
  /** Another attempt is possible: failed, the enrolment still open, and attempts left (or unlimited). */
  canRetry: boolean;
}

/** What the result panel shows after a submission. */
export function summarizeAttempt(questions: readonly Pick<LearnerQuestion, 'id'>[], attempt: TQuizAttempt): AttemptSummary {
  const correct = new Map(attempt.results.map((r) => [r.questionId, r.correct]));
  const wrongNumbers = questions.flatMap((q, i) => (correct.get(q.id) === true ? [] : [i + 1]));
  const open = attempt.enrolment.status === 'assigned' || attempt.enrolment.status === 'in_progress';
  return {
    right: questions.length - wrongNumbers.length,
    total: questions.length,
    wrongNumbers,
    canRetry: !attempt.passed && open && (attempt.attemptsLeft === null || attempt.attemptsLeft > 0),
  };
}
