import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedScorecardFixture } from '../../../test/scorecardFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { tiers } from '../tiers/tiers.table.ts';

/**
 * The role dashboards on the scorecard fixture (test/scorecardFixtures.ts: now 2026-09-20 12:00 +08, quarter 2026-Q3,
 * Ann and Bob in East under Mia, Cid in West under Wes; Ann's card 92.7 A, Bob's 28.3 D, Cid's 0.0 — asserted by hand
 * in scorecards.db.test.ts), plus, written here so no KPI of the quarter changes:
 * - open deals (short pipeline: qualify 20 %, quote 50 %, negotiate 75 %): the fixture's Ann 70000 moved to qualify;
 *   Ann 10000 at quote with its own 30 %; Ann 2000 at quote; Bob 30000 at negotiate (East); Cid 5000 at qualify (West);
 *   a deleted Ann deal;
 * - manual tasks: Ann due today 09:00 (overdue) and 18:00, tomorrow 00:30; Bob 09-01 (overdue); Cid 09-10 (overdue);
 * - customers for the pool (VIP: reclaim 60 days, warning 5), created 2026-01-01: P1 Ann, last contact 07-25 → warned
 *   from 09-18, back 09-23; P2 Bob, 08-01 → warned from 09-25 (not yet); P3 Cid, 07-01; P4 Ann, 07-24, warned 09-19 →
 *   back at max(09-22, 09-24) = 09-24; every fixture customer contacted today (no warning);
 * - Mia (a manager, in no leaderboard) won 1000.00 with P2 on 09-10.
 */
const t = await createTestApp();
const f = await seedScorecardFixture(t);
const { orgId, admin, other, mia, wes, east, west, ann, bob, cid, viewer } = f;
const at = (v: string) => new Date(v.includes('T') ? v : `${v}T10:00:00+08:00`);
const base = { orgId, createdAt: at('2026-01-01'), updatedAt: at('2026-01-01') };

const [short] = await t.db
  .select()
  .from(pipelines)
  .where(and(eq(pipelines.orgId, orgId), eq(pipelines.processType, 'short')));
const shortStages = await t.db
  .select()
  .from(stages)
  .where(and(eq(stages.orgId, orgId), eq(stages.pipelineId, short!.id)));
const stage = (key: string) => shortStages.find((s) => s.key === key)!.id;
await t.db
  .update(deals)
  .set({ stageId: stage('qualify') })
  .where(and(eq(deals.orgId, orgId), eq(deals.amount, '70000.00')));
const openDeal = (owner: Caller, teamId: string, key: string, amount: string, probability: number | null = null, deleted = false) => ({
  ...base,
  id: newId(),
  name: `open ${amount}`,
  pipelineId: short!.id,
  stageId: stage(key),
  ownerId: owner.userId!,
  teamId,
  amount,
  probability,
  stageEnteredAt: at('2026-09-01'),
  deletedAt: deleted ? at('2026-09-02') : null,
});
await t.db
  .insert(deals)
  .values([
    openDeal(ann, east.id, 'quote', '10000.00', 30),
    openDeal(ann, east.id, 'quote', '2000.00'),
    openDeal(bob, east.id, 'negotiate', '30000.00'),
    openDeal(cid, west.id, 'qualify', '5000.00'),
    openDeal(ann, east.id, 'qualify', '999.00', null, true),
  ]);
const task = (who: Caller, teamId: string, dueAt: string) => ({
  ...base,
  id: newId(),
  title: 'call back',
  dueAt: at(dueAt),
  assigneeId: who.userId!,
  teamId,
  status: 'open' as const,
  source: 'manual' as const,
});
await t.db
  .insert(tasks)
  .values([
    task(ann, east.id, '2026-09-20T09:00:00+08:00'),
    task(ann, east.id, '2026-09-20T18:00:00+08:00'),
    task(ann, east.id, '2026-09-21T00:30:00+08:00'),
    task(bob, east.id, '2026-09-01'),
    task(cid, west.id, '2026-09-10'),
  ]);
await t.db.update(customers).set({ lastContactAt: t.clock.now() }).where(eq(customers.orgId, orgId));
const tierRows = await t.db.select().from(tiers).where(eq(tiers.orgId, orgId));
const tierId = (key: string) => tierRows.find((r) => r.key === key)!.id;
const poolCustomer = (name: string, owner: Caller, teamId: string, lastContact: string, warned: string | null = null) => ({
  ...base,
  id: newId(),
  name,
  tierId: tierId('vip'),
  ownerId: owner.userId!,
  teamId,
  lastContactAt: at(lastContact),
  poolWarnedAt: warned ? at(warned) : null,
});
const p1 = poolCustomer('P1', ann, east.id, '2026-07-25');
const p2 = poolCustomer('P2', bob, east.id, '2026-08-01');
const p3 = poolCustomer('P3', cid, west.id, '2026-07-01');
const p4 = poolCustomer('P4', ann, east.id, '2026-07-24', '2026-09-19');
await t.db.insert(customers).values([p1, p2, p3, p4]);
await t.db.insert(deals).values({
  ...base,
  id: newId(),
  name: 'Mia won',
  pipelineId: short!.id,
  stageId: stage('won'),
  customerId: p2.id,
  ownerId: mia.userId!,
  teamId: east.id,
  amount: '1000.00',
  stageEnteredAt: at('2026-09-10'),
  closedAt: at('2026-09-10'),
});

const get = async (caller: Caller, url: string, status = 200) => {
  const res = await caller.get(url);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};
type Snap = { pipelineId: string; stageKey: string; count: number; amount: string; weightedAmount: string };
const shortOf = (rows: Snap[]) =>
  rows.filter((r) => r.pipelineId === short!.id).map((r) => [r.stageKey, r.count, r.amount, r.weightedAmount]);
const othersEmpty = (rows: Snap[]) => rows.filter((r) => r.pipelineId !== short!.id).every((r) => r.count === 0 && r.amount === '0.00');

describe('rep dashboard', () => {
  it("shows the rep's open pipeline by stage, tasks and this quarter's targets", async () => {
    const d = await get(ann, '/api/v1/analytics/dashboard/rep');
    expect(d.rep).toEqual({ id: ann.userId, name: 'Ann', teamId: east.id, levelId: f.junior });
    expect(shortOf(d.pipeline)).toEqual([
      ['qualify', 1, '70000.00', '14000.00'], // 70000 × 20 %
      ['quote', 2, '12000.00', '4000.00'], // 10000 × 30 % + 2000 × 50 %
      ['negotiate', 0, '0.00', '0.00'],
    ]);
    expect(othersEmpty(d.pipeline)).toBe(true);
    expect(d.pipeline.map((r: { processType: string }) => r.processType)[0]).toBe('short');
    // open: fixture 08-20 (overdue) and 09-25, today 09:00 (overdue) and 18:00, tomorrow 00:30
    expect(d.tasks).toEqual({ open: 5, dueToday: 2, overdue: 2 });
    expect(d.targets).toMatchObject({ period: '2026-Q3', from: '2026-07-01', to: '2026-10-01', total: 92.7, grade: 'A' });
    expect(d.targets.kpis[0]).toEqual({
      kpi: 'revenueWon',
      actual: '175000.00',
      target: '100000.00',
      targetSource: 'rep',
      attainment: 1.75,
    });
  });

  it('is open to the manager of the rep’s team, a director/admin and a viewer; 404 to anyone else', async () => {
    for (const caller of [mia, admin, viewer]) {
      const d = await get(caller, `/api/v1/analytics/dashboard/rep?repId=${bob.userId}`);
      expect(d.rep.name).toBe('Bob');
      expect(d.targets).toMatchObject({ total: 28.3, grade: 'D' });
    }
    // Mia sees Bob's deals of her team
    expect(shortOf((await get(mia, `/api/v1/analytics/dashboard/rep?repId=${bob.userId}`)).pipeline)[2]).toEqual([
      'negotiate',
      1,
      '30000.00',
      '22500.00',
    ]);
    await get(ann, `/api/v1/analytics/dashboard/rep?repId=${bob.userId}`, 404);
    await get(wes, `/api/v1/analytics/dashboard/rep?repId=${ann.userId}`, 404);
    await get(other, `/api/v1/analytics/dashboard/rep?repId=${ann.userId}`, 404);
    await get(ann, `/api/v1/analytics/dashboard/rep?repId=${ann.userId}`);
  });
});

describe('manager dashboard', () => {
  it('composes funnel, attainment, overdue follow-ups, pool warnings and level recommendations of the team', async () => {
    const d = await get(mia, '/api/v1/analytics/dashboard/manager');
    expect(d.teams).toEqual([{ id: east.id, name: 'East' }]);
    expect(shortOf(d.funnel)).toEqual([
      ['qualify', 1, '70000.00', '14000.00'],
      ['quote', 2, '12000.00', '4000.00'],
      ['negotiate', 1, '30000.00', '22500.00'], // Bob's; Cid's West deal is not the team's
    ]);
    expect(d.attainment.period).toBe('2026-Q3');
    expect(d.attainment.reps.map((r: { name: string; total: number; grade: string }) => [r.name, r.total, r.grade])).toEqual([
      ['Ann', 92.7, 'A'],
      ['Bob', 28.3, 'D'],
    ]);
    expect(d.attainment.reps[1].kpis[0]).toEqual({ kpi: 'revenueWon', actual: '100000.00', target: '200000.00', attainment: 0.5 });
    expect(d.overdueFollowUps).toEqual([
      { repId: ann.userId, name: 'Ann', overdue: 2, oldestDueAt: '2026-08-20T02:00:00.000Z' },
      { repId: bob.userId, name: 'Bob', overdue: 1, oldestDueAt: '2026-09-01T02:00:00.000Z' },
    ]);
    expect(d.poolWarnings.count).toBe(2);
    expect(d.poolWarnings.customers).toEqual([
      {
        customerId: p1.id,
        name: 'P1',
        ownerId: ann.userId,
        ownerName: 'Ann',
        tierId: tierId('vip'),
        lastTouchAt: '2026-07-25T02:00:00.000Z',
        warnedAt: null,
        reclaimAt: '2026-09-23T02:00:00.000Z', // 07-25 + 60 days
      },
      {
        customerId: p4.id,
        name: 'P4',
        ownerId: ann.userId,
        ownerName: 'Ann',
        tierId: tierId('vip'),
        lastTouchAt: '2026-07-24T02:00:00.000Z',
        warnedAt: '2026-09-19T02:00:00.000Z',
        reclaimAt: '2026-09-24T02:00:00.000Z', // warned 09-19 + 5 days, later than 07-24 + 60 days
      },
    ]);
    const rec = d.levelRecommendations;
    expect(rec).toMatchObject({ period: '2026-Q2', from: '2026-04-01', to: '2026-07-01' });
    expect(rec.reps.map((r: { name: string }) => r.name).sort()).toEqual(['Ann', 'Bob']);
    // Both were junior at the end of Q2 (Bob became mid on 08-15): nothing below to demote to, and Q2 has almost
    // nothing on record, so no promotion step is met — both hold.
    expect([rec.promote, rec.hold, rec.demote]).toEqual([0, 2, 0]);
    expect(rec.reps.every((r: { recommendation: string; decided: unknown }) => r.recommendation === 'hold' && r.decided === null)).toBe(
      true,
    );
  });

  it('a director names the team; another team is 404 to its non-manager; reps are refused', async () => {
    const byAdmin = await get(admin, `/api/v1/analytics/dashboard/manager?teamId=${east.id}`);
    const byMia = await get(mia, `/api/v1/analytics/dashboard/manager?teamId=${east.id}`);
    expect(byAdmin).toEqual(byMia);
    const res = await admin.get('/api/v1/analytics/dashboard/manager');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('teamId');
    await get(wes, `/api/v1/analytics/dashboard/manager?teamId=${east.id}`, 404);
    await get(other, `/api/v1/analytics/dashboard/manager?teamId=${east.id}`, 404);
    await get(ann, '/api/v1/analytics/dashboard/manager', 403);
    const westView = await get(wes, '/api/v1/analytics/dashboard/manager');
    expect(westView.poolWarnings.customers.map((c: { name: string }) => c.name)).toEqual(['P3']);
    expect(westView.overdueFollowUps).toEqual([{ repId: cid.userId, name: 'Cid', overdue: 1, oldestDueAt: '2026-09-10T02:00:00.000Z' }]);
    expect(westView.teams).toEqual([{ id: west.id, name: 'West' }]);
  });
});

describe('director dashboard', () => {
  it('revenue by tier and process type against the previous quarter, open pipeline, leaderboard', async () => {
    const d = await get(admin, '/api/v1/analytics/dashboard/director');
    expect(d.quarter).toEqual({ period: '2026-Q3', from: '2026-07-01', to: '2026-10-01' });
    expect(d.previousQuarter).toEqual({ period: '2026-Q2', from: '2026-04-01', to: '2026-07-01' });
    const fixtureTier = (await t.db.select().from(customers).where(eq(customers.orgId, orgId))).find((c) => c.name === 'A1')!.tierId;
    const row = (id: string | null) => d.revenueByTier.find((r: { tierId: string | null }) => r.tierId === id);
    // the fixture's won deals have no customer: Q3 Ann 100000 + 50000 + 25000, Bob 60000 + 40000; Q2 Ann 30000
    expect(row(null).wonDealAmount).toEqual({ current: '275000.00', previous: '30000.00', growth: '8.1667' });
    // Mia's 1000 with P2 (VIP)
    expect(row(tierId('vip')).wonDealAmount).toEqual({ current: '1000.00', previous: '0.00', growth: null });
    // fixture orders of 100.00: Q3 A3, A1, B1 (A4 deleted); Q2 A3
    expect(row(fixtureTier).orderAmount).toEqual({ current: '300.00', previous: '100.00', growth: '2.0000' });
    expect(d.revenueByTier.map((r: { key: string | null }) => r.key)).toEqual(['ka', 'vip', 'smb', null]);
    expect(d.revenueByProcessType).toEqual([
      { processType: 'short', wonDealAmount: { current: '276000.00', previous: '30000.00', growth: '8.2000' } },
      { processType: 'long', wonDealAmount: { current: '0.00', previous: '0.00', growth: null } },
      { processType: 'project', wonDealAmount: { current: '0.00', previous: '0.00', growth: null } },
    ]);
    // 70000 + 10000 + 2000 + 30000 + 5000; 14000 + 3000 + 1000 + 22500 + 1000
    expect(d.openPipeline).toEqual({ count: 5, amount: '117000.00', weightedAmount: '41500.00' });
    expect(d.leaderboard.map((r: { rank: number; name: string; value: string }) => [r.rank, r.name, r.value])).toEqual([
      [1, 'Ann', '92.7'],
      [2, 'Bob', '28.3'],
      [3, 'Cid', '0.0'],
    ]);
  });

  it('is for directors, admins and viewers; another organisation sees only its own', async () => {
    await get(mia, '/api/v1/analytics/dashboard/director', 403);
    await get(ann, '/api/v1/analytics/dashboard/director', 403);
    expect((await get(viewer, '/api/v1/analytics/dashboard/director')).openPipeline.count).toBe(5);
    const o = await get(other, '/api/v1/analytics/dashboard/director');
    expect(o.openPipeline).toEqual({ count: 0, amount: '0.00', weightedAmount: '0.00' });
    expect(o.leaderboard).toEqual([]);
    expect(o.revenueByTier.every((r: { wonDealAmount: { current: string } }) => r.wonDealAmount.current === '0.00')).toBe(true);
  });
});
