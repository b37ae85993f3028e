import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
let eastManager: Caller;
let eastRep: Caller;
let westRep: Caller;
let westRep2: Caller;
let viewer: Caller;
let customer: { id: string; name: string };

const put = (caller: Caller, url: string, body: unknown, headers?: Record<string, string>) => caller.request('PUT', url, body, headers);
const team = (id: string) => `/api/v1/customers/${id}/account-team`;
const plan = (id: string) => `/api/v1/customers/${id}/account-plan`;
const seesIt = async (caller: Caller) => {
  const one = (await caller.get(`/api/v1/customers/${customer.id}`)).statusCode === 200;
  const listed = (await caller.get(`/api/v1/customers?q=${encodeURIComponent(customer.name)}`))
    .json()
    .data.some((c: { id: string }) => c.id === customer.id);
  expect(one).toBe(listed);
  return one;
};

beforeAll(async () => {
  eastManager = await seedUser(t, acme.orgId, 'manager');
  const east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
  const west = (await acme.admin.post('/api/v1/teams', { name: 'West' })).json();
  eastRep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, name: 'Zhang East' });
  westRep = await seedUser(t, acme.orgId, 'rep', { teamId: west.id, name: 'Li West' });
  westRep2 = await seedUser(t, acme.orgId, 'rep', { teamId: west.id });
  viewer = await seedUser(t, acme.orgId, 'viewer');
  customer = (await eastRep.post('/api/v1/customers', { name: 'Key Account Holdings' })).json();
});

describe('account team: members see the customer, write members change it', () => {
  it('lets a member of another team see the customer only while a member, and change it only with write access', async () => {
    expect(await seesIt(westRep)).toBe(false);

    const added = await put(eastRep, `${team(customer.id)}/${westRep.userId}`, { role: 'service', access: 'read' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ userId: westRep.userId, name: 'Li West', role: 'service', access: 'read' });
    expect(await seesIt(westRep)).toBe(true);
    expect(await seesIt(westRep2)).toBe(false);

    // A read member reads, and changes nothing: not the customer (see the PATCH test below), its plan, nor its team.
    expect(
      (await put(westRep, plan(customer.id), { objectives: 'x', opportunities: '', risks: '', nextSteps: '', version: 0 })).statusCode,
    ).toBe(403);
    expect((await put(westRep, `${team(customer.id)}/${westRep.userId}`, { role: 'service', access: 'write' })).statusCode).toBe(403);
    expect((await westRep.delete(`${team(customer.id)}/${westRep.userId}`)).statusCode).toBe(403);
    expect((await eastRep.get(`/api/v1/customers/${customer.id}`)).json()).toMatchObject({ name: customer.name, version: 1 });

    const upgraded = await put(eastRep, `${team(customer.id)}/${westRep.userId}`, { role: 'co_owner', access: 'write' });
    expect(upgraded.statusCode).toBe(200);
    const renamed = await westRep.patch(`/api/v1/customers/${customer.id}`, { industry: 'Machinery', version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    // A write member may bring a colleague onto the account team.
    expect((await put(westRep, `${team(customer.id)}/${westRep2.userId}`, { role: 'member', access: 'read' })).statusCode).toBe(201);
    expect(await seesIt(westRep2)).toBe(true);

    expect((await eastRep.delete(`${team(customer.id)}/${westRep.userId}`)).statusCode).toBe(204);
    expect((await eastRep.delete(`${team(customer.id)}/${westRep2.userId}`)).statusCode).toBe(204);
    expect(await seesIt(westRep)).toBe(false);
    expect(await seesIt(westRep2)).toBe(false);
    expect((await westRep.patch(`/api/v1/customers/${customer.id}`, { industry: 'Hijacked', version: 2 })).statusCode).toBe(404);
  });

  it('refuses a PATCH of the customer by a read member (403), allows it by a write member', async () => {
    const c = (await eastRep.post('/api/v1/customers', { name: 'Patched Account' })).json();
    await put(eastRep, `${team(c.id)}/${westRep.userId}`, { role: 'member', access: 'read' });
    expect((await westRep.patch(`/api/v1/customers/${c.id}`, { name: 'Renamed', version: 1 })).statusCode).toBe(403);
    await put(eastRep, `${team(c.id)}/${westRep.userId}`, { role: 'member', access: 'write' });
    expect((await westRep.patch(`/api/v1/customers/${c.id}`, { name: 'Renamed', version: 1 })).statusCode).toBe(200);
  });

  it('lists the team, owner role first, and logs every change in the audit log', async () => {
    expect((await put(eastRep, `${team(customer.id)}/${eastRep.userId}`, { role: 'owner', access: 'write' })).statusCode).toBe(201);
    expect((await put(eastManager, `${team(customer.id)}/${westRep.userId}`, { role: 'member', access: 'read' })).statusCode).toBe(201);
    const members = (await viewer.get(team(customer.id))).json().data;
    expect(members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [eastRep.userId, 'owner'],
      [westRep.userId, 'member'],
    ]);
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=account_team&entityId=${customer.id}&limit=200`)).json().data;
    expect(audit[0]).toMatchObject({
      action: 'create',
      actorId: eastManager.userId,
      changes: { userId: { before: null, after: westRep.userId } },
    });
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['create', 'create', 'delete', 'delete', 'create', 'update', 'create']);
  });

  it('refuses bad members with the field named, writing nothing', async () => {
    const before = (await eastRep.get(team(customer.id))).json().data;
    const globexUser = (await globex.admin.get('/api/v1/users')).json().data[0].id;
    const cases: [string | undefined, unknown, number, string][] = [
      [westRep2.userId, { role: 'boss', access: 'read' }, 400, 'role'],
      [westRep2.userId, { role: 'member' }, 400, 'access'],
      [westRep2.userId, { role: 'owner', access: 'write' }, 422, 'role'], // only the customer's owner holds the owner role
      [viewer.userId, { role: 'member', access: 'read' }, 422, 'userId'],
      [globexUser, { role: 'member', access: 'read' }, 422, 'userId'],
    ];
    for (const [userId, body, status, path] of cases) {
      const res = await put(eastRep, `${team(customer.id)}/${userId}`, body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await put(eastRep, `${team(customer.id)}/not-a-uuid`, { role: 'member', access: 'read' })).statusCode).toBe(400);
    expect((await eastRep.get(team(customer.id))).json().data).toEqual(before);
  });

  it('keeps everyone else out: another team’s rep 404, a viewer 403, another org 404, nobody 401', async () => {
    const url = `${team(customer.id)}/${westRep2.userId}`;
    const body = { role: 'member', access: 'read' };
    expect((await put(westRep2, url, body)).statusCode).toBe(404);
    expect((await westRep2.get(team(customer.id))).statusCode).toBe(404);
    expect((await put(viewer, url, body)).statusCode).toBe(403);
    expect((await viewer.delete(`${team(customer.id)}/${westRep.userId}`)).statusCode).toBe(403);
    expect((await put(globex.admin, url, body)).statusCode).toBe(404);
    expect((await globex.admin.get(team(customer.id))).statusCode).toBe(404);
    expect((await globex.admin.delete(`${team(customer.id)}/${westRep.userId}`)).statusCode).toBe(404);
    expect((await put(anonymous(t), url, body)).statusCode).toBe(401);
    expect((await anonymous(t).get(team(customer.id))).statusCode).toBe(401);
    expect((await eastRep.delete(`${team(customer.id)}/${westRep2.userId}`)).statusCode).toBe(404); // not a member
  });
});

describe('account plan', () => {
  const body = { objectives: 'Grow to ¥5M', opportunities: 'New plant in Suzhou', risks: 'Competitor pricing', nextSteps: 'Visit the CFO' };

  it('starts empty at version 0, is written from version 0, then only from the current version', async () => {
    const c = (await eastRep.post('/api/v1/customers', { name: 'Planned Account' })).json();
    const empty = await viewer.get(plan(c.id));
    expect(empty.json()).toEqual({
      customerId: c.id,
      objectives: '',
      opportunities: '',
      risks: '',
      nextSteps: '',
      updatedAt: null,
      version: 0,
    });
    const first = await put(eastRep, plan(c.id), { ...body, version: 0 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ...body, version: 1, updatedAt: t.clock.now().toISOString() });
    expect((await put(eastManager, plan(c.id), { ...body, risks: 'late', version: 0 })).statusCode).toBe(409);
    expect((await put(eastManager, plan(c.id), { ...body, risks: 'Budget freeze' }, { 'if-match': '"1"' })).json()).toMatchObject({
      risks: 'Budget freeze',
      version: 2,
    });
    expect((await put(eastRep, plan(c.id), { ...body, version: 1 })).json().code).toBe('stale_version');
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=account_plan&entityId=${c.id}`)).json().data;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(audit[0]).toMatchObject({
      actorId: eastManager.userId,
      changes: { risks: { before: 'Competitor pricing', after: 'Budget freeze' } },
    });
  });

  it('refuses bad input naming the field, and requires the version', async () => {
    const c = (await eastRep.post('/api/v1/customers', { name: 'Planless' })).json();
    const long = await put(eastRep, plan(c.id), { ...body, objectives: 'x'.repeat(10_001), version: 0 });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('objectives');
    const missing = await put(eastRep, plan(c.id), { objectives: 'x', version: 0 });
    expect(missing.statusCode).toBe(400);
    const noVersion = await put(eastRep, plan(c.id), body);
    expect(noVersion.statusCode).toBe(428);
    expect((await eastRep.get(plan(c.id))).json().version).toBe(0);
  });

  it('keeps everyone else out', async () => {
    const c = (await eastRep.post('/api/v1/customers', { name: 'Private Plan' })).json();
    expect((await westRep.get(plan(c.id))).statusCode).toBe(404);
    expect((await put(westRep, plan(c.id), { ...body, version: 0 })).statusCode).toBe(404);
    expect((await put(viewer, plan(c.id), { ...body, version: 0 })).statusCode).toBe(403);
    expect((await globex.admin.get(plan(c.id))).statusCode).toBe(404);
    expect((await put(globex.admin, plan(c.id), { ...body, version: 0 })).statusCode).toBe(404);
    expect((await anonymous(t).get(plan(c.id))).statusCode).toBe(401);
    expect((await eastRep.get(plan(c.id))).json().version).toBe(0);
  });
});
