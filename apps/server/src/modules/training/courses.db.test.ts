import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp } from '../../../test/testApp.ts';

const t = await createTestApp();
let s: SalesOrg;

type Course = {
  id: string;
  title: string;
  category: string;
  active: boolean;
  provider: string | null;
  quiz: { questions: { id: string; correct?: string[] }[]; passScore: number } | null;
  version: number;
};

const quiz = {
  passScore: 50,
  attemptsAllowed: 2,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: 'First step of a negotiation?',
      options: [
        { id: 'a', text: 'Prepare' },
        { id: 'b', text: 'Concede' },
      ],
      correct: ['a'],
    },
    {
      id: 'q2',
      kind: 'multiple',
      prompt: 'Which are levers?',
      options: [
        { id: 'a', text: 'Price' },
        { id: 'b', text: 'Terms' },
        { id: 'c', text: 'Weather' },
      ],
      correct: ['a', 'b'],
    },
  ],
};
const course = (fields: object = {}) => ({
  title: 'Negotiation basics',
  source: 'internal',
  category: 'negotiation',
  format: 'online',
  durationMinutes: 90,
  materials: [
    { kind: 'text', title: 'Read me', body: 'Prepare, then ask.' },
    { kind: 'link', title: 'Video', url: 'https://example.com/negotiation' },
  ],
  quiz,
  certification: { name: 'Negotiator', validMonths: 12 },
  ...fields,
});
const create = async (caller: Caller, fields: object = {}) => {
  const res = await caller.post('/api/v1/courses', course(fields));
  if (res.statusCode !== 201) throw new Error(`course: ${res.statusCode} ${res.body}`);
  return res.json() as Course;
};
const titles = async (caller: Caller, query = '') => {
  const res = await caller.get(`/api/v1/courses${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as Course[]).map((c) => c.title);
};

let negotiation: Course;
let retired: Course;

beforeAll(async () => {
  s = await seedSalesOrg(t);
  negotiation = await create(s.director);
  await create(s.acme.admin, { title: 'Anti-bribery', category: 'compliance', quiz: null, certification: null });
  await create(s.director, { title: 'Product tour', category: 'product', source: 'external', provider: 'Vendor Academy', quiz: null });
  retired = await create(s.director, { title: 'Old pitch deck', category: 'product', quiz: null, active: false });
  await create(s.globex.admin, { title: 'Globex onboarding', category: 'product', quiz: null });
});

describe('creating courses', () => {
  it('a director adds a course with materials, quiz and certification: 201, the key for them, audited', async () => {
    expect(negotiation).toMatchObject({ title: 'Negotiation basics', active: true, version: 1, description: '', provider: null });
    expect(negotiation.quiz?.questions[1].correct).toEqual(['a', 'b']);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=course&entityId=${negotiation.id}`)).json().data;
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        actorId: s.director.userId,
        changes: expect.objectContaining({ title: { before: null, after: 'Negotiation basics' } }),
      }),
    ]);
  });

  it('is closed to managers, reps and viewers (403) and to nobody signed in (401)', async () => {
    for (const caller of [s.eastManager, s.eastRep, s.viewer])
      expect((await caller.post('/api/v1/courses', course())).statusCode).toBe(403);
    expect((await anonymous(t).post('/api/v1/courses', course())).statusCode).toBe(401);
  });

  it('refuses a malformed quiz with 400 naming the field, writing nothing', async () => {
    const before = (await titles(s.director, '?includeInactive=true')).length;
    const bad = (questions: object[]) => s.director.post('/api/v1/courses', course({ title: 'Bad', quiz: { ...quiz, questions } }));
    const [q1, q2] = quiz.questions;

    const unknown = await bad([q1, q2, { ...q1, id: 'q3', correct: ['z'] }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({
      code: 'invalid_quiz',
      errors: [{ path: 'quiz.questions.2.correct', message: expect.any(String) }],
    });

    const single = await bad([{ ...q1, correct: ['a', 'b'] }]);
    expect(single.json().errors).toEqual([{ path: 'quiz.questions.0.correct', message: expect.stringContaining('exactly one') }]);
    const sameQuestion = await bad([q1, { ...q2, id: 'q1' }]);
    expect(sameQuestion.json().errors).toEqual([{ path: 'quiz.questions.1.id', message: expect.any(String) }]);
    const sameOption = await bad([{ ...q2, options: [...q2.options, { id: 'b', text: 'Again' }] }]);
    expect(sameOption.json().errors).toEqual([{ path: 'quiz.questions.0.options.3.id', message: expect.any(String) }]);
    const noneCorrect = await bad([{ ...q2, correct: [] }]);
    expect(noneCorrect.statusCode).toBe(400);
    expect(noneCorrect.json().errors[0].path).toBe('quiz.questions.0.correct');
    const category = await s.director.post('/api/v1/courses', course({ category: 'cooking' }));
    expect(category.statusCode).toBe(400);
    expect(category.json().errors[0].path).toBe('category');

    expect((await titles(s.director, '?includeInactive=true')).length).toBe(before);
  });
});

describe('reading the catalogue', () => {
  it('lists active courses by title for everyone signed in, each organisation its own', async () => {
    const active = ['Anti-bribery', 'Negotiation basics', 'Product tour'];
    for (const caller of [s.eastRep, s.eastManager, s.viewer, s.director]) expect(await titles(caller)).toEqual(active);
    expect(await titles(s.globex.admin)).toEqual(['Globex onboarding']);
    expect((await anonymous(t).get('/api/v1/courses')).statusCode).toBe(401);
  });

  it('filters by category and by text in the title or provider', async () => {
    expect(await titles(s.eastRep, '?category=product')).toEqual(['Product tour']);
    expect(await titles(s.eastRep, '?q=NEGOTI')).toEqual(['Negotiation basics']);
    expect(await titles(s.eastRep, '?q=vendor')).toEqual(['Product tour']);
    expect(await titles(s.eastRep, '?q=%25')).toEqual([]); // % is a character searched for, not a wildcard
  });

  it('shows retired courses only to directors and admins who ask', async () => {
    const all = ['Anti-bribery', 'Negotiation basics', 'Old pitch deck', 'Product tour'];
    expect(await titles(s.director, '?includeInactive=true')).toEqual(all);
    expect(await titles(s.acme.admin, '?includeInactive=true&category=product')).toEqual(['Old pitch deck', 'Product tour']);
    expect(await titles(s.director, '?includeInactive=false')).not.toContain('Old pitch deck');
    for (const caller of [s.eastRep, s.eastManager, s.viewer])
      expect(await titles(caller, '?includeInactive=true')).not.toContain('Old pitch deck');
  });

  it('pages by title with a cursor, never repeating or skipping', async () => {
    const first = (await s.director.get('/api/v1/courses?limit=2&includeInactive=true')).json();
    expect(first.data.map((c: Course) => c.title)).toEqual(['Anti-bribery', 'Negotiation basics']);
    const second = (await s.director.get(`/api/v1/courses?limit=2&includeInactive=true&cursor=${first.nextCursor}`)).json();
    expect(second.data.map((c: Course) => c.title)).toEqual(['Old pitch deck', 'Product tour']);
    expect(second.nextCursor).toBeNull();
    expect((await s.director.get('/api/v1/courses?cursor=garbage')).statusCode).toBe(400);
  });

  it('gives the answer key only to directors and admins; everyone else gets the questions without it', async () => {
    for (const caller of [s.director, s.acme.admin]) {
      const res = await caller.get(`/api/v1/courses/${negotiation.id}`);
      expect(res.json().quiz.questions.map((q: { correct: string[] }) => q.correct)).toEqual([['a'], ['a', 'b']]);
    }
    for (const caller of [s.eastRep, s.eastManager, s.viewer]) {
      const one = await caller.get(`/api/v1/courses/${negotiation.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.headers.etag).toBe('"1"');
      expect(one.json().quiz).toMatchObject({ passScore: 50, attemptsAllowed: 2, questions: [{ id: 'q1' }, { id: 'q2' }] });
      expect(one.body).not.toContain('correct');
      const listed = await caller.get('/api/v1/courses?q=negotiation');
      expect(listed.json().data).toHaveLength(1);
      expect(listed.body).not.toContain('correct');
    }
  });

  it('finds a retired course by id (enrolments point at it); another organisation’s is not found', async () => {
    expect((await s.eastRep.get(`/api/v1/courses/${retired.id}`)).json()).toMatchObject({ title: 'Old pitch deck', active: false });
    expect((await s.globex.admin.get(`/api/v1/courses/${negotiation.id}`)).statusCode).toBe(404);
    expect((await s.eastRep.get('/api/v1/courses/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('changing courses', () => {
  it('a director replaces a course with its version (body or If-Match), audited; retiring hides it from the list', async () => {
    const res = await s.director.put(`/api/v1/courses/${negotiation.id}`, course({ durationMinutes: 120, version: 1 }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ durationMinutes: 120, version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const retire = await s.acme.admin.put(`/api/v1/courses/${negotiation.id}`, course({ durationMinutes: 120, active: false }), {
      'if-match': '"2"',
    });
    expect(retire.statusCode, retire.body).toBe(200);
    expect(retire.json()).toMatchObject({ active: false, version: 3 });
    expect(await titles(s.eastRep)).not.toContain('Negotiation basics');
    const back = await s.director.put(`/api/v1/courses/${negotiation.id}`, course({ durationMinutes: 120, version: 3 }));
    expect(back.json()).toMatchObject({ active: true, version: 4 });
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=course&entityId=${negotiation.id}`)).json().data;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(audit[2].changes).toEqual({ durationMinutes: { before: 90, after: 120 } });
    expect(audit[1].changes).toEqual({ active: { before: true, after: false } });
  });

  it('needs the version (428) and refuses a stale one (409), changing nothing', async () => {
    const missing = await s.director.put(`/api/v1/courses/${negotiation.id}`, course({ title: 'Lost' }));
    expect(missing.statusCode).toBe(428);
    expect(missing.json().errors).toEqual([{ path: 'version', message: 'required' }]);
    const stale = await s.director.put(`/api/v1/courses/${negotiation.id}`, course({ title: 'Lost', version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', errors: [{ path: 'version', message: 'current version is 4' }] });
    expect((await s.director.get(`/api/v1/courses/${negotiation.id}`)).json()).toMatchObject({ title: 'Negotiation basics', version: 4 });
  });

  it('validates the quiz of an update like a new one', async () => {
    const bad = { ...quiz, questions: [{ ...quiz.questions[0], correct: ['x'] }] };
    const res = await s.director.put(`/api/v1/courses/${negotiation.id}`, course({ quiz: bad, version: 4 }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'quiz.questions.0.correct', message: expect.any(String) }]);
  });

  it('is closed to managers, reps, viewers (403) and to another organisation (404)', async () => {
    for (const caller of [s.eastManager, s.eastRep, s.viewer]) {
      expect((await caller.put(`/api/v1/courses/${negotiation.id}`, course({ version: 4 }))).statusCode).toBe(403);
    }
    expect((await s.globex.admin.put(`/api/v1/courses/${negotiation.id}`, course({ version: 4 }))).statusCode).toBe(404);
    expect((await s.director.get(`/api/v1/courses/${negotiation.id}`)).json().version).toBe(4);
  });
});
