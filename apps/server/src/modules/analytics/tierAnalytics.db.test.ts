import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp, type TestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { customers } from '../customers/customers.table.ts';
import { orders } from '../orders/orders.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { tierChanges, tiers } from '../tiers/tiers.table.ts';

/**
 * A hand-computed world in Acme (zone Asia/Shanghai, +08:00). Ladder ka (1), vip (2), smb (3). Customers, all created
 * 2026-01-05 except E4 (2026-04-10) and E5 (2026-06-15):
 *   East rep: E0 smb, E1 ka, E2 vip, E3 smb, E4 smb, E5 smb, E6 (soft-deleted, with orders and a task);
 *   West rep: W1 vip (region North), W2 smb; lone rep: L1 smb (its history rows removed: "no history" case).
 * Orders (UTC):
 *   E0 2025-10-01 10, 2025-10-11 10, 2026-04-30 50      E1 2026-02-01 400, 04-15 1000, 05-15 500
 *   E2 2026-03-31T15:59:59 −250 (Q1), 03-31T16:00 300 (Q2: midnight in Shanghai)
 *   E3 2026-01-10 100, 04-20 200, 04-25 −50            E4 04-11 10, 04-21 10      E5 06-16 10
 *   W1 2026-01-20 600, 04-10 800                       W2 2025-11-01 30, 11-11 30, 2026-05-01 −100
 *   L1 2025-12-22 20, 2026-04-05 100                   E6 (deleted) 2026-04-15 5000; Globex G1 2026-04-15 9999
 * Now = 2026-06-20T04:00Z. Q2 = [2026-04-01, 2026-07-01) Shanghai, Q1 the previous.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof seedSalesOrg>>;
const c: Record<string, string> = {};
let ladder: Record<'ka' | 'vip' | 'smb', string>;
let globexRows: { id: string; key: string }[];

const at = (iso: string) => new Date(iso.includes('T') ? iso : `${iso}T00:00:00Z`);
const Q2 = 'from=2026-04-01&to=2026-07-01';

async function create(caller: Caller, name: string) {
  const res = await caller.post('/api/v1/customers', { name });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  // Sessions expire when the clock jumps: everything is created "now", then creation dates are set in the past below.
  t.clock.set(at('2026-06-20T04:00:00Z'));
  s = await seedSalesOrg(t);
  const list = (await s.acme.admin.get('/api/v1/tiers')).json().data as { id: string; key: string }[];
  ladder = Object.fromEntries(list.map((x) => [x.key, x.id])) as typeof ladder;
  c.E0 = s.customer.id;
  for (const n of ['E1', 'E2', 'E3', 'E6']) c[n] = await create(s.eastRep, n);
  c.W1 = await create(s.westRep, 'W1');
  c.W2 = await create(s.westRep, 'W2');
  c.L1 = await create(s.loneRep, 'L1');
  const G1 = await create(s.globex.admin, 'G1');
  c.E4 = await create(s.eastRep, 'E4');
  c.E5 = await create(s.eastRep, 'E5');
  c.G1 = G1;
  for (const [n, created] of Object.entries(c)) {
    const when = at(n === 'E4' ? '2026-04-10T01:00:00Z' : n === 'E5' ? '2026-06-15T01:00:00Z' : '2026-01-05T01:00:00Z');
    await t.db.update(customers).set({ createdAt: when }).where(eq(customers.id, created));
    await t.db.update(tierChanges).set({ effectiveAt: when }).where(eq(tierChanges.customerId, created));
  }

  const org = s.acme.orgId;
  const history: [string, string, string, string][] = [
    ['E1', '2026-02-10', 'smb', 'vip'],
    ['E1', '2026-04-01', 'vip', 'ka'],
    ['E2', '2026-05-01', 'smb', 'vip'],
    ['W1', '2026-02-01', 'smb', 'ka'],
    ['W1', '2026-03-15', 'ka', 'vip'],
    ['W2', '2026-02-28T16:00:00Z', 'smb', 'vip'], // exactly the start of 2026-03-01 in Shanghai: in force then
    ['W2', '2026-05-01', 'vip', 'smb'],
  ];
  await t.db.insert(tierChanges).values(
    history.map(([n, when, from, to]) => ({
      orgId: org,
      id: newId(),
      customerId: c[n],
      effectiveAt: at(when),
      fromTierId: ladder[from as 'smb'],
      toTierId: ladder[to as 'smb'],
      source: 'manual' as const,
    })),
  );
  for (const [n, tier] of [
    ['E1', 'ka'],
    ['E2', 'vip'],
    ['W1', 'vip'],
  ] as const)
    await t.db
      .update(customers)
      .set({ tierId: ladder[tier] })
      .where(and(eq(customers.orgId, org), eq(customers.id, c[n])));
  await t.db
    .update(customers)
    .set({ region: 'North' })
    .where(and(eq(customers.orgId, org), eq(customers.id, c.W1)));
  await t.db
    .update(customers)
    .set({ deletedAt: t.clock.now() })
    .where(and(eq(customers.orgId, org), eq(customers.id, c.E6)));
  await t.db.delete(tierChanges).where(and(eq(tierChanges.orgId, org), eq(tierChanges.customerId, c.L1)));

  const orderRows: [string, string, string][] = [
    ['E0', '2025-10-01', '10.00'],
    ['E0', '2025-10-11', '10.00'],
    ['E0', '2026-04-30', '50.00'],
    ['E1', '2026-02-01', '400.00'],
    ['E1', '2026-04-15', '1000.00'],
    ['E1', '2026-05-15', '500.00'],
    ['E2', '2026-03-31T15:59:59Z', '-250.00'],
    ['E2', '2026-03-31T16:00:00Z', '300.00'],
    ['E3', '2026-01-10', '100.00'],
    ['E3', '2026-04-20', '200.00'],
    ['E3', '2026-04-25', '-50.00'],
    ['E4', '2026-04-11', '10.00'],
    ['E4', '2026-04-21', '10.00'],
    ['E5', '2026-06-16', '10.00'],
    ['W1', '2026-01-20', '600.00'],
    ['W1', '2026-04-10', '800.00'],
    ['W2', '2025-11-01', '30.00'],
    ['W2', '2025-11-11', '30.00'],
    ['W2', '2026-05-01', '-100.00'],
    ['L1', '2025-12-22', '20.00'],
    ['L1', '2026-04-05', '100.00'],
    ['E6', '2026-04-15', '5000.00'],
  ];
  const now = t.clock.now();
  await t.db
    .insert(orders)
    .values(
      orderRows.map(([n, when, amount]) => ({ orgId: org, id: newId(), customerId: c[n], orderedAt: at(when), amount, createdAt: now })),
    );
  await t.db
    .insert(orders)
    .values({ orgId: s.globex.orgId, id: newId(), customerId: G1, orderedAt: at('2026-04-15'), amount: '9999.00', createdAt: now });

  // Cadence tasks (one open per customer), plus a cancelled one, a manual one and one of the deleted customer.
  const owner: Record<string, string> = { E: s.eastRep.userId as string, W: s.westRep.userId as string };
  const taskRows: [string, string, 'open' | 'done' | 'cancelled', string | null, 'cadence' | 'manual'][] = [
    ['E1', '2026-04-10', 'done', '2026-04-09', 'cadence'],
    ['E1', '2026-05-10', 'done', '2026-05-11', 'cadence'], // late
    ['E1', '2026-06-10', 'open', null, 'cadence'],
    ['E2', '2026-04-20', 'done', '2026-04-20', 'cadence'], // completed at the due instant: on time
    ['E2', '2026-06-25', 'open', null, 'cadence'], // due after now: not judged yet
    ['W1', '2026-05-05', 'cancelled', null, 'cadence'],
    ['W1', '2026-05-06', 'done', '2026-05-06', 'cadence'],
    ['E3', '2026-03-31T15:00:00Z', 'done', '2026-03-31T14:00:00Z', 'cadence'], // Q1 in Shanghai
    ['E3', '2026-04-02', 'open', null, 'cadence'],
    ['E3', '2026-04-03', 'done', '2026-04-03', 'manual'],
    ['E6', '2026-04-05', 'done', '2026-04-05', 'cadence'],
  ];
  await t.db.insert(tasks).values(
    taskRows.map(([n, due, status, done, source]) => ({
      orgId: org,
      id: newId(),
      title: 'Follow up',
      dueAt: at(due),
      assigneeId: owner[n[0]],
      status,
      source,
      customerId: c[n],
      completedAt: done ? at(done) : null,
      createdAt: now,
      updatedAt: now,
    })),
  );
  globexRows = await t.db.select({ id: tiers.id, key: tiers.key }).from(tiers).where(eq(tiers.orgId, s.globex.orgId));
});

const get = async (caller: Caller, url: string) => {
  const res = await caller.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const byKey = <T extends { tierKey: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.tierKey, r]));

describe('distribution', () => {
  it('counts customers per current tier and their window revenue, with the previous quarter', async () => {
    const d = await get(s.acme.admin, `/api/v1/analytics/tiers/distribution?${Q2}&compare=previous`);
    expect(d.totalCustomers).toBe(9);
    expect(d.totalRevenue).toBe('2830.00');
    expect(d.rows.map((r: { tierKey: string }) => r.tierKey)).toEqual(['ka', 'vip', 'smb']);
    expect(byKey(d.rows)).toMatchObject({
      ka: { customers: 1, customerShare: '0.1111', revenue: '1500.00', revenueShare: '0.5300' },
      vip: { customers: 2, customerShare: '0.2222', revenue: '1100.00', revenueShare: '0.3887' },
      smb: { customers: 6, customerShare: '0.6667', revenue: '230.00', revenueShare: '0.0813' },
    });
    expect(d.previous.window).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(d.previous.totalRevenue).toBe('850.00');
    expect(byKey(d.previous.rows)).toMatchObject({ ka: { revenue: '400.00' }, vip: { revenue: '350.00' }, smb: { revenue: '100.00' } });
  });

  it('follows the scope and the filters', async () => {
    const east = await get(s.eastRep, `/api/v1/analytics/tiers/distribution?${Q2}`);
    expect(east.totalCustomers).toBe(6);
    expect(east.totalRevenue).toBe('2030.00');
    const eastManager = await get(s.eastManager, `/api/v1/analytics/tiers/distribution?${Q2}`);
    expect(eastManager.rows).toEqual(east.rows);
    const west = await get(s.westManager, `/api/v1/analytics/tiers/distribution?${Q2}`);
    expect(byKey(west.rows)).toMatchObject({
      ka: { customers: 0 },
      vip: { customers: 1, revenue: '800.00' },
      smb: { customers: 1, revenue: '-100.00' },
    });
    expect(west.totalRevenue).toBe('700.00');
    const outside = await get(s.westManager, `/api/v1/analytics/tiers/distribution?${Q2}&teamId=${s.east.id}`);
    expect(outside.totalCustomers).toBe(0);
    expect(outside.rows[0].customerShare).toBeNull();
    const north = await get(s.director, `/api/v1/analytics/tiers/distribution?${Q2}&region=North`);
    expect(north.totalCustomers).toBe(1);
    const byRep = await get(s.acme.admin, `/api/v1/analytics/tiers/distribution?${Q2}&repId=${s.westRep.userId}&tierId=${ladder.smb}`);
    expect(byRep.totalCustomers).toBe(1);
    expect(byRep.totalRevenue).toBe('-100.00');
    const juniors = await get(s.viewer, `/api/v1/analytics/tiers/distribution?${Q2}&levelId=${s.junior}`);
    expect(juniors.totalCustomers).toBe(9);
    const globex = await get(s.globex.admin, `/api/v1/analytics/tiers/distribution?${Q2}`);
    expect(globex.totalCustomers).toBe(1);
    expect(globex.totalRevenue).toBe('9999.00');
    expect(globex.rows.map((r: { tierId: string }) => r.tierId).sort()).toEqual(globexRows.map((r) => r.id).sort());
  });

  it('refuses a window that ends before it starts or is longer than 3 years, naming `to`', async () => {
    for (const q of ['from=2026-04-01&to=2026-04-01', 'from=2020-01-01&to=2026-01-01']) {
      const res = await s.acme.admin.get(`/api/v1/analytics/tiers/distribution?${q}`);
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain('to');
    }
  });

  it('exports the same rows as CSV', async () => {
    const res = await s.acme.admin.get(`/api/v1/analytics/tiers/distribution/export?${Q2}&format=csv&locale=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Window,Tier key,Tier,Tier (English),Customers,Customer share,Revenue,Revenue share');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2026-04-01\/2026-07-01,ka,.*,1,0\.1111,1500\.00,0\.5300$/);
    const east = await s.eastRep.get(`/api/v1/analytics/tiers/distribution/export?${Q2}&format=xlsx`);
    expect(east.statusCode).toBe(200);
    expect(east.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('concentration', () => {
  it('ranks paying customers and takes ceil(p × n / 100) of them', async () => {
    const d = await get(s.acme.admin, `/api/v1/analytics/tiers/concentration?${Q2}&compare=previous`);
    expect(d).toMatchObject({ totalRevenue: '2830.00', payingCustomers: 8, payingRevenue: '2930.00' });
    expect(d.top5).toEqual({ customers: 1, revenue: '1500.00', share: '0.5119' });
    expect(d.top20).toEqual({ customers: 2, revenue: '2300.00', share: '0.7850' });
    expect(d.lorenz).toHaveLength(21);
    expect(d.lorenz[0]).toEqual({ customerPercent: 0, customers: 0, revenueShare: '0.0000' });
    expect(d.lorenz[10]).toEqual({ customerPercent: 50, customers: 4, revenueShare: '0.9386' });
    expect(d.lorenz[20]).toEqual({ customerPercent: 100, customers: 8, revenueShare: '1.0000' });
    expect(d.previous).toMatchObject({ totalRevenue: '850.00', payingCustomers: 3, payingRevenue: '1100.00' });
    expect(d.previous.top5).toEqual({ customers: 1, revenue: '600.00', share: '0.5455' });
    const east = await get(s.eastRep, `/api/v1/analytics/tiers/concentration?${Q2}`);
    expect(east).toMatchObject({ payingCustomers: 6, payingRevenue: '2030.00', totalRevenue: '2030.00' });
    expect(east.top5.share).toBe('0.7389');
    expect(east.top20).toEqual({ customers: 2, revenue: '1800.00', share: '0.8867' });
    const none = await get(s.globex.admin, '/api/v1/analytics/tiers/concentration?from=2025-01-01&to=2025-02-01');
    expect(none.top5).toEqual({ customers: 0, revenue: '0.00', share: null });
    const csv = await s.acme.admin.get(`/api/v1/analytics/tiers/concentration/export?${Q2}&format=csv&locale=en`);
    expect(csv.body).toContain('2026-04-01/2026-07-01,20,2,0.7850,8,2930.00');
  });
});

describe('migration', () => {
  it('compares the tier in force at the start of each date, new customers apart', async () => {
    const d = await get(s.acme.admin, '/api/v1/analytics/tiers/migration?from=2026-03-01&to=2026-06-01');
    const cells = Object.fromEntries(
      d.cells.map((x: { fromKey: string; toKey: string; count: number }) => [`${x.fromKey}>${x.toKey}`, x.count]),
    );
    expect(cells).toEqual({
      'new>ka': 0,
      'new>vip': 0,
      'new>smb': 1,
      'ka>ka': 0,
      'ka>vip': 1,
      'ka>smb': 0,
      'vip>ka': 1,
      'vip>vip': 0,
      'vip>smb': 1,
      'smb>ka': 0,
      'smb>vip': 1,
      'smb>smb': 3,
    });
    expect(d).toMatchObject({ total: 8, upgraded: 2, downgraded: 2, unchanged: 3, new: 1 });
    expect(d.tiers.map((x: { key: string }) => x.key)).toEqual(['ka', 'vip', 'smb']);
    const east = await get(s.eastManager, '/api/v1/analytics/tiers/migration?from=2026-03-01&to=2026-06-01');
    expect(east).toMatchObject({ total: 5, upgraded: 2, downgraded: 0, unchanged: 2, new: 1 });
    const other = await get(s.globex.admin, '/api/v1/analytics/tiers/migration?from=2026-03-01&to=2026-06-01');
    expect(other).toMatchObject({ total: 1, unchanged: 1 }); // Globex's G1 only
  });
});

describe('follow-up compliance', () => {
  it('judges cadence tasks due in the window and by now, per tier', async () => {
    const d = await get(s.acme.admin, `/api/v1/analytics/tiers/follow-up-compliance?${Q2}&compare=previous`);
    expect(byKey(d.rows)).toMatchObject({
      ka: { due: 3, onTime: 1, rate: '0.3333' },
      vip: { due: 2, onTime: 2, rate: '1.0000' },
      smb: { due: 1, onTime: 0, rate: '0.0000' },
    });
    expect(d).toMatchObject({ due: 6, onTime: 3, rate: '0.5000' });
    expect(byKey(d.previous.rows)).toMatchObject({ ka: { due: 0, rate: null }, smb: { due: 1, onTime: 1, rate: '1.0000' } });
    const west = await get(s.westManager, `/api/v1/analytics/tiers/follow-up-compliance?${Q2}`);
    expect(west).toMatchObject({ due: 1, onTime: 1, rate: '1.0000' });
    const rep = await get(s.loneRep, `/api/v1/analytics/tiers/follow-up-compliance?${Q2}`);
    expect(rep).toMatchObject({ due: 0, onTime: 0, rate: null });
    const csv = await s.acme.admin.get(`/api/v1/analytics/tiers/follow-up-compliance/export?${Q2}&format=csv&locale=en`);
    expect(csv.body).toMatch(/2026-04-01\/2026-07-01,ka,[^,]*,[^,]*,3,1,0\.3333/);
  });
});

describe('churn risk', () => {
  it('flags customers silent for more than twice their usual purchase interval', async () => {
    const d = await get(s.acme.admin, '/api/v1/analytics/tiers/churn-risk');
    expect(d).toMatchObject({ asOf: '2026-06-20T04:00:00.000Z', assessed: 7, atRisk: 2 });
    expect(byKey(d.byTier)).toMatchObject({
      ka: { assessed: 1, atRisk: 0 },
      vip: { assessed: 1, atRisk: 0 },
      smb: { assessed: 5, atRisk: 2 },
    });
    expect(d.customers.map((x: { customerId: string }) => x.customerId)).toEqual([c.W2, c.E4]);
    expect(d.customers[0]).toMatchObject({
      customerName: 'W2',
      tierKey: 'smb',
      ownerId: s.westRep.userId,
      purchases: 2,
      lastPurchaseAt: '2025-11-11T00:00:00.000Z',
      daysSinceLastPurchase: 221.2,
      usualIntervalDays: 10,
      ratio: '22.1167',
    });
    expect(d.customers[1]).toMatchObject({ customerName: 'E4', daysSinceLastPurchase: 60.2, usualIntervalDays: 10, ratio: '6.0167' });
    const limited = await get(s.acme.admin, '/api/v1/analytics/tiers/churn-risk?limit=1');
    expect(limited.customers).toHaveLength(1);
    expect(limited.atRisk).toBe(2);
    const east = await get(s.eastRep, '/api/v1/analytics/tiers/churn-risk');
    expect(east).toMatchObject({ assessed: 4, atRisk: 1 });
    const csv = await s.acme.admin.get('/api/v1/analytics/tiers/churn-risk/export?format=csv&locale=en');
    expect(csv.body.trim().split(/\r?\n/)).toHaveLength(3);
  });
});

describe('RFM segments', () => {
  it('scores as decision 0010 among the org, segments and counts within the scope', async () => {
    const d = await get(s.acme.admin, '/api/v1/analytics/tiers/rfm-segments');
    expect(d.windowDays).toBe(365);
    const seg = Object.fromEntries(
      d.segments.map((x: { segment: string; customers: number; revenue: string }) => [x.segment, [x.customers, x.revenue]]),
    );
    expect(seg).toEqual({
      champions: [1, '1900.00'],
      loyal: [3, '280.00'],
      new: [1, '10.00'],
      potential: [0, '0.00'],
      at_risk: [3, '1570.00'],
      hibernating: [0, '0.00'],
      needs_attention: [1, '20.00'],
      no_purchases: [0, '0.00'],
    });
    expect(d.totalCustomers).toBe(9);
    const cell = (rows: { tierKey: string; segment: string; customers: number; revenue: string }[], k: string, sg: string) =>
      rows.find((r) => r.tierKey === k && r.segment === sg);
    expect(d.byTier).toHaveLength(24);
    expect(cell(d.byTier, 'vip', 'at_risk')).toMatchObject({ customers: 2, revenue: '1450.00' });
    expect(cell(d.byTier, 'smb', 'loyal')).toMatchObject({ customers: 3, revenue: '280.00' });
    expect(cell(d.byTier, 'ka', 'champions')).toMatchObject({ customers: 1, revenue: '1900.00' });
    const east = await get(s.eastRep, '/api/v1/analytics/tiers/rfm-segments');
    const eastSeg = Object.fromEntries(east.segments.map((x: { segment: string; customers: number }) => [x.segment, x.customers]));
    expect(eastSeg).toMatchObject({ champions: 1, loyal: 2, new: 1, at_risk: 1, needs_attention: 1 });
    const month = await get(s.acme.admin, '/api/v1/analytics/tiers/rfm-segments?windowDays=30');
    const monthSeg = Object.fromEntries(month.segments.map((x: { segment: string; customers: number }) => [x.segment, x.customers]));
    expect(monthSeg).toMatchObject({ champions: 1, no_purchases: 8 });
    const csv = await s.acme.admin.get('/api/v1/analytics/tiers/rfm-segments/export?format=csv&locale=en');
    expect(csv.body).toContain('vip,');
    expect(csv.body).toContain('At risk,2,1450.00');
  });
});

describe('OpenAPI', () => {
  it('explains every figure and its export, with their filters', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['distribution', 'concentration', 'migration', 'follow-up-compliance', 'churn-risk', 'rfm-segments']) {
      for (const p of [`/api/v1/analytics/tiers/${path}`, `/api/v1/analytics/tiers/${path}/export`]) {
        const op = doc.paths[p]?.get;
        expect(op?.description, p).toContain('Counts the customers the caller may see');
        expect(
          op.parameters.map((x: { name: string }) => x.name),
          p,
        ).toEqual(expect.arrayContaining(['teamId', 'repId', 'region', 'levelId', 'tierId']));
      }
    }
  });
});
