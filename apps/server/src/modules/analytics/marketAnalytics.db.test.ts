import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, seedUser } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { orders } from '../orders/orders.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';

/**
 * Market analysis against a hand-computed world: Acme (Asia/Shanghai), window 2026-Q3 = [07-01, 10-01) local, the
 * previous window 2026-Q2. Customers (industry · region · owner · tier):
 *   C1 Retail · North · eastRep (junior, East) · SMB     C2 Retail · South · senior (East) · VIP
 *   C3 Tech · North · westRep (West) · KA                 C4 — · North · senior (East) · SMB
 *   C5 Tech · South · pool (no owner) · SMB              C6 Tech · deleted
 *   and seedSalesOrg's East Customer (eastRep, no industry or region, SMB).
 * Deals (short pipeline): d1 C1 won 100 Q3 · d2 C1 lost 40 Q3 · d3 C1 won 60 Q2 · d4 C2 won 200 at 07-01 00:30 local (Q3) ·
 * d5 C2 won 80 at 06-30 23:30 local (Q2) · d6 C3 won 300 Q3 · d7 C3 lost 10 Q3 · d8 west, no customer, won 50 Q3 ·
 * d9 C4 lost 20 Q3 · d10 C3 won 999 deleted · d11 C1 won 70 at 10-01 00:30 local (Q4) · d12 C1 open 500.
 * Orders: C1 30 Q3, 20 Q2 · C2 15.50 Q3 · C3 40 Q2 · C5 12 Q3 · C6 1000 Q3 (deleted customer) · Globex 777 Q3.
 */
const t = await createTestApp();
const s = await seedSalesOrg(t);
const orgId = s.acme.orgId;
const levelList: { id: string; key: string }[] = (await s.acme.admin.get('/api/v1/levels')).json().data;
const senior = seedUser(t, orgId, 'rep', { teamId: s.east.id, levelId: levelList.find((l) => l.key === 'senior')!.id, name: 'Sen' });
const midRep = seedUser(t, orgId, 'rep', { teamId: s.east.id, levelId: levelList.find((l) => l.key === 'mid')!.id, name: 'Mid' });
const sen = await senior;
const mid = await midRep;

const at = (v: string) => new Date(v.includes('T') ? v : `${v}T10:00:00+08:00`);
const tierRows = await t.db.select().from(tiers).where(eq(tiers.orgId, orgId));
const tier = (key: string) => tierRows.find((r) => r.key === key)!.id;
const base = { orgId, createdAt: at('2026-01-01'), updatedAt: at('2026-01-01') };
const E = s.east.id;
const W = s.west.id;
const cust = (
  name: string,
  industry: string | null,
  region: string,
  owner: string | null,
  team: string | null,
  tierKey: string,
  deleted = false,
) => ({
  ...base,
  id: newId(),
  name,
  industry,
  region,
  ownerId: owner,
  teamId: team,
  tierId: tier(tierKey),
  deletedAt: deleted ? at('2026-02-01') : null,
});
const c1 = cust('C1', 'Retail', 'North', s.eastRep.userId!, E, 'smb');
const c2 = cust('C2', 'Retail', 'South', sen.userId!, E, 'vip');
const c3 = cust('C3', 'Tech', 'North', s.westRep.userId!, W, 'ka');
const c4 = cust('C4', '  ', 'North', sen.userId!, E, 'smb');
const c5 = cust('C5', 'Tech', 'South', null, null, 'smb');
const c6 = cust('C6', 'Tech', 'South', s.westRep.userId!, W, 'ka', true);
await t.db.insert(customers).values([c1, c2, c3, c4, c5, c6]);
const stageRows = await t.db
  .select()
  .from(stages)
  .where(and(eq(stages.orgId, orgId), eq(stages.pipelineId, s.short.id)));
const stageOf = (kind: string) => stageRows.find((r) => r.kind === kind)!.id;
const deal = (
  owner: Caller,
  team: string,
  customerId: string | null,
  kind: 'won' | 'lost' | 'open',
  amount: string,
  closed: string | null,
  deleted = false,
) => ({
  ...base,
  id: newId(),
  name: `${kind} ${amount}`,
  pipelineId: s.short.id,
  stageId: stageOf(kind),
  customerId,
  ownerId: owner.userId!,
  teamId: team,
  amount,
  stageEnteredAt: closed ? at(closed) : at('2026-06-01'),
  closedAt: closed ? at(closed) : null,
  deletedAt: deleted ? at('2026-09-20') : null,
});
await t.db
  .insert(deals)
  .values([
    deal(s.eastRep, E, c1.id, 'won', '100.00', '2026-07-10'),
    deal(s.eastRep, E, c1.id, 'lost', '40.00', '2026-08-01'),
    deal(s.eastRep, E, c1.id, 'won', '60.00', '2026-05-01'),
    deal(sen, E, c2.id, 'won', '200.00', '2026-06-30T16:30:00Z'),
    deal(sen, E, c2.id, 'won', '80.00', '2026-06-30T15:30:00Z'),
    deal(s.westRep, W, c3.id, 'won', '300.00', '2026-09-15'),
    deal(s.westRep, W, c3.id, 'lost', '10.00', '2026-09-16'),
    deal(s.westRep, W, null, 'won', '50.00', '2026-09-17'),
    deal(sen, E, c4.id, 'lost', '20.00', '2026-08-08'),
    deal(s.westRep, W, c3.id, 'won', '999.00', '2026-09-18', true),
    deal(s.eastRep, E, c1.id, 'won', '70.00', '2026-09-30T16:30:00Z'),
    deal(s.eastRep, E, c1.id, 'open', '500.00', null),
  ]);
const order = (customerId: string, orderedAt: string, amount: string, org = orgId) => ({
  orgId: org,
  id: newId(),
  customerId,
  orderedAt: at(orderedAt),
  amount,
  createdAt: at(orderedAt),
});
const globexTier = (await t.db.select().from(tiers).where(eq(tiers.orgId, s.globex.orgId)))[0]!.id;
const gc = { ...cust('G1', 'Retail', 'North', null, null, 'smb'), orgId: s.globex.orgId, tierId: globexTier };
await t.db.insert(customers).values(gc);
await t.db
  .insert(orders)
  .values([
    order(c1.id, '2026-07-05', '30.00'),
    order(c1.id, '2026-04-05', '20.00'),
    order(c2.id, '2026-08-01', '15.50'),
    order(c3.id, '2026-05-05', '40.00'),
    order(c5.id, '2026-09-01', '12.00'),
    order(c6.id, '2026-09-02', '1000.00'),
    order(gc.id, '2026-08-02', '777.00', s.globex.orgId),
  ]);

const Q3 = 'from=2026-07-01&to=2026-10-01';
const market = async (caller: Caller, query: string) => {
  const res = await caller.get(`/api/v1/analytics/market?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
// tiers by rank: KA, VIP, SMB
const byTier = (ka: number, vip: number, smb: number) => [
  { tierId: tier('ka'), count: ka },
  { tierId: tier('vip'), count: vip },
  { tierId: tier('smb'), count: smb },
];
const figs = (wonDealAmount: string, orderAmount: string, wonCount: number, lostCount: number, winRate: string | null) => ({
  wonDealAmount,
  orderAmount,
  wonCount,
  lostCount,
  winRate,
});

describe('market by industry (admin: the organisation)', () => {
  it('computes revenue, win rate, growth and customers by tier per industry as by hand', async () => {
    const m = await market(s.acme.admin, `${Q3}&by=industry`);
    expect(m.window).toEqual({ from: '2026-07-01', to: '2026-10-01' });
    expect(m.previousWindow).toEqual({ from: '2026-04-01', to: '2026-07-01' });
    expect(m.tiers.map((x: { key: string }) => x.key)).toEqual(['ka', 'vip', 'smb']);
    expect(m.data).toEqual([
      {
        key: 'Retail',
        label: 'Retail',
        // won d1 100 + d4 200 (07-01 00:30 local); lost d2; orders C1 30 + C2 15.50
        current: figs('300.00', '45.50', 2, 1, '0.6667'),
        // d3 60 + d5 80 (06-30 23:30 local); C1 20
        previous: figs('140.00', '20.00', 2, 0, '1.0000'),
        growth: { wonDealAmount: '1.1429', orderAmount: '1.2750' }, // 160/140; 25.5/20
        customerCount: 2,
        customersByTier: byTier(0, 1, 1),
      },
      {
        key: 'Tech',
        label: 'Tech',
        // d6 300 won, d7 lost (d10 deleted); orders C5 12 (C6 deleted)
        current: figs('300.00', '12.00', 1, 1, '0.5000'),
        previous: figs('0.00', '40.00', 0, 0, null),
        growth: { wonDealAmount: null, orderAmount: '-0.7000' }, // (12 − 40) / 40
        customerCount: 2, // C3 KA, C5 SMB
        customersByTier: byTier(1, 0, 1),
      },
      {
        key: null,
        label: null,
        // d8 (no customer) won 50; d9 (C4, blank industry) lost
        current: figs('50.00', '0.00', 1, 1, '0.5000'),
        previous: figs('0.00', '0.00', 0, 0, null),
        growth: { wonDealAmount: null, orderAmount: null },
        customerCount: 2, // C4 and the fixture's East Customer (no industry), both SMB
        customersByTier: byTier(0, 0, 2),
      },
    ]);
    expect(m.total).toEqual({
      current: figs('650.00', '57.50', 4, 3, '0.5714'),
      previous: figs('140.00', '60.00', 2, 0, '1.0000'),
      growth: { wonDealAmount: '3.6429', orderAmount: '-0.0417' }, // 510/140; −2.5/60
      customerCount: 6,
      customersByTier: byTier(1, 1, 4),
    });
  });

  it('by region', async () => {
    const m = await market(s.acme.admin, `${Q3}&by=region`);
    expect(m.data.map((r: { key: string | null }) => r.key)).toEqual(['North', 'South', null]);
    const [north, south, none] = m.data;
    // d1 100 + d6 300 won; d2, d7, d9 lost; prev d3 60; orders C1 30, prev C1 20 + C3 40
    expect(north.current).toEqual(figs('400.00', '30.00', 2, 3, '0.4000'));
    expect(north.growth).toEqual({ wonDealAmount: '5.6667', orderAmount: '-0.5000' });
    expect(north.customersByTier).toEqual(byTier(1, 0, 2));
    expect(south.current).toEqual(figs('200.00', '27.50', 1, 0, '1.0000'));
    expect(south.growth).toEqual({ wonDealAmount: '1.5000', orderAmount: null });
    expect(none.current).toEqual(figs('50.00', '0.00', 1, 0, '1.0000'));
  });

  it('filters narrow: West team, the senior level, a region, a tier', async () => {
    const west = await market(s.acme.admin, `${Q3}&teamId=${W}`);
    expect(west.data.map((r: { key: string | null; current: unknown }) => [r.key, r.current])).toEqual([
      ['Tech', figs('300.00', '0.00', 1, 1, '0.5000')],
      [null, figs('50.00', '0.00', 1, 0, '1.0000')],
    ]);
    expect(west.data[0].previous.orderAmount).toBe('40.00');
    expect(west.data[0].growth.orderAmount).toBe('-1.0000');
    const seniorLevel = levelList.find((l) => l.key === 'senior')!.id;
    const bySenior = await market(s.acme.admin, `${Q3}&levelId=${seniorLevel}`);
    expect(bySenior.total.current).toEqual(figs('200.00', '15.50', 1, 1, '0.5000'));
    expect(bySenior.total.customerCount).toBe(2); // C2, C4 (the pool C5 has no owner, so no level)
    const south = await market(s.acme.admin, `${Q3}&region=South`);
    expect(south.total.current).toEqual(figs('200.00', '27.50', 1, 0, '1.0000'));
    // pipelineId narrows deals only: no deal in the long pipeline, the orders and customers stay
    const [long] = await t.db
      .select()
      .from(pipelines)
      .where(and(eq(pipelines.orgId, orgId), eq(pipelines.processType, 'long')));
    const inLong = await market(s.acme.admin, `${Q3}&pipelineId=${long!.id}`);
    expect(inLong.total.current).toEqual(figs('0.00', '57.50', 0, 0, null));
    expect(inLong.total.customerCount).toBe(6);
    const ka = await market(s.acme.admin, `${Q3}&tierId=${tier('ka')}`);
    expect(ka.total.current).toEqual(figs('300.00', '0.00', 1, 1, '0.5000'));
    expect(ka.total.customersByTier).toEqual(byTier(1, 0, 0));
  });
});

describe('who may read it (the level gate) and what they see (the scope)', () => {
  it('a junior or mid rep is refused with level_too_low', async () => {
    for (const rep of [s.eastRep, mid]) {
      const res = await rep.get(`/api/v1/analytics/market?${Q3}`);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('level_too_low');
    }
    expect((await s.eastRep.get(`/api/v1/analytics/market/export?${Q3}`)).statusCode).toBe(403);
  });

  it('checks the level on every look: a rep moved down is refused at once, though their snapshot is fresh', async () => {
    expect((await sen.get(`/api/v1/analytics/market?${Q3}`)).statusCode).toBe(200);
    const [row] = await t.db.select({ levelId: users.levelId }).from(users).where(eq(users.id, sen.userId!));
    await t.db
      .update(users)
      .set({ levelId: levelList.find((l) => l.key === 'mid')!.id })
      .where(eq(users.id, sen.userId!));
    try {
      const res = await sen.get(`/api/v1/analytics/market?${Q3}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('level_too_low');
    } finally {
      await t.db.update(users).set({ levelId: row!.levelId }).where(eq(users.id, sen.userId!));
    }
  });

  it('a senior rep reads their own book (own deals, own and pool customers)', async () => {
    const m = await market(sen, `${Q3}&by=industry`);
    expect(m.data.map((r: { key: string | null; current: unknown; customerCount: number }) => [r.key, r.current, r.customerCount])).toEqual(
      [
        ['Retail', figs('200.00', '15.50', 1, 0, '1.0000'), 1],
        ['Tech', figs('0.00', '12.00', 0, 0, null), 1],
        [null, figs('0.00', '0.00', 0, 1, '0.0000'), 1],
      ],
    );
    expect(m.data[0].growth.wonDealAmount).toBe('1.5000'); // (200 − 80) / 80
  });

  it('a manager sees their team; a viewer the organisation; another organisation nothing of Acme', async () => {
    const m = await market(s.eastManager, Q3);
    expect(m.data.map((r: { key: string | null; current: unknown }) => [r.key, r.current])).toEqual([
      ['Retail', figs('300.00', '45.50', 2, 1, '0.6667')],
      ['Tech', figs('0.00', '12.00', 0, 0, null)],
      [null, figs('0.00', '0.00', 0, 1, '0.0000')],
    ]);
    expect((await market(s.viewer, Q3)).total.current).toEqual(figs('650.00', '57.50', 4, 3, '0.5714'));
    const globex = await market(s.globex.admin, Q3);
    expect(globex.data.map((r: { key: string | null; current: unknown }) => [r.key, r.current])).toEqual([
      ['Retail', figs('0.00', '777.00', 0, 0, null)],
    ]);
  });

  it('validates the window: to after from, at most 3 years', async () => {
    for (const q of ['from=2026-07-01&to=2026-07-01', 'from=2020-01-01&to=2026-01-01']) {
      const res = await s.acme.admin.get(`/api/v1/analytics/market?${q}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain('to');
    }
    expect((await s.acme.admin.get(`/api/v1/analytics/market?${Q3}&by=city`)).statusCode).toBe(400);
  });
});

describe('export', () => {
  it('gives the same rows as CSV and Excel', async () => {
    const csv = await s.acme.admin.get(`/api/v1/analytics/market/export?${Q3}&format=csv&locale=en`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'Group,Won deal amount,Order amount,Won,Lost,Win rate,Previous won deal amount,Previous order amount,Previous win rate,Won deal growth,Order growth,Customers,Customers · Key account,Customers · VIP,Customers · SMB',
    );
    expect(lines[1]).toBe('Retail,300.00,45.50,2,1,0.6667,140.00,20.00,1.0000,1.1429,1.2750,2,0,1,1');
    expect(lines).toHaveLength(4);
    const xlsx = await s.acme.admin.get(`/api/v1/analytics/market/export?${Q3}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const seniorCsv = await sen.get(`/api/v1/analytics/market/export?${Q3}&locale=en`);
    expect(seniorCsv.body).toContain('Retail,200.00,15.50,1,0,1.0000');
  });
});

describe('OpenAPI', () => {
  it('documents every number, the level gate and the filters', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of ['/api/v1/analytics/market', '/api/v1/analytics/market/export']) {
      const op = doc.paths[p]?.get;
      expect(op?.description, p).toContain('level_too_low');
      expect(op.description).toContain('winRate');
      expect(op.parameters.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['by', 'from', 'to', 'teamId', 'levelId']));
    }
    for (const role of ['rep', 'manager', 'director'])
      expect(doc.paths[`/api/v1/analytics/dashboard/${role}`]?.get?.description).toBeTruthy();
  });
});
