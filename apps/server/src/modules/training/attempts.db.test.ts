import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { ALL_RIGHT, enrolmentRow, ONE_RIGHT, QUIZ, seedCourse } from './enrolments.fixtures.ts';
import { certifications, quizAttempts } from './training.table.ts';

const t = await createTestApp();
let s: SalesOrg;
let eastRep2: Caller;
let certified: string;
let unlimited: string;
let plain: string;

const enrolOne = async (courseId: string, rep: Caller) => {
  const res = await s.director.post('/api/v1/enrolments', { courseId, target: { kind: 'rep', id: rep.userId }, dueOn: null });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data[0] as { id: string; attemptsLeft: number | null };
};
const attempt = (caller: Caller, id: string, answers: object[]) => caller.post(`/api/v1/enrolments/${id}/attempts`, { answers });

beforeAll(async () => {
  // Late January, so the pass below can land on 31 January without outliving the sessions.
  t.clock.set(new Date('2026-01-30T09:00:00Z'));
  s = await seedSalesOrg(t);
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, levelId: s.junior });
  certified = await seedCourse(t, s.acme.orgId, {
    title: 'Certified negotiator',
    quiz: QUIZ,
    certification: { name: 'Negotiator', validMonths: 1 },
  });
  unlimited = await seedCourse(t, s.acme.orgId, { title: 'Practice', quiz: { ...QUIZ, attemptsAllowed: null } });
  plain = await seedCourse(t, s.acme.orgId, { title: 'Reading', certification: { name: 'Reader', validMonths: null } });
});

describe('the quiz', () => {
  it('its rep reads it without the answer key; another rep 404, managers 403; a course without quiz 404', async () => {
    const e = await enrolOne(certified, s.eastRep);
    const res = await s.eastRep.get(`/api/v1/enrolments/${e.id}/quiz`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ passScore: 60, attemptsAllowed: 2 });
    expect(res.json().questions.map((q: { id: string }) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(res.body).not.toContain('correct');
    expect((await eastRep2.get(`/api/v1/enrolments/${e.id}/quiz`)).statusCode).toBe(404);
    expect((await s.westRep.get(`/api/v1/enrolments/${e.id}/quiz`)).statusCode).toBe(404);
    for (const c of [s.eastManager, s.director, s.viewer, s.globex.admin])
      expect((await c.get(`/api/v1/enrolments/${e.id}/quiz`)).statusCode).toBe(403);
    const noQuiz = await enrolOne(plain, eastRep2);
    expect((await eastRep2.get(`/api/v1/enrolments/${noQuiz.id}/quiz`)).statusCode).toBe(404);
  });
});

describe('attempts', () => {
  let e: { id: string };
  beforeAll(async () => {
    e = await enrolOne(certified, eastRep2);
  });

  it('only the enrolled rep submits: another rep 404, others 403', async () => {
    expect((await attempt(s.eastRep, e.id, ALL_RIGHT)).statusCode).toBe(404);
    expect((await attempt(s.globex.admin, e.id, ALL_RIGHT)).statusCode).toBe(403);
    expect((await attempt(s.eastManager, e.id, ALL_RIGHT)).statusCode).toBe(403);
  });

  it('unknown question or option ids are 400 naming the answer, and use no attempt', async () => {
    const res = await attempt(eastRep2, e.id, [
      { questionId: 'q1', optionIds: ['b'] },
      { questionId: 'q7', optionIds: ['a'] },
      { questionId: 'q2', optionIds: ['z'] },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((x: { path: string }) => x.path)).toEqual(['answers.1.questionId', 'answers.2.optionIds']);
    expect((await enrolmentRow(t, s.acme.orgId, e.id))?.attemptsUsed).toBe(0);
  });

  it('a failed attempt is scored, shows which questions were right, keeps the enrolment open with one attempt left', async () => {
    const res = await attempt(eastRep2, e.id, ONE_RIGHT);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      enrolmentId: e.id,
      score: 33,
      passed: false,
      attemptNumber: 1,
      attemptsLeft: 1,
      results: [
        { questionId: 'q1', correct: true },
        { questionId: 'q2', correct: false },
        { questionId: 'q3', correct: false },
      ],
      enrolment: { status: 'in_progress', quizScore: 33, passed: null, attemptsUsed: 1, attemptsLeft: 1 },
    });
    expect(res.body).not.toContain('"correct":["');
  });

  it('the last failed attempt fails the enrolment (passed false), keeping the best score; then 409', async () => {
    const res = await attempt(eastRep2, e.id, []);
    expect(res.json()).toMatchObject({ score: 0, attemptsLeft: 0, enrolment: { status: 'failed', quizScore: 33, passed: false } });
    const after = await attempt(eastRep2, e.id, ALL_RIGHT);
    expect([after.statusCode, after.json().code]).toEqual([409, 'enrolment_closed']);
    const stored = await t.db.select().from(quizAttempts).where(eq(quizAttempts.enrolmentId, e.id));
    expect(stored.map((a) => [a.attemptNumber, a.score, a.passed])).toEqual([
      [1, 33, false],
      [2, 0, false],
    ]);
    expect(await t.db.select().from(certifications).where(eq(certifications.enrolmentId, e.id))).toEqual([]);
  });

  it('no attempt left on an open enrolment is 409 no_attempts_left', async () => {
    const course = await seedCourse(t, s.acme.orgId, { quiz: { ...QUIZ, attemptsAllowed: 1 } });
    const open = await enrolOne(course, s.westRep);
    // The enrolment is open although its one attempt is used (e.g. a course whose limit was lowered).
    const { enrolments } = await import('./training.table.ts');
    await t.db.update(enrolments).set({ attemptsUsed: 1 }).where(eq(enrolments.id, open.id));
    const res = await attempt(s.westRep, open.id, ALL_RIGHT);
    expect([res.statusCode, res.json().code]).toEqual([409, 'no_attempts_left']);
  });

  it('unlimited attempts never run out', async () => {
    const open = await enrolOne(unlimited, s.loneRep);
    for (let i = 0; i < 3; i++) {
      const res = await attempt(s.loneRep, open.id, ONE_RIGHT);
      expect(res.json()).toMatchObject({ attemptNumber: i + 1, attemptsLeft: null, enrolment: { status: 'in_progress' } });
    }
  });
});

describe('passing', () => {
  it('completes the enrolment and grants the certification, dated in the org zone, expiring at month end', async () => {
    // 2026-01-30 17:00 UTC is already 31 January in Shanghai: 31 January + 1 month = 28 February.
    t.clock.set(new Date('2026-01-30T17:00:00Z'));
    // The enrolment the quiz was read from above, still open.
    const [e] = (await s.eastRep.get(`/api/v1/enrolments?courseId=${certified}`)).json().data as [{ id: string }];
    const res = await attempt(s.eastRep, e.id, ALL_RIGHT);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      score: 100,
      passed: true,
      enrolment: { status: 'completed', progress: 100, quizScore: 100, passed: true, completedAt: '2026-01-30T17:00:00.000Z' },
    });
    const certs = (await s.eastRep.get('/api/v1/certifications')).json().data;
    expect(certs).toEqual([
      {
        id: expect.any(String),
        repId: s.eastRep.userId,
        repName: expect.any(String),
        courseId: certified,
        name: 'Negotiator',
        grantedOn: '2026-01-31',
        expiresOn: '2026-02-28',
        status: 'expiring',
        enrolmentId: e.id,
      },
    ]);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=certification&entityId=${certs[0].id}`)).json().data;
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: s.eastRep.userId })]);
  });

  it('completing a course without a quiz grants its certification too, never expiring without valid months', async () => {
    const e = await enrolOne(plain, s.westRep);
    expect((await s.westRep.post(`/api/v1/enrolments/${e.id}/complete`)).statusCode).toBe(200);
    const [cert] = await t.db
      .select()
      .from(certifications)
      .where(and(eq(certifications.enrolmentId, e.id)));
    expect(cert).toMatchObject({ name: 'Reader', grantedOn: '2026-01-31', expiresOn: null });
  });
});
