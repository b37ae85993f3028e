import type { TRating } from '@tierline/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { jobHandlers, jobSchedules } from '../../jobs.ts';
import { newId } from '../../platform/ids.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';
import { appraisalCycles, reviews, targets } from '../performance/performance.table.ts';
import { DEFAULT_SCORING_SCHEME } from '../performance/scorecard.rules.ts';
import { enrolments } from '../training/training.table.ts';
import { users } from '../users/users.table.ts';
import { levelHistory } from './levels.table.ts';

/**
 * Issue 7's done-when for levels: a rep who meets mid → senior (two quarters at A with submitted manager reviews,
 * 18 months at level) is recommended with the evidence; the manager accepts; the rep is senior, the history, the
 * audit and the rep's notifications show it — and from then on the new level governs what the rep may own.
 */
const t = await createTestApp();
const T0 = t.clock.now(); // 2026-01-05 09:00 in Shanghai
const acme = await seedOrg(t, 'Acme Ladder');
const globex = await seedOrg(t, 'Globex Ladder');
const level: Record<string, { id: string; version: number }> = Object.fromEntries(
  (await acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string; version: number }) => [l.key, l]),
);
const tier: Record<string, string> = Object.fromEntries(
  (await acme.admin.get('/api/v1/tiers')).json().data.map((x: { key: string; id: string }) => [x.key, x.id]),
);
const director = await seedUser(t, acme.orgId, 'director');
const viewer = await seedUser(t, acme.orgId, 'viewer');
const eastManager = await seedUser(t, acme.orgId, 'manager');
const westManager = await seedUser(t, acme.orgId, 'manager');
const east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
const west = (await acme.admin.post('/api/v1/teams', { name: 'West', managerId: westManager.userId })).json();
/** The star: mid since July 2024, two quarters at A. */
const rita = await seedUser(t, acme.orgId, 'rep', { name: 'Rita', teamId: east.id, levelId: level.mid.id });
/** Junior since 2024, two quarters at B: promoted to mid, from a later date. */
const jun = await seedUser(t, acme.orgId, 'rep', { name: 'Jun', teamId: east.id, levelId: level.junior.id });
/** Mid without history, hire date or reviews: nothing can be judged, so hold. */
const hal = await seedUser(t, acme.orgId, 'rep', { name: 'Hal', teamId: east.id, levelId: level.mid.id });
/** West: two quarters at D, so demotion is recommended — and rejected. */
const wes = await seedUser(t, acme.orgId, 'rep', { name: 'Wes', teamId: west.id, levelId: level.mid.id });
const outsider = await seedUser(t, globex.orgId, 'director');

const history = (userId: string, fromLevelId: string | null, toLevelId: string, effectiveOn: string) => ({
  orgId: acme.orgId,
  id: newId(),
  userId,
  fromLevelId,
  toLevelId,
  effectiveOn,
  reason: 'manual' as const,
  createdAt: T0,
});
await t.db
  .insert(levelHistory)
  .values([
    history(rita.userId!, level.junior.id, level.mid.id, '2024-07-01'),
    history(jun.userId!, null, level.junior.id, '2024-03-01'),
    history(wes.userId!, level.junior.id, level.mid.id, '2025-06-01'),
  ]);

// Two appraisal cycles scored on new customers alone (70 %) and the manager's review (30 %), default grade bands.
const scheme = {
  quantitativeWeight: 70,
  attainmentCap: 1.5,
  gradeBands: DEFAULT_SCORING_SCHEME.gradeBands,
  levelSchemes: [
    {
      levelId: null,
      kpis: [{ kpi: 'newCustomers' as const, weight: 100 }],
      criteria: [
        { key: 'managerRating', weight: 50 },
        { key: 'customerFeedback', weight: 25 },
        { key: 'teamwork', weight: 25 },
      ],
    },
  ],
};
const cycleIds: Record<string, string> = {};
for (const period of ['2025-Q3', '2025-Q4']) {
  cycleIds[period] = newId();
  await t.db
    .insert(appraisalCycles)
    .values({ orgId: acme.orgId, id: cycleIds[period], name: period, period, ...scheme, createdAt: T0, updatedAt: T0 });
}
const ratings = (manager: number, feedback: number, teamwork: number): TRating[] => [
  { key: 'managerRating', score: manager },
  { key: 'customerFeedback', score: feedback },
  { key: 'teamwork', score: teamwork },
];
/** A submitted manager review and a new-customers target, each quarter. */
async function appraise(rep: { userId?: string }, reviewer: { userId?: string }, r: TRating[], target: string) {
  for (const period of ['2025-Q3', '2025-Q4']) {
    const common = { orgId: acme.orgId, id: newId(), updatedAt: T0 };
    await t.db.insert(reviews).values({
      ...common,
      cycleId: cycleIds[period],
      repId: rep.userId!,
      reviewerId: reviewer.userId!,
      kind: 'manager',
      ratings: r,
      status: 'submitted',
      submittedAt: T0,
      createdAt: T0,
    });
    await t.db.insert(targets).values({ ...common, id: newId(), kpi: 'newCustomers', period, repId: rep.userId!, value: target });
  }
}
// Rita wins 2 new customers a quarter against a target of 2 (quantitative 100) and is rated 3/5/5 (qualitative 80):
// 0.7 × 100 + 0.3 × 80 = 94 → A. Jun: target 0 (met by definition, 100) and 1/1/1 (20): 76 → B. Wes: 0 of 2 and
// 1/1/1: 0.3 × 20 = 6 → D.
await appraise(rita, eastManager, ratings(3, 5, 5), '2');
await appraise(jun, eastManager, ratings(1, 1, 1), '0');
await appraise(wes, westManager, ratings(1, 1, 1), '2');
const ritaCustomers: string[] = [];
for (const day of ['2025-08-10', '2025-09-02', '2025-10-20', '2025-12-01']) {
  t.clock.set(new Date(`${day}T10:00:00+08:00`));
  const res = await rita.post('/api/v1/customers', { name: `Rita’s customer of ${day}` });
  expect(res.statusCode, res.body).toBe(201);
  ritaCustomers.push(res.json().id);
}
t.clock.set(T0);

const evaluations = (caller = eastManager, query = 'period=2025-Q4') => caller.get(`/api/v1/level-evaluations?${query}`);
const evaluationOf = async (repId: string, caller = director) =>
  (await evaluations(caller)).json().data.find((e: { repId: string }) => e.repId === repId);
const decide = (caller: typeof rita, body: Record<string, unknown>) =>
  caller.post('/api/v1/level-evaluations/decisions', { period: '2025-Q4', comment: 'Reviewed with the team', ...body });
const userOf = async (id: string) => (await acme.admin.get(`/api/v1/users/${id}`)).json();
const historyOf = (userId: string) =>
  t.db
    .select()
    .from(levelHistory)
    .where(and(eq(levelHistory.orgId, acme.orgId), eq(levelHistory.userId, userId)))
    .orderBy(asc(levelHistory.effectiveOn), asc(levelHistory.createdAt));
const notificationsOf = async (caller: typeof rita) => (await caller.get('/api/v1/notifications')).json().data as { kind: string }[];

/** What Rita may own, each as the module that governs it answers. */
const setLimit = async (key: string, maxCustomers: number) => {
  const lv = (await acme.admin.get('/api/v1/levels')).json().data.find((l: { key: string }) => l.key === key);
  const res = await acme.admin.patch(`/api/v1/levels/${lv.id}`, { maxCustomers, version: lv.version });
  expect(res.statusCode, res.body).toBe(200);
};
const kaCustomer = (await acme.admin.post('/api/v1/customers', { name: 'Key Account', tierId: tier.ka, ownerId: rita.userId })).json();
const ownerLevelCheck = async () =>
  (await acme.admin.get(`/api/v1/customers/${kaCustomer.id}/compliance`))
    .json()
    .checks.find((c: { check: string }) => c.check === 'ownerLevel');
const poolCustomer = async (name: string, extra: Record<string, unknown> = {}) =>
  (await acme.admin.post('/api/v1/customers', { name, ownerId: null, ...extra })).json() as { id: string };

describe('level evaluation and a promotion that takes effect', () => {
  it('recommends the rep who meets mid → senior, with every criterion and its evidence', async () => {
    const res = await evaluations();
    expect(res.statusCode, res.body).toBe(200);
    // The East manager sees East's reps only, by name.
    expect(res.json().data.map((e: { name: string }) => e.name)).toEqual(['Hal', 'Jun', 'Rita']);
    const ritaEval = res.json().data.find((e: { repId: string }) => e.repId === rita.userId);
    expect(ritaEval).toMatchObject({ levelId: level.mid.id, recommendation: 'promote', toLevelId: level.senior.id, decision: null });
    expect(ritaEval.steps).toEqual([
      {
        toLevelId: level.senior.id,
        direction: 'promote',
        met: true,
        checks: [
          {
            kind: 'grade',
            required: 'A or better in each of 2 quarters',
            met: true,
            evidence: [
              { period: '2025-Q3', value: 'A', met: true },
              { period: '2025-Q4', value: 'A', met: true },
            ],
          },
          // 2024-07-01 → 2026-01-01 (the end of 2025-Q4): 18 whole months.
          { kind: 'timeAtLevel', required: '≥ 18 months at level', met: true, evidence: [{ period: '2025-Q4', value: '18', met: true }] },
        ],
      },
      {
        toLevelId: level.junior.id,
        direction: 'demote',
        met: false,
        checks: [expect.objectContaining({ kind: 'grade', required: 'D or worse in each of 2 quarters', met: false })],
      },
    ]);
    const byName = Object.fromEntries(res.json().data.map((e: { name: string }) => [e.name, e]));
    expect(byName.Jun).toMatchObject({ recommendation: 'promote', toLevelId: level.mid.id });
    expect(byName.Hal).toMatchObject({ recommendation: 'hold', toLevelId: null });
    expect(byName.Hal.steps[0].checks[0].evidence).toEqual([
      { period: '2025-Q3', value: null, met: false }, // no manager review: no grade that counts
      { period: '2025-Q4', value: null, met: false },
    ]);
    expect(await evaluationOf(wes.userId!)).toMatchObject({ recommendation: 'demote', toLevelId: level.junior.id });
  });

  it('before the accept, the mid level limits what Rita may own', async () => {
    await setLimit('mid', 5);
    await setLimit('senior', 10);
    // Pool claim: she owns 5 (four of her own and the key account), a mid may own 5.
    const refused = await rita.post(`/api/v1/customers/${(await poolCustomer('Pool one')).id}/claim`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'claim_limit_customers', errors: [{ path: 'maxCustomers' }] });
    // The key-account tier policy asks a senior owner.
    expect(await ownerLevelCheck()).toMatchObject({ status: 'breached', ownerLevelId: level.mid.id, minLevelId: level.senior.id });
    // Assignment: key accounts go to seniors only.
    const ka = await poolCustomer('Key account from the pool', { tierId: tier.ka });
    const assigned = (await acme.admin.post(`/api/v1/assignments/customer/${ka.id}/assign`)).json();
    expect(assigned).toMatchObject({ assigned: false });
    const why = Object.fromEntries(
      assigned.explanation.candidates.map((c: { userId: string; passedOver: string }) => [c.userId, c.passedOver]),
    );
    expect(why[rita.userId!]).toBe('wrong_level');
  });

  it('the manager accepts: Rita is senior from today, with history, audit and a notification', async () => {
    const res = await decide(eastManager, { repId: rita.userId, decision: 'accept' });
    expect(res.statusCode, res.body).toBe(201);
    const decision = res.json();
    expect(decision).toMatchObject({
      repId: rita.userId,
      period: '2025-Q4',
      recommendation: 'promote',
      fromLevelId: level.mid.id,
      toLevelId: level.senior.id,
      decision: 'accepted',
      comment: 'Reviewed with the team',
      effectiveOn: '2026-01-05',
      appliedAt: T0.toISOString(),
      decidedBy: eastManager.userId,
    });
    expect((await userOf(rita.userId!)).levelId).toBe(level.senior.id);
    expect((await historyOf(rita.userId!)).at(-1)).toMatchObject({
      fromLevelId: level.mid.id,
      toLevelId: level.senior.id,
      effectiveOn: '2026-01-05',
      reason: 'evaluation',
      decisionId: decision.id,
      changedBy: eastManager.userId,
    });
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=user&entityId=${rita.userId}`)).json().data;
    expect(audit[0]).toMatchObject({ actorId: eastManager.userId, changes: { levelId: { before: level.mid.id, after: level.senior.id } } });
    const decisionAudit = (await acme.admin.get(`/api/v1/audit-log?entity=level_decision&entityId=${decision.id}`)).json().data;
    expect(decisionAudit.map((a: { action: string }) => a.action).sort()).toEqual(['create', 'update']);
    const [told] = (await notificationsOf(rita)).filter((n) => n.kind === 'level_changed');
    expect(told).toMatchObject({
      entity: 'level_decision',
      entityId: decision.id,
      params: {
        fromLevelId: level.mid.id,
        toLevelId: level.senior.id,
        effectiveOn: '2026-01-05',
        fromLevelNameEn: 'Mid',
        toLevelNameEn: 'Senior',
        toLevelNameZh: '高级',
      },
    });
    // The evidence it was taken on is kept with it; the board shows the decision.
    expect((await evaluationOf(rita.userId!)).decision).toMatchObject({ id: decision.id, appliedAt: T0.toISOString() });
    expect((await decide(director, { repId: rita.userId, decision: 'reject' })).statusCode).toBe(409);
  });

  it('after the accept, the senior level governs what Rita may own', async () => {
    const claimed = await rita.post(`/api/v1/customers/${(await poolCustomer('Pool two')).id}/claim`);
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(await ownerLevelCheck()).toMatchObject({ status: 'met', ownerLevelId: level.senior.id });
    const ka = await poolCustomer('Another key account', { tierId: tier.ka });
    expect((await acme.admin.post(`/api/v1/assignments/customer/${ka.id}/assign`)).json()).toMatchObject({
      assigned: true,
      ownerId: rita.userId,
    });
  });

  it('a change dated later is stored and applied by the scheduled job on its date (org time zone)', async () => {
    const res = await decide(eastManager, { repId: jun.userId, decision: 'accept', effectiveOn: '2026-01-20' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ decision: 'accepted', effectiveOn: '2026-01-20', appliedAt: null });
    expect((await userOf(jun.userId!)).levelId).toBe(level.junior.id);
    // Another accepted change cannot overtake the one waiting.
    const again = await decide(eastManager, { repId: jun.userId, period: '2025-Q3', decision: 'accept' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('decision_pending');
    const worker = createJobRunner({
      db: t.db,
      clock: t.clock,
      handlers: jobHandlers,
      schedules: jobSchedules({ poolSweepMinutes: 0 }).filter((s) => s.kind === 'levels.applyDecisions'),
    });
    // Sessions do not last two weeks: while the clock is ahead, the database is read directly.
    const levelNow = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0].levelId;
    try {
      t.clock.set(new Date('2026-01-19T23:30:00+08:00'));
      await worker.runDueJobs();
      expect(await levelNow(jun.userId!)).toBe(level.junior.id);
      // Half past midnight in Shanghai is still the 19th in UTC: the date is the organisation's.
      t.clock.set(new Date('2026-01-20T00:30:00+08:00'));
      expect(await worker.runDueJobs()).toMatchObject({ succeeded: 1, failed: 0 });
      expect(await levelNow(jun.userId!)).toBe(level.mid.id);
      // Applied once: the next hour finds nothing due.
      t.clock.set(new Date('2026-01-20T02:30:00+08:00'));
      await worker.runDueJobs();
    } finally {
      t.clock.set(T0);
    }
    expect(await historyOf(jun.userId!)).toHaveLength(2);
    expect((await historyOf(jun.userId!)).at(-1)).toMatchObject({
      fromLevelId: level.junior.id,
      toLevelId: level.mid.id,
      effectiveOn: '2026-01-20',
      reason: 'evaluation',
      decisionId: res.json().id,
      changedBy: eastManager.userId,
    });
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=user&entityId=${jun.userId}`)).json().data;
    expect(audit[0]).toMatchObject({ actorId: null, changes: { levelId: { before: level.junior.id, after: level.mid.id } } });
    expect((await notificationsOf(jun)).map((n) => n.kind)).toContain('level_changed');
    expect((await evaluationOf(jun.userId!)).decision.appliedAt).toBe(new Date('2026-01-20T00:30:00+08:00').toISOString());
  });

  it('a rejection is recorded with its comment and changes nothing', async () => {
    const res = await decide(westManager, { repId: wes.userId, decision: 'reject', comment: 'New territory; give it a quarter' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ recommendation: 'demote', decision: 'rejected', effectiveOn: null, appliedAt: null });
    expect((await userOf(wes.userId!)).levelId).toBe(level.mid.id);
    expect(await historyOf(wes.userId!)).toHaveLength(1);
    expect((await notificationsOf(wes)).map((n) => n.kind)).not.toContain('level_changed');
    expect((await evaluationOf(wes.userId!, westManager)).decision).toMatchObject({
      decision: 'rejected',
      comment: 'New territory; give it a quarter',
    });
  });

  it('a hold has nothing to accept (422) and a bad date or period names the field', async () => {
    const hold = await decide(eastManager, { repId: hal.userId, decision: 'accept' });
    expect(hold.statusCode).toBe(422);
    expect(hold.json()).toMatchObject({ code: 'nothing_to_accept', errors: [{ path: 'decision' }] });
    expect((await decide(eastManager, { repId: hal.userId, decision: 'accept', effectiveOn: '2026-02-30' })).json().errors[0].path).toBe(
      'effectiveOn',
    );
    expect((await evaluations(eastManager, 'period=2025-Q5')).json().errors[0].path).toBe('period');
    expect((await decide(eastManager, { repId: hal.userId, decision: 'accept', comment: ' ' })).json().errors[0].path).toBe('comment');
    expect((await evaluationOf(hal.userId!)).decision).toBeNull();
  });
});

describe('who sees and decides evaluations', () => {
  it('a rep sees their own evaluation only', async () => {
    const own = await evaluations(wes);
    expect(own.json().data.map((e: { repId: string }) => e.repId)).toEqual([wes.userId]);
    expect((await evaluations(wes, `period=2025-Q4&repId=${rita.userId}`)).statusCode).toBe(404);
  });

  it('a manager sees their teams’ reps; another team or its rep is 404', async () => {
    expect((await evaluations(westManager)).json().data.map((e: { name: string }) => e.name)).toEqual(['Wes']);
    expect((await evaluations(westManager, `period=2025-Q4&teamId=${east.id}`)).statusCode).toBe(404);
    expect((await evaluations(westManager, `period=2025-Q4&repId=${rita.userId}`)).statusCode).toBe(404);
    expect((await evaluations(eastManager, `period=2025-Q4&teamId=${east.id}&repId=${jun.userId}`)).json().data).toHaveLength(1);
  });

  it('viewers and directors read the organisation; another organisation sees nothing of it', async () => {
    expect((await evaluations(viewer)).json().data.map((e: { name: string }) => e.name)).toEqual(['Hal', 'Jun', 'Rita', 'Wes']);
    expect((await evaluations(outsider, `period=2025-Q4&repId=${rita.userId}`)).statusCode).toBe(404);
    expect((await evaluations(outsider)).json().data).toEqual([]);
  });

  it('reps and viewers may not decide (403); another team’s manager or another organisation finds no such rep (404)', async () => {
    const before = await evaluationOf(hal.userId!);
    expect((await decide(hal, { repId: hal.userId, decision: 'reject' })).statusCode).toBe(403);
    expect((await decide(viewer, { repId: hal.userId, decision: 'reject' })).statusCode).toBe(403);
    expect((await decide(westManager, { repId: hal.userId, decision: 'reject' })).statusCode).toBe(404);
    expect((await decide(outsider, { repId: hal.userId, decision: 'reject' })).statusCode).toBe(404);
    expect(await evaluationOf(hal.userId!)).toEqual(before);
  });
});

describe('level criteria', () => {
  it('are the built-in ones until the organisation sets its own, readable by everyone', async () => {
    const res = await hal.get('/api/v1/level-criteria');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, gradeBands: DEFAULT_SCORING_SCHEME.gradeBands });
    expect(
      res
        .json()
        .steps.map((s: { direction: string; grade: string; minMonthsAtLevel: number | null }) => [
          s.direction,
          s.grade,
          s.minMonthsAtLevel,
        ]),
    ).toEqual([
      ['promote', 'B', 6],
      ['demote', 'D', null],
      ['promote', 'A', 18],
      ['demote', 'D', null],
    ]);
  });

  it('are replaced by directors and admins only, checked as a whole, naming steps.N.field; nothing is written on error', async () => {
    const good = {
      fromLevelId: level.mid.id,
      toLevelId: level.senior.id,
      direction: 'promote',
      periodKind: 'quarter',
      consecutivePeriods: 2,
    };
    const step = { ...good, grade: null, kpiMinimums: [{ kpi: 'newCustomers', min: '3' }], minMonthsAtLevel: null };
    expect((await eastManager.put('/api/v1/level-criteria', { steps: [step] })).statusCode).toBe(403);
    expect((await hal.put('/api/v1/level-criteria', { steps: [step] })).statusCode).toBe(403);
    const bad = await director.put('/api/v1/level-criteria', {
      steps: [
        step,
        { ...step, direction: 'demote' },
        { ...step, toLevelId: level.junior.id, grade: 'A+' },
        { ...step, fromLevelId: level.junior.id, toLevelId: level.mid.id, grade: 'B' },
        { ...step, fromLevelId: level.junior.id, toLevelId: level.mid.id, grade: 'B' },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'steps.1.toLevelId',
      'steps.1.toLevelId',
      'steps.2.toLevelId',
      'steps.2.grade',
      'steps.4.toLevelId',
    ]);
    const foreign = await outsider.put('/api/v1/level-criteria', { steps: [step] });
    expect(foreign.json().errors.map((e: { path: string }) => e.path)).toEqual(['steps.0.fromLevelId', 'steps.0.toLevelId']);
    expect((await director.put('/api/v1/level-criteria', { steps: [{ ...step, consecutivePeriods: 0 }] })).json().errors[0].path).toBe(
      'steps.0.consecutivePeriods',
    );
    expect((await hal.get('/api/v1/level-criteria')).json().isDefault).toBe(true);

    const saved = await director.put('/api/v1/level-criteria', { steps: [step] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isDefault: false, steps: [step] });
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=level_criteria&entityId=${acme.orgId}`)).json().data;
    expect(audit[0]).toMatchObject({ actorId: director.userId, changes: { isDefault: { before: true, after: false } } });
  });

  it('decide the evaluations from then on; an empty list returns to the built-in ones', async () => {
    // Wes (mid at the end of 2025-Q4) won no new customers: the KPI minimum fails with the figures; no demotion step.
    const wesEval = await evaluationOf(wes.userId!);
    expect(wesEval).toMatchObject({ recommendation: 'hold' });
    expect(wesEval.steps).toEqual([
      {
        toLevelId: level.senior.id,
        direction: 'promote',
        met: false,
        checks: [
          {
            kind: 'kpiMinimum',
            required: 'newCustomers ≥ 3 in each of 2 quarters',
            met: false,
            evidence: [
              { period: '2025-Q3', value: '0', met: false },
              { period: '2025-Q4', value: '0', met: false },
            ],
          },
        ],
      },
    ]);
    const reset = await acme.admin.put('/api/v1/level-criteria', { steps: [] });
    expect(reset.json()).toMatchObject({ isDefault: true });
    expect((await evaluationOf(wes.userId!)).recommendation).toBe('demote');
  });
});

describe('a promotion curriculum (decision 0029)', () => {
  it('adds a course check, judged today, to every promotion step from the level — none to demotions', async () => {
    const course = await director.post('/api/v1/courses', {
      title: 'Key account strategy',
      source: 'external',
      provider: 'Academy',
      category: 'sales_skills',
      format: 'classroom',
      durationMinutes: 480,
    });
    expect(course.statusCode, course.body).toBe(201);
    const courseId: string = course.json().id;
    const set = await director.put(`/api/v1/curricula/${level.mid.id}`, { required: [], forPromotion: [courseId] });
    expect(set.statusCode, set.body).toBe(200);
    // Hal completed it on 2026-01-04 (Shanghai); Wes never took it.
    await t.db.insert(enrolments).values({
      orgId: acme.orgId,
      id: newId(),
      courseId,
      repId: hal.userId!,
      source: 'manual',
      assignedVia: 'rep',
      status: 'completed',
      progress: 100,
      completedAt: new Date('2026-01-04T15:00:00+08:00'),
      createdAt: T0,
      updatedAt: T0,
    });
    const check = (met: boolean, value: string | null) => ({
      kind: 'course',
      courseId,
      required: 'Key account strategy',
      met,
      evidence: [{ period: '2026-01-05', value, met }],
    });
    const [halEval, wesEval] = [await evaluationOf(hal.userId!), await evaluationOf(wes.userId!)];
    expect(halEval.steps[0]).toMatchObject({ direction: 'promote', met: false });
    expect(halEval.steps[0].checks.at(-1)).toEqual(check(true, '2026-01-04'));
    expect(wesEval.steps[0].checks.at(-1)).toEqual(check(false, null));
    for (const e of [halEval, wesEval])
      expect(
        e.steps
          .filter((s: { direction: string }) => s.direction === 'demote')
          .flatMap((s: { checks: { kind: string }[] }) => s.checks.map((c) => c.kind)),
      ).not.toContain('course');
    // A demotion still wins: the course asks nothing of a demotion.
    expect(wesEval).toMatchObject({ recommendation: 'demote', toLevelId: level.junior.id });
  });
});
