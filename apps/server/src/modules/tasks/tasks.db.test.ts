import { and, eq, type SQL, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDeal, type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { rowsOf } from '../../db/rows.ts';
import { activities } from '../activities/activities.table.ts';
import { customers } from '../customers/customers.table.ts';
import { runCadence } from './tasks.jobs.ts';
import { tasks } from './tasks.table.ts';

/**
 * Follow-up tasks through the API: who sees and changes which task, the list and its filters, the
 * overdue lists, completing with an activity. Seed: Acme with East and West teams (a manager and a
 * rep each, plus a second East rep), a director, a viewer, a rep in no team; Globex, another org.
 */
const t = await createTestApp();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T0 = t.clock.now();
const iso = (ms: number) => new Date(T0.getTime() + ms).toISOString();
let s: SalesOrg;
let eastMate: Caller;

type Task = { id: string; version: number; assigneeId: string; teamId: string | null; status: string; customerId: string | null };
const create = async (caller: Caller, body: Record<string, unknown>) => {
  const res = await caller.post('/api/v1/tasks', { title: 'Call back', dueAt: iso(DAY), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Task;
};
const countOf = async (query: SQL) => rowsOf<{ n: number }>(await t.db.execute(query))[0].n;
const auditCount = (entityId: string) =>
  countOf(sql`select count(*)::int as n from audit_log where entity = 'task' and entity_id = ${entityId}`);
const taskCount = () => countOf(sql`select count(*)::int as n from tasks`);

beforeAll(async () => {
  s = await seedSalesOrg(t);
  eastMate = await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id });
});

describe('creating tasks', () => {
  it('gives the caller a task, on their team, with its audit entry', async () => {
    const task = await create(s.eastRep, { customerId: s.customer.id, priority: 'high', notes: 'about the quote' });
    expect(task).toMatchObject({
      assigneeId: s.eastRep.userId,
      teamId: s.east.id,
      status: 'open',
      source: 'manual',
      priority: 'high',
      overdue: false,
      createdBy: s.eastRep.userId,
    });
    expect(await auditCount(task.id)).toBe(1);
  });

  it('lets a rep give a task to a teammate only, a manager within their teams, a director to anyone', async () => {
    expect((await create(s.eastRep, { assigneeId: eastMate.userId })).assigneeId).toBe(eastMate.userId);
    const before = await taskCount();
    const outside = await s.eastRep.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY), assigneeId: s.westRep.userId });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors).toEqual([{ path: 'assigneeId', message: 'a rep gives tasks only to members of their own team' }]);
    expect((await s.loneRep.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY), assigneeId: s.eastRep.userId })).statusCode).toBe(422);
    expect((await create(s.eastManager, { assigneeId: s.eastRep.userId })).teamId).toBe(s.east.id);
    expect((await s.eastManager.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY), assigneeId: s.westRep.userId })).statusCode).toBe(422);
    expect((await create(s.director, { assigneeId: s.westRep.userId })).teamId).toBe(s.west.id);
    expect((await s.director.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY), assigneeId: s.viewer.userId })).statusCode).toBe(422);
    expect(await taskCount()).toBe(before + 2);
  });

  it('links a deal and takes its customer; refuses records the caller cannot see, and bad input, writing nothing', async () => {
    const deal = await openDeal(s, s.eastRep, { customerId: s.customer.id });
    expect((await create(s.eastRep, { dealId: deal.id })).customerId).toBe(s.customer.id);
    const before = await taskCount();
    const hidden = await s.westRep.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY), customerId: s.customer.id, dealId: deal.id });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors.map((e: { path: string }) => e.path)).toEqual(['dealId', 'customerId']);
    const foreign = await s.globex.admin.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY), customerId: s.customer.id });
    expect(foreign.statusCode).toBe(422);
    const bad = await s.eastRep.post('/api/v1/tasks', { title: '', dueAt: 'tomorrow', priority: 'asap' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['dueAt', 'priority', 'title']);
    expect((await s.viewer.post('/api/v1/tasks', { title: 'x', dueAt: iso(DAY) })).statusCode).toBe(403);
    expect(await taskCount()).toBe(before);
  });
});

describe('who sees and changes a task', () => {
  let task: Task;
  beforeAll(async () => {
    task = await create(s.eastRep, { title: 'Scoped', assigneeId: eastMate.userId });
  });

  it('shows it to its assignee, its creator, their manager, directors, admins and viewers — nobody else', async () => {
    for (const c of [eastMate, s.eastRep, s.eastManager, s.director, s.acme.admin, s.viewer])
      expect((await c.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(200);
    for (const c of [s.westRep, s.westManager, s.loneRep, s.globex.admin])
      expect((await c.get(`/api/v1/tasks/${task.id}`)).statusCode).toBe(404);
    expect((await s.westManager.get('/api/v1/tasks?limit=200')).json().data.map((x: Task) => x.id)).not.toContain(task.id);
    expect((await s.globex.admin.get('/api/v1/tasks')).json().data).toEqual([]);
  });

  it('changes it with its version: 428 without, 409 when stale, 404 outside the scope, 403 for a viewer', async () => {
    const url = `/api/v1/tasks/${task.id}`;
    expect((await eastMate.patch(url, { title: 'No version' })).statusCode).toBe(428);
    expect((await eastMate.patch(url, { title: 'Stale', version: 9 })).statusCode).toBe(409);
    expect((await s.westRep.patch(url, { title: 'x', version: 1 })).statusCode).toBe(404);
    expect((await s.westManager.patch(url, { title: 'x', version: 1 })).statusCode).toBe(404);
    expect((await s.globex.admin.patch(url, { title: 'x', version: 1 })).statusCode).toBe(404);
    expect((await s.viewer.patch(url, { title: 'x', version: 1 })).statusCode).toBe(403);
    const ok = await s.eastManager.patch(url, { title: 'Renamed', dueAt: iso(2 * DAY) }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    expect(ok.json()).toMatchObject({ title: 'Renamed', dueAt: iso(2 * DAY), version: 2 });
    const moved = await eastMate.patch(url, { assigneeId: s.westRep.userId, version: 2 });
    expect(moved.statusCode).toBe(422);
    const done = await eastMate.patch(url, { status: 'done', version: 2 });
    expect(done.json()).toMatchObject({ status: 'done', version: 3 });
    expect(done.json().completedAt).toBe(T0.toISOString());
    expect(await auditCount(task.id)).toBe(3);
  });

  it('deletes a task made by hand, not a cadence task; with the same scope rules', async () => {
    const mine = await create(s.eastRep, { title: 'Delete me' });
    const url = `/api/v1/tasks/${mine.id}`;
    expect((await s.westRep.delete(`${url}?version=1`)).statusCode).toBe(404);
    expect((await s.globex.admin.delete(`${url}?version=1`)).statusCode).toBe(404);
    expect((await s.viewer.delete(`${url}?version=1`)).statusCode).toBe(403);
    expect((await s.eastRep.delete(url)).statusCode).toBe(428);
    expect((await s.eastRep.delete(`${url}?version=2`)).statusCode).toBe(409);
    expect((await s.eastRep.delete(`${url}?version=1`)).statusCode).toBe(204);
    expect((await s.eastRep.get(url)).statusCode).toBe(404);

    await runCadence(t.db, t.clock.now());
    const [cadence] = await t.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.customerId, s.customer.id), eq(tasks.source, 'cadence')));
    const refused = await s.eastRep.delete(`/api/v1/tasks/${cadence.id}?version=${cadence.version}`);
    expect(refused.statusCode).toBe(422);
    const fixed = await s.eastRep.patch(`/api/v1/tasks/${cadence.id}`, { dueAt: iso(DAY), version: cadence.version });
    expect(fixed.json().errors.map((e: { path: string }) => e.path)).toEqual(['dueAt']);
  });
});

describe('the task list', () => {
  let customerId: string;
  beforeAll(async () => {
    customerId = (await s.westRep.post('/api/v1/customers', { name: 'West list customer' })).json().id;
    for (const h of [5, 1, 3, 2, 4]) await create(s.westRep, { title: `List ${h}`, dueAt: iso(h * HOUR), customerId });
    await create(s.westRep, { title: 'List late', dueAt: iso(-HOUR) });
  });

  it('pages by due time without repeating or skipping', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await s.westRep.get(`/api/v1/tasks?customerId=${customerId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      seen.push(...res.json().data.map((x: { title: string }) => x.title));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual(['List 1', 'List 2', 'List 3', 'List 4', 'List 5']);
    const desc = (await s.westRep.get(`/api/v1/tasks?customerId=${customerId}&sort=-dueAt&limit=1`)).json();
    expect(desc.data[0].title).toBe('List 5');
    expect((await s.westRep.get('/api/v1/tasks?cursor=garbage')).statusCode).toBe(400);
  });

  it('filters by assignee, team, status, source, due range and overdue', async () => {
    const titles = async (q: string) =>
      (await s.westManager.get(`/api/v1/tasks?limit=200&${q}`)).json().data.map((x: { title: string }) => x.title);
    expect(await titles(`dueFrom=${iso(2 * HOUR)}&dueTo=${iso(4 * HOUR)}&assigneeId=${s.westRep.userId}`)).toEqual(['List 2', 'List 3']);
    expect(await titles(`overdue=true&teamId=${s.west.id}`)).toEqual(['List late']);
    expect(await titles(`overdue=false&customerId=${customerId}&status=open&source=manual`)).toHaveLength(5);
    expect(await titles('source=plan')).toEqual([]);
    expect((await s.westManager.get('/api/v1/tasks?overdue=yes')).statusCode).toBe(400);
  });
});

describe('overdue lists', () => {
  beforeAll(async () => {
    await create(s.eastRep, { title: 'East late 1', dueAt: iso(-2 * DAY) });
    await create(s.eastManager, { title: 'Mate late', dueAt: iso(-DAY), assigneeId: eastMate.userId });
  });

  it('gives a rep their own overdue tasks, and no team view', async () => {
    const mine = (await s.eastRep.get('/api/v1/tasks/overdue')).json();
    expect(mine.data.map((x: { title: string }) => x.title)).toEqual(['East late 1']);
    expect(mine.byRep).toEqual([
      expect.objectContaining({ userId: s.eastRep.userId, teamId: s.east.id, overdue: 1, oldestDueAt: iso(-2 * DAY) }),
    ]);
    expect(mine.total).toBe(1);
    expect((await s.eastRep.get('/api/v1/tasks/overdue?scope=team')).statusCode).toBe(403);
  });

  it('gives a manager counts per rep of their teams, a director every team’s, another organisation nothing', async () => {
    const team = (await s.eastManager.get('/api/v1/tasks/overdue?scope=team')).json();
    expect(team.byRep.map((r: { userId: string; overdue: number }) => [r.userId, r.overdue]).sort()).toEqual(
      [
        [s.eastRep.userId, 1],
        [eastMate.userId, 1],
      ].sort(),
    );
    expect(team.byTeam).toEqual([expect.objectContaining({ teamId: s.east.id, name: 'East', overdue: 2 })]);
    const org = (await s.director.get('/api/v1/tasks/overdue?scope=team&limit=1')).json();
    expect(org.byTeam.map((r: { name: string }) => r.name).sort()).toEqual(['East', 'West']);
    expect(org.total).toBe(3);
    expect(org.data).toHaveLength(1);
    const next = (await s.director.get(`/api/v1/tasks/overdue?scope=team&limit=5&cursor=${org.nextCursor}`)).json();
    expect(next.data).toHaveLength(2);
    expect((await s.viewer.get('/api/v1/tasks/overdue?scope=team')).json().total).toBe(3);
    expect((await s.globex.admin.get('/api/v1/tasks/overdue?scope=team')).json()).toMatchObject({ total: 0, data: [], byRep: [] });
  });
});

describe('completing a task', () => {
  it('logs its activity in the same step: the customer’s last contact and cadence task move', async () => {
    await runCadence(t.db, t.clock.now());
    const task = await create(s.eastRep, { title: 'Visit them', customerId: s.customer.id, activityKind: 'visit' });
    const occurredAt = iso(-HOUR);
    const res = await s.eastRep.post(`/api/v1/tasks/${task.id}/complete`, {
      version: 1,
      activity: { outcome: 'interested', notes: 'good meeting', occurredAt, durationMinutes: 45 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json();
    expect(done).toMatchObject({ status: 'done', completedAt: T0.toISOString(), version: 2 });
    const [activity] = await t.db.select().from(activities).where(eq(activities.id, done.activityId));
    expect(activity).toMatchObject({
      kind: 'visit',
      subject: 'Visit them',
      outcome: 'interested',
      durationMinutes: 45,
      customerId: s.customer.id,
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
    });
    expect(activity.occurredAt.toISOString()).toBe(occurredAt);
    const [customer] = await t.db.select().from(customers).where(eq(customers.id, s.customer.id));
    expect(customer.lastContactAt?.toISOString()).toBe(occurredAt);
    const [cadence] = await t.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.customerId, s.customer.id), eq(tasks.source, 'cadence'), eq(tasks.status, 'open')));
    expect(cadence.dueAt.toISOString()).toBe(new Date(Date.parse(occurredAt) + 30 * DAY).toISOString()); // SMB: 30 days
  });

  it('completes once; refuses an activity with no record to log against or in the future, writing nothing', async () => {
    const free = await create(s.eastRep, { title: 'Free' });
    const nothing = await s.eastRep.post(`/api/v1/tasks/${free.id}/complete`, { version: 1, activity: { kind: 'call' } });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().errors[0].path).toBe('activity');
    const linked = await create(s.eastRep, { title: 'Linked', customerId: s.customer.id });
    const noKind = await s.eastRep.post(`/api/v1/tasks/${linked.id}/complete`, { version: 1, activity: { outcome: 'reached' } });
    expect(noKind.json().errors.map((e: { path: string }) => e.path)).toEqual(['activity.kind']);
    const future = await s.eastRep.post(`/api/v1/tasks/${linked.id}/complete`, {
      version: 1,
      activity: { kind: 'call', occurredAt: iso(DAY) },
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors.map((e: { path: string }) => e.path)).toEqual(['activity.occurredAt']);
    expect(
      rowsOf(await t.db.execute(sql`select 1 from activities where customer_id = ${s.customer.id} and occurred_at > ${iso(0)}`)),
    ).toEqual([]);
    expect((await s.eastRep.get(`/api/v1/tasks/${linked.id}`)).json()).toMatchObject({ status: 'open', version: 1 });
    expect((await s.eastRep.post(`/api/v1/tasks/${free.id}/complete`, {})).statusCode).toBe(428);
    expect((await s.eastRep.post(`/api/v1/tasks/${free.id}/complete`, { version: 1 })).statusCode).toBe(200);
    expect((await s.eastRep.post(`/api/v1/tasks/${free.id}/complete`, { version: 2 })).json().code).toBe('task_not_open');
  });

  it('is for the assignee, their manager, directors and admins — not other reps, other teams, viewers or other orgs', async () => {
    const task = await create(s.eastRep, { title: 'Guarded' });
    const url = `/api/v1/tasks/${task.id}/complete`;
    for (const c of [s.westRep, s.westManager, s.globex.admin]) expect((await c.post(url, { version: 1 })).statusCode).toBe(404);
    expect((await s.viewer.post(url, { version: 1 })).statusCode).toBe(403);
    expect((await s.eastManager.post(url, { version: 1 })).statusCode).toBe(200);
  });
});
