import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, signIn } from '../../../test/testApp.ts';
import { jobHandlers } from '../../jobs.ts';
import { createJobRunner } from '../../platform/jobs/jobs.runner.ts';
import { jobs } from '../../platform/jobs/jobs.table.ts';
import { customers } from '../customers/customers.table.ts';
import { notifications } from '../notifications/notifications.table.ts';
import { users } from '../users/users.table.ts';
import { onCustomerContacted } from './followUp.hooks.ts';
import { runCadence, runReminders, tasksJobSchedules } from './tasks.jobs.ts';
import { cadenceDueAt } from './tasks.rules.ts';
import { tasks } from './tasks.table.ts';

/**
 * Cadence tasks and reminders on one timeline driven by the injected clock. Default cadences:
 * KA 7 days, VIP 14, SMB 30 (new customers are SMB).
 */
const t = await createTestApp();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = t.clock.now();
const at = (days: number, ms = 0) => new Date(T0.getTime() + days * DAY + ms);
const goTo = (days: number, ms = 0) => t.clock.set(at(days, ms));
let s: SalesOrg;
const ids: Record<string, string> = {};

/** Sessions last 7 days and this timeline spans weeks: sign in again when needed. */
async function fresh(caller: Caller) {
  const [u] = await t.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, caller.userId as string));
  return signIn(t, u.email);
}
const cadenceTasks = (customerId: string) =>
  t.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.customerId, customerId), eq(tasks.source, 'cadence')))
    .orderBy(tasks.createdAt, tasks.id);
const openCadence = async (customerId: string) => (await cadenceTasks(customerId)).filter((x) => x.status === 'open');
const customerRow = async (id: string) => (await t.db.select().from(customers).where(eq(customers.id, id)))[0];
const cadence = () => runCadence(t.db, t.clock.now());

beforeAll(async () => {
  s = await seedSalesOrg(t);
  const make = async (key: string, owner: Caller, body: Record<string, unknown> = {}) => {
    const res = await owner.post('/api/v1/customers', { name: `Cadence ${key}`, ...body });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make('contacted', s.eastRep, { lastContactAt: at(-10).toISOString() });
  await make('fresh', s.eastRep);
  await make('pooled', s.eastRep);
  await make('moving', s.eastRep);
  await make('tiered', s.eastRep, { lastContactAt: at(-1).toISOString() });
  await make('pool', s.acme.admin, { ownerId: null });
  const globexRep = (await s.globex.admin.get('/api/v1/auth/me')).json().user.id;
  ids.globex = (await s.globex.admin.post('/api/v1/customers', { name: 'Globex customer', ownerId: globexRep })).json().id;
});

describe('cadence tasks', () => {
  it('gives each owned customer one open task for its owner, due at the last contact plus the tier’s cadence', async () => {
    const first = await cadence();
    expect(first.created).toBeGreaterThanOrEqual(6);
    const [contacted] = await openCadence(ids.contacted);
    expect(contacted).toMatchObject({
      assigneeId: s.eastRep.userId,
      teamId: s.east.id,
      priority: 'normal',
      title: '跟进：Cadence contacted',
    });
    expect(contacted.dueAt).toEqual(at(20)); // contacted 10 days ago, SMB every 30 days
    const c = await customerRow(ids.fresh);
    const [fresh] = await openCadence(ids.fresh);
    expect(fresh.dueAt).toEqual(at(30)); // never contacted: from when its owner took it
    expect(fresh.dueAt).toEqual(cadenceDueAt(c, 30)); // the SQL and the rule agree
    expect(await openCadence(ids.pool)).toEqual([]);
    const [globex] = await openCadence(ids.globex);
    expect(globex.orgId).toBe(s.globex.orgId);
    expect(await cadence()).toMatchObject({ created: 0, realigned: 0, cancelled: 0 });
    expect(await cadenceTasks(ids.contacted)).toHaveLength(1);
  });

  it('moves the task when the customer is contacted (the hook the activities module calls)', async () => {
    goTo(2);
    await t.db.transaction(async (tx) => {
      await tx
        .update(customers)
        .set({ lastContactAt: at(1) })
        .where(eq(customers.id, ids.contacted));
      await onCustomerContacted(tx, { orgId: s.acme.orgId, customerId: ids.contacted, at: at(1), answered: false, loggedAt: at(2) });
    });
    const [moved] = await openCadence(ids.contacted);
    expect(moved.dueAt).toEqual(at(31));
    expect(moved.updatedAt).toEqual(at(2));
    // A back-dated contact does not pull it back: the later contact counts.
    await t.db.transaction((tx) => onCustomerContacted(tx, { orgId: s.acme.orgId, customerId: ids.contacted, at: at(-5), answered: true }));
    expect((await openCadence(ids.contacted))[0].dueAt).toEqual(at(31));
    expect(await cadence()).toMatchObject({ realigned: 0, created: 0 });
  });

  it('moves it when a task is completed with its activity, through the API', async () => {
    const rep = await fresh(s.eastRep);
    const task = (await rep.post('/api/v1/tasks', { title: 'Call', dueAt: at(3).toISOString(), customerId: ids.fresh })).json();
    const res = await rep.post(`/api/v1/tasks/${task.id}/complete`, { version: 1, activity: { kind: 'call', outcome: 'reached' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await customerRow(ids.fresh)).lastContactAt).toEqual(at(2));
    expect((await openCadence(ids.fresh))[0].dueAt).toEqual(at(32));
  });

  it('makes the next one after its cadence task is completed: from the logged contact, or from the last contact', async () => {
    const rep = await fresh(s.eastRep);
    const [current] = await openCadence(ids.fresh);
    const logged = await rep.post(`/api/v1/tasks/${current.id}/complete`, {
      version: current.version,
      activity: { kind: 'visit', occurredAt: at(2, -HOUR).toISOString() },
    });
    expect(logged.statusCode, logged.body).toBe(200);
    const [next] = await openCadence(ids.fresh);
    expect(next.id).not.toBe(current.id);
    expect(next.dueAt).toEqual(at(32)); // the visit an hour ago is older than the call logged at day 2

    const [again] = await openCadence(ids.fresh);
    expect((await rep.post(`/api/v1/tasks/${again.id}/complete`, { version: again.version })).statusCode).toBe(200);
    expect(await openCadence(ids.fresh)).toEqual([]);
    expect((await cadence()).created).toBe(1);
    expect((await openCadence(ids.fresh))[0].dueAt).toEqual(at(32));
    const reopen = await rep.patch(`/api/v1/tasks/${again.id}`, { status: 'open', version: again.version + 1 });
    expect(reopen.statusCode).toBe(422);
  });

  it('cancels the task of a customer returned to the pool', async () => {
    const rep = await fresh(s.eastRep);
    expect((await rep.post(`/api/v1/customers/${ids.pooled}/release`, { reason: 'not our market' })).statusCode).toBe(200);
    expect((await cadence()).cancelled).toBe(1);
    expect(await openCadence(ids.pooled)).toEqual([]);
    expect((await cadenceTasks(ids.pooled))[0].status).toBe('cancelled');
    // Nothing moves for a pool customer when someone logs a contact with it.
    await t.db.transaction((tx) => onCustomerContacted(tx, { orgId: s.acme.orgId, customerId: ids.pooled, at: at(2), answered: true }));
    expect(await openCadence(ids.pooled)).toEqual([]);
  });

  it('gives the task to the new owner when the owner changes, and moves it when the tier’s cadence differs', async () => {
    const admin = await fresh(s.acme.admin);
    const before = (await openCadence(ids.moving))[0];
    const c = (await admin.get(`/api/v1/customers/${ids.moving}`)).json();
    expect((await admin.patch(`/api/v1/customers/${ids.moving}`, { ownerId: s.westRep.userId, version: c.version })).statusCode).toBe(200);
    const tiers = (await admin.get('/api/v1/tiers')).json().data as { id: string; key: string }[];
    const ka = tiers.find((x) => x.key === 'ka')!.id;
    const tiered = (await admin.get(`/api/v1/customers/${ids.tiered}`)).json();
    const put = await admin.put(`/api/v1/customers/${ids.tiered}/tier`, { tierId: ka, reason: 'strategic', version: tiered.version });
    expect(put.statusCode, put.body).toBe(200);
    expect((await cadence()).realigned).toBe(2);
    const [after] = await openCadence(ids.moving);
    expect(after).toMatchObject({ id: before.id, assigneeId: s.westRep.userId, teamId: s.west.id });
    expect(after.dueAt).toEqual(at(32)); // owned since day 2, never contacted
    expect((await openCadence(ids.tiered))[0].dueAt).toEqual(at(6)); // contacted at day −1, KA every 7 days
  });
});

describe('reminders', () => {
  const sentFor = async (taskId: string) =>
    (await t.db.select().from(notifications).where(eq(notifications.entityId, taskId))).map((n) => [n.kind, n.userId]);

  it('sends task_due within the hour before and task_overdue after, once each', async () => {
    const rep = await fresh(s.westRep);
    const task = (await rep.post('/api/v1/tasks', { title: 'Remind me', dueAt: at(2, 90 * 60_000).toISOString() })).json();
    await runReminders(t.db, t.clock.now());
    expect(await sentFor(task.id)).toEqual([]);
    goTo(2, 31 * 60_000);
    await runReminders(t.db, t.clock.now());
    await runReminders(t.db, t.clock.now());
    expect(await sentFor(task.id)).toEqual([['task_due', s.westRep.userId]]);
    goTo(2, 91 * 60_000);
    await runReminders(t.db, t.clock.now());
    await runReminders(t.db, t.clock.now());
    expect(await sentFor(task.id)).toEqual([
      ['task_due', s.westRep.userId],
      ['task_overdue', s.westRep.userId],
    ]);
    const [n] = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, task.id), eq(notifications.kind, 'task_overdue')));
    expect(n).toMatchObject({
      orgId: s.acme.orgId,
      entity: 'task',
      params: { title: 'Remind me', dueAt: at(2, 90 * 60_000).toISOString() },
    });
  });

  it('sends them again when the task is moved, and none for closed tasks or to users who turned them off', async () => {
    const rep = await fresh(s.westRep);
    const task = (await rep.post('/api/v1/tasks', { title: 'Late already', dueAt: at(1).toISOString() })).json();
    const done = (await rep.post('/api/v1/tasks', { title: 'Done already', dueAt: at(1).toISOString() })).json();
    await rep.post(`/api/v1/tasks/${done.id}/complete`, { version: 1 });
    await runReminders(t.db, t.clock.now());
    expect(await sentFor(task.id)).toEqual([['task_overdue', s.westRep.userId]]);
    expect(await sentFor(done.id)).toEqual([]);
    await rep.patch(`/api/v1/tasks/${task.id}`, { dueAt: at(2, 2 * HOUR).toISOString(), version: 1 });
    goTo(2, 2 * HOUR - 60_000);
    await runReminders(t.db, t.clock.now());
    expect((await sentFor(task.id)).map(([k]) => k)).toEqual(['task_overdue', 'task_due']);
    await t.db.execute(
      sql`insert into notification_preferences (org_id, user_id, kind, enabled) values (${s.acme.orgId}, ${s.westRep.userId}, 'task_overdue', false)`,
    );
    goTo(2, 3 * HOUR);
    await runReminders(t.db, t.clock.now());
    expect((await sentFor(task.id)).map(([k]) => k)).toEqual(['task_overdue', 'task_due']);
    expect((await t.db.select().from(tasks).where(eq(tasks.id, task.id)))[0].overdueNotifiedAt).toEqual(at(2, 3 * HOUR));
  });
});

describe('the scheduled jobs', () => {
  it('run through the durable job queue, each slot once, and drain a backlog in rounds', async () => {
    goTo(40);
    const runner = createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlers, schedules: tasksJobSchedules });
    const first = await runner.runDueJobs();
    expect(first.failed).toBe(0);
    expect(first.succeeded).toBeGreaterThanOrEqual(3);
    const again = await createJobRunner({ db: t.db, clock: t.clock, handlers: jobHandlers, schedules: tasksJobSchedules }).runDueJobs();
    expect(again).toEqual({ succeeded: 0, failed: 0 });
    const kinds = (await t.db.select({ kind: jobs.kind, status: jobs.status }).from(jobs)).map((j) => `${j.kind}:${j.status}`).sort();
    expect(kinds).toEqual(['tasks.cadence:succeeded', 'tasks.plans:succeeded', 'tasks.reminders:succeeded']);
    // Overdue cadence tasks (day 40 is past many due dates) got their reminder from the job.
    const [overdue] = await openCadence(ids.contacted);
    expect(overdue.overdueNotifiedAt).toEqual(at(40));

    // A backlog bigger than a batch: each run does a batch, then the next round is enqueued.
    const many = Array.from({ length: 5 }, (_, i) => ({
      orgId: s.acme.orgId,
      id: crypto.randomUUID(),
      name: `Backlog ${i}`,
      tierId: s.customer.tierId,
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
      ownedSince: at(40),
      createdAt: at(40),
      updatedAt: at(40),
    }));
    await t.db.insert(customers).values(many);
    const r1 = await runCadence(t.db, t.clock.now(), 2);
    const r2 = await runCadence(t.db, t.clock.now(), 2);
    const r3 = await runCadence(t.db, t.clock.now(), 2);
    expect([r1.created, r2.created, r3.created, r1.full, r3.full]).toEqual([2, 2, 1, true, false]);
  });
});
