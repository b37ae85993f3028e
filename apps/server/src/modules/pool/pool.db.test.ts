import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme');
const globex = await seedOrg(t, 'Globex');
let east: { id: string };
let eastManager: Caller;
let eastRep: Caller;
let eastRep2: Caller;
let westRep: Caller;
let director: Caller;
let viewer: Caller;
let tierIds: Record<string, string>;
let juniorLevelId: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const poolCustomer = async (name: string, extra: Record<string, unknown> = {}) => {
  const res = await acme.admin.post('/api/v1/customers', { name, ownerId: null, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; version: number };
};
const claim = (caller: Caller, id: string, body?: unknown) => caller.post(`/api/v1/customers/${id}/claim`, body);
const release = (caller: Caller, id: string, reason?: string) =>
  caller.post(`/api/v1/customers/${id}/release`, reason === undefined ? {} : { reason });
const events = async (id: string) =>
  (await acme.admin.get(`/api/v1/customers/${id}/pool-events`)).json().data as {
    kind: string;
    userId: string;
    actorId: string;
    reason: string;
  }[];
const setLimits = (maxCustomers: number | null, maxClaimsPerDay: number | null) =>
  t.db
    .update(levels)
    .set({ maxCustomers, maxClaimsPerDay })
    .where(and(eq(levels.orgId, acme.orgId), eq(levels.id, juniorLevelId)));

beforeAll(async () => {
  eastManager = await seedUser(t, acme.orgId, 'manager');
  east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
  const west = (await acme.admin.post('/api/v1/teams', { name: 'West' })).json();
  juniorLevelId = (await acme.admin.get('/api/v1/levels')).json().data.find((l: { key: string }) => l.key === 'junior').id;
  eastRep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: juniorLevelId });
  eastRep2 = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: juniorLevelId });
  westRep = await seedUser(t, acme.orgId, 'rep', { teamId: west.id, levelId: juniorLevelId });
  director = await seedUser(t, acme.orgId, 'director');
  viewer = await seedUser(t, acme.orgId, 'viewer');
  tierIds = Object.fromEntries(
    (await acme.admin.get('/api/v1/tier-policies')).json().data.map((p: { tierKey: string; tierId: string }) => [p.tierKey, p.tierId]),
  );
});

describe('the pool list', () => {
  it('shows every member of the organisation its customers without owner, filtered and paged', async () => {
    await poolCustomer('Pool A', { region: '华东', industry: 'Steel', tierId: tierIds.vip });
    await poolCustomer('Pool B', { region: '华东', industry: 'Chemicals' });
    await poolCustomer('Pool C', { region: '华南', industry: 'Steel' });
    const deleted = await poolCustomer('Pool Deleted');
    expect((await acme.admin.delete(`/api/v1/customers/${deleted.id}?version=1`)).statusCode).toBe(200);
    await acme.admin.post('/api/v1/customers', { name: 'Pool Owned', ownerId: eastRep.userId });
    const names = async (caller: Caller, query = '') =>
      (await caller.get(`/api/v1/pool?q=Pool${query}`)).json().data.map((c: { name: string }) => c.name);
    for (const caller of [westRep, eastRep, viewer, eastManager]) expect(await names(caller)).toEqual(['Pool A', 'Pool B', 'Pool C']);
    expect(await names(westRep, '&region=华东')).toEqual(['Pool A', 'Pool B']);
    expect(await names(westRep, '&industry=Steel&sort=-name')).toEqual(['Pool C', 'Pool A']);
    expect(await names(westRep, `&tierId=${tierIds.vip}`)).toEqual(['Pool A']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { name: string }[]; nextCursor: string | null } = (
        await westRep.get(`/api/v1/pool?q=Pool&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      seen.push(...page.data.map((c) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Pool A', 'Pool B', 'Pool C']);
    expect((await globex.admin.get('/api/v1/pool?q=Pool')).json().data).toEqual([]);
    expect((await anonymous(t).get('/api/v1/pool')).statusCode).toBe(401);
    const bad = await westRep.get('/api/v1/pool?limit=0&tierId=nope');
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['limit', 'tierId']);
  });
});

describe('claim and release', () => {
  it('claims for the claimer: owner, the claimer’s team, a fresh reclaim clock; logged with an event and an audit entry', async () => {
    const c = await poolCustomer('Claim Me');
    const res = await claim(eastRep, c.id, { reason: 'met them at a trade fair' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ownerId: eastRep.userId, teamId: east.id, version: 2 });
    expect(await events(c.id)).toMatchObject([
      { kind: 'claim', userId: eastRep.userId, actorId: eastRep.userId, reason: 'met them at a trade fair' },
    ]);
    const audit = (await acme.admin.get(`/api/v1/audit-log?entity=customer&entityId=${c.id}`)).json().data;
    expect(audit[0]).toMatchObject({
      action: 'update',
      actorId: eastRep.userId,
      changes: { ownerId: { before: null, after: eastRep.userId }, teamId: { before: null, after: east.id } },
    });
    expect((await eastRep.get('/api/v1/pool?q=Claim Me')).json().data).toEqual([]);
    expect((await claim(eastManager, c.id)).json().code).toBe('already_claimed');
    expect((await claim(eastRep, c.id)).json().code).toBe('not_in_pool'); // already the claimer's own
  });

  it('releases by the owner or their manager, with a reason; not by others', async () => {
    const c = await poolCustomer('Release Me');
    expect((await claim(eastRep, c.id)).statusCode).toBe(200);
    // A write member of the account team may work the customer, not give it away.
    await eastRep.request('PUT', `/api/v1/customers/${c.id}/account-team/${eastRep2.userId}`, { role: 'co_owner', access: 'write' });
    expect((await release(eastRep2, c.id, 'not mine')).statusCode).toBe(403);
    expect((await release(westRep, c.id, 'hijack')).statusCode).toBe(404);
    expect((await release(viewer, c.id, 'no')).statusCode).toBe(403);
    expect((await release(globex.admin, c.id, 'no')).statusCode).toBe(404);
    expect((await release(anonymous(t), c.id, 'no')).statusCode).toBe(401);
    const noReason = await release(eastRep, c.id);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    expect((await release(eastRep, c.id, '   ')).json().errors[0].path).toBe('reason');
    expect((await events(c.id)).map((e) => e.kind)).toEqual(['claim']);

    const res = await release(eastRep, c.id, 'went with a competitor');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ownerId).toBeNull();
    expect((await events(c.id))[0]).toMatchObject({
      kind: 'release',
      userId: eastRep.userId,
      actorId: eastRep.userId,
      reason: 'went with a competitor',
    });
    expect((await release(eastRep, c.id, 'again')).statusCode).toBe(409);

    const d = await poolCustomer('Managed Release');
    const bare = await eastRep2.request('POST', `/api/v1/customers/${d.id}/claim`);
    expect(bare.statusCode, bare.body).toBe(200); // no body at all
    expect((await release(eastManager, d.id, 'rep on leave')).statusCode).toBe(200);
    expect((await events(d.id))[0]).toMatchObject({ kind: 'release', userId: eastRep2.userId, actorId: eastManager.userId });
    const e = await poolCustomer('Director Release');
    await claim(westRep, e.id);
    expect((await release(director, e.id, 'territory change')).statusCode).toBe(200);
  });

  it('answers 404 for another organisation’s or an invisible customer, 403 for a viewer, 401 for nobody, 400 for a bad reason', async () => {
    const c = await poolCustomer('Guarded');
    expect((await claim(globex.admin, c.id)).statusCode).toBe(404);
    expect((await globex.admin.get(`/api/v1/customers/${c.id}/pool-events`)).statusCode).toBe(404);
    expect((await claim(viewer, c.id)).statusCode).toBe(403);
    expect((await claim(anonymous(t), c.id)).statusCode).toBe(401);
    const long = await claim(eastRep, c.id, { reason: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('reason');
    expect((await claim(eastRep, '00000000-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const owned = (await acme.admin.post('/api/v1/customers', { name: 'Owned Elsewhere', ownerId: eastRep.userId })).json();
    expect((await claim(westRep, owned.id)).statusCode).toBe(404);
    expect((await westRep.get(`/api/v1/customers/${owned.id}/pool-events`)).statusCode).toBe(404);
    expect((await viewer.get(`/api/v1/customers/${owned.id}/pool-events`)).statusCode).toBe(200);
    expect(await events(c.id)).toEqual([]);
    expect((await acme.admin.get(`/api/v1/customers/${c.id}`)).json()).toMatchObject({ ownerId: null, version: 1 });
  });

  it('lets exactly one of two reps claiming the same customer at once win; the other gets 409', async () => {
    for (let i = 0; i < 3; i++) {
      const c = await poolCustomer(`Contested ${i}`);
      const results = await Promise.all([claim(eastRep2, c.id), claim(westRep, c.id)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('already_claimed');
      expect((await events(c.id)).map((e) => e.kind)).toEqual(['claim']);
    }
  });
});

describe('claim limits and cool-down', () => {
  it('caps claims per day by the claimer’s level, counted in the organisation’s day (Asia/Shanghai), reset at local midnight', async () => {
    const rep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: juniorLevelId });
    await setLimits(null, 2);
    // Move to 23:00 in Shanghai (15:00 UTC), the last hour of the organisation's day.
    const next = new Date(t.clock.now());
    next.setUTCHours(15, 0, 0, 0);
    if (next <= t.clock.now()) next.setUTCDate(next.getUTCDate() + 1);
    t.clock.set(next);
    const cs = await Promise.all(['Daily 1', 'Daily 2', 'Daily 3'].map((n) => poolCustomer(n)));
    expect((await claim(rep, cs[0].id)).statusCode).toBe(200);
    expect((await claim(rep, cs[1].id)).statusCode).toBe(200);
    const refused = await claim(rep, cs[2].id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'claim_limit_daily',
      errors: [{ path: 'maxClaimsPerDay', message: 'claimed 2 of at most 2 today' }],
    });
    t.clock.advance(HOUR - 1000); // 23:59:59 local (15:59:59 UTC): still the same day
    expect((await claim(rep, cs[2].id)).statusCode).toBe(422);
    t.clock.advance(1000); // local midnight (16:00 UTC): a new day
    expect((await claim(rep, cs[2].id)).statusCode).toBe(200);
    await setLimits(null, null);
  });

  it('caps customers owned by the claimer’s level, naming the figures', async () => {
    const rep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id, levelId: juniorLevelId });
    await setLimits(2, null);
    await acme.admin.post('/api/v1/customers', { name: 'Assigned', ownerId: rep.userId });
    const [a, b] = await Promise.all([poolCustomer('Cap A'), poolCustomer('Cap B')]);
    expect((await claim(rep, a.id)).statusCode).toBe(200);
    const refused = await claim(rep, b.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'claim_limit_customers',
      errors: [{ path: 'maxCustomers', message: 'owned 2 of at most 2' }],
    });
    expect(refused.json().detail).toContain('2');
    expect((await release(rep, a.id, 'making room')).statusCode).toBe(200);
    expect((await claim(rep, b.id)).statusCode).toBe(200);
    // Concurrent claims by one rep cannot both slip under the limit.
    await release(rep, b.id, 'again');
    const [c, d] = await Promise.all([poolCustomer('Cap C'), poolCustomer('Cap D')]);
    const both = await Promise.all([claim(rep, c.id), claim(rep, d.id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 422]);
    await setLimits(null, null);
  });

  it('keeps whoever released a customer from claiming it back for the organisation’s cool-down days; others may', async () => {
    await t.db.update(orgs).set({ poolCooldownDays: 3 }).where(eq(orgs.id, acme.orgId));
    const c = await poolCustomer('Cooling');
    await claim(eastRep, c.id);
    await release(eastRep, c.id, 'no budget this year');
    const refused = await claim(eastRep, c.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'cool_down', errors: [{ path: 'poolCooldownDays' }] });
    t.clock.advance(3 * DAY - 1000);
    expect((await claim(eastRep, c.id)).json().code).toBe('cool_down');
    t.clock.advance(1000);
    expect((await claim(eastRep, c.id)).statusCode).toBe(200);
    // Someone else is never held by another's cool-down.
    await release(eastRep, c.id, 'still no budget');
    expect((await claim(westRep, c.id)).statusCode).toBe(200);
    expect((await events(c.id)).map((e) => e.kind)).toEqual(['claim', 'release', 'claim', 'release', 'claim']);
  });
});
