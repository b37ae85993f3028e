import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { seedTierOrg } from '../../../test/tierFixtures.ts';
import type { JobRecord } from '../../platform/jobs/jobs.types.ts';
import { customers } from '../customers/customers.table.ts';
import { levels } from '../levels/levels.table.ts';
import { runPoolSweep } from '../pool/pool.sweep.ts';
import { serviceSlaJob } from '../serviceRequests/serviceRequests.jobs.ts';
import { users } from '../users/users.table.ts';
import { notifications } from './notifications.table.ts';

/** Who is told what by the pool sweep, assignment, tier changes and the service SLA watch — and that preferences hold. */
const t = await createTestApp();
const org = await seedTierOrg(t);
const { acme, director, eastManager, eastRep, westRep, ladder, eastCustomers, westCustomer } = org;
const DAY = 86_400_000;
const HOUR = 3_600_000;

type Row = typeof notifications.$inferSelect;
const received = async (caller: Caller, kind: Row['kind']) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.orgId, acme.orgId), eq(notifications.userId, caller.userId as string), eq(notifications.kind, kind)));
const turnOff = async (caller: Caller, ...kinds: string[]) => {
  const res = await caller.put('/api/v1/notifications/preferences', { preferences: kinds.map((kind) => ({ kind, enabled: false })) });
  expect(res.statusCode, res.body).toBe(200);
};
/** Pretends the customer has been owned, uncontacted, for `days` days (and, when given, warned `warnedDaysAgo` days ago). */
const backdate = (id: string, days: number, warnedDaysAgo?: number) => {
  const now = t.clock.now().getTime();
  return t.db
    .update(customers)
    .set({
      ownedSince: new Date(now - days * DAY),
      lastContactAt: new Date(now - days * DAY),
      ...(warnedDaysAgo === undefined ? {} : { poolWarnedAt: new Date(now - warnedDaysAgo * DAY) }),
    })
    .where(and(eq(customers.orgId, acme.orgId), eq(customers.id, id)));
};

describe('tier changes', () => {
  it('tells the owners of the customers a recompute moves — and only those — not the one who ran it', async () => {
    // Default rules over 12 ranked customers: KA = the top 1, VIP = ranks 2–3; the rest stay SMB.
    const res = await director.post('/api/v1/tiers/recompute', { asOf: '2026-01-05T00:00:00+08:00' });
    expect(res.json()).toMatchObject({ changed: 3 });
    const told = await received(eastRep, 'tier_change');
    expect(told.map((n) => [n.entityId, n.params.toTierId, n.params.source]).sort()).toEqual(
      [
        [eastCustomers[11].id, ladder.ka.id, 'rule'],
        [eastCustomers[10].id, ladder.vip.id, 'rule'],
        [eastCustomers[9].id, ladder.vip.id, 'rule'],
      ].sort(),
    );
    expect(told[0]).toMatchObject({ entity: 'customer', params: { fromTierId: ladder.smb.id, customerName: expect.any(String) } });
    expect(await received(westRep, 'tier_change')).toEqual([]);
    expect(await received(director, 'tier_change')).toEqual([]);
    // Nothing moves the second time: nothing more is said.
    await director.post('/api/v1/tiers/recompute', { asOf: '2026-01-05T00:00:00+08:00' });
    expect(await received(eastRep, 'tier_change')).toHaveLength(3);
  });

  it('tells the owner of a tier set by hand by someone else; not of a pin alone, not one they set themselves', async () => {
    const c = (await eastRep.get(`/api/v1/customers/${eastCustomers[0].id}`)).json();
    const set = await eastManager.put(`/api/v1/customers/${c.id}/tier`, { tierId: ladder.vip.id, reason: '战略', version: c.version });
    expect(set.statusCode, set.body).toBe(200);
    const told = (await received(eastRep, 'tier_change')).filter((n) => n.entityId === c.id);
    expect(told).toMatchObject([{ params: { fromTierId: ladder.smb.id, toTierId: ladder.vip.id, source: 'manual' } }]);
    const pinned = await eastManager.put(`/api/v1/customers/${c.id}/tier`, {
      tierId: ladder.vip.id,
      reason: 'pin',
      pinned: true,
      version: set.json().version,
    });
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect((await received(eastRep, 'tier_change')).filter((n) => n.entityId === c.id)).toHaveLength(1);
  });

  it('says nothing to an owner who turned tier changes off', async () => {
    await turnOff(eastRep, 'tier_change');
    const c = (await eastRep.get(`/api/v1/customers/${eastCustomers[1].id}`)).json();
    expect(
      (await eastManager.put(`/api/v1/customers/${c.id}/tier`, { tierId: ladder.ka.id, reason: 'x', version: c.version })).statusCode,
    ).toBe(200);
    expect((await received(eastRep, 'tier_change')).filter((n) => n.entityId === c.id)).toEqual([]);
    await turnOff(eastRep);
  });
});

describe('the pool sweep', () => {
  it('warns the owner, then tells them when the customer is reclaimed; a rep who turned warnings off gets no warning', async () => {
    await turnOff(westRep, 'pool_warning');
    const smb = eastCustomers[4].id; // SMB: reclaimed after 30 days, warned 3 days before
    await backdate(smb, 28);
    await backdate(westCustomer.id, 28);
    const warned = await runPoolSweep(t.db, t.clock);
    expect(warned).toMatchObject({ warned: 2, reclaimed: 0 });
    expect(await received(eastRep, 'pool_warning')).toMatchObject([
      { entity: 'customer', entityId: smb, params: { customerName: 'East customer 04', daysSinceContact: 28, reclaimDays: 30 } },
    ]);
    expect(await received(westRep, 'pool_warning')).toEqual([]);
    // A second sweep the same day warns nobody again.
    await runPoolSweep(t.db, t.clock);
    expect(await received(eastRep, 'pool_warning')).toHaveLength(1);
    await backdate(smb, 35, 4);
    const reclaimed = await runPoolSweep(t.db, t.clock);
    expect(reclaimed).toMatchObject({ reclaimed: 1 });
    expect(await received(eastRep, 'pool_reclaim')).toMatchObject([{ entity: 'customer', entityId: smb, params: { reclaimDays: 30 } }]);
    await turnOff(westRep);
  });
});

describe('assignment', () => {
  it('tells the rep the rules chose, unless it was already theirs', async () => {
    const [junior] = await t.db
      .select({ id: levels.id })
      .from(levels)
      .where(and(eq(levels.orgId, acme.orgId), eq(levels.key, 'junior')));
    await t.db
      .update(users)
      .set({ levelId: junior.id })
      .where(eq(users.id, westRep.userId as string));
    const pooled = (await acme.admin.post('/api/v1/customers', { name: 'Walk-in', ownerId: null })).json();
    const res = await director.post(`/api/v1/assignments/customer/${pooled.id}/assign`);
    expect(res.json()).toMatchObject({ assigned: true, ownerId: westRep.userId });
    expect(await received(westRep, 'assignment')).toMatchObject([
      { entity: 'customer', entityId: pooled.id, params: { entity: 'customer', name: 'Walk-in', ruleName: expect.any(String) } },
    ]);
    await director.post(`/api/v1/assignments/customer/${pooled.id}/assign`); // the rules choose the same rep again
    expect(await received(westRep, 'assignment')).toHaveLength(1);
  });
});

describe('the service SLA watch (a job)', () => {
  const runJob = () =>
    t.db.transaction((tx) =>
      serviceSlaJob.run({
        tx,
        clock: t.clock,
        job: { id: 'x', orgId: null, kind: serviceSlaJob.kind, payload: {}, attempts: 1 } as JobRecord,
      }),
    );

  it('tells the owner once when an unanswered request passes its deadline; not an answered one; not one who turned it off', async () => {
    const open = async (caller: Caller, customerId: string) =>
      (await caller.post('/api/v1/service-requests', { customerId, title: 'Broken' })).json() as { id: string };
    const late = await open(eastRep, eastCustomers[11].id); // KA: 4 h
    const answered = await open(eastRep, eastCustomers[10].id); // VIP: 12 h
    await turnOff(westRep, 'service_sla');
    const muted = await open(westRep, westCustomer.id);
    t.clock.advance(4 * HOUR);
    expect(await runJob()).toEqual({ notified: 0 }); // exactly at the deadline is in time
    await eastRep.post(`/api/v1/service-requests/${answered.id}/answer`);
    t.clock.advance(25 * HOUR);
    expect(await runJob()).toEqual({ notified: 1 });
    expect(await received(eastRep, 'service_sla')).toMatchObject([
      { entity: 'service_request', entityId: late.id, params: { title: 'Broken', slaHours: 4 } },
    ]);
    expect(await runJob()).toEqual({ notified: 0 });
    expect((await received(westRep, 'service_sla')).filter((n) => n.entityId === muted.id)).toEqual([]);
  });
});
