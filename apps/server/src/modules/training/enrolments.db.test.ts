import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { users } from '../users/users.table.ts';
import { enrolmentRow, notificationsOf, QUIZ, seedCourse } from './enrolments.fixtures.ts';

const t = await createTestApp();
let s: SalesOrg;
let eastRep2: Caller;
let inactiveRep: Caller;
let plain: string;
let quizzed: string;
let retired: string;
let globexCourse: string;

type Enrolment = { id: string; repId: string; courseId: string; status: string; version: number; overdue: boolean; [k: string]: unknown };
const enrol = (caller: Caller, courseId: string, kind: 'rep' | 'team' | 'level', id: string, dueOn: string | null = '2026-02-01') =>
  caller.post('/api/v1/enrolments', { courseId, target: { kind, id }, dueOn });
const list = async (caller: Caller, query = '') => {
  const res = await caller.get(`/api/v1/enrolments${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { data: Enrolment[]; nextCursor: string | null };
};

beforeAll(async () => {
  s = await seedSalesOrg(t);
  eastRep2 = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, levelId: s.junior, name: 'Zed East' });
  inactiveRep = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, levelId: s.junior });
  await t.db
    .update(users)
    .set({ active: false })
    .where(eq(users.id, inactiveRep.userId as string));
  plain = await seedCourse(t, s.acme.orgId, { title: 'Cold calling' });
  quizzed = await seedCourse(t, s.acme.orgId, { title: 'Negotiation', quiz: QUIZ });
  retired = await seedCourse(t, s.acme.orgId, { title: 'Old course', active: false });
  globexCourse = await seedCourse(t, s.globex.orgId, { title: 'Globex course' });
});

describe('assigning a course', () => {
  it('reps and viewers may not assign (403)', async () => {
    expect((await enrol(s.eastRep, plain, 'rep', s.eastRep.userId as string)).statusCode).toBe(403);
    expect((await enrol(s.viewer, plain, 'rep', s.eastRep.userId as string)).statusCode).toBe(403);
  });

  it('a manager assigns a rep of their team: enrolled, told (training_assigned), audited', async () => {
    const res = await enrol(s.eastManager, plain, 'rep', s.eastRep.userId as string);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ enrolled: 1, skipped: 0 });
    expect(body.data[0]).toMatchObject({
      courseId: plain,
      courseTitle: 'Cold calling',
      repId: s.eastRep.userId,
      teamId: s.east.id,
      source: 'manual',
      assignedVia: 'rep',
      assignedBy: s.eastManager.userId,
      dueOn: '2026-02-01',
      status: 'assigned',
      overdue: false,
      progress: 0,
      quizScore: null,
      passed: null,
      attemptsUsed: 0,
      attemptsLeft: null,
      version: 1,
    });
    const told = await notificationsOf(t, s.eastRep.userId as string, 'training_assigned');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      entity: 'enrolment',
      entityId: body.data[0].id,
      params: { courseId: plain, courseTitle: 'Cold calling', dueOn: '2026-02-01', source: 'manual' },
    });
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=enrolment&entityId=${body.data[0].id}`)).json().data;
    expect(audit).toEqual([expect.objectContaining({ action: 'create', actorId: s.eastManager.userId })]);
  });

  it('a manager cannot reach another team, its reps or reps in no team (404)', async () => {
    expect((await enrol(s.eastManager, plain, 'rep', s.westRep.userId as string)).statusCode).toBe(404);
    expect((await enrol(s.eastManager, plain, 'rep', s.loneRep.userId as string)).statusCode).toBe(404);
    expect((await enrol(s.eastManager, plain, 'team', s.west.id)).statusCode).toBe(404);
    expect((await enrol(s.westManager, plain, 'rep', s.eastRep.userId as string)).statusCode).toBe(404);
  });

  it('a team target enrols its active reps, skipping those with the course open', async () => {
    const res = await enrol(s.eastManager, plain, 'team', s.east.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ enrolled: 1, skipped: 1 });
    expect(res.json().data.map((e: Enrolment) => [e.repId, e.assignedVia])).toEqual([[eastRep2.userId, 'team']]);
  });

  it('a level target: a manager enrols that level’s reps in their teams only; a director the whole organisation', async () => {
    const course = await seedCourse(t, s.acme.orgId, { title: 'Level course' });
    const byManager = await enrol(s.eastManager, course, 'level', s.junior);
    expect(
      byManager
        .json()
        .data.map((e: Enrolment) => e.repId)
        .sort(),
    ).toEqual([s.eastRep.userId, eastRep2.userId].sort());
    const byDirector = await enrol(s.director, course, 'level', s.junior);
    expect(byDirector.json()).toMatchObject({ enrolled: 2, skipped: 2 });
    expect(
      byDirector
        .json()
        .data.map((e: Enrolment) => e.repId)
        .sort(),
    ).toEqual([s.westRep.userId, s.loneRep.userId].sort());
  });

  it('refuses an inactive or unknown course (422 courseId), a non-rep or inactive rep (422), an unknown level (404)', async () => {
    const inactive = await enrol(s.director, retired, 'rep', s.eastRep.userId as string);
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().errors).toEqual([{ path: 'courseId', message: 'the course is inactive' }]);
    expect((await enrol(s.director, globexCourse, 'rep', s.eastRep.userId as string)).json().errors[0].path).toBe('courseId');
    const manager = await enrol(s.director, plain, 'rep', s.eastManager.userId as string);
    expect([manager.statusCode, manager.json().code]).toEqual([422, 'not_an_active_rep']);
    expect((await enrol(s.director, plain, 'rep', inactiveRep.userId as string)).statusCode).toBe(422);
    expect((await enrol(s.director, plain, 'level', s.east.id)).statusCode).toBe(404);
  });

  it('another organisation’s admin reaches neither the course nor the rep', async () => {
    expect((await enrol(s.globex.admin, plain, 'rep', s.eastRep.userId as string)).statusCode).toBe(422);
    expect((await enrol(s.globex.admin, globexCourse, 'rep', s.eastRep.userId as string)).statusCode).toBe(404);
    expect((await enrol(s.globex.admin, globexCourse, 'team', s.east.id)).statusCode).toBe(404);
  });
});

describe('reading enrolments', () => {
  it('a rep sees their own, a manager their teams’, director and viewer the organisation, another org nothing', async () => {
    const own = await list(s.eastRep);
    expect(own.data.length).toBeGreaterThan(0);
    expect(new Set(own.data.map((e) => e.repId))).toEqual(new Set([s.eastRep.userId]));
    const team = await list(s.eastManager);
    expect(new Set(team.data.map((e) => e.repId))).toEqual(new Set([s.eastRep.userId, eastRep2.userId]));
    const org = await list(s.director);
    expect(new Set(org.data.map((e) => e.repId)).size).toBe(4);
    expect((await list(s.viewer)).data).toHaveLength(org.data.length);
    expect((await list(s.globex.admin)).data).toEqual([]);
    // A rep's filter on someone else finds nothing rather than their data.
    expect((await list(s.eastRep, `?repId=${s.westRep.userId}`)).data).toEqual([]);
  });

  it('filters by rep, team, course, status and overdue', async () => {
    expect(new Set((await list(s.director, `?teamId=${s.west.id}`)).data.map((e) => e.repId))).toEqual(new Set([s.westRep.userId]));
    expect((await list(s.director, `?repId=${eastRep2.userId}`)).data.every((e) => e.repId === eastRep2.userId)).toBe(true);
    expect((await list(s.director, `?courseId=${plain}`)).data).toHaveLength(2);
    expect((await list(s.director, '?status=completed')).data).toEqual([]);
    const late = (await enrol(s.director, quizzed, 'rep', s.westRep.userId as string, '2026-01-04')).json().data[0];
    expect(late.overdue).toBe(true); // due yesterday (Shanghai, 2026-01-05 today)
    expect((await list(s.director, '?overdue=true')).data.map((e) => e.id)).toEqual([late.id]);
    expect((await list(s.director, '?overdue=false')).data.map((e) => e.id)).not.toContain(late.id);
  });

  it('pages with a keyset cursor, newest first, without repeating a row', async () => {
    const all = (await list(s.director, '?limit=200')).data.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Enrolment[]; nextCursor: string | null } = await list(s.director, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await s.director.get('/api/v1/enrolments?cursor=nonsense')).statusCode).toBe(400);
  });

  it('one enrolment: its rep, their manager, director, viewer; not another rep, team or org (404)', async () => {
    const [mine] = (await list(s.eastRep, `?courseId=${plain}`)).data;
    const url = `/api/v1/enrolments/${mine?.id}`;
    for (const caller of [s.eastRep, s.eastManager, s.director, s.viewer]) expect((await caller.get(url)).statusCode).toBe(200);
    expect((await s.eastRep.get(url)).headers.etag).toBe('"1"');
    for (const caller of [eastRep2, s.westRep, s.westManager, s.globex.admin]) expect((await caller.get(url)).statusCode).toBe(404);
  });
});

describe('learning', () => {
  let mine: Enrolment;
  beforeAll(async () => {
    [mine] = (await list(s.eastRep, `?courseId=${plain}`)).data as [Enrolment];
  });

  it('progress needs a version (428), refuses a stale one (409), starts the enrolment', async () => {
    const url = `/api/v1/enrolments/${mine.id}/progress`;
    expect((await s.eastRep.patch(url, { progress: 30 })).statusCode).toBe(428);
    expect((await s.eastRep.patch(url, { progress: 30, version: 7 })).statusCode).toBe(409);
    const res = await s.eastRep.patch(url, { progress: 30, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'in_progress', progress: 30, version: 2, startedAt: t.clock.now().toISOString() });
    const viaHeader = await s.eastRep.patch(url, { progress: 50 }, { 'if-match': '"2"' });
    expect(viaHeader.json()).toMatchObject({ progress: 50, version: 3 });
  });

  it('only the enrolled rep records progress: another rep 404, managers and others 403', async () => {
    const url = `/api/v1/enrolments/${mine.id}/progress`;
    expect((await eastRep2.patch(url, { progress: 60, version: 3 })).statusCode).toBe(404);
    expect((await s.westRep.patch(url, { progress: 60, version: 3 })).statusCode).toBe(404);
    for (const caller of [s.eastManager, s.director, s.viewer, s.globex.admin])
      expect((await caller.patch(url, { progress: 60, version: 3 })).statusCode).toBe(403);
  });

  it('a course without a quiz is completed by its rep (once); one with a quiz needs the quiz (422)', async () => {
    const url = `/api/v1/enrolments/${mine.id}/complete`;
    expect((await eastRep2.post(url)).statusCode).toBe(404);
    expect((await s.eastManager.post(url)).statusCode).toBe(403);
    const res = await s.eastRep.post(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'completed', progress: 100, completedAt: t.clock.now().toISOString(), version: 4 });
    const again = await s.eastRep.post(url);
    expect([again.statusCode, again.json().code]).toEqual([409, 'enrolment_closed']);
    const progressAfter = await s.eastRep.patch(`/api/v1/enrolments/${mine.id}/progress`, { progress: 10, version: 4 });
    expect(progressAfter.statusCode).toBe(409);
    const quizzedOne = (await enrol(s.eastManager, quizzed, 'rep', s.eastRep.userId as string)).json().data[0];
    const refused = await s.eastRep.post(`/api/v1/enrolments/${quizzedOne.id}/complete`);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'quiz_required']);
  });
});

describe('cancelling', () => {
  it('reps and viewers may not (403); another team’s manager or org cannot see it (404); the manager cancels once', async () => {
    const open = (await list(s.eastManager, `?repId=${eastRep2.userId}&courseId=${plain}`)).data[0] as Enrolment;
    const url = `/api/v1/enrolments/${open.id}/cancel`;
    expect((await eastRep2.post(url)).statusCode).toBe(403);
    expect((await s.viewer.post(url)).statusCode).toBe(403);
    expect((await s.westManager.post(url)).statusCode).toBe(404);
    expect((await s.globex.admin.post(url)).statusCode).toBe(404);
    const res = await s.eastManager.post(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    expect((await s.eastManager.post(url)).json().code).toBe('enrolment_closed');
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=enrolment&entityId=${open.id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'update', changes: { status: { before: 'assigned', after: 'cancelled' } } });
    // Cancelled frees the course: the rep can be enrolled again.
    expect((await enrol(s.eastManager, plain, 'rep', eastRep2.userId as string)).json()).toMatchObject({ enrolled: 1 });
    const row = await enrolmentRow(t, s.acme.orgId, open.id);
    expect(row?.status).toBe('cancelled');
  });

  it('a director cancels anyone’s', async () => {
    const open = (await list(s.director, `?repId=${s.loneRep.userId}&status=assigned`)).data[0] as Enrolment;
    expect((await s.director.post(`/api/v1/enrolments/${open.id}/cancel`)).statusCode).toBe(200);
    const left = await t.db
      .select()
      .from(users)
      .where(and(eq(users.id, s.loneRep.userId as string)));
    expect(left).toHaveLength(1);
  });
});
