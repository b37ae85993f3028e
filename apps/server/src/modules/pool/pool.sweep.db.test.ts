import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser, signIn } from '../../../test/testApp.ts';
import { customers } from '../customers/customers.table.ts';
import { users } from '../users/users.table.ts';
import { runPoolSweep } from './pool.sweep.ts';

/**
 * The reclaim job on one timeline, driven by the injected clock. Defaults: SMB returns to the pool
 * after 30 days without contact with a warning 3 days before; KA after 90 (warning 7); cool-down 7 days.
 */
const t = await createTestApp();
const DAY = 86_400_000;
const T0 = t.clock.now();
const at = (days: number, ms = 0) => t.clock.set(new Date(T0.getTime() + days * DAY + ms));
const sweep = () => runPoolSweep(t.db, t.clock);

let acme: Awaited<ReturnType<typeof seedOrg>>;
let globex: Awaited<ReturnType<typeof seedOrg>>;
let rep: Caller;
let tiers: Record<string, { tierId: string; version: number }>;
const ids: Record<string, string> = {};

/** Sessions last 7 days and this timeline spans months: sign in again when needed. */
async function fresh(caller: Caller) {
  const [u] = await t.db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, caller.userId as string));
  return signIn(t, u.email);
}
const customer = async (id: string) => (await (await fresh(acme.admin)).get(`/api/v1/customers/${id}`)).json();
const events = async (id: string) =>
  (await (await fresh(acme.admin)).get(`/api/v1/customers/${id}/pool-events`)).json().data as {
    kind: string;
    userId: string | null;
    actorId: string | null;
    reason: string;
    at: string;
  }[];
/** Pretends the customer has been owned, uncontacted, for `days` days: an import, or a sweep that was not running. */
const backdate = (orgId: string, id: string, days: number) => {
  const long = new Date(t.clock.now().getTime() - days * DAY);
  return t.db
    .update(customers)
    .set({ ownedSince: long, lastContactAt: long })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, id)));
};

beforeAll(async () => {
  acme = await seedOrg(t, 'Acme');
  globex = await seedOrg(t, 'Globex');
  rep = await seedUser(t, acme.orgId, 'rep');
  const globexRep = await seedUser(t, globex.orgId, 'rep');
  tiers = Object.fromEntries(
    (await acme.admin.get('/api/v1/tier-policies'))
      .json()
      .data.map((p: { tierKey: string; tierId: string; version: number }) => [p.tierKey, p]),
  );
  // VIP customers never return to the pool in this organisation.
  const vip = (await acme.admin.get('/api/v1/tier-policies')).json().data.find((p: { tierKey: string }) => p.tierKey === 'vip');
  const { tierId, tierKey: _k, tierNameZh: _z, tierNameEn: _e, tierRank: _r, ...policy } = vip;
  expect((await acme.admin.request('PUT', `/api/v1/tier-policies/${tierId}`, { ...policy, poolReclaimDays: null })).statusCode).toBe(200);
  const make = async (key: string, body: Record<string, unknown>) => {
    const res = await acme.admin.post('/api/v1/customers', { ownerId: rep.userId, lastContactAt: T0.toISOString(), ...body });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json().id;
  };
  await make('neglected', { name: 'Neglected' });
  await make('tended', { name: 'Tended' });
  await make('key', { name: 'Key Account', tierId: tiers.ka.tierId });
  await make('vip', { name: 'VIP Never Reclaimed', tierId: tiers.vip.tierId });
  await make('stale', { name: 'Stale Import' });
  await backdate(acme.orgId, ids.stale, 100);
  const g = await globex.admin.post('/api/v1/customers', { name: 'Globex Stale', ownerId: globexRep.userId });
  ids.globexStale = g.json().id;
  await backdate(globex.orgId, ids.globexStale, 100);
});

describe('the pool sweep', () => {
  it('warns before it takes, even a customer long overdue: the owner always gets the warning days', async () => {
    expect(await sweep()).toMatchObject({ orgs: 2, warned: 2, reclaimed: 0, failed: [] });
    const [warning] = await events(ids.stale);
    expect(warning).toMatchObject({ kind: 'warning', userId: rep.userId, actorId: null });
    expect(warning.reason).toMatch(
      /^No contact for 100 days; returns to the pool on \d{4}-\d\d-\d\d \d\d:\d\d unless contacted \(limit: 30 days\)$/,
    );
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 0 }); // one warning per neglect, however often it runs
    at(3, -1000);
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 0 });
    at(3);
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 2 }); // Acme's and Globex's, each in its own organisation
    expect(await customer(ids.stale)).toMatchObject({ ownerId: null, version: 2 });
    const [reclaim] = await events(ids.stale);
    expect(reclaim).toMatchObject({
      kind: 'reclaim',
      userId: rep.userId,
      actorId: null,
      reason: 'No contact for 103 days; the tier returns customers to the pool after 30 days',
    });
    const audit = (await (await fresh(acme.admin)).get(`/api/v1/audit-log?entity=customer&entityId=${ids.stale}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'update', actorId: null, changes: { ownerId: { before: rep.userId, after: null } } });
    expect((await (await fresh(globex.admin)).get(`/api/v1/customers/${ids.globexStale}`)).json().ownerId).toBeNull();
  });

  it('leaves a recently contacted customer alone, and warns the owner of a neglected one warningDays before', async () => {
    at(20);
    rep = await fresh(rep);
    const tended = await customer(ids.tended);
    expect(
      (await rep.patch(`/api/v1/customers/${ids.tended}`, { lastContactAt: t.clock.now().toISOString(), version: tended.version }))
        .statusCode,
    ).toBe(200);
    at(27, -1000);
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 0 });
    at(27);
    expect(await sweep()).toMatchObject({ warned: 1, reclaimed: 0 });
    expect((await events(ids.neglected))[0]).toMatchObject({ kind: 'warning', userId: rep.userId });
    expect(await events(ids.tended)).toEqual([]);
    rep = await fresh(rep);
    const compliance = (await rep.get(`/api/v1/customers/${ids.neglected}/compliance`)).json();
    expect(compliance.pool).toMatchObject({ reclaimDays: 30, warningDays: 3, reclaimAt: new Date(T0.getTime() + 30 * DAY).toISOString() });
  });

  it('returns the neglected customer to the pool after its tier’s reclaim days, and nothing else', async () => {
    at(30, -1000);
    expect(await sweep()).toMatchObject({ reclaimed: 0 });
    at(30);
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 1 });
    expect(await customer(ids.neglected)).toMatchObject({ ownerId: null });
    for (const key of ['tended', 'key', 'vip']) expect((await customer(ids[key])).ownerId).toBe(rep.userId);
    const pool = (await (await fresh(rep)).get('/api/v1/pool')).json().data.map((c: { name: string }) => c.name);
    expect(pool).toEqual(['Neglected', 'Stale Import']);
  });

  it('keeps the owner who lost it from claiming it back until the cool-down has passed', async () => {
    rep = await fresh(rep);
    const refused = await rep.post(`/api/v1/customers/${ids.neglected}/claim`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'cool_down', errors: [{ path: 'poolCooldownDays' }] });
    at(37, -1000);
    rep = await fresh(rep);
    expect((await rep.post(`/api/v1/customers/${ids.neglected}/claim`)).json().code).toBe('cool_down');
    at(37);
    const claimed = await rep.post(`/api/v1/customers/${ids.neglected}/claim`, { reason: 'they called back' });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect((await events(ids.neglected)).map((e) => e.kind)).toEqual(['claim', 'reclaim', 'warning']);
  });

  it('starts the clock again at a claim and at every contact; a contact after a warning earns a new warning later', async () => {
    at(47);
    expect(await sweep()).toMatchObject({ warned: 1, reclaimed: 0 }); // Tended: contacted on day 20, warned on day 47
    at(48);
    rep = await fresh(rep);
    const tended = await customer(ids.tended);
    await rep.patch(`/api/v1/customers/${ids.tended}`, { lastContactAt: t.clock.now().toISOString(), version: tended.version });
    at(50);
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 0 }); // the contact on day 48 stopped the reclaim
    at(64);
    expect(await sweep()).toMatchObject({ warned: 1, reclaimed: 0 }); // Neglected: claimed again on day 37, 27 days on
    at(67);
    expect(await sweep()).toMatchObject({ warned: 0, reclaimed: 1 }); // Neglected again, 30 days after the new claim
    at(75);
    expect(await sweep()).toMatchObject({ warned: 1, reclaimed: 0 }); // Tended: 27 days after the day-48 contact
    expect((await events(ids.tended)).map((e) => e.kind)).toEqual(['warning', 'warning']);
  });

  it('reclaims key accounts after their own, longer period and never a tier without reclaim days', async () => {
    at(83);
    const result = await sweep();
    expect(result.warned).toBe(1); // Key Account: 90 − 7 days
    expect((await events(ids.key))[0]).toMatchObject({ kind: 'warning' });
    at(400);
    await sweep();
    expect((await customer(ids.key)).ownerId).toBeNull();
    expect((await customer(ids.vip)).ownerId).toBe(rep.userId);
    expect(await events(ids.vip)).toEqual([]);
  });
});
