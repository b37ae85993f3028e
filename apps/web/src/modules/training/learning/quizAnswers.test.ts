import type { TQuizAttempt } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  chooseSingle,
  emptyAnswers,
  isAnswered,
  type LearnerQuestion,
  summarizeAttempt,
  toAttemptBody,
  toggleMultiple,
  unansweredNumbers,
} from './quizAnswers.ts';

const QUESTIONS: LearnerQuestion[] = [
  {
    id: 'q1',
    kind: 'single',
    prompt: 'Pick one',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
    ],
  },
  {
    id: 'q2',
    kind: 'multiple',
    prompt: 'Pick some',
    options: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C' },
    ],
  },
  {
    id: 'q3',
    kind: 'single',
    prompt: 'Another',
    options: [
      { id: 'x', text: 'X' },
      { id: 'y', text: 'Y' },
    ],
  },
];

describe('answer state', () => {
  it('single choice replaces the earlier choice', () => {
    const s = chooseSingle(chooseSingle(emptyAnswers, 'q1', 'a'), 'q1', 'b');
    expect(s.q1).toEqual(['b']);
  });
  it('multiple choice ticks and unticks options independently, never twice', () => {
    let s = toggleMultiple(emptyAnswers, 'q2', 'c', true);
    s = toggleMultiple(s, 'q2', 'a', true);
    s = toggleMultiple(s, 'q2', 'a', true);
    expect(s.q2).toEqual(['c', 'a']);
    s = toggleMultiple(s, 'q2', 'c', false);
    expect(s.q2).toEqual(['a']);
  });
  it('does not change the previous state (React compares by reference)', () => {
    const before = chooseSingle(emptyAnswers, 'q1', 'a');
    const after = chooseSingle(before, 'q1', 'b');
    expect(before.q1).toEqual(['a']);
    expect(after).not.toBe(before);
  });
  it('lists unanswered questions by number; unticking everything makes a question unanswered again', () => {
    let s = chooseSingle(emptyAnswers, 'q1', 'a');
    s = toggleMultiple(s, 'q2', 'b', true);
    expect(unansweredNumbers(QUESTIONS, s)).toEqual([3]);
    s = toggleMultiple(s, 'q2', 'b', false);
    expect(isAnswered(s, 'q2')).toBe(false);
    expect(unansweredNumbers(QUESTIONS, s)).toEqual([2, 3]);
  });
});

describe('toAttemptBody', () => {
  it('sends every question in order, options in the quiz’s order, unanswered ones empty', () => {
    let s = toggleMultiple(emptyAnswers, 'q2', 'c', true);
    s = toggleMultiple(s, 'q2', 'a', true);
    s = chooseSingle(s, 'q1', 'b');
    expect(toAttemptBody(QUESTIONS, s)).toEqual({
      answers: [
        { questionId: 'q1', optionIds: ['b'] },
        { questionId: 'q2', optionIds: ['a', 'c'] },
        { questionId: 'q3', optionIds: [] },
      ],
    });
  });
  it('drops ids the quiz does not have and keeps one choice for single choice', () => {
    const s = { q1: ['a', 'b'], q3: ['zzz'], gone: ['a'] };
    expect(toAttemptBody(QUESTIONS, s).answers).toEqual([
      { questionId: 'q1', optionIds: ['a'] },
      { questionId: 'q2', optionIds: [] },
      { questionId: 'q3', optionIds: [] },
    ]);
  });
});

describe('summarizeAttempt', () => {
  const attempt = (over: Partial<TQuizAttempt>, status = 'in_progress'): TQuizAttempt =>
    ({
      id: 'at1',
      enrolmentId: 'e1',
      score: 67,
      passed: false,
      results: [
        { questionId: 'q1', correct: true },
        { questionId: 'q2', correct: false },
        { questionId: 'q3', correct: true },
      ],
      attemptNumber: 1,
      attemptsLeft: 2,
      submittedAt: '2026-11-27T10:00:00Z',
      enrolment: { status } as TQuizAttempt['enrolment'],
      ...over,
    }) as TQuizAttempt;
  it('counts right answers and names the wrong questions by number', () => {
    expect(summarizeAttempt(QUESTIONS, attempt({}))).toEqual({ right: 2, total: 3, wrongNumbers: [2], canRetry: true });
  });
  it('counts a question missing from the results as wrong', () => {
    expect(summarizeAttempt(QUESTIONS, attempt({ results: [{ questionId: 'q1', correct: true }] })).wrongNumbers).toEqual([2, 3]);
  });
  it('offers a retry only after a fail with attempts left (or unlimited) on an open enrolment', () => {
    expect(summarizeAttempt(QUESTIONS, attempt({ attemptsLeft: null })).canRetry).toBe(true);
    expect(summarizeAttempt(QUESTIONS, attempt({ attemptsLeft: 0 }, 'failed')).canRetry).toBe(false);
    expect(summarizeAttempt(QUESTIONS, attempt({ passed: true, score: 100 }, 'completed')).canRetry).toBe(false);
  });
});
