import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { newId } from '../../platform/ids.ts';
import { levelHistory } from '../levels/levels.table.ts';
import { skillAssessments, skills } from './training.table.ts';

/**
 * Development plans (decision 0029): who reads and writes them, goals judged live (a KPI in the last closed period,
 * a course held, the manager's skill level) and the level gap from the level evaluation.
 */
const t = await createTestApp();
const T0 = t.clock.now(); // 2026-01-05 in Shanghai: the last closed quarter is 2025-Q4
const s = await seedSalesOrg(t);
const level: Record<string, string> = Object.fromEntries(
  (await s.acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]),
);
const globexLevel: string = (await s.globex.admin.get('/api/v1/levels')).json().data[1].id;

const course = (
  await s.director.post('/api/v1/courses', {
    title: 'Discovery calls',
    source: 'internal',
    category: 'sales_skills',
    format: 'online',
    durationMinutes: 45,
  })
).json() as { id: string };
const globexCourse = (
  await s.globex.admin.post('/api/v1/courses', {
    title: 'Theirs',
    source: 'internal',
    category: 'product',
    format: 'video',
    durationMinutes: 5,
  })
).json() as { id: string };

// Two skills; the East manager rates East's rep 3 in the first, the rep rates themselves 5 in the second (self does not count).
const [listening, pricing] = [newId(), newId()];
await t.db.insert(skills).values([
  { orgId: s.acme.orgId, id: listening, name: 'Listening' },
  { orgId: s.acme.orgId, id: pricing, name: 'Pricing' },
]);
await t.db.insert(skillAssessments).values([
  { orgId: s.acme.orgId, repId: s.eastRep.userId!, skillId: listening, managerLevel: 3, managerAt: T0, managerId: s.eastManager.userId! },
  { orgId: s.acme.orgId, repId: s.eastRep.userId!, skillId: pricing, selfLevel: 5, selfAt: T0 },
]);

// East's rep wins two new customers in 2025-Q4.
for (const day of ['2025-10-20', '2025-12-01']) {
  t.clock.set(new Date(`${day}T10:00:00+08:00`));
  expect((await s.eastRep.post('/api/v1/customers', { name: `New on ${day}` })).statusCode).toBe(201);
}
t.clock.set(T0);

const goals = [
  { kind: 'kpi', kpi: 'newCustomers', target: '2', periodKind: 'quarter', dueOn: null },
  { kind: 'kpi', kpi: 'newCustomers', target: '1', periodKind: 'month', dueOn: '2026-01-04' },
  { kind: 'course', courseId: course.id, dueOn: '2026-01-04' },
  { kind: 'skill', skillId: listening, level: 3, dueOn: null },
  { kind: 'skill', skillId: pricing, level: 2, dueOn: '2026-02-01' },
];
const planBody = (repId: string, fields: object = {}) => ({ repId, targetLevelId: level.mid, title: 'Road to mid', goals, ...fields });
const create = (caller: Caller, body: object) => caller.post('/api/v1/development-plans', body);
type Plan = { id: string; repId: string; version: number; goals: { id: string; kind: string }[]; goalsMet: number; teamId: string | null };

let eastPlan: Plan;
let westPlan: Plan;

describe('making a plan', () => {
  it('the manager of the rep’s team makes one; each goal is judged today', async () => {
    const res = await create(s.eastManager, planBody(s.eastRep.userId!, { dueOn: '2026-06-30', notes: 'Talk monthly' }));
    expect(res.statusCode, res.body).toBe(201);
    eastPlan = res.json();
    expect(eastPlan).toMatchObject({
      repId: s.eastRep.userId,
      teamId: s.east.id,
      targetLevelId: level.mid,
      status: 'active',
      dueOn: '2026-06-30',
      notes: 'Talk monthly',
      createdBy: s.eastManager.userId,
      version: 1,
      goalsMet: 3,
    });
    expect(eastPlan.goals.map((g) => g.id).every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(eastPlan.goals.map(({ id: _, ...g }) => g)).toEqual([
      { ...goals[0], met: true, value: '2', period: '2025-Q4', overdue: false },
      // December had one new customer: the target of one is met at exactly the target.
      { ...goals[1], met: true, value: '1', period: '2025-12', overdue: false },
      { ...goals[2], met: false, value: null, period: null, overdue: true },
      { ...goals[3], met: true, value: '3', period: null, overdue: false },
      // The rep's own 5 does not count: no manager assessment.
      { ...goals[4], met: false, value: null, period: null, overdue: false },
    ]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.acme.orgId), eq(auditLog.entity, 'development_plan'), eq(auditLog.entityId, eastPlan.id)));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('a director makes one for any rep of the organisation', async () => {
    const res = await create(s.director, planBody(s.westRep.userId!, { goals: [] }));
    expect(res.statusCode, res.body).toBe(201);
    westPlan = res.json();
    expect(westPlan).toMatchObject({ teamId: s.west.id, goals: [], goalsMet: 0 });
  });

  it('another team’s rep, a rep in no team, another organisation’s rep: 404', async () => {
    expect((await create(s.eastManager, planBody(s.westRep.userId!))).statusCode).toBe(404);
    expect((await create(s.eastManager, planBody(s.loneRep.userId!))).statusCode).toBe(404);
    expect((await create(s.globex.admin, planBody(s.eastRep.userId!, { targetLevelId: globexLevel, goals: [] }))).statusCode).toBe(404);
  });

  it('reps and viewers may not make plans (403)', async () => {
    expect((await create(s.eastRep, planBody(s.eastRep.userId!))).statusCode).toBe(403);
    expect((await create(s.viewer, planBody(s.eastRep.userId!))).statusCode).toBe(403);
  });

  it('a plan is for an active rep, toward a level, with goals of the organisation’s courses and skills (422, named)', async () => {
    const notRep = await create(s.director, planBody(s.viewer.userId!));
    expect(notRep.statusCode).toBe(422);
    expect(notRep.json().errors).toEqual([{ path: 'repId', message: expect.any(String) }]);
    const bad = await create(
      s.director,
      planBody(s.eastRep.userId!, {
        targetLevelId: globexLevel,
        goals: [
          { kind: 'course', courseId: globexCourse.id, dueOn: null },
          { kind: 'skill', skillId: newId(), level: 2, dueOn: null },
        ],
      }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(['targetLevelId', 'goals.0.courseId', 'goals.1.skillId']);
    const shape = await create(
      s.director,
      planBody(s.eastRep.userId!, { goals: [{ kind: 'skill', skillId: listening, level: 6, dueOn: null }] }),
    );
    expect(shape.statusCode).toBe(400);
  });
});

describe('reading plans', () => {
  const list = async (caller: Caller, query = '') => {
    const res = await caller.get(`/api/v1/development-plans${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { data: Plan[]; nextCursor: string | null };
  };
  const ids = async (caller: Caller, query = '') => (await list(caller, query)).data.map((p) => p.id);

  it('a rep reads their own; a manager their teams’; directors, admins and viewers the organisation’s, newest first', async () => {
    expect(await ids(s.eastRep)).toEqual([eastPlan.id]);
    expect(await ids(s.westRep)).toEqual([westPlan.id]);
    expect(await ids(s.loneRep)).toEqual([]);
    expect(await ids(s.eastManager)).toEqual([eastPlan.id]);
    expect(await ids(s.westManager)).toEqual([westPlan.id]);
    for (const caller of [s.viewer, s.director, s.acme.admin]) expect(await ids(caller)).toEqual([westPlan.id, eastPlan.id]);
    expect(await ids(s.globex.admin)).toEqual([]);
  });

  it('filters narrow within the scope, never widen it', async () => {
    expect(await ids(s.director, `?teamId=${s.east.id}`)).toEqual([eastPlan.id]);
    expect(await ids(s.director, `?repId=${s.westRep.userId}`)).toEqual([westPlan.id]);
    expect(await ids(s.director, '?status=completed')).toEqual([]);
    expect(await ids(s.eastRep, `?repId=${s.westRep.userId}`)).toEqual([]);
    expect(await ids(s.eastManager, `?teamId=${s.west.id}`)).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const first = await list(s.director, '?limit=1');
    expect(first.data.map((p) => p.id)).toEqual([westPlan.id]);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(s.director, `?limit=1&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ data: [{ id: eastPlan.id }], nextCursor: null });
  });

  it('one plan with its level gap: junior → mid, every check missing', async () => {
    const res = await s.eastRep.get(`/api/v1/development-plans/${eastPlan.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: eastPlan.id, goalsMet: 3 });
    expect(res.json().levelGap).toEqual({
      period: '2025-Q4',
      fromLevelId: level.junior,
      toLevelId: level.mid,
      stepToLevelId: level.mid,
      reached: false,
      met: false,
      checks: [
        expect.objectContaining({ kind: 'grade', required: 'B or better in each of 2 quarters', met: false }),
        expect.objectContaining({ kind: 'timeAtLevel', required: '≥ 6 months at level', met: false }),
      ],
      missing: [expect.objectContaining({ kind: 'grade' }), expect.objectContaining({ kind: 'timeAtLevel' })],
    });
    const q3 = (await s.eastManager.get(`/api/v1/development-plans/${eastPlan.id}?period=2025-Q3`)).json().levelGap;
    expect(q3.period).toBe('2025-Q3');
    expect(q3.checks[0].evidence.map((e: { period: string }) => e.period)).toEqual(['2025-Q2', '2025-Q3']);
    expect((await s.viewer.get(`/api/v1/development-plans/${eastPlan.id}`)).statusCode).toBe(200);
    expect((await s.director.get(`/api/v1/development-plans/${eastPlan.id}?period=2025-Q9`)).statusCode).toBe(400);
  });

  it('a rep levelled since the last closed quarter: the gap is judged for the current quarter', async () => {
    // West's rep had no level at the end of 2025-Q4: their first level took effect on 2026-01-02.
    await t.db.insert(levelHistory).values({
      orgId: s.acme.orgId,
      id: newId(),
      userId: s.westRep.userId!,
      fromLevelId: null,
      toLevelId: level.junior,
      effectiveOn: '2026-01-02',
      reason: 'manual',
      createdAt: T0,
    });
    const gap = (await s.westManager.get(`/api/v1/development-plans/${westPlan.id}`)).json().levelGap;
    expect(gap).toMatchObject({ period: '2026-Q1', fromLevelId: level.junior, stepToLevelId: level.mid, reached: false });
    // Asked for 2025-Q4 explicitly, there was no level then: no step.
    const q4 = (await s.westManager.get(`/api/v1/development-plans/${westPlan.id}?period=2025-Q4`)).json().levelGap;
    expect(q4).toMatchObject({ period: '2025-Q4', fromLevelId: null, stepToLevelId: null });
  });

  it('another rep, another team’s manager, another organisation: 404', async () => {
    for (const caller of [s.westRep, s.loneRep, s.westManager, s.globex.admin]) {
      expect((await caller.get(`/api/v1/development-plans/${eastPlan.id}`)).statusCode).toBe(404);
    }
  });
});

describe('changing a plan', () => {
  const update = (fields: object = {}) => ({
    targetLevelId: level.mid,
    title: 'Road to mid, v2',
    status: 'active',
    goals: goals.slice(2),
    ...fields,
  });

  it('needs the version it was read at: missing 428, stale 409', async () => {
    expect((await s.eastManager.put(`/api/v1/development-plans/${eastPlan.id}`, update())).statusCode).toBe(428);
    expect((await s.eastManager.put(`/api/v1/development-plans/${eastPlan.id}`, update({ version: 7 }))).statusCode).toBe(409);
  });

  it('another team’s manager or another organisation: 404; reps and viewers: 403', async () => {
    expect((await s.westManager.put(`/api/v1/development-plans/${eastPlan.id}`, update({ version: 1 }))).statusCode).toBe(404);
    expect((await s.globex.admin.put(`/api/v1/development-plans/${eastPlan.id}`, update({ version: 1 }))).statusCode).toBe(404);
    expect((await s.eastRep.put(`/api/v1/development-plans/${eastPlan.id}`, update({ version: 1 }))).statusCode).toBe(403);
    expect((await s.viewer.put(`/api/v1/development-plans/${eastPlan.id}`, update({ version: 1 }))).statusCode).toBe(403);
  });

  it('the manager replaces it (If-Match), goals whole with new ids; then completes it', async () => {
    const res = await s.eastManager.put(`/api/v1/development-plans/${eastPlan.id}`, update({ targetLevelId: level.senior }), {
      'if-match': '"1"',
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json() as Plan & { title: string; targetLevelId: string };
    expect(plan).toMatchObject({ title: 'Road to mid, v2', targetLevelId: level.senior, version: 2, goalsMet: 1 });
    expect(plan.goals.map((g) => g.kind)).toEqual(['course', 'skill', 'skill']);
    expect(plan.goals.map((g) => g.id)).not.toContain(eastPlan.goals[2].id);
    // Toward senior: no step leads there from junior directly, so the first step toward it (to mid) is measured.
    expect((await s.eastManager.get(`/api/v1/development-plans/${eastPlan.id}`)).json().levelGap).toMatchObject({
      toLevelId: level.senior,
      stepToLevelId: level.mid,
      reached: false,
    });
    const done = await s.director.put(`/api/v1/development-plans/${eastPlan.id}`, update({ status: 'completed', version: 2 }));
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', version: 3 });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.orgId, s.acme.orgId), eq(auditLog.entity, 'development_plan'), eq(auditLog.entityId, eastPlan.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'update', 'update']);
  });

  it('a plan toward the level the rep already holds is reached: nothing asked', async () => {
    const res = await s.director.put(`/api/v1/development-plans/${westPlan.id}`, {
      targetLevelId: level.junior,
      title: 'Stay',
      status: 'active',
      goals: [],
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    // (West's rep is junior since 2026-01-02, above: judged for the current quarter.)
    expect((await s.westRep.get(`/api/v1/development-plans/${westPlan.id}`)).json().levelGap).toEqual({
      period: '2026-Q1',
      fromLevelId: level.junior,
      toLevelId: level.junior,
      stepToLevelId: null,
      reached: true,
      met: true,
      checks: [],
      missing: [],
    });
  });
});
