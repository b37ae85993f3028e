import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedScorecardFixture } from '../../../test/scorecardFixtures.ts';
import { createTestApp } from '../../../test/testApp.ts';
import { jobHandlers } from '../../jobs.ts';
import { newId } from '../../platform/ids.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { deals } from '../deals/deals.table.ts';
import { dashboardSnapshots } from './analytics.table.ts';
import { SNAPSHOT_REFRESH_JOB } from './dashboardSnapshots.usecases.ts';

/**
 * The director's dashboard as a snapshot (decision 0034): fresh for 2 minutes, then served while a job recomputes
 * it, computed before answering after 15 minutes or on `refresh=true`. Each organisation has its own.
 */
const t = await createTestApp();
const { orgId, admin, viewer, other, ann, mia, wes, east } = await seedScorecardFixture(t);
const MINUTE = 60_000;
const runner = createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlers });
const director = async (query = '') => {
  const res = await admin.get(`/api/v1/analytics/dashboard/director${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { computedAt: string; openPipeline: { count: number; amount: string } };
};
const refreshJobs = () =>
  t.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, SNAPSHOT_REFRESH_JOB), eq(jobs.orgId, orgId)));
/** A new open deal of Ann's: the live figure moves by one, the snapshot does not until it is recomputed. */
const [template] = await t.db
  .select()
  .from(deals)
  .where(and(eq(deals.orgId, orgId), eq(deals.ownerId, ann.userId!), isNull(deals.closedAt), isNull(deals.deletedAt)))
  .limit(1);
const addOpenDeal = () =>
  t.db.insert(deals).values({ ...template!, id: newId(), name: 'new', amount: '100.00', deletedAt: null, version: 1 });

describe('the director dashboard snapshot', () => {
  let first: Awaited<ReturnType<typeof director>>;

  it('is computed on the first look and says when', async () => {
    first = await director();
    expect(first.computedAt).toBe(t.clock.now().toISOString());
    expect(await director()).toEqual(first);
  });

  it('is served as it is while fresh, whatever changed meanwhile, and a viewer sees the same', async () => {
    await addOpenDeal();
    t.clock.advance(MINUTE);
    expect(await director()).toEqual(first);
    expect((await viewer.get('/api/v1/analytics/dashboard/director')).json()).toEqual(first);
    expect(await refreshJobs()).toHaveLength(0);
  });

  it('once stale, is served still and a job recomputes it (one job however many look)', async () => {
    t.clock.advance(2 * MINUTE);
    expect(await director()).toEqual(first);
    expect(await director()).toEqual(first);
    expect(await refreshJobs()).toHaveLength(1);
    const jobRanAt = t.clock.now().toISOString();
    expect(await runner.runDueJobs()).toMatchObject({ succeeded: 1, failed: 0 });
    const after = await director();
    expect(after.computedAt).toBe(jobRanAt);
    expect(after.openPipeline.count).toBe(first.openPipeline.count + 1);
  });

  it('is computed now on refresh=true, and before answering once 15 minutes old', async () => {
    await addOpenDeal();
    t.clock.advance(MINUTE);
    const refreshed = await director('?refresh=true');
    expect(refreshed.computedAt).toBe(t.clock.now().toISOString());
    expect(refreshed.openPipeline.count).toBe(first.openPipeline.count + 2);

    await addOpenDeal();
    t.clock.advance(15 * MINUTE);
    const expired = await director();
    expect(expired.computedAt).toBe(t.clock.now().toISOString());
    expect(expired.openPipeline.count).toBe(first.openPipeline.count + 3);
  });

  it('is each organisation’s own', async () => {
    const elsewhere = (await other.get('/api/v1/analytics/dashboard/director')).json();
    expect(elsewhere.openPipeline).toEqual({ count: 0, amount: '0.00', weightedAmount: '0.00' });
    expect(elsewhere.computedAt).toBe(t.clock.now().toISOString());
  });

  it('refuses a refresh flag that is not true or false, naming it', async () => {
    const res = await admin.get('/api/v1/analytics/dashboard/director?refresh=yes');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'refresh' })]);
  });
});

/**
 * Every other figure is a snapshot too (decision 0035), but whose depends on the viewer: a manager's is their own
 * and keyed by their teams, so it follows them when their teams change; org-wide viewers share one.
 */
type Manager = { computedAt: string; teams: { id: string }[]; funnel: { count: number }[] };
const managerView = async (who: typeof mia, query = '') => {
  const res = await who.get(`/api/v1/analytics/dashboard/manager${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as Manager;
};
const openCount = (m: Manager) => m.funnel.reduce((n, s) => n + s.count, 0);

describe('the manager dashboard snapshot', () => {
  let first: Manager;

  it('is the manager’s own: another manager, or an admin naming the team, does not read it', async () => {
    t.clock.advance(20 * MINUTE);
    first = await managerView(mia);
    expect(first.computedAt).toBe(t.clock.now().toISOString());
    await addOpenDeal();
    t.clock.advance(MINUTE);
    expect(await managerView(mia)).toEqual(first);
    const wesView = await managerView(wes);
    expect(wesView.computedAt).toBe(t.clock.now().toISOString());
    expect(wesView.teams.map((x) => x.id)).not.toContain(east.id);
    const adminView = await managerView(admin, `?teamId=${east.id}`);
    expect(adminView.computedAt).toBe(t.clock.now().toISOString());
    expect(openCount(adminView)).toBe(openCount(first) + 1);
  });

  it('once stale, is recomputed by the job as the manager sees it now', async () => {
    t.clock.advance(2 * MINUTE);
    expect(await managerView(mia)).toEqual(first);
    const jobRanAt = t.clock.now().toISOString();
    expect(await runner.runDueJobs()).toMatchObject({ succeeded: 1, failed: 0 });
    const after = await managerView(mia);
    expect(after.computedAt).toBe(jobRanAt);
    expect(openCount(after)).toBe(openCount(first) + 1);
  });

  it('is not served to a manager who lost the team since, nor recomputed for them by a job queued before', async () => {
    t.clock.advance(3 * MINUTE);
    const stale = await managerView(mia); // queues a refresh as Mia with East
    const team = (await admin.get(`/api/v1/teams/${east.id}`)).json();
    expect((await admin.patch(`/api/v1/teams/${east.id}`, { managerId: wes.userId, version: team.version })).statusCode).toBe(200);
    const mine = await managerView(mia);
    expect(mine.teams).toEqual([]);
    expect(openCount(mine)).toBe(0);
    expect((await managerView(wes)).teams.map((x) => x.id)).toContain(east.id);
    // The job finds Mia without East: it computes nothing, and her old snapshot stays as it was, to expire.
    expect(await runner.runDueJobs()).toMatchObject({ succeeded: 1, failed: 0 });
    const old = await t.db
      .select({ computedAt: dashboardSnapshots.computedAt })
      .from(dashboardSnapshots)
      .where(and(eq(dashboardSnapshots.orgId, orgId), eq(dashboardSnapshots.kind, 'dashboard/manager')));
    expect(old.map((r) => r.computedAt.toISOString())).toContain(stale.computedAt);
  });
});

describe('keeping snapshots', () => {
  it('drops those not computed for a day when the organisation saves another', async () => {
    const ofOrg = () =>
      t.db.select({ computedAt: dashboardSnapshots.computedAt }).from(dashboardSnapshots).where(eq(dashboardSnapshots.orgId, orgId));
    expect((await ofOrg()).length).toBeGreaterThan(1);
    t.clock.advance(24 * 60 * MINUTE + 1);
    const now = (await director()).computedAt;
    expect((await ofOrg()).map((r) => r.computedAt.toISOString())).toEqual([now]);
    expect((await other.get('/api/v1/analytics/dashboard/director')).statusCode).toBe(200); // another organisation's stay its own
  });
});
