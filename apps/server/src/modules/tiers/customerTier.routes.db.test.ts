import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymous, createTestApp } from '../../../test/testApp.ts';
import { putAs as put, seedTierOrg, tierSnapshot } from '../../../test/tierFixtures.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { customers } from '../customers/customers.table.ts';
import { tierChanges } from './tiers.table.ts';

/** A customer's tier by hand, a recompute through the API, and the tier history: who may, and what each leaves behind. */
const t = await createTestApp();
const { acme, globex, director, eastManager, westManager, eastRep, westRep, viewer, ladder, eastCustomers, westCustomer } =
  await seedTierOrg(t);
const snapshot = (orgId: string) => tierSnapshot(t, orgId);
const asOf = '2026-01-05T00:00:00+08:00';

describe('a tier by hand, recompute and history', () => {
  it('lets the team’s manager set and pin a tier with a reason; the history and the audit log show it', async () => {
    t.clock.advance(3_600_000);
    const c = eastCustomers[0]; // the smallest spender
    const res = await put(eastManager, `/api/v1/customers/${c.id}/tier`, {
      tierId: ladder.ka.id,
      reason: '战略合作伙伴',
      pinned: true,
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ tierId: ladder.ka.id, tierPinned: true, version: c.version + 1 });
    const history = (await eastRep.get(`/api/v1/customers/${c.id}/tier-history`)).json().data;
    expect(history[0]).toMatchObject({
      source: 'manual',
      fromTierId: ladder.smb.id,
      toTierId: ladder.ka.id,
      reason: '战略合作伙伴',
      actorId: eastManager.userId,
      ruleVersion: null,
      explanation: null,
    });
    expect(history[1]).toMatchObject({ source: 'manual', fromTierId: null, toTierId: ladder.smb.id }); // created at the lowest tier
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.orgId, acme.orgId),
          eq(auditLog.entity, 'customer'),
          eq(auditLog.entityId, c.id),
          eq(auditLog.actorId, eastManager.userId as string),
        ),
      );
    expect(audit[0].changes).toMatchObject({
      tierId: { before: ladder.smb.id, after: ladder.ka.id },
      tierPinned: { before: false, after: true },
    });
  });

  it('refuses a rep and a viewer (403), another team’s manager and another organisation (404), writing nothing', async () => {
    const c = eastCustomers[1];
    const before = await snapshot(acme.orgId);
    const body = { tierId: ladder.vip.id, reason: 'why not', version: 1 };
    expect((await put(eastRep, `/api/v1/customers/${c.id}/tier`, body)).statusCode).toBe(403);
    expect((await put(viewer, `/api/v1/customers/${c.id}/tier`, body)).statusCode).toBe(403);
    expect((await put(westManager, `/api/v1/customers/${c.id}/tier`, body)).statusCode).toBe(404);
    expect((await put(globex.admin, `/api/v1/customers/${c.id}/tier`, body)).statusCode).toBe(404);
    expect(await snapshot(acme.orgId)).toEqual(before);
  });

  it('refuses a missing reason (400), an unknown tier (422) and a stale version (409), naming the field, writing nothing', async () => {
    const c = eastCustomers[1];
    const before = await snapshot(acme.orgId);
    const url = `/api/v1/customers/${c.id}/tier`;
    const noReason = await put(acme.admin, url, { tierId: ladder.vip.id, version: 1 });
    expect([noReason.statusCode, noReason.json().errors[0].path]).toEqual([400, 'reason']);
    const blank = await put(acme.admin, url, { tierId: ladder.vip.id, reason: '   ', version: 1 });
    expect([blank.statusCode, blank.json().errors[0].path]).toEqual([400, 'reason']);
    const foreignTier = (await globex.admin.get('/api/v1/tiers')).json().data[0].id;
    const unknown = await put(acme.admin, url, { tierId: foreignTier, reason: 'x', version: 1 });
    expect([unknown.statusCode, unknown.json().errors[0].path]).toEqual([422, 'tierId']);
    const stale = await put(acme.admin, url, { tierId: ladder.vip.id, reason: 'x', version: 7 });
    expect([stale.statusCode, stale.json().errors[0].path]).toEqual([409, 'version']);
    expect((await put(acme.admin, url, { tierId: ladder.vip.id, reason: 'x' })).statusCode).toBe(428);
    expect(await snapshot(acme.orgId)).toEqual(before);
  });

  it('recomputes with the current rules, leaves the pinned customer alone, and every history explains the tier', async () => {
    t.clock.advance(3_600_000);
    const cutoffs = [
      { tierId: ladder.ka.id, kind: 'top_percent', value: 10 },
      { tierId: ladder.vip.id, kind: 'top_percent', value: 30 },
    ];
    expect((await put(director, '/api/v1/tier-rules', { version: 1, metric: 'monetary', windowDays: 365, cutoffs })).statusCode).toBe(200);
    const res = await director.post('/api/v1/tiers/recompute', { asOf });
    expect(res.statusCode, res.body).toBe(200);
    // Rules v2: 12 ranked → KA = ceil(1.2) = 2 ranks, VIP up to ceil(3.6) = 4. Customer 0 is pinned KA (rank 12).
    expect(res.json()).toMatchObject({ ruleVersion: 2, customers: 13, ranked: 12, pinned: 1, changed: 4 });
    const all = (await acme.admin.get('/api/v1/customers?limit=200&sort=name')).json().data;
    const tierOf = Object.fromEntries(all.map((c: { name: string; tierId: string }) => [c.name, c.tierId]));
    expect(tierOf['East customer 00']).toBe(ladder.ka.id); // pinned: untouched although it ranks last
    expect([tierOf['East customer 11'], tierOf['East customer 10']]).toEqual([ladder.ka.id, ladder.ka.id]);
    expect([tierOf['East customer 09'], tierOf['East customer 08']]).toEqual([ladder.vip.id, ladder.vip.id]);
    expect(tierOf['East customer 07']).toBe(ladder.smb.id);
    expect(tierOf['West customer']).toBe(ladder.smb.id);

    const lowest = ladder.smb.id;
    for (const c of all) {
      const [latest] = (await acme.admin.get(`/api/v1/customers/${c.id}/tier-history`)).json().data;
      expect(latest.toTierId, c.name).toBe(c.tierId);
      if (c.tierPinned) {
        expect(latest).toMatchObject({ source: 'manual', reason: '战略合作伙伴' });
        continue;
      }
      expect(latest).toMatchObject({
        source: 'rule',
        ruleVersion: 2,
        explanation: { metric: 'monetary', asOf: new Date(asOf).toISOString() },
      });
      const e = latest.explanation;
      if (e.cutoff) {
        expect(e.cutoff.tierId).toBe(c.tierId);
        expect(e.rank).toBeLessThanOrEqual(Math.ceil((e.cutoff.value * e.n) / 100));
      } else expect(c.tierId).toBe(lowest);
    }
    expect((await director.post('/api/v1/tiers/recompute', { asOf })).json().changed).toBe(0);
  });

  it('shows the history only to those who see the customer', async () => {
    const c = eastCustomers[3];
    expect((await eastRep.get(`/api/v1/customers/${c.id}/tier-history`)).statusCode).toBe(200);
    expect((await viewer.get(`/api/v1/customers/${c.id}/tier-history`)).statusCode).toBe(200);
    expect((await eastManager.get(`/api/v1/customers/${c.id}/tier-history?limit=1`)).json()).toMatchObject({
      data: [{ source: 'rule' }],
      nextCursor: expect.any(String),
    });
    expect((await westRep.get(`/api/v1/customers/${c.id}/tier-history`)).statusCode).toBe(404);
    expect((await westManager.get(`/api/v1/customers/${c.id}/tier-history`)).statusCode).toBe(404);
    expect((await globex.admin.get(`/api/v1/customers/${c.id}/tier-history`)).statusCode).toBe(404);
    expect((await anonymous(t).get(`/api/v1/customers/${c.id}/tier-history`)).statusCode).toBe(401);
  });

  it('pages the history newest first without repeating a row', async () => {
    const c = eastCustomers[11];
    const all = (await eastRep.get(`/api/v1/customers/${c.id}/tier-history`)).json().data;
    expect(all.length).toBe(2);
    const first = (await eastRep.get(`/api/v1/customers/${c.id}/tier-history?limit=1`)).json();
    const second = (await eastRep.get(`/api/v1/customers/${c.id}/tier-history?limit=1&cursor=${first.nextCursor}`)).json();
    expect([...first.data, ...second.data]).toEqual(all);
    expect(second.nextCursor).toBeNull();
    expect(await t.db.$count(tierChanges, and(eq(tierChanges.orgId, acme.orgId), eq(tierChanges.customerId, westCustomer.id)))).toBe(2);
    expect(await t.db.$count(customers, eq(customers.orgId, globex.orgId))).toBe(0);
  });
});
