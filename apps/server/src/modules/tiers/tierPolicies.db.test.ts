import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';

const t = await createTestApp();
const DAY = 86_400_000;
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
type Policy = { tierId: string; tierKey: string; version: number; minLevelId: string | null } & Record<string, unknown>;
let policies: Record<string, Policy>;
let levelIds: Record<string, string>;
let east: { id: string };
let eastManager: Caller;
let junior: Caller;
let westRep: Caller;
let director: Caller;
let viewer: Caller;

const put = (caller: Caller, tierId: string, body: unknown, headers?: Record<string, string>) =>
  caller.request('PUT', `/api/v1/tier-policies/${tierId}`, body, headers);
/** The writable fields of a policy as GET returns it, ready to PUT back. */
const editable = (p: Policy) => {
  const { tierId: _i, tierKey: _k, tierNameZh: _z, tierNameEn: _e, tierRank: _r, ...rest } = p;
  return rest;
};
const loadPolicies = async (org = acme) =>
  Object.fromEntries((await org.admin.get('/api/v1/tier-policies')).json().data.map((p: Policy) => [p.tierKey, p])) as Record<
    string,
    Policy
  >;

beforeAll(async () => {
  levelIds = Object.fromEntries(
    (await acme.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]),
  );
  eastManager = await seedUser(t, acme.orgId, 'manager');
  east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
  const west = (await acme.admin.post('/api/v1/teams', { name: 'West' })).json();
  junior = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: levelIds.junior });
  westRep = await seedUser(t, acme.orgId, 'rep', { teamId: west.id, levelId: levelIds.mid });
  director = await seedUser(t, acme.orgId, 'director');
  viewer = await seedUser(t, acme.orgId, 'viewer');
  policies = await loadPolicies();
});

describe('tier policies', () => {
  it('lists one policy per tier, highest first, to everyone signed in', async () => {
    const res = await junior.get('/api/v1/tier-policies');
    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((p: Policy) => p.tierKey)).toEqual(['ka', 'vip', 'smb']);
    expect(policies.ka).toMatchObject({
      cadenceDays: 7,
      minLevelId: levelIds.senior,
      responseSlaHours: 4,
      maxDiscountPct: 20,
      accountTeamRequired: true,
      poolReclaimDays: 90,
      poolWarningDays: 7,
      version: 1,
    });
    expect((await anonymous(t).get('/api/v1/tier-policies')).statusCode).toBe(401);
  });

  it('is replaced by admins and directors, from the current version, with an audit entry', async () => {
    const smb = policies.smb;
    const res = await put(acme.admin, smb.tierId, { ...editable(smb), cadenceDays: 21, maxDiscountPct: 7.5 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cadenceDays: 21, maxDiscountPct: 7.5, version: 2 });
    expect(res.headers.etag).toBe('"2"');
    const stale = await put(director, smb.tierId, { ...editable(smb), cadenceDays: 14 });
    expect(stale.statusCode).toBe(409);
    expect(
      (await put(director, smb.tierId, { ...editable(smb), cadenceDays: 14, version: undefined }, { 'if-match': '"2"' })).json(),
    ).toMatchObject({ cadenceDays: 14, version: 3 });
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=tier_policy&entityId=${smb.tierId}`)).json().data;
    expect(audit.map((e: { actorId: string }) => e.actorId)).toEqual([director.userId, acme.admin.userId]);
    expect(audit[1].changes).toEqual({ cadenceDays: { before: 30, after: 21 }, maxDiscountPct: { before: 10, after: 7.5 } });
    policies = await loadPolicies();
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const vip = editable(policies.vip);
    const foreignLevel = (await globex.admin.get('/api/v1/levels')).json().data[0].id;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...vip, cadenceDays: 0 }, 400, 'cadenceDays'],
      [{ ...vip, poolReclaimDays: 10, poolWarningDays: 10 }, 400, 'poolWarningDays'],
      [{ ...vip, maxDiscountPct: 12.345 }, 400, 'maxDiscountPct'],
      [{ ...vip, maxDiscountPct: 101 }, 400, 'maxDiscountPct'],
      [{ ...vip, accountTeamRequired: undefined }, 400, 'accountTeamRequired'],
      [{ ...vip, minLevelId: foreignLevel }, 422, 'minLevelId'],
    ];
    for (const [body, status, path] of cases) {
      const res = await put(acme.admin, policies.vip.tierId, body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await put(acme.admin, policies.vip.tierId, { ...vip, version: undefined })).statusCode).toBe(428);
    expect((await loadPolicies()).vip).toEqual(policies.vip);
  });

  it('may be changed by admins and directors only; another organisation’s tier is not found', async () => {
    const body = editable(policies.vip);
    for (const caller of [eastManager, junior, viewer]) expect((await put(caller, policies.vip.tierId, body)).statusCode).toBe(403);
    expect((await put(anonymous(t), policies.vip.tierId, body)).statusCode).toBe(401);
    expect((await put(globex.admin, policies.vip.tierId, body)).statusCode).toBe(404);
    expect((await put(acme.admin, '00000000-0000-7000-8000-000000000000', body)).statusCode).toBe(404);
    expect((await loadPolicies()).vip.version).toBe(policies.vip.version);
  });
});

describe('customer compliance', () => {
  it('shows each check with its figures: cadence, owner level, account team', async () => {
    const ka = (
      await acme.admin.post('/api/v1/customers', {
        name: 'KA by a junior',
        tierId: policies.ka.tierId,
        ownerId: junior.userId,
        lastContactAt: t.clock.now().toISOString(),
      })
    ).json();
    const firstRes = await junior.get(`/api/v1/customers/${ka.id}/compliance`);
    expect(firstRes.statusCode, firstRes.body).toBe(200);
    const first = firstRes.json();
    expect(first).toMatchObject({ customerId: ka.id, compliant: false });
    expect(first.checks).toEqual([
      {
        check: 'followUpCadence',
        status: 'met',
        cadenceDays: 7,
        daysSinceContact: 0,
        countedFrom: 'lastContact',
        since: t.clock.now().toISOString(),
      },
      {
        check: 'ownerLevel',
        status: 'breached',
        ownerId: junior.userId,
        ownerLevelId: levelIds.junior,
        ownerLevelRank: 1,
        minLevelId: levelIds.senior,
        minLevelRank: 3,
      },
      { check: 'accountTeam', status: 'breached', required: true, members: 0 },
    ]);
    expect(first.pool).toMatchObject({ reclaimDays: 90, warningDays: 7 });

    await junior.request('PUT', `/api/v1/customers/${ka.id}/account-team/${junior.userId}`, { role: 'owner', access: 'write' });
    expect((await junior.get(`/api/v1/customers/${ka.id}/compliance`)).json().checks[2]).toMatchObject({ status: 'breached', members: 0 }); // the owner alone is no team
    await junior.request('PUT', `/api/v1/customers/${ka.id}/account-team/${westRep.userId}`, { role: 'service', access: 'read' });
    const eightDaysAgo = new Date(t.clock.now().getTime() - 8 * DAY).toISOString();
    expect((await junior.patch(`/api/v1/customers/${ka.id}`, { lastContactAt: eightDaysAgo, version: ka.version })).statusCode).toBe(200);
    const later = (await westRep.get(`/api/v1/customers/${ka.id}/compliance`)).json();
    expect(later.checks[0]).toMatchObject({ status: 'breached', daysSinceContact: 8 });
    expect(later.checks[2]).toMatchObject({ status: 'met', members: 1 });
  });

  it('counts a never-contacted customer from when its owner took it; holds nobody to account in the pool', async () => {
    const c = (await junior.post('/api/v1/customers', { name: 'Never called' })).json();
    t.clock.advance(2 * DAY);
    const check = (await junior.get(`/api/v1/customers/${c.id}/compliance`)).json().checks[0];
    expect(check).toMatchObject({ status: 'met', daysSinceContact: 2, countedFrom: 'ownedSince' });
    const pooled = (await acme.admin.post('/api/v1/customers', { name: 'Pooled', ownerId: null, tierId: policies.ka.tierId })).json();
    const res = (await westRep.get(`/api/v1/customers/${pooled.id}/compliance`)).json();
    expect(res).toMatchObject({ compliant: true, pool: null });
    expect(res.checks.map((c: { status: string }) => c.status)).toEqual(['not_applicable', 'not_applicable', 'not_applicable']);
  });

  it('is not shown to who may not see the customer', async () => {
    const c = (await junior.post('/api/v1/customers', { name: 'Private compliance' })).json();
    expect((await westRep.get(`/api/v1/customers/${c.id}/compliance`)).statusCode).toBe(404);
    expect((await globex.admin.get(`/api/v1/customers/${c.id}/compliance`)).statusCode).toBe(404);
    expect((await anonymous(t).get(`/api/v1/customers/${c.id}/compliance`)).statusCode).toBe(401);
    expect((await viewer.get(`/api/v1/customers/${c.id}/compliance`)).statusCode).toBe(200);
    expect((await junior.get('/api/v1/customers/not-an-id/compliance')).statusCode).toBe(400);
  });
});

describe('breaches by rep and team', () => {
  const initech = { org: undefined as unknown as Awaited<ReturnType<typeof seedOrg>> };
  let north: { id: string; name: string };
  let south: { id: string; name: string };
  let northManager: Caller;
  let repJ: Caller;
  let repS: Caller;
  let repM: Caller;
  let pol: Record<string, Policy>;

  beforeAll(async () => {
    const org = await seedOrg(t, 'Initech');
    initech.org = org;
    const lv = Object.fromEntries(
      (await org.admin.get('/api/v1/levels')).json().data.map((l: { key: string; id: string }) => [l.key, l.id]),
    );
    northManager = await seedUser(t, org.orgId, 'manager');
    north = (await org.admin.post('/api/v1/teams', { name: 'North', managerId: northManager.userId })).json();
    south = (await org.admin.post('/api/v1/teams', { name: 'South' })).json();
    repJ = await seedUser(t, org.orgId, 'rep', { teamId: north.id, levelId: lv.junior, name: 'J' });
    repS = await seedUser(t, org.orgId, 'rep', { teamId: north.id, levelId: lv.senior, name: 'S' });
    repM = await seedUser(t, org.orgId, 'rep', { teamId: south.id, levelId: lv.mid, name: 'M' });
    pol = await loadPolicies(org);
    const now = t.clock.now().getTime();
    const ago = (days: number) => new Date(now - days * DAY).toISOString();
    const make = async (body: Record<string, unknown>) =>
      (await org.admin.post('/api/v1/customers', { lastContactAt: ago(0), ...body })).json();
    await make({ name: 'c1', tierId: pol.ka.tierId, ownerId: repJ.userId }); // junior on KA, no team: level + team breaches
    const c2 = await make({ name: 'c2', tierId: pol.ka.tierId, ownerId: repS.userId }); // all met once it has a team
    await org.admin.request('PUT', `/api/v1/customers/${c2.id}/account-team/${repM.userId}`, { role: 'service', access: 'read' });
    await make({ name: 'c3', tierId: pol.vip.tierId, ownerId: repM.userId, lastContactAt: ago(15) }); // VIP cadence 14: breach
    await make({ name: 'c4', ownerId: repJ.userId, lastContactAt: ago(31) }); // SMB cadence 30: breach
    await make({ name: 'c5', ownerId: repS.userId, lastContactAt: ago(30) }); // exactly 30 days: met
    await make({ name: 'c6', ownerId: null, lastContactAt: null }); // in the pool: nobody's breach
    const c7 = await make({ name: 'c7', ownerId: repM.userId, lastContactAt: ago(99) });
    await org.admin.delete(`/api/v1/customers/${c7.id}?version=1`); // deleted: not counted
  });

  const counts = (customers: number, inBreach: number, followUpCadence: number, ownerLevel: number, accountTeam: number) => ({
    customers,
    inBreach,
    followUpCadence,
    ownerLevel,
    accountTeam,
  });

  it('counts per rep, per team and in total, over the whole organisation for admins', async () => {
    const res = await initech.org.admin.get('/api/v1/tier-policies/breaches');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report.total).toEqual(counts(5, 3, 2, 1, 1));
    expect(report.byRep).toEqual([
      { userId: repJ.userId, name: 'J', teamId: north.id, ...counts(2, 2, 1, 1, 1) },
      { userId: repM.userId, name: 'M', teamId: south.id, ...counts(1, 1, 1, 0, 0) },
      { userId: repS.userId, name: 'S', teamId: north.id, ...counts(2, 0, 0, 0, 0) },
    ]);
    expect(report.byTeam).toEqual([
      { teamId: north.id, name: 'North', ...counts(4, 2, 1, 1, 1) },
      { teamId: south.id, name: 'South', ...counts(1, 1, 1, 0, 0) },
    ]);
    expect((await initech.org.admin.get(`/api/v1/tier-policies/breaches?tierId=${pol.ka.tierId}`)).json().total).toEqual(
      counts(2, 1, 0, 1, 1),
    );
  });

  it('agrees with every customer’s own compliance', async () => {
    const all = (await initech.org.admin.get('/api/v1/customers?limit=200')).json().data as { id: string; ownerId: string | null }[];
    const perRep = new Map<string, number>();
    for (const c of all) {
      const compliance = (await initech.org.admin.get(`/api/v1/customers/${c.id}/compliance`)).json();
      if (c.ownerId && !compliance.compliant) perRep.set(c.ownerId, (perRep.get(c.ownerId) ?? 0) + 1);
    }
    const report = (await initech.org.admin.get('/api/v1/tier-policies/breaches')).json();
    for (const r of report.byRep) expect(r.inBreach).toBe(perRep.get(r.userId) ?? 0);
  });

  it('keeps to the caller’s scope: a rep their own, a manager their teams', async () => {
    const mine = (await repJ.get('/api/v1/tier-policies/breaches')).json();
    expect(mine.total).toEqual(counts(2, 2, 1, 1, 1));
    expect(mine.byRep.map((r: { userId: string }) => r.userId)).toEqual([repJ.userId]);
    const team = (await northManager.get('/api/v1/tier-policies/breaches')).json();
    expect(team.total).toEqual(counts(4, 2, 1, 1, 1));
    expect(team.byTeam.map((r: { name: string }) => r.name)).toEqual(['North']);
    // A read member of c2's account team does not answer for its breaches.
    expect((await repM.get('/api/v1/tier-policies/breaches')).json().total).toEqual(counts(1, 1, 1, 0, 0));
    expect((await globex.admin.get('/api/v1/tier-policies/breaches')).json().total.customers).toBe(0);
    expect((await anonymous(t).get('/api/v1/tier-policies/breaches')).statusCode).toBe(401);
    expect((await repJ.get('/api/v1/tier-policies/breaches?tierId=nope')).statusCode).toBe(400);
  });
});
