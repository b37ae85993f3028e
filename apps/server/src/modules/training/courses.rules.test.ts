import type { TQuiz } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { courseFor, editsCatalogue, forLearner, quizProblems } from './courses.rules.ts';

const options = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
];
const quiz = (questions: Partial<TQuiz['questions'][number]>[]): TQuiz => ({
  passScore: 80,
  attemptsAllowed: 3,
  questions: questions.map((q, i) => ({ id: `q${i + 1}`, kind: 'single', prompt: `Question ${i + 1}`, options, correct: ['a'], ...q })),
});

describe('quizProblems', () => {
  it('accepts a well-formed quiz and no quiz at all', () => {
    expect(quizProblems(null)).toEqual([]);
    expect(quizProblems(quiz([{}, { kind: 'multiple', correct: ['a', 'c'] }, { kind: 'multiple', correct: ['b'] }]))).toEqual([]);
  });

  it('names a question id used twice, at the later question', () => {
    expect(quizProblems(quiz([{ id: 'x' }, {}, { id: 'x' }]))).toEqual([
      { path: 'quiz.questions.2.id', message: 'the same id as quiz.questions.0' },
    ]);
  });

  it('names an option id used twice within a question; the same option id in two questions is fine', () => {
    const twice = [
      { id: 'a', text: 'A' },
      { id: 'a', text: 'Also A' },
    ];
    expect(quizProblems(quiz([{}, { options: twice }]))).toEqual([
      { path: 'quiz.questions.1.options.1.id', message: 'the same id as quiz.questions.1.options.0' },
    ]);
  });

  it('names a correct id that is not one of the question’s options', () => {
    expect(quizProblems(quiz([{}, {}, { correct: ['d'] }]))).toEqual([
      { path: 'quiz.questions.2.correct', message: expect.stringContaining('d') },
    ]);
  });

  it('a single-choice question has exactly one correct option', () => {
    expect(quizProblems(quiz([{ correct: ['a', 'b'] }]))).toEqual([
      { path: 'quiz.questions.0.correct', message: expect.stringContaining('exactly one') },
    ]);
  });

  it('a multiple-choice question has at least one correct option, each named once', () => {
    expect(quizProblems(quiz([{ kind: 'multiple', correct: [] }]))).toEqual([
      { path: 'quiz.questions.0.correct', message: expect.stringContaining('at least one') },
    ]);
    expect(quizProblems(quiz([{ kind: 'multiple', correct: ['a', 'a'] }]))).toEqual([
      { path: 'quiz.questions.0.correct', message: 'names an option twice' },
    ]);
  });

  it('reports every problem at once, in question order', () => {
    const problems = quizProblems(quiz([{ correct: ['z'] }, { id: 'q1', kind: 'single', correct: ['a', 'b'] }]));
    expect(problems.map((p) => p.path)).toEqual(['quiz.questions.0.correct', 'quiz.questions.1.id', 'quiz.questions.1.correct']);
  });
});

describe('the answer key', () => {
  const q = quiz([{}, { kind: 'multiple', correct: ['b', 'c'] }]);

  it('forLearner drops every question’s correct options and keeps the rest', () => {
    const learner = forLearner(q);
    expect(learner).toEqual({
      passScore: 80,
      attemptsAllowed: 3,
      questions: [
        { id: 'q1', kind: 'single', prompt: 'Question 1', options },
        { id: 'q2', kind: 'multiple', prompt: 'Question 2', options },
      ],
    });
    expect(JSON.stringify(learner)).not.toContain('correct');
    expect(q.questions[1].correct).toEqual(['b', 'c']); // the original is untouched
  });

  it('only directors and admins edit the catalogue and see the key', () => {
    expect((['admin', 'director', 'manager', 'rep', 'viewer'] as const).filter(editsCatalogue)).toEqual(['admin', 'director']);
    const course = { id: 'c1', title: 'Negotiation', quiz: q };
    expect(courseFor(course, 'director').quiz).toEqual(q);
    expect(courseFor(course, 'admin').quiz).toEqual(q);
    for (const role of ['manager', 'rep', 'viewer'] as const) {
      expect(courseFor(course, role)).toEqual({ id: 'c1', title: 'Negotiation', quiz: forLearner(q) });
    }
    expect(courseFor({ id: 'c2', quiz: null }, 'rep').quiz).toBeNull();
  });
});
