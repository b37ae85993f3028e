import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDeal, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, signIn } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { courses, enrolments } from './training.table.ts';

/** Outcome triggers through the API: rules, validation, explicit runs, the log and who may see what (decision 0029). */
const t = await createTestApp();
t.clock.set(new Date('2026-05-10T10:00:00+08:00')); // 2026-Q2, Asia/Shanghai
const s = await seedSalesOrg(t);
const { acme, globex, east, west, junior } = s;
const stageOf = (key: string) => s.short.stages.find((st) => st.key === key)!.id;

type Who = Record<'admin' | 'director' | 'eastManager' | 'westManager' | 'eastRep' | 'westRep' | 'viewer' | 'globex', Caller>;
const who: Who = {
  admin: acme.admin,
  director: s.director,
  eastManager: s.eastManager,
  westManager: s.westManager,
  eastRep: s.eastRep,
  westRep: s.westRep,
  viewer: s.viewer,
  globex: globex.admin,
};
const emails = Object.fromEntries(
  await Promise.all(Object.entries(who).map(async ([k, c]) => [k, (await c.get('/api/v1/auth/me')).json().user.email as string])),
) as Record<keyof Who, string>;
/** Moves the clock; sessions last 7 days, so everyone signs in again at the new time. */
async function clockAt(iso: string) {
  t.clock.set(new Date(iso));
  for (const k of Object.keys(who) as (keyof Who)[]) who[k] = await signIn(t, emails[k]);
}

const newCourse = async (title: string, active = true) => {
  const res = await who.director.post('/api/v1/courses', {
    title,
    source: 'internal',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 30,
    active,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
};
const courseA = await newCourse('Qualifying well');
const courseB = await newCourse('Revenue habits');
const courseOff = await newCourse('Retired', false);

// Q2 moves out of Qualify (short pipeline): east's A → Quote (forward), B → Lost, C → Won (forward): 2 of 3.
// West's D → Lost: 0 of 1 — below any threshold but under minSample 2.
async function move(owner: Caller, deal: { id: string; version: number }, key: string) {
  const res = await owner.post(`/api/v1/deals/${deal.id}/move`, {
    stageId: stageOf(key),
    version: deal.version,
    ...(key === 'lost' ? { lossReason: 'price' } : {}),
  });
  expect(res.statusCode, res.body).toBe(200);
}
await move(s.eastRep, await openDeal(s, s.eastRep, { amount: '10000', name: 'A' }), 'quote');
await move(s.eastRep, await openDeal(s, s.eastRep, { amount: '10000', name: 'B' }), 'lost');
await move(s.eastRep, await openDeal(s, s.eastRep, { amount: '80000', name: 'C' }), 'won');
await move(s.westRep, await openDeal(s, s.westRep, { amount: '10000', name: 'D' }), 'lost');
// West also won 20000 in Q2 (migrated): revenue east 80000, west 20000, the lone rep 0; win rates 1/2 each.
const migrated = await acme.admin.post('/api/v1/deals/batch', {
  records: [
    {
      name: 'W',
      processType: 'short',
      stageKey: 'won',
      amount: 20000,
      ownerId: s.westRep.userId,
      createdAt: '2026-04-02T10:00:00+08:00',
      closedAt: '2026-04-20T10:00:00+08:00',
    },
  ],
});
expect(migrated.statusCode, migrated.body).toBe(200);

const conversion = {
  name: 'Qualify conversion below 70 %',
  metric: { kind: 'stageConversion', stageId: stageOf('qualify') },
  threshold: '0.7',
  periodKind: 'quarter',
  minSample: 2,
  courseId: courseA.id,
};
const create = async (body: object) => {
  const res = await who.director.post('/api/v1/training-triggers', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};
const paths = (res: { json: () => { errors?: { path: string }[] } }) => res.json().errors?.map((e) => e.path);

describe('outcome triggers: the rules', () => {
  it('lets directors and admins write them, managers and viewers read them, reps nothing', async () => {
    const created = await who.director.post('/api/v1/training-triggers', conversion);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      ...conversion,
      threshold: '0.7000',
      dueDays: 30,
      teamIds: [],
      levelIds: [],
      enabled: true,
      lastRunPeriod: null,
      createdAt: new Date('2026-05-10T10:00:00+08:00').toISOString(),
      version: 1,
    });
    const id = created.json().id;
    expect((await who.admin.post('/api/v1/training-triggers', { ...conversion, name: 'By admin' })).statusCode).toBe(201);
    expect((await who.eastManager.post('/api/v1/training-triggers', conversion)).statusCode).toBe(403);
    expect((await who.viewer.post('/api/v1/training-triggers', conversion)).statusCode).toBe(403);
    expect((await who.eastRep.get('/api/v1/training-triggers')).statusCode).toBe(403);
    for (const reader of [who.eastManager, who.viewer, who.director]) {
      const list = await reader.get('/api/v1/training-triggers');
      expect(list.statusCode).toBe(200);
      expect(list.json().data.map((x: { name: string }) => x.name)).toEqual(['By admin', 'Qualify conversion below 70 %']);
    }
    expect((await who.eastManager.get(`/api/v1/training-triggers/${id}`)).json().name).toBe(conversion.name);
    // Another organisation's trigger does not exist for them.
    expect((await who.globex.get(`/api/v1/training-triggers/${id}`)).statusCode).toBe(404);
    expect((await who.globex.get('/api/v1/training-triggers')).json().data).toEqual([]);
    expect((await who.globex.put(`/api/v1/training-triggers/${id}`, { ...conversion, version: 1 })).statusCode).toBe(404);
  });

  it('refuses what the trigger names when it is not the organisation’s, naming the field', async () => {
    const globexStage = (await who.globex.get('/api/v1/pipelines')).json().data[0].stages[0].id;
    const res = await who.director.post('/api/v1/training-triggers', {
      ...conversion,
      metric: { kind: 'stageConversion', stageId: globexStage },
      courseId: newId(),
      teamIds: [east.id, newId()],
      levelIds: [newId()],
    });
    expect(res.statusCode).toBe(422);
    expect(paths(res)).toEqual(['courseId', 'metric.stageId', 'teamIds.1', 'levelIds.0']);
    const inactive = await who.director.post('/api/v1/training-triggers', { ...conversion, courseId: courseOff.id });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.json().errors).toEqual([{ path: 'courseId', message: 'the course is inactive' }]);
    expect((await who.director.post('/api/v1/training-triggers', { ...conversion, threshold: '-1' })).statusCode).toBe(400);
    expect((await who.director.post('/api/v1/training-triggers', { ...conversion, periodKind: 'week' })).statusCode).toBe(400);
  });

  it('updates with the version it is based on, and deletes one that never ran', async () => {
    const trig = await create({ ...conversion, name: 'To edit' });
    const url = `/api/v1/training-triggers/${trig.id}`;
    const body = { ...conversion, name: 'Edited', threshold: '0.55', teamIds: [east.id], levelIds: [junior] };
    expect((await who.director.put(url, body)).statusCode).toBe(428);
    expect((await who.director.put(url, { ...body, version: 2 })).statusCode).toBe(409);
    expect((await who.eastManager.put(url, { ...body, version: 1 })).statusCode).toBe(403);
    const edited = await who.director.put(url, body, { 'if-match': '"1"' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Edited', threshold: '0.5500', teamIds: [east.id], levelIds: [junior], version: 2 });
    expect((await who.eastManager.delete(`${url}?version=2`)).statusCode).toBe(403);
    expect((await who.director.delete(url)).statusCode).toBe(428);
    expect((await who.director.delete(`${url}?version=2`)).statusCode).toBe(200);
    expect((await who.director.get(url)).statusCode).toBe(404);
  });
});

describe('outcome triggers: runs and the log', () => {
  let conv: { id: string };
  let revenue: { id: string };
  let winRate: { id: string };

  it('refuses to run a period that has not closed, or of another kind', async () => {
    conv = (await who.director.get('/api/v1/training-triggers')).json().data.find((x: { name: string }) => x.name === conversion.name);
    const run = (period: string) => who.director.post(`/api/v1/training-triggers/${conv.id}/run`, { period });
    const open = await run('2026-Q2');
    expect(open.statusCode).toBe(422);
    expect(open.json()).toMatchObject({ code: 'period_not_closed', errors: [{ path: 'period' }] });
    expect((await run('2026-05')).json()).toMatchObject({ code: 'period_kind_mismatch' });
    expect((await run('2026-Q9')).statusCode).toBe(400);
  });

  it('runs a closed quarter once: enrols whom it fires for and logs the figure; a repeat answers ran: false', async () => {
    await clockAt('2026-07-02T09:00:00+08:00');
    const url = `/api/v1/training-triggers/${conv.id}/run`;
    for (const refused of [who.eastManager, who.viewer, who.eastRep])
      expect((await refused.post(url, { period: '2026-Q2' })).statusCode).toBe(403);
    expect((await who.globex.post(url, { period: '2026-Q2' })).statusCode).toBe(404);

    const first = await who.director.post(url, { period: '2026-Q2' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      period: '2026-Q2',
      evaluated: 3, // east, west and the lone rep
      ran: true,
      fired: [{ repId: s.eastRep.userId, value: '0.6667', threshold: '0.7000', sample: 3, outcome: 'enrolled' }],
    });
    const [enrolment] = await t.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.orgId, acme.orgId), eq(enrolments.courseId, courseA.id)));
    expect(enrolment).toMatchObject({ repId: s.eastRep.userId, source: 'trigger', assignedBy: who.director.userId, dueOn: '2026-07-30' });
    expect(first.json().fired[0].enrolmentId).toBe(enrolment!.id);

    const again = await who.admin.post(url, { period: '2026-Q2' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), ran: false });
    // A quarter that closed before the trigger existed runs when asked (the job never backfills it).
    expect((await who.director.post(url, { period: '2026-Q1' })).json()).toMatchObject({ ran: true, evaluated: 3, fired: [] });
    expect((await who.director.get(`/api/v1/training-triggers/${conv.id}`)).json().lastRunPeriod).toBe('2026-Q2');
  });

  it('measures a KPI (performance module) for the reps of the teams and levels chosen', async () => {
    // Revenue won below 50000, West only: west (20000) fires; the lone rep (0) is in no team.
    revenue = await create({
      name: 'Revenue below 50000',
      metric: { kind: 'kpi', kpi: 'revenueWon' },
      threshold: '50000',
      periodKind: 'quarter',
      courseId: courseB.id,
      teamIds: [west.id],
    });
    const rev = (await who.director.post(`/api/v1/training-triggers/${revenue.id}/run`, { period: '2026-Q2' })).json();
    expect(rev).toMatchObject({
      evaluated: 1,
      fired: [{ repId: s.westRep.userId, value: '20000.0000', sample: null, outcome: 'enrolled' }],
    });
    expect(rev.fired).toHaveLength(1);

    // Win rate (the KPI, every pipeline) below 90 % for juniors: east and west (1 of 2 each); the lone rep closed nothing.
    winRate = await create({
      name: 'Win rate below 90 %',
      metric: { kind: 'kpi', kpi: 'winRate' },
      threshold: '0.9',
      periodKind: 'quarter',
      courseId: courseA.id,
      levelIds: [junior],
    });
    const wr = (await who.director.post(`/api/v1/training-triggers/${winRate.id}/run`, { period: '2026-Q2' })).json();
    const enrolledInA = (await t.db.select().from(enrolments).where(eq(enrolments.courseId, courseA.id))).map((e) => [e.repId, e.id]);
    const idOf = new Map(enrolledInA as [string, string][]);
    expect(wr.evaluated).toBe(3);
    expect(wr.fired).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          repId: s.eastRep.userId,
          value: '0.5000',
          sample: 2,
          outcome: 'already_enrolled',
          enrolmentId: idOf.get(s.eastRep.userId!),
        }),
        expect.objectContaining({
          repId: s.westRep.userId,
          value: '0.5000',
          sample: 2,
          outcome: 'enrolled',
          enrolmentId: idOf.get(s.westRep.userId!),
        }),
      ]),
    );
    expect(wr.fired).toHaveLength(2);
  });

  it('shows the log to managers for their teams’ reps only; to directors and viewers all of it', async () => {
    const list = async (c: Caller, query = '') => {
      const res = await c.get(`/api/v1/training-trigger-fires${query}`);
      expect(res.statusCode).toBe(200);
      return res.json().data as { repId: string; triggerId: string; period: string }[];
    };
    const all = await list(who.director);
    expect(all).toHaveLength(4);
    expect(await list(who.viewer)).toHaveLength(4);
    expect((await list(who.eastManager)).map((f) => f.repId)).toEqual([s.eastRep.userId, s.eastRep.userId]);
    expect(new Set((await list(who.westManager)).map((f) => f.repId))).toEqual(new Set([s.westRep.userId]));
    expect(await list(who.eastManager, `?repId=${s.westRep.userId}`)).toEqual([]);
    expect((await who.eastRep.get('/api/v1/training-trigger-fires')).statusCode).toBe(403);
    expect(await list(who.globex, `?triggerId=${conv.id}`)).toEqual([]);
    expect((await list(who.director, `?triggerId=${revenue.id}`)).map((f) => f.repId)).toEqual([s.westRep.userId]);
    expect(await list(who.director, '?period=2026-Q1')).toEqual([]);
    expect((await list(who.director, `?repId=${s.eastRep.userId}&period=2026-Q2`)).map((f) => f.triggerId).sort()).toEqual(
      [conv.id, winRate.id].sort(),
    );
    // Keyset pages: no fire twice, none missed.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { id: string }[]; nextCursor: string | null } = (
        await who.director.get(`/api/v1/training-trigger-fires?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((f) => (f as unknown as { id: string }).id));
  });

  it('keeps a trigger that ran (its log), and refuses a run whose course became inactive', async () => {
    const ran = await who.director.get(`/api/v1/training-triggers/${conv.id}`);
    const del = await who.director.delete(`/api/v1/training-triggers/${conv.id}?version=${ran.json().version}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('trigger_has_runs');

    const courseC = await newCourse('Soon retired');
    const trig = await create({ ...conversion, name: 'On a retired course', courseId: courseC.id });
    await t.db
      .update(courses)
      .set({ active: false })
      .where(and(eq(courses.orgId, acme.orgId), eq(courses.id, courseC.id)));
    const res = await who.director.post(`/api/v1/training-triggers/${trig.id}/run`, { period: '2026-Q2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('course_inactive');
  });
});
