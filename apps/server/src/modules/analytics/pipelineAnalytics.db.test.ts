import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';

/**
 * A hand-computed world in Asia/Shanghai (+08:00), every deal in the short pipeline moved through the API at set
 * times. Window W = [2026-01-04, 2026-01-07), its previous P = [2026-01-01, 2026-01-04). Stage visits (local time):
 *   P1 east  100.00  E   qualify 01-01 10:00 → won 01-02 10:00
 *   P2 west   80.00  W   qualify 01-01 12:00 → lost 01-03 12:00 (timing)
 *   D3 east 2000.00  E   qualify 01-02 10:00 → quote 01-03 10:00 → negotiate 01-04 10:00 → won 01-06 10:00
 *   D1 east 1000.00  E   qualify 01-04 10:00 → quote 01-04 16:00 → won 01-05 10:00
 *   D2 west  500.50  W   qualify 01-04 10:00 → negotiate 01-05 10:00 → won 01-06 10:00
 *   D7 east   50.00  E   qualify 01-04 11:00 → quote 01-04 13:00 → qualify 01-05 13:00 (open)
 *   D4 east  300.00  E   qualify 01-04 12:00 → lost 01-05 12:00 (price)
 *   D5 west  200.00  —   qualify 01-05 09:00 → quote 01-05 15:00 → lost 01-06 09:00 (no reason)
 *   D6 lone  700.00  —   qualify 01-05 10:00 (open)
 *   D8 east   10.00  E   created 01-07 00:30 (just after W: inside it were the window in UTC), won 02-01 01:00
 * Customer E: tier of rank 1st, region North; W: 2nd tier, region South. westRep is moved to another level.
 */
const t = await createTestApp();
t.clock.set(new Date('2026-01-01T09:00:00+08:00'));
const s: SalesOrg = await seedSalesOrg(t);
const at = (local: string) => new Date(`2026-${local}:00+08:00`);
const stage = (key: string) => s.short.stages.find((st) => st.key === key)!.id;
const W = 'from=2026-01-04&to=2026-01-07';
let tierE: string;
let tierW: string;
let otherLevel: string;

async function deal(owner: Caller, created: string, amount: string, customerId: string | undefined, moves: [string, string, string?][]) {
  t.clock.set(at(created));
  const res = await owner.post('/api/v1/deals', {
    name: 'D',
    pipelineId: s.short.id,
    amount,
    expectedCloseDate: '2026-03-01',
    ...(customerId ? { customerId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  let { id, version } = res.json();
  for (const [when, key, lossReason] of moves) {
    t.clock.set(at(when));
    const moved = await owner.post(`/api/v1/deals/${id}/move`, { stageId: stage(key), version, ...(lossReason ? { lossReason } : {}) });
    expect(moved.statusCode, moved.body).toBe(200);
    version = moved.json().version;
  }
  return id as string;
}

beforeAll(async () => {
  const tierRows = await t.db.select().from(tiers).where(eq(tiers.orgId, s.acme.orgId)).orderBy(asc(tiers.rank));
  [tierE, tierW] = [tierRows[0].id, tierRows[1].id];
  const levelList: { id: string; key: string }[] = (await s.acme.admin.get('/api/v1/levels')).json().data;
  otherLevel = levelList.find((l) => l.key !== 'junior')!.id;
  await t.db
    .update(users)
    .set({ levelId: otherLevel })
    .where(and(eq(users.orgId, s.acme.orgId), eq(users.id, s.westRep.userId!)));
  const E = s.customer.id;
  await t.db
    .update(customers)
    .set({ tierId: tierE, region: 'North' })
    .where(and(eq(customers.orgId, s.acme.orgId), eq(customers.id, E)));
  const wRes = await s.westRep.post('/api/v1/customers', { name: 'West Customer', region: 'South' });
  expect(wRes.statusCode, wRes.body).toBe(201);
  const Wc = wRes.json().id as string;
  // Reps may not set a tier (tier rules or a manager do): the fixture writes it.
  await t.db
    .update(customers)
    .set({ tierId: tierW })
    .where(and(eq(customers.orgId, s.acme.orgId), eq(customers.id, Wc)));

  await deal(s.eastRep, '01-01T10:00', '100.00', E, [['01-02T10:00', 'won']]);
  await deal(s.westRep, '01-01T12:00', '80.00', Wc, [['01-03T12:00', 'lost', 'timing']]);
  await deal(s.eastRep, '01-02T10:00', '2000.00', E, [
    ['01-03T10:00', 'quote'],
    ['01-04T10:00', 'negotiate'],
    ['01-06T10:00', 'won'],
  ]);
  await deal(s.eastRep, '01-04T10:00', '1000.00', E, [
    ['01-04T16:00', 'quote'],
    ['01-05T10:00', 'won'],
  ]);
  await deal(s.westRep, '01-04T10:00', '500.50', Wc, [
    ['01-05T10:00', 'negotiate'],
    ['01-06T10:00', 'won'],
  ]);
  await deal(s.eastRep, '01-04T11:00', '50.00', E, [
    ['01-04T13:00', 'quote'],
    ['01-05T13:00', 'qualify'],
  ]);
  await deal(s.eastRep, '01-04T12:00', '300.00', E, [['01-05T12:00', 'lost', 'price']]);
  const d5 = await deal(s.westRep, '01-05T09:00', '200.00', undefined, [
    ['01-05T15:00', 'quote'],
    ['01-06T09:00', 'lost', 'none'],
  ]);
  await deal(s.loneRep, '01-05T10:00', '700.00', undefined, []);
  const d8 = await deal(s.eastRep, '01-07T00:30', '10.00', E, [['01-07T01:00', 'won']]);
  // An imported deal may be lost without a reason; one closed just past midnight of 1 Feb (31 Jan in UTC).
  await t.db
    .update(deals)
    .set({ lossReason: null })
    .where(and(eq(deals.orgId, s.acme.orgId), eq(deals.id, d5)));
  await t.db
    .update(deals)
    .set({ closedAt: at('02-01T01:00') })
    .where(and(eq(deals.orgId, s.acme.orgId), eq(deals.id, d8)));
  t.clock.set(at('01-07T12:00'));
}, 60_000);

const get = async (c: Caller, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const stagesOf = (f: {
  stages: {
    key: string;
    enteredCount: number;
    enteredAmount: string;
    advancedCount: number;
    conversionRate: string | null;
    currentCount: number | null;
    currentAmount: string | null;
  }[];
}) =>
  Object.fromEntries(
    f.stages.map((x) => [x.key, [x.enteredCount, x.enteredAmount, x.advancedCount, x.conversionRate, x.currentCount, x.currentAmount]]),
  );

describe('funnel', () => {
  it('counts entries, conversion, the open snapshot and the window’s totals, and the previous window', async () => {
    const f = await get(s.director, `/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}&compare=previous`);
    expect(f.pipeline).toMatchObject({ id: s.short.id, processType: 'short' });
    expect(stagesOf(f)).toEqual({
      qualify: [6, '2750.50', 4, '0.6667', 2, '750.00'],
      quote: [3, '1250.00', 1, '0.3333', 0, '0.00'],
      negotiate: [2, '2500.50', 2, '1.0000', 0, '0.00'],
      won: [3, '3500.50', 0, null, null, null],
      lost: [2, '500.00', 0, null, null, null],
    });
    expect(f.totals).toEqual({
      createdCount: 6,
      createdWonCount: 2,
      createdLostCount: 2,
      winRate: '0.3333',
      closedWinRate: '0.5000',
      wonCount: 3,
      wonAmount: '3500.50',
      lostCount: 2,
      lostAmount: '500.00',
    });
    expect(f.previous.window).toEqual({ from: '2026-01-01', to: '2026-01-04' });
    expect(stagesOf(f.previous)).toEqual({
      qualify: [3, '2180.00', 2, '0.6667', 2, '750.00'],
      quote: [1, '2000.00', 1, '1.0000', 0, '0.00'],
      negotiate: [0, '0.00', 0, null, 0, '0.00'],
      won: [1, '100.00', 0, null, null, null],
      lost: [1, '80.00', 0, null, null, null],
    });
    expect(f.previous.totals).toMatchObject({
      createdCount: 3,
      createdWonCount: 2,
      createdLostCount: 1,
      winRate: '0.6667',
      wonCount: 1,
      wonAmount: '100.00',
      lostCount: 1,
      lostAmount: '80.00',
    });
  });

  it('counts for a rep only their deals, for a manager their team’s, for another organisation nothing', async () => {
    const east = await get(s.eastRep, `/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}`);
    expect(stagesOf(east).qualify).toEqual([3, '1350.00', 2, '0.6667', 1, '50.00']);
    expect(east.totals).toMatchObject({ createdCount: 3, wonCount: 2, wonAmount: '3000.00', lostCount: 1, lostAmount: '300.00' });
    const eastManager = await get(s.eastManager, `/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}`);
    expect(eastManager.totals).toEqual(east.totals);
    const west = await get(s.westManager, `/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}`);
    expect(stagesOf(west).qualify).toEqual([2, '700.50', 2, '1.0000', 0, '0.00']);
    expect(west.totals).toMatchObject({ createdCount: 2, wonCount: 1, wonAmount: '500.50', lostCount: 1, lostAmount: '200.00' });
    // A rep filtering on someone else's deals gets nothing, not an error.
    const peek = await get(s.eastRep, `/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}&repId=${s.westRep.userId}`);
    expect(peek.totals).toMatchObject({ createdCount: 0, wonCount: 0, wonAmount: '0.00' });
    expect((await s.globex.admin.get(`/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}`)).statusCode).toBe(404);
  });

  it('narrows by team, region, tier and level', async () => {
    const url = `/api/v1/analytics/funnel?pipelineId=${s.short.id}&${W}`;
    expect((await get(s.director, `${url}&teamId=${s.west.id}`)).totals).toMatchObject({ createdCount: 2, wonCount: 1 });
    expect((await get(s.director, `${url}&region=North`)).totals).toMatchObject({ createdCount: 3, wonCount: 2, wonAmount: '3000.00' });
    expect((await get(s.director, `${url}&tierId=${tierW}`)).totals).toMatchObject({ createdCount: 1, wonCount: 1, wonAmount: '500.50' });
    expect((await get(s.director, `${url}&levelId=${otherLevel}`)).totals).toMatchObject({
      createdCount: 2,
      lostCount: 1,
      lostAmount: '200.00',
    });
  });

  it('refuses a window that ends before it starts or spans more than 3 years, and a funnel without a pipeline', async () => {
    const bad = await s.director.get(`/api/v1/analytics/funnel?pipelineId=${s.short.id}&from=2026-01-07&to=2026-01-04`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('to');
    expect((await s.director.get(`/api/v1/analytics/revenue?by=month&from=2020-01-01&to=2023-01-02`)).statusCode).toBe(400);
    expect((await s.director.get(`/api/v1/analytics/revenue?by=month&from=2020-01-01&to=2023-01-01`)).statusCode).toBe(200);
    const noPipeline = await s.director.get(`/api/v1/analytics/funnel?${W}`);
    expect(noPipeline.statusCode).toBe(400);
    expect(noPipeline.json().errors.map((e: { path: string }) => e.path)).toContain('pipelineId');
  });
});

describe('cycle length', () => {
  it('gives count, mean, median and p90 days to close and mean days per stage, per process type', async () => {
    const c = await get(s.director, `/api/v1/analytics/cycle-length?${W}&compare=previous`);
    expect(c.rows.map((r: { processType: string }) => r.processType)).toEqual(['short', 'long', 'project']);
    const short = c.rows[0];
    // Cycles 1, 2 and 4 days: mean 2.33, median 2, p90 = 2 + 0.8 × (4 − 2).
    expect(short).toMatchObject({ wonCount: 3, meanDays: 2.33, medianDays: 2, p90Days: 3.6 });
    // qualify: D1 0.25, D2 1, D3 1; quote: D1 0.75, D3 1; negotiate: D2 1, D3 2.
    expect(short.stages.map((x: { key: string; dealCount: number; meanDays: number | null }) => [x.key, x.dealCount, x.meanDays])).toEqual([
      ['qualify', 3, 0.75],
      ['quote', 2, 0.88],
      ['negotiate', 2, 1.5],
    ]);
    expect(c.rows[1]).toMatchObject({ wonCount: 0, meanDays: null, medianDays: null, p90Days: null });
    expect(c.previous.rows[0]).toMatchObject({ wonCount: 1, meanDays: 1, medianDays: 1, p90Days: 1 });
    const east = await get(s.eastRep, `/api/v1/analytics/cycle-length?${W}`);
    // D1 (1 day) and D3 (4 days): p90 = 1 + 0.9 × 3.
    expect(east.rows[0]).toMatchObject({ wonCount: 2, meanDays: 2.5, medianDays: 2.5, p90Days: 3.7 });
  });
});

describe('win/loss', () => {
  const rowsOf = (w: {
    rows: {
      key: string | null;
      labelEn: string | null;
      wonCount: number;
      wonAmount: string;
      lostCount: number;
      lostAmount: string;
      winRate: string | null;
      lostShare: string | null;
    }[];
  }) => w.rows.map((r) => [r.key, r.labelEn, r.wonCount, r.wonAmount, r.lostCount, r.lostAmount, r.winRate, r.lostShare]);

  it('groups by loss reason with the unspecified ones as their own row', async () => {
    const w = await get(s.director, `/api/v1/analytics/win-loss?by=lossReason&${W}`);
    expect(rowsOf(w)).toEqual([
      ['price', 'price', 0, '0.00', 1, '300.00', null, '0.5000'],
      [null, 'Unspecified', 0, '0.00', 1, '200.00', null, '0.5000'],
    ]);
    expect(w.totals).toMatchObject({ lostCount: 2, lostAmount: '500.00', winRate: null });
  });

  it('groups by tier, level and process type, with the previous window', async () => {
    const byTier = await get(s.director, `/api/v1/analytics/win-loss?by=tier&${W}`);
    expect(rowsOf(byTier).map((r) => r.filter((_, i) => i !== 1))).toEqual([
      [tierE, 2, '3000.00', 1, '300.00', '0.6667', '0.5000'],
      [tierW, 1, '500.50', 0, '0.00', '1.0000', '0.0000'],
      [null, 0, '0.00', 1, '200.00', '0.0000', '0.5000'],
    ]);
    const byLevel = await get(s.director, `/api/v1/analytics/win-loss?by=level&${W}`);
    expect(
      byLevel.rows.map((r: { key: string; wonCount: number; lostCount: number; winRate: string }) => [
        r.key,
        r.wonCount,
        r.lostCount,
        r.winRate,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [s.junior, 2, 1, '0.6667'],
        [otherLevel, 1, 1, '0.5000'],
      ]),
    );
    const byType = await get(s.director, `/api/v1/analytics/win-loss?by=processType&${W}&compare=previous`);
    expect(rowsOf(byType)).toEqual([['short', 'Short-cycle sales', 3, '3500.50', 2, '500.00', '0.6000', '1.0000']]);
    expect(rowsOf(byType.previous)).toEqual([['short', 'Short-cycle sales', 1, '100.00', 1, '80.00', '0.5000', '1.0000']]);
    const west = await get(s.westRep, `/api/v1/analytics/win-loss?by=processType&${W}`);
    expect(rowsOf(west)).toEqual([['short', 'Short-cycle sales', 1, '500.50', 1, '200.00', '0.5000', '1.0000']]);
    expect((await get(s.globex.admin, `/api/v1/analytics/win-loss?by=processType&${W}`)).rows).toEqual([]);
  });
});

describe('revenue', () => {
  it('sums the won amounts by tier, process type and month of close in the org’s zone, with the previous window', async () => {
    const byTier = await get(s.director, `/api/v1/analytics/revenue?by=tier&${W}`);
    expect(
      byTier.rows.map((r: { key: string; wonCount: number; wonAmount: string; share: string }) => [
        r.key,
        r.wonCount,
        r.wonAmount,
        r.share,
      ]),
    ).toEqual([
      [tierE, 2, '3000.00', '0.8570'],
      [tierW, 1, '500.50', '0.1430'],
    ]);
    expect(byTier.totals).toEqual({ wonCount: 3, wonAmount: '3500.50' });
    const byType = await get(s.director, `/api/v1/analytics/revenue?by=processType&${W}&compare=previous`);
    expect(byType.rows).toEqual([
      { key: 'short', labelZh: '短期销售', labelEn: 'Short-cycle sales', wonCount: 3, wonAmount: '3500.50', share: '1.0000' },
    ]);
    expect(byType.previous.rows).toEqual([
      { key: 'short', labelZh: '短期销售', labelEn: 'Short-cycle sales', wonCount: 1, wonAmount: '100.00', share: '1.0000' },
    ]);
    const byMonth = await get(s.director, '/api/v1/analytics/revenue?by=month&from=2026-01-01&to=2026-04-01');
    expect(
      byMonth.rows.map((r: { key: string; wonCount: number; wonAmount: string; share: string }) => [
        r.key,
        r.wonCount,
        r.wonAmount,
        r.share,
      ]),
    ).toEqual([
      ['2026-01', 4, '3600.50', '0.9972'],
      ['2026-02', 1, '10.00', '0.0028'],
      ['2026-03', 0, '0.00', '0.0000'],
    ]);
    const east = await get(s.eastRep, '/api/v1/analytics/revenue?by=month&from=2026-01-01&to=2026-02-01');
    expect(east.totals).toEqual({ wonCount: 3, wonAmount: '3100.00' });
  });
});

describe('exports', () => {
  it('gives the funnel as CSV with both windows, and every figure as Excel', async () => {
    const csv = await s.director.get(`/api/v1/analytics/funnel/export?pipelineId=${s.short.id}&${W}&compare=previous&format=csv&locale=en`);
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Window,Stage key,Stage (zh),Stage,Entered,Entered amount,Advanced,Conversion rate,Open now,Open amount now');
    expect(lines[1]).toBe('2026-01-04–2026-01-07,qualify,确认需求,Qualify,6,2750.50,4,0.6667,2,750.00');
    expect(lines).toHaveLength(11);
    const east = await s.eastRep.get(`/api/v1/analytics/win-loss/export?by=lossReason&${W}&format=csv&locale=en`);
    expect(east.body.trim().split(/\r?\n/).slice(1)).toEqual(['2026-01-04–2026-01-07,price,price,price,0,0.00,1,300.00,,1.0000']);
    for (const path of [
      `funnel/export?pipelineId=${s.short.id}&`,
      'cycle-length/export?',
      'win-loss/export?by=tier&',
      'revenue/export?by=month&',
    ]) {
      const res = await s.director.get(`/api/v1/analytics/${path}${W}&format=xlsx`);
      expect(res.statusCode, path).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
  });
});

describe('the OpenAPI document', () => {
  it('explains every figure and names its query fields', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['funnel', 'cycle-length', 'win-loss', 'revenue']) {
      for (const p of [`/api/v1/analytics/${path}`, `/api/v1/analytics/${path}/export`]) {
        const op = doc.paths[p]?.get;
        expect(op?.description, p).toContain('Counts only deals the caller may see');
        expect(
          op.parameters.map((x: { name: string }) => x.name),
          p,
        ).toEqual(expect.arrayContaining(['from', 'to', 'teamId', 'compare']));
      }
    }
    expect(doc.paths['/api/v1/analytics/funnel'].get.description).toContain('conversionRate = advancedCount / enteredCount');
  });
});
