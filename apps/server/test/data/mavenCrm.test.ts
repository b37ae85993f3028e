import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg } from '../testApp.ts';
import { mavenCsv, mavenEmail, mavenPresent, seedMavenAccounts, seedMavenStaff } from './maven.ts';

// The Maven Analytics CRM data set (../shared/data/crm-sales-opportunities): 35 agents, 85 accounts,
// 8,800 opportunities, loaded through the batch endpoints and checked against a computation of its own.
const FROM = '2016-01-01T00:00:00Z';
const TO = '2018-01-01T00:00:00Z';

const t = await createTestApp();
const { admin } = await seedOrg(t, 'Maven');

describe.skipIf(!mavenPresent)('the Maven CRM data through the batch endpoints', () => {
  it('gives per-rep, per-team and per-region won amounts and win rates equal to an independent computation', async () => {
    const agents = mavenCsv('sales_teams.csv');
    const { teamIds, repIds } = await seedMavenStaff(admin, { teams: true });
    await seedMavenAccounts(admin);

    const opportunities = mavenCsv('sales_pipeline.csv');
    const stageKey = { Won: 'won', Lost: 'lost', Engaging: 'negotiate', Prospecting: 'qualify' } as Record<string, string>;
    for (let i = 0; i < opportunities.length; i += 1000) {
      const records = opportunities.slice(i, i + 1000).map(([id, agent, product, account, stage, engaged, closed, value]) => ({
        name: `${product} · ${account || '—'}`,
        externalId: id,
        processType: 'short',
        stageKey: stageKey[stage],
        ownerEmail: mavenEmail(agent),
        ...(account ? { customerExternalId: account } : {}),
        ...(value ? { amount: value } : {}),
        ...(engaged ? { createdAt: `${engaged}T00:00:00Z` } : {}),
        ...(closed ? { closedAt: `${closed}T00:00:00Z` } : {}),
      }));
      const res = await admin.post('/api/v1/deals/batch', { records });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    }

    // The independent computation, straight from the CSV.
    const teamOf = new Map(agents.map(([a, m, o]) => [a, { manager: m, office: o }]));
    type Tally = { won: number; wonAmount: number; lost: number; open: number };
    const tally = (keyOf: (agent: string) => string) => {
      const by = new Map<string, Tally>();
      for (const [, agent, , , stage, engaged, closed, value] of opportunities) {
        const k = keyOf(agent);
        const row = by.get(k) ?? { won: 0, wonAmount: 0, lost: 0, open: 0 };
        const inPeriod = closed >= FROM.slice(0, 10) && closed < TO.slice(0, 10);
        if (stage === 'Won' && inPeriod) {
          row.won++;
          row.wonAmount += Number(value);
        } else if (stage === 'Lost' && inPeriod) row.lost++;
        else if ((stage === 'Engaging' || stage === 'Prospecting') && engaged && engaged < TO.slice(0, 10)) row.open++;
        by.set(k, row);
      }
      return by;
    };
    const expected = {
      rep: tally((a) => repIds.get(a) as string),
      team: tally((a) => teamIds.get(teamOf.get(a)!.manager) as string),
      region: tally((a) => teamOf.get(a)!.office),
    };
    for (const groupBy of ['rep', 'team', 'region'] as const) {
      const res = await admin.get(`/api/v1/analytics/rep-performance?from=${FROM}&to=${TO}&groupBy=${groupBy}`);
      expect(res.statusCode, res.body).toBe(200);
      const rows = res.json().data as {
        key: string;
        wonCount: number;
        wonAmount: string;
        lostCount: number;
        openCount: number;
        winRate: number | null;
      }[];
      const want = expected[groupBy];
      expect(rows.length).toBe([...want.values()].filter((r) => r.won + r.lost + r.open > 0).length);
      for (const row of rows) {
        const w = want.get(row.key)!;
        expect({ key: row.key, won: row.wonCount, wonAmount: Number(row.wonAmount), lost: row.lostCount, open: row.openCount }).toEqual({
          key: row.key,
          won: w.won,
          wonAmount: w.wonAmount,
          lost: w.lost,
          open: w.open,
        });
        expect(row.winRate).toBeCloseTo(w.won / (w.won + w.lost), 12);
      }
    }
    const total = (await admin.get(`/api/v1/analytics/rep-performance?from=${FROM}&to=${TO}&groupBy=region`)).json().data;
    expect(total.reduce((n: number, r: { wonCount: number }) => n + r.wonCount, 0)).toBe(4238);
    expect(total.reduce((n: number, r: { lostCount: number }) => n + r.lostCount, 0)).toBe(2473);
  }, 180_000);
});
