import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, signIn } from '../../../test/testApp.ts';
import { rowsOf } from '../../db/rows.ts';
import { users } from '../users/users.table.ts';
import { onCustomerContacted } from './followUp.hooks.ts';
import { runPlans } from './tasks.jobs.ts';
import { planEnrollments, tasks } from './tasks.table.ts';

/**
 * Follow-up plans on one timeline driven by the injected clock: "day 0 call, day 3 email, day 7 visit".
 * Plans are designed by admins, directors and managers; anyone who may change a customer or deal
 * enrolls it by hand; the plans job enrolls the customers of the plan's tier and the deals of its stage.
 */
const t = await createTestApp();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = t.clock.now();
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);
const goTo = (days: number, ms = 0) => t.clock.set(at(days, ms));
const STEPS = [
  { dayOffset: 0, kind: 'call', title: 'Welcome call' },
  { dayOffset: 3, kind: 'email', title: 'Send the catalogue' },
  { dayOffset: 7, kind: 'visit', title: 'Visit' },
];
let s: SalesOrg;
let tierIds: Record<string, string>;
let vipCustomer: string;

async function fresh(caller: Caller) {
  const [u] = await t.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, caller.userId as string));
  return signIn(t, u.email);
}
const planTasks = (where: { customerId?: string; dealId?: string }) =>
  t.db
    .select()
    .from(tasks)
    .where(
      and(
        eq(tasks.source, 'plan'),
        where.customerId ? eq(tasks.customerId, where.customerId) : undefined,
        where.dealId ? eq(tasks.dealId, where.dealId) : undefined,
      ),
    )
    .orderBy(tasks.stepIndex);
const enrollmentsOf = (planId: string) => t.db.select().from(planEnrollments).where(eq(planEnrollments.planId, planId));
const plans = () => runPlans(t.db, t.clock.now());
const stage = (key: string) => s.short.stages.find((x) => x.key === key)!.id;

beforeAll(async () => {
  s = await seedSalesOrg(t);
  tierIds = Object.fromEntries(
    ((await s.acme.admin.get('/api/v1/tiers')).json().data as { id: string; key: string }[]).map((x) => [x.key, x.id]),
  );
  vipCustomer = (await s.acme.admin.post('/api/v1/customers', { name: 'VIP one', tierId: tierIds.vip, ownerId: s.eastRep.userId })).json()
    .id;
  await s.acme.admin.post('/api/v1/customers', { name: 'VIP in pool', tierId: tierIds.vip, ownerId: null });
});

describe('designing plans', () => {
  it('lets admins, directors and managers create plans, with their steps checked', async () => {
    const res = await s.eastManager.post('/api/v1/follow-up-plans', {
      name: 'Probe',
      target: 'customer',
      tierId: tierIds.ka,
      steps: STEPS,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ target: 'customer', tierId: tierIds.ka, stageId: null, active: true, version: 1 });
    expect(res.json().enrollmentCounts).toEqual({ active: 0, completed: 0, stopped: 0 });
    for (const c of [s.eastRep, s.viewer])
      expect(
        (await c.post('/api/v1/follow-up-plans', { name: 'x', target: 'customer', tierId: tierIds.ka, steps: STEPS })).statusCode,
      ).toBe(403);
    const before = (await s.acme.admin.get('/api/v1/follow-up-plans')).json().data.length;
    const descending = await s.director.post('/api/v1/follow-up-plans', {
      name: 'Backwards',
      target: 'customer',
      tierId: tierIds.ka,
      steps: [STEPS[1], STEPS[0]],
    });
    expect(descending.statusCode).toBe(422);
    expect(descending.json().errors).toEqual([{ path: 'steps.1.dayOffset', message: 'must not come before step 1 (day 3)' }]);
    const mixed = await s.director.post('/api/v1/follow-up-plans', { name: 'Mixed', target: 'deal', tierId: tierIds.ka, steps: STEPS });
    expect(mixed.json().errors.map((e: { path: string }) => e.path)).toEqual(['stageId', 'tierId']);
    const closed = await s.director.post('/api/v1/follow-up-plans', { name: 'Won', target: 'deal', stageId: stage('won'), steps: STEPS });
    expect(closed.json().errors).toEqual([{ path: 'stageId', message: 'a won or lost stage: its deals are closed' }]);
    const foreignTier = (await s.globex.admin.get('/api/v1/tiers')).json().data[0].id;
    const foreign = await s.director.post('/api/v1/follow-up-plans', { name: 'F', target: 'customer', tierId: foreignTier, steps: STEPS });
    expect(foreign.json().errors).toEqual([{ path: 'tierId', message: 'no such tier' }]);
    const tooMany = await s.director.post('/api/v1/follow-up-plans', {
      name: 'Long',
      target: 'customer',
      tierId: tierIds.ka,
      steps: Array.from({ length: 21 }, (_, i) => ({ dayOffset: i, kind: 'call', title: `Step ${i}` })),
    });
    expect(tooMany.statusCode).toBe(400);
    expect((await s.acme.admin.get('/api/v1/follow-up-plans')).json().data.length).toBe(before);
  });

  it('shows plans to the organisation only; changes them with their version; deletes only an unused plan', async () => {
    const plan = (
      await s.director.post('/api/v1/follow-up-plans', { name: 'Draft', target: 'customer', tierId: tierIds.ka, steps: STEPS })
    ).json();
    const url = `/api/v1/follow-up-plans/${plan.id}`;
    expect((await s.viewer.get(url)).statusCode).toBe(200);
    expect((await s.eastRep.get(url)).headers.etag).toBe('"1"');
    expect((await s.globex.admin.get(url)).statusCode).toBe(404);
    expect((await s.globex.admin.get('/api/v1/follow-up-plans')).json().data).toEqual([]);
    expect((await s.globex.admin.patch(url, { name: 'x', version: 1 })).statusCode).toBe(404);
    expect((await s.eastRep.patch(url, { name: 'x', version: 1 })).statusCode).toBe(403);
    expect((await s.westManager.patch(url, { name: 'x' })).statusCode).toBe(428);
    expect((await s.westManager.patch(url, { name: 'x', version: 3 })).statusCode).toBe(409);
    const renamed = await s.westManager.patch(url, { name: 'Renamed', steps: [STEPS[0]], version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Renamed', steps: [STEPS[0]], version: 2 });
    expect((await s.westManager.patch(url, { steps: [STEPS[2], STEPS[0]], version: 2 })).statusCode).toBe(422);
    const list = (await s.eastRep.get('/api/v1/follow-up-plans?target=customer&active=true&limit=1')).json();
    expect(list.data).toHaveLength(1);
    expect(list.nextCursor).not.toBeNull();
    expect((await s.eastRep.delete(`${url}?version=2`)).statusCode).toBe(403);
    expect((await s.globex.admin.delete(`${url}?version=2`)).statusCode).toBe(404);
    expect((await s.director.delete(`${url}?version=1`)).statusCode).toBe(409);
    expect((await s.director.delete(`${url}?version=2`)).statusCode).toBe(204);
    expect((await s.director.get(url)).statusCode).toBe(404);
  });
});

describe('a customer plan', () => {
  let plan: { id: string; version: number };

  beforeAll(async () => {
    plan = (
      await s.director.post('/api/v1/follow-up-plans', { name: 'VIP welcome', target: 'customer', tierId: tierIds.vip, steps: STEPS })
    ).json();
  });

  it('enrolls the owned customers of its tier once, and makes each step’s task when its day comes', async () => {
    expect(await plans()).toMatchObject({ enrolled: 1, stepTasks: 1 });
    const [enrollment] = await enrollmentsOf(plan.id);
    expect(enrollment).toMatchObject({ customerId: vipCustomer, dealId: null, nextStep: 1, status: 'active', startedAt: at(0) });
    expect(await planTasks({ customerId: vipCustomer })).toMatchObject([
      {
        title: 'Welcome call',
        activityKind: 'call',
        assigneeId: s.eastRep.userId,
        teamId: s.east.id,
        dueAt: at(0),
        enrollmentId: enrollment.id,
        stepIndex: 0,
        status: 'open',
      },
    ]);
    goTo(3, -1);
    expect(await plans()).toMatchObject({ enrolled: 0, stepTasks: 0 });
    goTo(3);
    expect(await plans()).toMatchObject({ stepTasks: 1 });
    goTo(7);
    expect(await plans()).toMatchObject({ stepTasks: 1 });
    expect((await planTasks({ customerId: vipCustomer })).map((x) => [x.title, x.dueAt.toISOString()])).toEqual([
      ['Welcome call', at(0).toISOString()],
      ['Send the catalogue', at(3).toISOString()],
      ['Visit', at(7).toISOString()],
    ]);
    expect((await enrollmentsOf(plan.id))[0]).toMatchObject({ status: 'completed', nextStep: 3, endedAt: at(7) });
    expect(await plans()).toMatchObject({ enrolled: 0, stepTasks: 0 });
    const view = (await (await fresh(s.director)).get(`/api/v1/follow-up-plans/${plan.id}`)).json();
    expect(view.enrollmentCounts).toEqual({ active: 0, completed: 1, stopped: 0 });
  });

  it('stops when the customer answers, cancelling the plan’s open tasks; an unanswered call does not', async () => {
    const admin = await fresh(s.acme.admin);
    const answering = (await admin.post('/api/v1/customers', { name: 'VIP two', tierId: tierIds.vip, ownerId: s.westRep.userId })).json()
      .id;
    await plans();
    goTo(10);
    await plans();
    expect((await planTasks({ customerId: answering })).map((x) => x.status)).toEqual(['open', 'open']);
    await t.db.transaction((tx) => onCustomerContacted(tx, { orgId: s.acme.orgId, customerId: answering, at: at(10), answered: false }));
    expect((await planTasks({ customerId: answering })).map((x) => x.status)).toEqual(['open', 'open']);

    // Completing the day-3 task with an answered call stops the plan; the day-0 task is cancelled.
    const rep = await fresh(s.westRep);
    const [, day3] = await planTasks({ customerId: answering });
    const res = await rep.post(`/api/v1/tasks/${day3.id}/complete`, { version: day3.version, activity: { outcome: 'reached' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await planTasks({ customerId: answering })).map((x) => x.status)).toEqual(['cancelled', 'done']);
    const enrollment = (await enrollmentsOf(plan.id)).find((e) => e.customerId === answering)!;
    expect(enrollment).toMatchObject({ status: 'stopped', stopReason: 'answered', endedAt: at(10) });
    goTo(20);
    await plans();
    expect(await planTasks({ customerId: answering })).toHaveLength(2);
  });

  it('lets whoever may change a customer enroll it by hand once, and stop it; others get 404 or 403', async () => {
    const manager = await fresh(s.eastManager);
    const url = `/api/v1/follow-up-plans/${plan.id}/enrollments`;
    const body = { customerId: s.customer.id }; // an SMB customer of the East rep: by hand, any tier
    for (const c of [s.westRep, s.westManager, s.globex.admin]) expect((await (await fresh(c)).post(url, body)).statusCode).toBe(404);
    expect((await (await fresh(s.viewer)).post(url, body)).statusCode).toBe(403);
    expect((await manager.post(url, { dealId: crypto.randomUUID() })).statusCode).toBe(422);
    expect((await manager.post(url, {})).statusCode).toBe(400);
    const res = await manager.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    const enrollment = res.json();
    expect(enrollment).toMatchObject({ customerId: s.customer.id, nextStep: 1, nextStepAt: at(23).toISOString(), status: 'active' });
    expect((await planTasks({ customerId: s.customer.id })).map((x) => [x.title, x.assigneeId, x.dueAt])).toEqual([
      ['Welcome call', s.eastRep.userId, at(20)],
    ]);
    expect((await manager.post(url, body)).json().code).toBe('already_enrolled');

    const rep = await fresh(s.eastRep);
    expect((await rep.get(url)).json().data.map((e: { customerId: string }) => e.customerId)).toContain(s.customer.id);
    const west = (await (await fresh(s.westRep)).get(url)).json().data.map((e: { customerId: string }) => e.customerId);
    expect(west).not.toContain(s.customer.id);
    expect(west).not.toContain(vipCustomer);
    expect((await (await fresh(s.globex.admin)).get(url)).statusCode).toBe(404);

    const stop = `${url}/${enrollment.id}`;
    for (const c of [s.westRep, s.westManager]) expect((await (await fresh(c)).delete(stop)).statusCode).toBe(404);
    expect((await (await fresh(s.globex.admin)).delete(stop)).statusCode).toBe(404);
    expect((await (await fresh(s.viewer)).delete(stop)).statusCode).toBe(403);
    const stopped = await rep.delete(stop);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: 'stopped', stopReason: 'manual', nextStepAt: null });
    expect((await planTasks({ customerId: s.customer.id }))[0].status).toBe('cancelled');
    expect((await rep.delete(stop)).json().code).toBe('enrollment_not_active');
  });

  it('stops its active enrollments when deactivated', async () => {
    const admin = await fresh(s.acme.admin);
    const late = (await admin.post('/api/v1/customers', { name: 'VIP three', tierId: tierIds.vip, ownerId: s.eastRep.userId })).json().id;
    await plans();
    const current = (await admin.get(`/api/v1/follow-up-plans/${plan.id}`)).json();
    const off = await admin.patch(`/api/v1/follow-up-plans/${plan.id}`, { active: false, version: current.version });
    expect(off.statusCode, off.body).toBe(200);
    expect((await enrollmentsOf(plan.id)).find((e) => e.customerId === late)).toMatchObject({
      status: 'stopped',
      stopReason: 'plan_deactivated',
    });
    expect((await planTasks({ customerId: late })).map((x) => x.status)).toEqual(['cancelled']);
    expect((await admin.post(`/api/v1/follow-up-plans/${plan.id}/enrollments`, { customerId: vipCustomer })).statusCode).toBe(409);
  });
});

describe('a deal plan', () => {
  it('enrolls open deals of its stage and stops when the deal closes, cancelling its open tasks', async () => {
    const director = await fresh(s.director);
    const plan = (
      await director.post('/api/v1/follow-up-plans', { name: 'Qualify push', target: 'deal', stageId: stage('qualify'), steps: STEPS })
    ).json();
    const rep = await fresh(s.eastRep);
    const deal = await openDeal(s, rep, { customerId: s.customer.id, name: 'Closing deal' });
    const other = await openDeal(s, rep, { name: 'Other deal' });
    expect(await plans()).toMatchObject({ enrolled: 2, stepTasks: 2 });
    expect(await planTasks({ dealId: deal.id })).toMatchObject([{ customerId: s.customer.id, assigneeId: s.eastRep.userId, stepIndex: 0 }]);
    goTo(24);
    await plans();
    expect(await planTasks({ dealId: deal.id })).toHaveLength(2);

    const lost = await rep.post(`/api/v1/deals/${deal.id}/move`, { stageId: stage('lost'), lossReason: 'budget', version: deal.version });
    expect(lost.statusCode, lost.body).toBe(200);
    // The move itself stops the plan (no wait for the plans job), and the job finds nothing left to stop.
    expect((await enrollmentsOf(plan.id)).find((e) => e.dealId === deal.id)).toMatchObject({
      status: 'stopped',
      stopReason: 'deal_closed',
    });
    expect(await plans()).toMatchObject({ stopped: 0 });
    expect((await planTasks({ dealId: deal.id })).map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    goTo(30);
    await plans();
    expect(await planTasks({ dealId: deal.id })).toHaveLength(2);
    expect(await planTasks({ dealId: other.id })).toHaveLength(3);
    // A closed deal cannot be enrolled by hand either.
    const manual = await (await fresh(s.eastRep)).post(`/api/v1/follow-up-plans/${plan.id}/enrollments`, { dealId: deal.id });
    expect(manual.json().code).toBe('deal_closed');
    const enrolled = rowsOf<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from plan_enrollments where deal_id = ${deal.id}`),
    );
    expect(enrolled[0].n).toBe(1);
  });
});
