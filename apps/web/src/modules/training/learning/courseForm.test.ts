import type { TCourse } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  courseFieldErrors,
  courseFieldPath,
  newCourseValues,
  newQuestion,
  nextOptionId,
  nextQuestionId,
  toCourseFormValues,
  toCourseWrite,
} from './courseForm.ts';

const COURSE: TCourse = {
  id: 'c1',
  title: 'Negotiation 101',
  description: 'Basics',
  source: 'external',
  provider: 'Acme Academy',
  category: 'negotiation',
  format: 'workshop',
  durationMinutes: 90,
  materials: [
    { kind: 'text', title: 'Read me', body: 'Line 1\nLine 2' },
    { kind: 'link', title: 'Video', url: 'https://example.com/v' },
  ],
  quiz: {
    passScore: 80,
    attemptsAllowed: null,
    questions: [
      {
        id: 'q1',
        kind: 'single',
        prompt: 'P1',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: ['b'],
      },
      {
        id: 'q7',
        kind: 'multiple',
        prompt: 'P2',
        options: [
          { id: 'a', text: 'A' },
          { id: 'c', text: 'C' },
        ],
        correct: ['a', 'c'],
      },
    ],
  },
  certification: { name: 'Negotiator', validMonths: null },
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  version: 3,
};

describe('course form values', () => {
  it('round-trips a course through the editor unchanged', () => {
    const { id, createdAt, updatedAt, version, ...write } = COURSE;
    expect(toCourseWrite(toCourseFormValues(COURSE), true)).toEqual(write);
  });
  it('turns switched-off sections into null, and drops the provider of an internal course', () => {
    const values = { ...toCourseFormValues(COURSE), hasQuiz: false, hasCertification: false, source: 'internal' as const };
    const body = toCourseWrite(values, false);
    expect(body.quiz).toBeNull();
    expect(body.certification).toBeNull();
    expect(body.provider).toBeNull();
    expect(body.active).toBe(false);
  });
  it('drops right answers whose option was removed, and keeps one for single choice', () => {
    const values = toCourseFormValues(COURSE);
    values.quiz.questions[0] = { ...values.quiz.questions[0], correct: ['a', 'b'] } as never;
    values.quiz.questions[1] = {
      ...values.quiz.questions[1],
      options: [
        { id: 'a', text: 'A' },
        { id: 'd', text: 'D' },
      ],
    } as never;
    const quiz = toCourseWrite(values, true).quiz;
    expect(quiz?.questions[0]?.correct).toEqual(['a']);
    expect(quiz?.questions[1]?.correct).toEqual(['a']);
  });
  it('starts a new course with sensible defaults and no answer key to keep', () => {
    const values = newCourseValues();
    expect(values.hasQuiz).toBe(false);
    expect(toCourseWrite(values, true)).toMatchObject({ quiz: null, certification: null, materials: [], active: true });
    // A learner's copy has no `correct`: the editor starts those unanswered rather than failing.
    const learnerCopy = { ...COURSE, quiz: { ...COURSE.quiz, questions: [{ id: 'q1', kind: 'single', prompt: 'P', options: [] }] } };
    expect(toCourseFormValues(learnerCopy as TCourse).quiz.questions[0]?.correct).toEqual([]);
  });
});

describe('ids', () => {
  it('gives an option the first free letter, so removing one never renames the others', () => {
    expect(nextOptionId([{ id: 'a' }, { id: 'c' }])).toBe('b');
    expect(nextOptionId([{ id: 'a' }, { id: 'b' }])).toBe('c');
  });
  it('gives a question the first free q-number', () => {
    expect(nextQuestionId([{ id: 'q1' }, { id: 'q3' }])).toBe('q2');
    expect(newQuestion([{ id: 'q1' }]).id).toBe('q2');
    expect(newQuestion([]).options.map((o) => o.id)).toEqual(['a', 'b']);
  });
});

describe('server field errors', () => {
  it('puts each path under its field; ids (generated) show on the text the user typed', () => {
    expect(courseFieldPath('body.quiz.questions.2.correct')).toEqual(['quiz', 'questions', 2, 'correct']);
    expect(courseFieldPath('quiz.questions.2.correct.0')).toEqual(['quiz', 'questions', 2, 'correct']);
    expect(courseFieldPath('quiz.questions.1.options.3.id')).toEqual(['quiz', 'questions', 1, 'options', 3, 'text']);
    expect(courseFieldPath('quiz.questions.1.options')).toEqual(['quiz', 'questions', 1, 'correct']);
    expect(courseFieldPath('quiz.questions.4.id')).toEqual(['quiz', 'questions', 4, 'prompt']);
    expect(courseFieldPath('quiz.passScore')).toEqual(['quiz', 'passScore']);
    expect(courseFieldPath('/materials/1/url')).toEqual(['materials', 1, 'url']);
    expect(courseFieldPath('certification.validMonths')).toEqual(['certification', 'validMonths']);
    expect(courseFieldPath('title')).toEqual(['title']);
    expect(courseFieldPath('version')).toBeNull();
    expect(courseFieldPath('')).toBeNull();
  });
  it('groups several messages for one field and skips those without one', () => {
    expect(
      courseFieldErrors([
        { path: 'quiz.questions.0.correct', message: 'one' },
        { path: 'quiz.questions.0.correct', message: 'two' },
        { path: 'version', message: 'stale' },
      ]),
    ).toEqual([{ name: ['quiz', 'questions', 0, 'correct'], errors: ['one', 'two'] }]);
  });
});
