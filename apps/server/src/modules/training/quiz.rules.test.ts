import type { TQuiz } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { afterAttempt, isOverdue, withProgress } from './enrolments.rules.ts';
import { answerProblems, attemptsLeftOf, percentHalfUp, quizForLearner, scoreQuiz } from './quiz.rules.ts';

const opts = (...ids: string[]) => ids.map((id) => ({ id, text: `option ${id}` }));
const quiz = (passScore = 70, n = 3): TQuiz => ({
  passScore,
  attemptsAllowed: 2,
  questions: [
    { id: 'q1', kind: 'single', prompt: 'One?', options: opts('a', 'b', 'c'), correct: ['b'] },
    { id: 'q2', kind: 'multiple', prompt: 'Which?', options: opts('a', 'b', 'c', 'd'), correct: ['a', 'c'] },
    { id: 'q3', kind: 'single', prompt: 'Three?', options: opts('x', 'y'), correct: ['y'] },
  ].slice(0, n) as TQuiz['questions'],
});

describe('quiz scoring', () => {
  it('all right scores 100 and passes', () => {
    const r = scoreQuiz(quiz(), [
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q2', optionIds: ['c', 'a'] },
      { questionId: 'q3', optionIds: ['y'] },
    ]);
    expect(r).toEqual({
      score: 100,
      passed: true,
      results: [
        { questionId: 'q1', correct: true },
        { questionId: 'q2', correct: true },
        { questionId: 'q3', correct: true },
      ],
    });
  });

  it('multiple choice is all or nothing: a subset or a superset of the right options is wrong', () => {
    const subset = scoreQuiz(quiz(), [{ questionId: 'q2', optionIds: ['a'] }]);
    const superset = scoreQuiz(quiz(), [{ questionId: 'q2', optionIds: ['a', 'b', 'c'] }]);
    const everything = scoreQuiz(quiz(), [{ questionId: 'q2', optionIds: ['a', 'b', 'c', 'd'] }]);
    for (const r of [subset, superset, everything]) expect(r.results[1]).toEqual({ questionId: 'q2', correct: false });
  });

  it('an unanswered question, or one answered with nothing, is wrong', () => {
    const r = scoreQuiz(quiz(), [
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q2', optionIds: [] },
    ]);
    expect(r.results.map((x) => x.correct)).toEqual([true, false, false]);
    expect(r.score).toBe(33);
  });

  it('rounds half up to an integer percent: 2 of 3 = 67, 1 of 8 = 13 (12.5), 1 of 200 = 1 (0.5)', () => {
    expect(percentHalfUp(2, 3)).toBe(67);
    expect(percentHalfUp(1, 3)).toBe(33);
    expect(percentHalfUp(1, 8)).toBe(13);
    expect(percentHalfUp(3, 8)).toBe(38);
    expect(percentHalfUp(1, 200)).toBe(1);
    expect(percentHalfUp(0, 5)).toBe(0);
    expect(percentHalfUp(5, 5)).toBe(100);
  });

  it('passes exactly at the pass score, fails one point below', () => {
    const twoOfThree = [
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q3', optionIds: ['y'] },
    ];
    expect(scoreQuiz(quiz(67), twoOfThree)).toMatchObject({ score: 67, passed: true });
    expect(scoreQuiz(quiz(68), twoOfThree)).toMatchObject({ score: 67, passed: false });
    expect(scoreQuiz(quiz(0), [])).toMatchObject({ score: 0, passed: true });
  });

  it('names the answer at fault: unknown question, question answered twice, unknown option', () => {
    expect(
      answerProblems(quiz(), [
        { questionId: 'q1', optionIds: ['b'] },
        { questionId: 'q9', optionIds: ['a'] },
        { questionId: 'q1', optionIds: ['a'] },
        { questionId: 'q2', optionIds: ['a', 'z'] },
      ]),
    ).toEqual([
      { path: 'answers.1.questionId', message: 'no question q9 in this quiz' },
      { path: 'answers.2.questionId', message: 'question q1 answered twice' },
      { path: 'answers.3.optionIds', message: 'no option z in question q2' },
    ]);
    expect(answerProblems(quiz(), [])).toEqual([]);
  });

  it('the learner’s quiz has no answer key; attempts left are null when unlimited', () => {
    const forLearner = quizForLearner(quiz());
    expect(JSON.stringify(forLearner)).not.toContain('correct');
    expect(forLearner.questions[1]).toEqual({ id: 'q2', kind: 'multiple', prompt: 'Which?', options: opts('a', 'b', 'c', 'd') });
    expect(attemptsLeftOf(null, 5)).toBeNull();
    expect(attemptsLeftOf(3, 1)).toBe(2);
    expect(attemptsLeftOf(3, 4)).toBe(0);
  });
});

describe('enrolment transitions', () => {
  const now = new Date('2026-03-01T02:00:00Z');
  const base = {
    status: 'assigned' as const,
    progress: 0,
    quizScore: null,
    passed: null,
    attemptsUsed: 0,
    startedAt: null,
    completedAt: null,
  };

  it('progress starts an assigned enrolment once', () => {
    const started = withProgress(base, 40, now);
    expect(started).toMatchObject({ status: 'in_progress', progress: 40, startedAt: now });
    const later = new Date('2026-03-02T00:00:00Z');
    expect(withProgress(started, 60, later).startedAt).toBe(now);
  });

  it('a pass completes; a fail keeps the best score and stays open while attempts remain; the last fail fails it', () => {
    const fail = { score: 40, passed: false, results: [] };
    const first = afterAttempt(base, { ...fail, score: 60 }, 1, now);
    expect(first).toMatchObject({ status: 'in_progress', quizScore: 60, passed: null, attemptsUsed: 1 });
    const last = afterAttempt(first, fail, 0, now);
    expect(last).toMatchObject({ status: 'failed', quizScore: 60, passed: false, attemptsUsed: 2 });
    const pass = afterAttempt(first, { score: 80, passed: true, results: [] }, 0, now);
    expect(pass).toMatchObject({ status: 'completed', quizScore: 80, passed: true, progress: 100, completedAt: now });
    expect(afterAttempt(base, fail, null, now).status).toBe('in_progress');
  });

  it('overdue: open and due before today; the due day itself is not overdue', () => {
    expect(isOverdue({ status: 'assigned', dueOn: '2026-02-28' }, '2026-03-01')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-03-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'completed', dueOn: '2026-02-01' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'assigned', dueOn: null }, '2026-03-01')).toBe(false);
  });
});
