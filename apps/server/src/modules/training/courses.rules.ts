import type { TCourse, TQuiz, TRole, ZQuizForLearner } from '@tierline/contracts';
import type { z } from 'zod';
import type { FieldError } from '../../platform/errors.ts';

export type TQuizForLearner = z.infer<typeof ZQuizForLearner>;

/**
 * Pure rules of the course catalogue (decision 0029): who edits it and sees the answer key, and what makes a
 * quiz well-formed beyond its shape (which Zod already checks).
 */

/** Directors and admins edit the catalogue; only they see the quiz's answer key and inactive courses in the list. */
export const editsCatalogue = (role: TRole) => role === 'director' || role === 'admin';

/** The quiz as a learner sees it: the questions without `correct`, so the key never leaves the server. */
export function forLearner(quiz: TQuiz): TQuizForLearner {
  return {
    passScore: quiz.passScore,
    attemptsAllowed: quiz.attemptsAllowed,
    questions: quiz.questions.map(({ correct: _, ...q }) => q),
  };
}

/**
 * What is wrong with a quiz, each problem named by its field (`quiz.questions.2.correct`): question ids unique,
 * option ids unique within their question, every correct id one of the question's options and named once,
 * a single-choice question with exactly one correct option and a multiple-choice one with at least one.
 * Ids matter because attempts answer by id, and scoring compares sets of ids.
 */
export function quizProblems(quiz: TQuiz | null, prefix = 'quiz'): FieldError[] {
  if (!quiz) return [];
  const errors: FieldError[] = [];
  const questionIds = new Map<string, number>();
  quiz.questions.forEach((q, i) => {
    const at = `${prefix}.questions.${i}`;
    const first = questionIds.get(q.id);
    if (first !== undefined) errors.push({ path: `${at}.id`, message: `the same id as ${prefix}.questions.${first}` });
    else questionIds.set(q.id, i);

    const optionIds = new Map<string, number>();
    q.options.forEach((o, j) => {
      const seen = optionIds.get(o.id);
      if (seen !== undefined) errors.push({ path: `${at}.options.${j}.id`, message: `the same id as ${at}.options.${seen}` });
      else optionIds.set(o.id, j);
    });

    const unknown = q.correct.filter((id) => !optionIds.has(id));
    const distinct = new Set(q.correct);
    if (unknown.length) errors.push({ path: `${at}.correct`, message: `not an option of this question: ${unknown.join(', ')}` });
    else if (distinct.size !== q.correct.length) errors.push({ path: `${at}.correct`, message: 'names an option twice' });
    else if (q.kind === 'single' && distinct.size !== 1) {
      errors.push({ path: `${at}.correct`, message: 'a single-choice question has exactly one correct option' });
    } else if (q.kind === 'multiple' && distinct.size < 1) {
      errors.push({ path: `${at}.correct`, message: 'a multiple-choice question has at least one correct option' });
    }
  });
  return errors;
}

/** A course as the caller may see it: with the answer key for catalogue editors, without it for everyone else. */
export function courseFor<C extends { quiz: TQuiz | null }>(course: C, role: TRole): Omit<C, 'quiz'> & { quiz: TCourse['quiz'] } {
  return { ...course, quiz: course.quiz && !editsCatalogue(role) ? forLearner(course.quiz) : course.quiz };
}
