import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SalesOrg, seedSalesOrg } from '../../../test/salesFixtures.ts';
import { anonymous, type Caller, createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { forecastCommits } from '../performance/performance.table.ts';

/**
 * Forecast analytics against a hand-computed world (org zone Asia/Shanghai, +08:00). Every number below is worked
 * out in the comments next to the fixture that makes it.
 */
const t = await createTestApp();
let s: SalesOrg;
const stage = (key: string) => s.short.stages.find((st) => st.key === key)!.id;

type DealFixture = {
  amount?: string;
  stage: 'qualify' | 'quote' | 'negotiate' | 'won' | 'lost';
  probability?: number;
  forecastCategory?: string;
  expectedCloseDate?: string;
  closedAt?: string;
  customer?: boolean;
  deleted?: boolean;
};

/** A deal made through the API, then put where the figure needs it (stage, close instant) directly. */
async function deal(owner: Caller, f: DealFixture) {
  const res = await owner.post('/api/v1/deals', {
    name: 'Deal',
    pipelineId: s.short.id,
    ...(f.amount ? { amount: f.amount } : {}),
    ...(f.probability !== undefined ? { probability: f.probability } : {}),
    ...(f.forecastCategory ? { forecastCategory: f.forecastCategory } : {}),
    ...(f.expectedCloseDate ? { expectedCloseDate: f.expectedCloseDate } : {}),
    ...(f.customer ? { customerId: s.customer.id } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await t.db
    .update(deals)
    .set({
      stageId: stage(f.stage),
      closedAt: f.closedAt ? new Date(f.closedAt) : null,
      deletedAt: f.deleted ? t.clock.now() : null,
    })
    .where(and(eq(deals.orgId, s.acme.orgId), eq(deals.id, id)));
}

async function commitOf(rep: Caller, teamId: string | null, period: string, amount: string) {
  await t.db
    .insert(forecastCommits)
    .values({ orgId: s.acme.orgId, id: newId(), repId: rep.userId as string, teamId, period, amount, committedAt: t.clock.now() });
}

/** 10 May 2026 in Shanghai: 2026-Q2 is under way, Q1 has ended. Sessions are made at this time. */
const inQ2 = new Date('2026-05-10T02:00:00Z');

beforeAll(async () => {
  t.clock.set(inQ2);
  s = await seedSalesOrg(t);
  await t.db
    .update(customers)
    .set({ region: 'North' })
    .where(and(eq(customers.orgId, s.acme.orgId), eq(customers.id, s.customer.id)));
  const e = s.eastRep;
  // Open, East. Weighted = amount × (deal probability ?? stage probability) / 100.
  await deal(e, { amount: '1000.00', stage: 'qualify', forecastCategory: 'pipeline', expectedCloseDate: '2026-01-15', customer: true }); // ×20 = 200
  await deal(e, {
    amount: '2000.50',
    stage: 'quote',
    probability: 35,
    forecastCategory: 'commit',
    expectedCloseDate: '2026-01-31',
    customer: true,
  }); // ×35 = 700.175
  await deal(e, { amount: '333.33', stage: 'negotiate', forecastCategory: 'commit', expectedCloseDate: '2026-02-01' }); // ×75 = 249.9975
  await deal(e, { stage: 'qualify', forecastCategory: 'best_case', expectedCloseDate: '2026-03-31' }); // no amount: 0
  await deal(e, { amount: '500.00', stage: 'qualify', expectedCloseDate: '2026-04-01' }); // after the window
  await deal(e, { amount: '999.00', stage: 'qualify', expectedCloseDate: '2026-01-10', deleted: true }); // deleted
  await deal(e, { amount: '400.00', stage: 'lost', expectedCloseDate: '2026-02-10', closedAt: '2026-02-10T02:00:00Z' }); // lost: never counts
  // Won, East: months and quarters in Shanghai time.
  await deal(e, { amount: '700.00', stage: 'won', expectedCloseDate: '2026-01-20', closedAt: '2026-01-31T16:30:00Z' }); // 1 Feb 00:30 → Feb, Q1
  await deal(e, { amount: '900.00', stage: 'won', closedAt: '2025-12-31T15:59:00Z' }); // 31 Dec 23:59 → 2025-Q4
  await deal(e, { amount: '250.00', stage: 'won', closedAt: '2025-12-31T16:00:00Z' }); // 1 Jan 00:00 → Jan, Q1
  await deal(e, { amount: '1200.00', stage: 'won', closedAt: '2025-05-05T04:00:00Z' }); // 2025-Q2
  await deal(e, { amount: '1000.50', stage: 'won', closedAt: '2026-04-20T00:00:00Z' }); // 2026-Q2
  await deal(e, { amount: '5000.00', stage: 'won', closedAt: '2026-04-21T00:00:00Z', deleted: true }); // deleted: never counts
  // West.
  const w = s.westRep;
  await deal(w, { amount: '4000.00', stage: 'quote', probability: 10, forecastCategory: 'best_case', expectedCloseDate: '2026-02-14' }); // 400
  await deal(w, { amount: '100.01', stage: 'qualify', forecastCategory: 'omitted', expectedCloseDate: '2026-03-01' }); // ×20 = 20.002
  await deal(w, { amount: '600.00', stage: 'won', closedAt: '2026-03-15T00:00:00Z' }); // Mar, Q1

  // Commits. East's past quarters: accuracy = max(0, 1 − |won − committed| / committed).
  await commitOf(e, s.east.id, '2025-Q1', '1000.00'); // won 0 → 0 (the 5th most recent: only with history=5)
  await commitOf(e, s.east.id, '2025-Q2', '1000.00'); // won 1200 → 0.8
  await commitOf(e, s.east.id, '2025-Q3', '2000.00'); // won 0 → 0
  await commitOf(e, s.east.id, '2025-Q4', '1000.00'); // won 900 → 0.9
  await commitOf(e, s.east.id, '2026-Q1', '500.00'); // won 250 + 700 = 950 → 1 − 450/500 = 0.1
  await commitOf(e, s.east.id, '2026-03', '100.00'); // a month: not a quarter's history
  await commitOf(e, s.east.id, '2026-Q2', '3000.00'); // the current quarter
  await commitOf(w, s.west.id, '2026-Q2', '2000.00'); // no history
  await commitOf(w, s.west.id, '2026-Q3', '5000.00');
});

const get = async (caller: Caller, path: string) => {
  const res = await caller.get(`/api/v1/analytics/forecast/${path}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const Q1 = 'from=2026-01-01&to=2026-04-01';

describe('the weighted pipeline (GET /analytics/forecast/pipeline)', () => {
  it('by month and category, with won so far, for the organisation', async () => {
    const p = await get(s.director, `pipeline?${Q1}`);
    expect(p).toMatchObject({ from: '2026-01-01', to: '2026-04-01', asOf: t.clock.now().toISOString() });
    expect(p.cells).toHaveLength(15);
    const cell = (month: string, category: string) =>
      p.cells.find((c: { month: string; category: string }) => c.month === month && c.category === category);
    expect(cell('2026-01', 'pipeline')).toEqual({
      month: '2026-01',
      category: 'pipeline',
      count: 1,
      amount: '1000.00',
      weightedAmount: '200.00',
    });
    expect(cell('2026-01', 'commit')).toMatchObject({ count: 1, amount: '2000.50', weightedAmount: '700.18' }); // 700.175
    expect(cell('2026-02', 'commit')).toMatchObject({ count: 1, amount: '333.33', weightedAmount: '250.00' }); // 249.9975
    expect(cell('2026-02', 'best_case')).toMatchObject({ count: 1, amount: '4000.00', weightedAmount: '400.00' });
    expect(cell('2026-03', 'best_case')).toMatchObject({ count: 1, amount: '0.00', weightedAmount: '0.00' });
    expect(cell('2026-03', 'omitted')).toMatchObject({ count: 1, amount: '100.01', weightedAmount: '20.00' }); // 20.002
    expect(cell('2026-03', 'closed')).toMatchObject({ count: 0, amount: '0.00', weightedAmount: '0.00' });
    expect(p.months).toEqual([
      // 200 + 700.175 = 900.175; won: the 250 of 1 Jan 00:00 Shanghai
      { month: '2026-01', count: 2, amount: '3000.50', weightedAmount: '900.18', wonCount: 1, wonAmount: '250.00' },
      // 249.9975 + 400 = 649.9975; won: the 700 of 1 Feb 00:30 Shanghai
      { month: '2026-02', count: 2, amount: '4333.33', weightedAmount: '650.00', wonCount: 1, wonAmount: '700.00' },
      { month: '2026-03', count: 2, amount: '100.01', weightedAmount: '20.00', wonCount: 1, wonAmount: '600.00' },
    ]);
    expect(p.categories).toEqual([
      { category: 'pipeline', count: 1, amount: '1000.00', weightedAmount: '200.00' },
      { category: 'best_case', count: 2, amount: '4000.00', weightedAmount: '400.00' },
      { category: 'commit', count: 2, amount: '2333.83', weightedAmount: '950.17' }, // 700.175 + 249.9975 = 950.1725
      { category: 'closed', count: 0, amount: '0.00', weightedAmount: '0.00' },
      { category: 'omitted', count: 1, amount: '100.01', weightedAmount: '20.00' },
    ]);
    // 200 + 700.175 + 249.9975 + 0 + 400 + 20.002 = 1570.1745
    expect(p.total).toEqual({ count: 6, amount: '7433.84', weightedAmount: '1570.17', wonCount: 3, wonAmount: '1550.00' });
  });

  it('counts only what the caller may see; filters narrow within it', async () => {
    const total = async (caller: Caller, q = '') => (await get(caller, `pipeline?${Q1}${q}`)).total;
    const east = { count: 4, amount: '3333.83', weightedAmount: '1150.17', wonCount: 2, wonAmount: '950.00' }; // 1150.1725
    const west = { count: 2, amount: '4100.01', weightedAmount: '420.00', wonCount: 1, wonAmount: '600.00' }; // 420.002
    const none = { count: 0, amount: '0.00', weightedAmount: '0.00', wonCount: 0, wonAmount: '0.00' };
    expect(await total(s.eastRep)).toEqual(east);
    expect(await total(s.eastManager)).toEqual(east);
    expect(await total(s.westManager)).toEqual(west);
    expect(await total(s.westRep, `&repId=${s.eastRep.userId}`)).toEqual(none);
    expect(await total(s.loneRep)).toEqual(none);
    expect(await total(s.globex.admin)).toEqual(none);
    expect(await total(s.viewer, `&teamId=${s.west.id}`)).toEqual(west);
    expect(await total(s.director, `&repId=${s.eastRep.userId}`)).toEqual(east);
    expect(await total(s.director, `&levelId=${s.junior}`)).toMatchObject({ count: 6, weightedAmount: '1570.17' });
    expect(await total(s.director, `&pipelineId=${s.short.id}`)).toMatchObject({ count: 6 });
    // The customer's region and tier: the two East deals with the customer (200 + 700.175).
    expect(await total(s.director, '&region=North')).toEqual({
      count: 2,
      amount: '3000.50',
      weightedAmount: '900.18',
      wonCount: 0,
      wonAmount: '0.00',
    });
    expect(await total(s.director, `&tierId=${s.customer.tierId}`)).toMatchObject({ count: 2, amount: '3000.50' });
  });

  it('compare is accepted and ignored (a snapshot); bad windows are 400 naming the field', async () => {
    expect((await get(s.director, `pipeline?${Q1}&compare=previous`)).previous).toBeUndefined();
    for (const [q, path] of [
      ['from=2026-01-01&to=2026-01-01', 'to'],
      ['from=2026-02-01&to=2026-01-01', 'to'],
      ['from=2026-01-01&to=2030-01-01', 'to'],
      ['to=2026-01-01', 'from'],
      [`${Q1}&teamId=east`, 'teamId'],
    ] as const) {
      const res = await s.director.get(`/api/v1/analytics/forecast/pipeline?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors[0].path, q).toBe(path);
    }
    expect((await anonymous(t).get(`/api/v1/analytics/forecast/pipeline?${Q1}`)).statusCode).toBe(401);
  });

  it('exports the month × category cells through the same use case (CSV and Excel)', async () => {
    const res = await s.eastRep.get(`/api/v1/analytics/forecast/pipeline/export?${Q1}&format=csv&locale=en`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="forecast-pipeline-');
    const [headers, ...rows] = parse(res.rawPayload, { bom: true }) as string[][];
    expect(headers).toEqual(['Expected close month', 'Forecast category', 'Deals', 'Amount', 'Weighted amount']);
    expect(rows).toHaveLength(15);
    expect(rows).toContainEqual(['2026-01', 'commit', '1', '2000.50', '700.18']);
    expect(rows).not.toContainEqual(expect.arrayContaining(['best_case', '4000.00'])); // West's: not the rep's
    const xlsx = await s.director.get(`/api/v1/analytics/forecast/pipeline/export?${Q1}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.rawPayload).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(5).value).toBe('加权金额');
    expect(sheet.rowCount).toBe(16);
  });
});

describe('the calibrated forecast (GET /analytics/forecast/calibrated)', () => {
  const at = async <T>(when: Date, run: () => Promise<T>) => {
    const start = t.clock.now();
    t.clock.set(when);
    try {
      return await run();
    } finally {
      t.clock.set(start);
    }
  };
  type Rep = {
    repId: string;
    committed: string | null;
    wonSoFar: string;
    accuracy: string | null;
    calibrated: string;
    history: unknown[];
    explanation: string[];
  };
  const repOf = (answer: { reps: Rep[] }, caller: Caller) => answer.reps.find((r) => r.repId === caller.userId)!;

  it('weights each rep’s commit by their past accuracy, with how it was computed', async () => {
    const f = await get(s.director, 'calibrated?period=2026-Q2');
    expect(f).toMatchObject({ period: '2026-Q2', from: '2026-04-01', to: '2026-07-01', history: 4 });
    expect(f.reps).toHaveLength(3);
    const east = repOf(f, s.eastRep);
    expect(east).toMatchObject({ teamId: s.east.id, teamName: 'East', committed: '3000.00', wonSoFar: '1000.50', accuracy: '0.4500' });
    expect(east.history).toEqual([
      { period: '2026-Q1', committed: '500.00', won: '950.00', accuracy: '0.1000' },
      { period: '2025-Q4', committed: '1000.00', won: '900.00', accuracy: '0.9000' },
      { period: '2025-Q3', committed: '2000.00', won: '0.00', accuracy: '0.0000' },
      { period: '2025-Q2', committed: '1000.00', won: '1200.00', accuracy: '0.8000' },
    ]);
    // (0.1 + 0.9 + 0 + 0.8) / 4 = 0.45; 1999.50 × 0.45 = 899.775 → 899.78; 1000.50 + 899.78 = 1900.28
    expect(east.calibrated).toBe('1900.28');
    expect(east.explanation.slice(-3)).toEqual([
      'won so far = 1000.50',
      'committed = 3000.00; still to win = max(0, 3000.00 − 1000.50) = 1999.50',
      'calibrated = 1000.50 + 1999.50 × 0.4500 = 1000.50 + 899.78 = 1900.28',
    ]);
    expect(repOf(f, s.westRep)).toMatchObject({
      committed: '2000.00',
      wonSoFar: '0.00',
      accuracy: null,
      calibrated: '2000.00',
      history: [],
    });
    expect(repOf(f, s.westRep).explanation).toContain('accuracy: no past closed period with a commit, so none');
    expect(repOf(f, s.loneRep)).toMatchObject({ committed: null, wonSoFar: '0.00', accuracy: null, calibrated: '0.00' });
    expect(f.teams).toEqual([
      { teamId: s.east.id, teamName: 'East', reps: 1, repsCommitted: 1, committed: '3000.00', wonSoFar: '1000.50', calibrated: '1900.28' },
      { teamId: s.west.id, teamName: 'West', reps: 1, repsCommitted: 1, committed: '2000.00', wonSoFar: '0.00', calibrated: '2000.00' },
      { teamId: null, teamName: null, reps: 1, repsCommitted: 0, committed: '0.00', wonSoFar: '0.00', calibrated: '0.00' },
    ]);
    expect(f.total).toEqual({ reps: 3, repsCommitted: 2, committed: '5000.00', wonSoFar: '1000.50', calibrated: '3900.28' });
  });

  it('history counts the last N ended periods of the kind with a commit', async () => {
    // history=5 adds 2025-Q1 (won 0 → 0): 1.8 / 5 = 0.36; 1999.50 × 0.36 = 719.82 → 1720.32
    const five = repOf(await get(s.eastRep, 'calibrated?period=2026-Q2&history=5'), s.eastRep);
    expect(five).toMatchObject({ accuracy: '0.3600', calibrated: '1720.32' });
    expect(five.history).toHaveLength(5);
    // A future quarter: Q2 has not ended, so the same four; no commit for Q3 → only what is won (nothing yet).
    const q3 = await get(s.director, 'calibrated?period=2026-Q3');
    expect(repOf(q3, s.eastRep)).toMatchObject({ committed: null, accuracy: '0.4500', calibrated: '0.00' });
    expect(repOf(q3, s.westRep)).toMatchObject({ committed: '5000.00', accuracy: null, calibrated: '5000.00' });
    // 2026-Q1 asked from inside it (the clock's 5 January): history 2025-Q4, Q3, Q2, Q1 → (0.9 + 0 + 0.8 + 0) / 4 = 0.425;
    // won in Q1 = 250 + 700 = 950 ≥ the 500 committed, so nothing is left to win: calibrated = 950.
    const q1 = repOf(await at(new Date('2026-01-05T01:00:00Z'), () => get(s.eastRep, 'calibrated?period=2026-Q1')), s.eastRep);
    expect(q1).toMatchObject({ committed: '500.00', wonSoFar: '950.00', accuracy: '0.4250', calibrated: '950.00' });
    // Months: the monthly commit has no history before it.
    const march = repOf(await get(s.eastRep, 'calibrated?period=2026-03'), s.eastRep);
    expect(march).toMatchObject({ committed: '100.00', wonSoFar: '0.00', accuracy: null, calibrated: '100.00' });
  });

  it('scope: a rep themselves, a manager their teams’ reps, the rest the org; named ones outside are 404', async () => {
    const repIds = async (caller: Caller, q = '') => (await get(caller, `calibrated?period=2026-Q2${q}`)).reps.map((r: Rep) => r.repId);
    expect(await repIds(s.eastRep)).toEqual([s.eastRep.userId]);
    expect(await repIds(s.eastRep, `&teamId=${s.east.id}`)).toEqual([s.eastRep.userId]);
    expect(await repIds(s.eastManager)).toEqual([s.eastRep.userId]);
    expect(await repIds(s.westManager)).toEqual([s.westRep.userId]);
    expect(await repIds(s.viewer)).toHaveLength(3);
    expect(await repIds(s.director, `&teamId=${s.west.id}`)).toEqual([s.westRep.userId]);
    expect(await repIds(s.globex.admin)).toEqual([]);
    for (const [caller, q] of [
      [s.eastRep, `repId=${s.westRep.userId}`],
      [s.eastRep, `teamId=${s.west.id}`],
      [s.eastManager, `repId=${s.westRep.userId}`],
      [s.eastManager, `teamId=${s.west.id}`],
      [s.globex.admin, `repId=${s.eastRep.userId}`],
      [s.director, `repId=${s.eastRep.userId}&teamId=${s.west.id}`],
      [s.director, `repId=${s.viewer.userId}`],
    ] as const) {
      expect((await caller.get(`/api/v1/analytics/forecast/calibrated?period=2026-Q2&${q}`)).statusCode, q).toBe(404);
    }
    for (const q of ['period=quarter', 'period=2026-Q2&history=0', 'period=2026-Q2&repId=me']) {
      expect((await s.director.get(`/api/v1/analytics/forecast/calibrated?${q}`)).statusCode, q).toBe(400);
    }
  });

  it('exports a row per rep through the same use case', async () => {
    const res = await s.eastManager.get('/api/v1/analytics/forecast/calibrated/export?period=2026-Q2&format=csv&locale=en');
    expect(res.statusCode, res.body).toBe(200);
    const [headers, ...rows] = parse(res.rawPayload, { bom: true }) as string[][];
    expect(headers).toEqual([
      'Rep',
      'Team',
      'Committed',
      'Won so far',
      'Past periods',
      'Past accuracy',
      'Calibrated forecast',
      'How it was computed',
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(1, 7)).toEqual(['East', '3000.00', '1000.50', '4', '0.4500', '1900.28']);
    expect(rows[0][7].split('\n').at(-1)).toBe('calibrated = 1000.50 + 1999.50 × 0.4500 = 1000.50 + 899.78 = 1900.28');
  });
});
