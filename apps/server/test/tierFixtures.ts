import { sql } from 'drizzle-orm';
import { orders } from '../src/modules/orders/orders.table.ts';
import { newId } from '../src/platform/ids.ts';
import { type Caller, seedOrg, seedUser, type TestApp } from './testApp.ts';

export type TierDto = { id: string; key: string; rank: number; etag: string; nameZh: string };

export const putAs = (caller: Caller, url: string, body: unknown, headers?: Record<string, string>) =>
  caller.request('PUT', url, body, headers);

/**
 * Two organisations; in Acme a director, two teams (East, West) each with a manager and a rep, and a viewer.
 * The East rep owns twelve customers, "East customer 00" … "11", customer i having spent (i + 1) × 100
 * in one order on 2025-12-01; the West rep owns one customer without orders.
 */
export async function seedTierOrg(t: TestApp) {
  const acme = await seedOrg(t, 'Acme');
  const globex = await seedOrg(t, 'Globex');
  const director = await seedUser(t, acme.orgId, 'director');
  const eastManager = await seedUser(t, acme.orgId, 'manager');
  const westManager = await seedUser(t, acme.orgId, 'manager');
  const east = (await acme.admin.post('/api/v1/teams', { name: 'East', managerId: eastManager.userId })).json();
  const west = (await acme.admin.post('/api/v1/teams', { name: 'West', managerId: westManager.userId })).json();
  const eastRep = await seedUser(t, acme.orgId, 'rep', { teamId: east.id });
  const westRep = await seedUser(t, acme.orgId, 'rep', { teamId: west.id });
  const viewer = await seedUser(t, acme.orgId, 'viewer');
  const list: TierDto[] = (await acme.admin.get('/api/v1/tiers')).json().data;
  const ladder = { ka: list[0], vip: list[1], smb: list[2] };
  const eastCustomers: { id: string; version: number; tierId: string }[] = [];
  for (let i = 0; i < 12; i++) {
    eastCustomers.push((await eastRep.post('/api/v1/customers', { name: `East customer ${String(i).padStart(2, '0')}` })).json());
  }
  const westCustomer: { id: string } = (await westRep.post('/api/v1/customers', { name: 'West customer' })).json();
  // Orders go straight to the table: these tests are about tiers, not about taking orders.
  const now = t.clock.now();
  await t.db.insert(orders).values(
    eastCustomers.map((c, i) => ({
      orgId: acme.orgId,
      id: newId(),
      customerId: c.id,
      orderedAt: new Date('2025-12-01T00:00:00Z'),
      amount: `${(i + 1) * 100}.00`,
      createdAt: now,
    })),
  );
  return { acme, globex, director, eastManager, westManager, eastRep, westRep, viewer, ladder, eastCustomers, westCustomer };
}

/** Everything a refused or read-only request must leave as it was: customers' tiers, history, rules, audit, ladder. */
export async function tierSnapshot(t: TestApp, orgId: string) {
  const rows = await t.db.execute(sql`select
    (select string_agg(id::text || tier_id::text || version::text || tier_pinned::text, ',' order by id) from customers where org_id = ${orgId}) as customers,
    (select count(*)::int from tier_changes where org_id = ${orgId}) as changes,
    (select count(*)::int from tier_rule_sets where org_id = ${orgId}) as rules,
    (select count(*)::int from audit_log where org_id = ${orgId}) as audit,
    (select string_agg(id::text || rank::text || name_zh || name_en || color, ',' order by rank) from tiers where org_id = ${orgId}) as tiers,
    (select count(*)::int from tier_policies where org_id = ${orgId}) as policies`);
  return (rows as unknown as { rows: unknown[] }).rows[0];
}
