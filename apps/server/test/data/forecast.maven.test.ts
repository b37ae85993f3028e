import { describe, expect, it } from 'vitest';
import { forecastCommits } from '../../src/modules/performance/performance.table.ts';
import { newId } from '../../src/platform/ids.ts';
import { createTestApp, seedOrg } from '../testApp.ts';
import { mavenCsv, mavenEmail, mavenPresent, seedMavenStaff } from './maven.ts';

// The Maven CRM data set (../shared/data/crm-sales-opportunities) through the batch endpoints, and the forecast
// figures checked against a computation straight from the CSV. The data has no expected close dates, forecast
// categories or commits, so the test derives them by fixed rules the independent computation repeats: an open deal
// is expected to close on its engage date (or 2017-12-31 when it has none), is `commit` when Engaging and
// `best_case` when Prospecting, is worth its product's list price, and a GTK 500 deal carries its own probability
// 40; each rep commits, per quarter of 2017 and for 2018-Q1, a fixed amount by their position in the list.
const cents = (n: number) => `${Math.trunc(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const STAGE = { Won: 'won', Lost: 'lost', Engaging: 'negotiate', Prospecting: 'qualify' } as Record<string, string>;
const STAGE_PROBABILITY = { negotiate: 75, qualify: 20 } as Record<string, number>;
const QUARTERS = [
  ['2017-Q1', '2017-01-01', '2017-04-01'],
  ['2017-Q2', '2017-04-01', '2017-07-01'],
  ['2017-Q3', '2017-07-01', '2017-10-01'],
  ['2017-Q4', '2017-10-01', '2018-01-01'],
] as const;
const commitOf = (repIndex: number, quarter: number) => 40_000 + 10_000 * ((repIndex + quarter) % 7);

const t = await createTestApp();
t.clock.set(new Date('2018-02-10T02:00:00Z')); // 2018-Q1 under way: 2017's quarters have ended
const { admin, orgId } = await seedOrg(t, 'Maven');

describe.skipIf(!mavenPresent)('forecast analytics on the Maven CRM data', () => {
  it('the weighted pipeline and the calibrated forecast match an independent computation', async () => {
    const { repIds } = await seedMavenStaff(admin, { teams: true });
    const price = new Map(mavenCsv('products.csv').map(([product, , p]) => [product.replace(/\s+/g, ''), Number(p)]));
    const opps = mavenCsv('sales_pipeline.csv').map(([id, agent, product, , stage, engaged, closed, value]) => {
      const open = stage === 'Engaging' || stage === 'Prospecting';
      return {
        id,
        agent,
        stage: STAGE[stage],
        expected: open ? engaged || '2017-12-31' : undefined,
        category: stage === 'Engaging' ? 'commit' : stage === 'Prospecting' ? 'best_case' : undefined,
        probability: open && product === 'GTK 500' ? 40 : undefined,
        amount: open ? (price.get(product.replace(/\s+/g, '')) as number) : value ? Number(value) : undefined,
        engaged,
        closed,
      };
    });
    for (let i = 0; i < opps.length; i += 1000) {
      const records = opps.slice(i, i + 1000).map((o) => ({
        name: o.id,
        externalId: o.id,
        processType: 'short',
        stageKey: o.stage,
        ownerEmail: mavenEmail(o.agent),
        ...(o.amount !== undefined ? { amount: String(o.amount) } : {}),
        ...(o.expected ? { expectedCloseDate: o.expected } : {}),
        ...(o.category ? { forecastCategory: o.category } : {}),
        ...(o.probability !== undefined ? { probability: o.probability } : {}),
        ...(o.engaged ? { createdAt: `${o.engaged}T00:00:00Z` } : {}),
        ...(o.closed ? { closedAt: `${o.closed}T00:00:00Z` } : {}),
      }));
      const res = await admin.post('/api/v1/deals/batch', { records });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    }

    // The weighted pipeline over October 2016 – December 2017, in cents.
    const cells = new Map<string, { count: number; amount: number; weighted: number }>();
    const won = new Map<string, { count: number; amount: number }>();
    for (const o of opps) {
      if (o.expected && o.category) {
        const key = `${o.expected.slice(0, 7)}|${o.category}`;
        const c = cells.get(key) ?? { count: 0, amount: 0, weighted: 0 };
        c.count++;
        c.amount += (o.amount as number) * 100;
        c.weighted += (o.amount as number) * (o.probability ?? STAGE_PROBABILITY[o.stage]); // cents exactly
        cells.set(key, c);
      }
      if (o.stage === 'won' && o.closed >= '2016-10-01' && o.closed < '2018-01-01') {
        const w = won.get(o.closed.slice(0, 7)) ?? { count: 0, amount: 0 };
        w.count++;
        w.amount += (o.amount as number) * 100;
        won.set(o.closed.slice(0, 7), w);
      }
    }
    const res = await admin.get('/api/v1/analytics/forecast/pipeline?from=2016-10-01&to=2018-01-01');
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.cells).toHaveLength(15 * 5);
    for (const cell of p.cells) {
      const want = cells.get(`${cell.month}|${cell.category}`) ?? { count: 0, amount: 0, weighted: 0 };
      expect(cell, `${cell.month} ${cell.category}`).toEqual({
        month: cell.month,
        category: cell.category,
        count: want.count,
        amount: cents(want.amount),
        weightedAmount: cents(want.weighted),
      });
    }
    for (const month of p.months) {
      const w = won.get(month.month) ?? { count: 0, amount: 0 };
      expect({ month: month.month, wonCount: month.wonCount, wonAmount: month.wonAmount }).toEqual({
        month: month.month,
        wonCount: w.count,
        wonAmount: cents(w.amount),
      });
    }
    expect(p.total.count).toBe(2089); // 1589 Engaging + 500 Prospecting
    expect(p.total.wonCount).toBe(4238);

    // Commits: 2017's quarters (ended, so written where a rep would have committed them at the time) and 2018-Q1.
    const agentList = [...repIds.keys()];
    await t.db.insert(forecastCommits).values(
      agentList.flatMap((agent, i) =>
        [...QUARTERS.map((q) => q[0]), '2018-Q1'].map((period, q) => ({
          orgId,
          id: newId(),
          repId: repIds.get(agent) as string,
          teamId: null,
          period,
          amount: String(commitOf(i, q)),
          committedAt: t.clock.now(),
        })),
      ),
    );
    const calibrated = await admin.get('/api/v1/analytics/forecast/calibrated?period=2018-Q1');
    expect(calibrated.statusCode, calibrated.body).toBe(200);
    const reps = calibrated.json().reps as {
      repId: string;
      accuracy: string;
      calibrated: string;
      history: { period: string; won: string; accuracy: string }[];
    }[];
    expect(reps).toHaveLength(agentList.length);
    let total = 0;
    agentList.forEach((agent, i) => {
      // Accuracy in units of 0.0001, rounded half up: (c − |w − c|) / c, at least 0.
      const units = QUARTERS.map(([, from, to], q) => {
        const w = opps
          .filter((o) => o.agent === agent && o.stage === 'won' && o.closed >= from && o.closed < to)
          .reduce((s, o) => s + (o.amount as number), 0);
        const c = commitOf(i, q);
        const hit = Math.max(0, c - Math.abs(w - c));
        return Math.floor((2 * hit * 10_000 + c) / (2 * c));
      });
      const mean = Math.floor((2 * units.reduce((a, b) => a + b, 0) + 4) / 8);
      const c = commitOf(i, 4);
      const calibratedCents = Math.floor((2 * c * mean + 100) / 200); // nothing won yet in 2018-Q1
      total += calibratedCents;
      const rep = reps.find((r) => r.repId === repIds.get(agent))!;
      expect(
        rep.history.map((h) => h.accuracy),
        agent,
      ).toEqual([...units].reverse().map((u) => (u / 10_000).toFixed(4)));
      expect({ accuracy: rep.accuracy, calibrated: rep.calibrated }, agent).toEqual({
        accuracy: (mean / 10_000).toFixed(4),
        calibrated: cents(calibratedCents),
      });
    });
    expect(calibrated.json().total.calibrated).toBe(cents(total));
  }, 180_000);
});
