import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg } from '../testApp.ts';
import { mavenCsv, mavenEmail, mavenPresent, seedMavenAccounts, seedMavenStaff } from './maven.ts';

// The Maven CRM data set (../shared/data/crm-sales-opportunities) through the batch endpoints, each product series
// in a pipeline of its own (GTX → short, MG → long, GTK → project), and the pipeline figures (funnel totals,
// cycle length, win/loss, revenue) checked against a computation straight from the CSV.
const processTypeOf = (product: string) => (product.startsWith('GTX') ? 'short' : product.startsWith('MG') ? 'long' : 'project');
const TYPES = ['short', 'long', 'project'] as const;
const openStage = {
  short: { Prospecting: 'qualify', Engaging: 'negotiate' },
  long: { Prospecting: 'discovery', Engaging: 'negotiation' },
  project: { Prospecting: 'initiation', Engaging: 'proposal' },
} as Record<string, Record<string, string>>;

type Opp = { agent: string; type: string; stage: string; engaged: string; closed: string; value: number };
const DAY = 86_400_000;
const days = (o: Opp) => (Date.parse(o.closed) - Date.parse(o.engaged)) / DAY;
/** The interpolated percentile (percentile_cont's definition). */
function percentile(sorted: number[], p: number) {
  const x = p * (sorted.length - 1);
  const lo = Math.floor(x);
  return lo + 1 < sorted.length ? sorted[lo] + (x - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}
const near = (actual: string | number | null, expected: number, places: number) =>
  expect(Math.abs(Number(actual) - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-9);

const t = await createTestApp();
const { admin } = await seedOrg(t, 'Maven');

describe.skipIf(!mavenPresent)('pipeline analytics on the Maven CRM data', () => {
  it('matches an independent computation of win/loss, revenue, cycle length and the funnel', async () => {
    const agents = mavenCsv('sales_teams.csv');
    const { teamIds } = await seedMavenStaff(admin, { teams: true });
    await seedMavenAccounts(admin);
    const rows = mavenCsv('sales_pipeline.csv');
    for (let i = 0; i < rows.length; i += 1000) {
      const records = rows.slice(i, i + 1000).map(([id, agent, product, account, stage, engaged, closed, value]) => {
        const processType = processTypeOf(product);
        return {
          name: `${product} · ${account || '—'}`,
          externalId: id,
          processType,
          stageKey: stage === 'Won' ? 'won' : stage === 'Lost' ? 'lost' : openStage[processType][stage],
          ownerEmail: mavenEmail(agent),
          ...(account ? { customerExternalId: account } : {}),
          ...(value ? { amount: value } : {}),
          ...(engaged ? { createdAt: `${engaged}T00:00:00Z` } : {}),
          ...(closed ? { closedAt: `${closed}T00:00:00Z` } : {}),
        };
      });
      const res = await admin.post('/api/v1/deals/batch', { records });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    }

    // The independent side, from the CSV alone. Dates are the org's calendar dates (midnight UTC is 08:00 in Shanghai).
    const opps: Opp[] = rows.map(([, agent, product, , stage, engaged, closed, value]) => ({
      agent,
      type: processTypeOf(product),
      stage,
      engaged,
      closed,
      value: Number(value || 0),
    }));
    const teamOf = new Map(agents.map(([a, m]) => [a, m]));
    const closedIn = (o: Opp, from: string, to: string) => o.closed >= from && o.closed < to;
    const tally = (list: Opp[]) => ({
      won: list.filter((o) => o.stage === 'Won').length,
      wonAmount: list.filter((o) => o.stage === 'Won').reduce((n, o) => n + o.value, 0),
      lost: list.filter((o) => o.stage === 'Lost').length,
      lostAmount: list.filter((o) => o.stage === 'Lost').reduce((n, o) => n + o.value, 0),
    });
    type WinLossRow = {
      key: string | null;
      wonCount: number;
      wonAmount: string;
      lostCount: number;
      lostAmount: string;
      winRate: string | null;
    };
    const checkWinLoss = (got: WinLossRow[], list: Opp[]) => {
      for (const type of TYPES) {
        const want = tally(list.filter((o) => o.type === type));
        const row = got.find((r) => r.key === type);
        if (want.won + want.lost === 0) {
          expect(row).toBeUndefined();
          continue;
        }
        expect([row!.wonCount, Number(row!.wonAmount), row!.lostCount, Number(row!.lostAmount)]).toEqual([
          want.won,
          want.wonAmount,
          want.lost,
          want.lostAmount,
        ]);
        near(row!.winRate, want.won / (want.won + want.lost), 4);
      }
    };

    // Win/loss by process type in 2017, with 2016 as the previous year.
    const y2017 = (o: Opp) => closedIn(o, '2017-01-01', '2018-01-01');
    const y2016 = (o: Opp) => closedIn(o, '2016-01-01', '2017-01-01');
    const byType = (await admin.get('/api/v1/analytics/win-loss?by=processType&from=2017-01-01&to=2018-01-01&compare=previous')).json();
    checkWinLoss(byType.rows, opps.filter(y2017));
    checkWinLoss(byType.previous.rows, opps.filter(y2016));
    expect(byType.totals.wonCount + byType.previous.totals.wonCount).toBe(4238);
    expect(byType.totals.lostCount + byType.previous.totals.lostCount).toBe(2473);

    // The same per team (the team filter), and by loss reason (the data set has none: one "unspecified" row).
    for (const [manager, teamId] of teamIds) {
      const res = await admin.get(`/api/v1/analytics/win-loss?by=processType&from=2017-01-01&to=2018-01-01&teamId=${teamId}`);
      checkWinLoss(
        res.json().rows,
        opps.filter((o) => y2017(o) && teamOf.get(o.agent) === manager),
      );
    }
    const reasons = (await admin.get('/api/v1/analytics/win-loss?by=lossReason&from=2017-01-01&to=2018-01-01')).json();
    expect(reasons.rows).toHaveLength(1);
    expect(reasons.rows[0]).toMatchObject({
      key: null,
      labelEn: 'Unspecified',
      lostCount: tally(opps.filter(y2017)).lost,
      lostShare: '1.0000',
    });

    // Revenue by month of close, and by process type with the previous year.
    const byMonth = (await admin.get('/api/v1/analytics/revenue?by=month&from=2016-10-01&to=2018-01-01')).json();
    expect(byMonth.rows).toHaveLength(15);
    for (const row of byMonth.rows as { key: string; wonCount: number; wonAmount: string }[]) {
      const want = tally(opps.filter((o) => o.closed.slice(0, 7) === row.key));
      expect([row.key, row.wonCount, Number(row.wonAmount)]).toEqual([row.key, want.won, want.wonAmount]);
    }
    const revenue = (await admin.get('/api/v1/analytics/revenue?by=processType&from=2017-01-01&to=2018-01-01&compare=previous')).json();
    for (const [figures, inYear] of [
      [revenue, y2017],
      [revenue.previous, y2016],
    ] as const) {
      const total = tally(opps.filter(inYear)).wonAmount;
      for (const row of figures.rows as { key: string; wonCount: number; wonAmount: string; share: string }[]) {
        const want = tally(opps.filter((o) => inYear(o) && o.type === row.key));
        expect([row.wonCount, Number(row.wonAmount)]).toEqual([want.won, want.wonAmount]);
        near(row.share, want.wonAmount / total, 4);
      }
    }

    // Cycle length: days from engagement to close of the deals won in 2017.
    const cycle = (await admin.get('/api/v1/analytics/cycle-length?from=2017-01-01&to=2018-01-01')).json();
    expect(cycle.rows.map((r: { wonCount: number }) => r.wonCount > 0)).toEqual([true, true, true]);
    for (const row of cycle.rows as { processType: string; wonCount: number; meanDays: number; medianDays: number; p90Days: number }[]) {
      const d = opps
        .filter((o) => y2017(o) && o.stage === 'Won' && o.type === row.processType)
        .map(days)
        .sort((a, b) => a - b);
      expect(row.wonCount).toBe(d.length);
      if (d.length === 0) continue;
      near(row.meanDays, d.reduce((n, x) => n + x, 0) / d.length, 2);
      near(row.medianDays, percentile(d, 0.5), 2);
      near(row.p90Days, percentile(d, 0.9), 2);
    }

    // Funnel of the short pipeline in 2017. An imported deal has one stage visit (its current stage, entered when it
    // closed, or when it was created if open); deals without an engage date were created "now" (outside 2017).
    const short = (await admin.get('/api/v1/pipelines')).json().data.find((p: { processType: string }) => p.processType === 'short');
    const funnel = (await admin.get(`/api/v1/analytics/funnel?pipelineId=${short.id}&from=2017-01-01&to=2018-01-01`)).json();
    const gtx = opps.filter((o) => o.type === 'short');
    const created = gtx.filter((o) => o.engaged >= '2017-01-01' && o.engaged < '2018-01-01');
    const closed = tally(gtx.filter(y2017));
    expect(created.length).toBeGreaterThan(1000);
    expect(funnel.totals).toMatchObject({
      createdCount: created.length,
      createdWonCount: created.filter((o) => o.stage === 'Won').length,
      createdLostCount: created.filter((o) => o.stage === 'Lost').length,
      wonCount: closed.won,
      lostCount: closed.lost,
    });
    expect(Number(funnel.totals.wonAmount)).toBe(closed.wonAmount);
    const stageOf = (key: string) => funnel.stages.find((s: { key: string }) => s.key === key);
    expect(stageOf('won')).toMatchObject({ enteredCount: closed.won });
    expect(Number(stageOf('won').enteredAmount)).toBe(closed.wonAmount);
    expect(stageOf('negotiate')).toMatchObject({
      enteredCount: created.filter((o) => o.stage === 'Engaging').length,
      advancedCount: 0,
      currentCount: gtx.filter((o) => o.stage === 'Engaging').length,
    });
    expect(stageOf('qualify')).toMatchObject({ enteredCount: 0, currentCount: gtx.filter((o) => o.stage === 'Prospecting').length });
  }, 180_000);
});
