import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { users } from '../users/users.table.ts';
import { ONE_RIGHT, QUIZ, requireAtLevel, seedCourse, signInAgain } from './enrolments.fixtures.ts';

const t = await createTestApp();
let s: SalesOrg;
let eastRep2: Caller;
const c: Record<'r1' | 'r2' | 'extra' | 'quizzed' | 'dropped', string> = { r1: '', r2: '', extra: '', quizzed: '', dropped: '' };

type Row = {
  repId: string;
  teamId: string | null;
  cells: { courseId: string; state: string; required: boolean }[];
  compliance: number | null;
};
const compliance = async (caller: Caller, query = '') => {
  const res = await caller.get(`/api/v1/training-compliance${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { courses: { id: string; title: string; category: string }[]; reps: Row[] };
};
const assign = async (courseId: string, rep: Caller, dueOn: string | null = null) =>
  (await s.director.post('/api/v1/enrolments', { courseId, target: { kind: 'rep', id: rep.userId }, dueOn })).json().data[0] as {
    id: string;
  };
const states = (row: Row | undefined) => Object.fromEntries((row?.cells ?? []).map((cell) => [cell.courseId, cell.state]));

beforeAll(async () => {
  s = await seedSalesOrg(t); // 2026-01-05 in Shanghai
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, levelId: s.junior, name: 'Zoe East' });
  const gone = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, levelId: s.junior });
  await t.db
    .update(users)
    .set({ active: false })
    .where(eq(users.id, gone.userId as string));
  c.r1 = await seedCourse(t, s.acme.orgId, { title: 'A required, certified', certification: { name: 'A', validMonths: 1 } });
  c.r2 = await seedCourse(t, s.acme.orgId, { title: 'B required', category: 'compliance' });
  c.extra = await seedCourse(t, s.acme.orgId, { title: 'C extra' });
  c.quizzed = await seedCourse(t, s.acme.orgId, { title: 'D quiz', quiz: { ...QUIZ, attemptsAllowed: 1 } });
  c.dropped = await seedCourse(t, s.acme.orgId, { title: 'E dropped' });
  await requireAtLevel(t, s.acme.orgId, s.junior, c.r1);
  await requireAtLevel(t, s.acme.orgId, s.junior, c.r2);

  // loneRep completes A now; it expires on 5 February.
  const lone = await assign(c.r1, s.loneRep);
  await s.loneRep.post(`/api/v1/enrolments/${lone.id}/complete`);
  // Two months later (sessions last a week: sign in again).
  t.clock.set(new Date('2026-03-10T09:00:00+08:00'));
  for (const key of ['director', 'eastRep', 'westRep', 'eastManager', 'westManager', 'viewer'] as const)
    s[key] = await signInAgain(t, s[key]);
  s.globex.admin = await signInAgain(t, s.globex.admin);
  eastRep2 = await signInAgain(t, eastRep2);

  const a = await assign(c.r1, s.eastRep);
  await s.eastRep.post(`/api/v1/enrolments/${a.id}/complete`); // held, valid until 10 April
  const b = await assign(c.r2, s.eastRep);
  await s.eastRep.patch(`/api/v1/enrolments/${b.id}/progress`, { progress: 20, version: 1 });
  await assign(c.extra, s.eastRep, '2026-03-01'); // overdue
  const q = await assign(c.quizzed, s.westRep);
  await s.westRep.post(`/api/v1/enrolments/${q.id}/attempts`, { answers: ONE_RIGHT }); // the one attempt, failed
  const d = await assign(c.dropped, eastRep2);
  await s.director.post(`/api/v1/enrolments/${d.id}/cancel`);
  await assign(c.extra, eastRep2, '2026-04-01');
});

describe('team training compliance', () => {
  it('columns: courses required by the reps’ levels and assigned to them, by title; cancelled ones do not count', async () => {
    const res = await compliance(s.director);
    expect(res.courses.map((x) => x.id)).toEqual([c.r1, c.r2, c.extra, c.quizzed]);
    expect(res.courses[1]).toEqual({ id: c.r2, title: 'B required', category: 'compliance' });
  });

  it('each rep’s cells and share completed', async () => {
    const res = await compliance(s.director);
    const row = (rep: Caller) => res.reps.find((r) => r.repId === rep.userId);
    expect(states(row(s.eastRep))).toEqual({ [c.r1]: 'completed', [c.r2]: 'in_progress', [c.extra]: 'overdue' });
    expect(row(s.eastRep)?.compliance).toBe(33);
    expect(row(s.eastRep)?.cells.map((x) => x.required)).toEqual([true, true, false]);
    expect(states(row(eastRep2))).toEqual({ [c.r1]: 'missing', [c.r2]: 'missing', [c.extra]: 'assigned' });
    expect(row(eastRep2)?.compliance).toBe(0);
    expect(states(row(s.westRep))).toEqual({ [c.r1]: 'missing', [c.r2]: 'missing', [c.quizzed]: 'failed' });
    expect(states(row(s.loneRep))).toEqual({ [c.r1]: 'expired', [c.r2]: 'missing' });
    expect(row(s.loneRep)?.cells[0]).toMatchObject({ completedOn: '2026-01-05', expiresOn: '2026-02-05' });
    expect(res.reps).toHaveLength(4); // active reps only
  });

  it('a manager sees their teams’ reps; another team is 404; directors narrow by team', async () => {
    const east = await compliance(s.eastManager);
    expect(east.reps.map((r) => r.repId).sort()).toEqual([s.eastRep.userId, eastRep2.userId].sort());
    expect(east.courses.map((x) => x.id)).toEqual([c.r1, c.r2, c.extra]);
    expect((await compliance(s.eastManager, `?teamId=${s.east.id}`)).reps).toHaveLength(2);
    expect((await s.eastManager.get(`/api/v1/training-compliance?teamId=${s.west.id}`)).statusCode).toBe(404);
    expect((await compliance(s.director, `?teamId=${s.west.id}`)).reps.map((r) => r.repId)).toEqual([s.westRep.userId]);
    expect((await compliance(s.viewer)).reps).toHaveLength(4);
  });

  it('reps may not look (403); another organisation sees only its own and not our teams (404)', async () => {
    expect((await s.eastRep.get('/api/v1/training-compliance')).statusCode).toBe(403);
    expect(await compliance(s.globex.admin)).toEqual({ courses: [], reps: [] });
    expect((await s.globex.admin.get(`/api/v1/training-compliance?teamId=${s.east.id}`)).statusCode).toBe(404);
  });
});
