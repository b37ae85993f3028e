import type { TQuiz } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';

export type QuizAnswer = { questionId: string; optionIds: string[] };
export type QuizResult = { score: number; passed: boolean; results: { questionId: string; correct: boolean }[] };

/** Round half up of 100 × right ÷ total, in integers only (no floating-point edge at .5). */
export function percentHalfUp(right: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((200 * right + total) / (2 * total));
}

/**
 * What is wrong with a submission, naming `answers.N`: a question the quiz does not have, a question answered
 * twice, an option the question does not offer. Leaving a question out is allowed (it counts as wrong).
 */
export function answerProblems(quiz: TQuiz, answers: QuizAnswer[]): FieldError[] {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  const problems: FieldError[] = [];
  answers.forEach((a, i) => {
    const q = questions.get(a.questionId);
    if (!q) problems.push({ path: `answers.${i}.questionId`, message: `no question ${a.questionId} in this quiz` });
    else if (seen.has(a.questionId)) problems.push({ path: `answers.${i}.questionId`, message: `question ${a.questionId} answered twice` });
    else {
      const offered = new Set(q.options.map((o) => o.id));
      const unknown = a.optionIds.filter((id) => !offered.has(id));
      if (unknown.length) problems.push({ path: `answers.${i}.optionIds`, message: `no option ${unknown.join(', ')} in question ${q.id}` });
    }
    seen.add(a.questionId);
  });
  return problems;
}

/**
 * Scores a valid submission: a question is right only when the chosen set equals the correct set exactly (a
 * multiple-choice question is all or nothing: partial credit would reward ticking every box); an unanswered
 * question is wrong. Score is the integer percent of questions right, rounded half up; passed = score ≥ pass score.
 */
export function scoreQuiz(quiz: TQuiz, answers: QuizAnswer[]): QuizResult {
  const chosen = new Map(answers.map((a) => [a.questionId, new Set(a.optionIds)]));
  const results = quiz.questions.map((q) => {
    const picked = chosen.get(q.id) ?? new Set<string>();
    const correct = new Set(q.correct);
    const right = picked.size === correct.size && [...correct].every((id) => picked.has(id));
    return { questionId: q.id, correct: right };
  });
  const score = percentHalfUp(results.filter((r) => r.correct).length, quiz.questions.length);
  return { score, passed: score >= quiz.passScore, results };
}

/** Attempts still allowed: null when unlimited. */
export const attemptsLeftOf = (attemptsAllowed: number | null, used: number): number | null =>
  attemptsAllowed === null ? null : Math.max(0, attemptsAllowed - used);

/** The quiz as a learner sees it: the same questions and options, without the answer key. */
export function quizForLearner(quiz: TQuiz) {
  return {
    passScore: quiz.passScore,
    attemptsAllowed: quiz.attemptsAllowed,
    questions: quiz.questions.map(({ correct: _key, ...q }) => q),
  };
}
