import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg } from '../testApp.ts';
import { mavenCsv, mavenEmail, mavenPresent, seedMavenAccounts, seedMavenStaff } from './maven.ts';

// Market analysis on the Maven CRM data set (../shared/data/crm-sales-opportunities): accounts carry their sector
// (industry) and office location (region), opportunities are loaded through the batch endpoints, and the figures per
// sector and per location for 2017-Q2 (against 2017-Q1) are checked against a computation straight from the CSV.

type Tally = { won: number; lost: number; wonCents: number; prevWon: number; prevLost: number; prevWonCents: number };
const growthOf = (cur: number, prev: number) => (prev === 0 ? null : (cur - prev) / prev);

describe.skipIf(!mavenPresent)('market analysis on the Maven CRM data', () => {
  it('gives won amounts, win rates, growth and customer counts per sector and per location equal to the CSV', async () => {
    const t = await createTestApp();
    const { admin } = await seedOrg(t, 'Maven Market');
    await seedMavenStaff(admin, { teams: false });
    const accounts = await seedMavenAccounts(admin);
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

    // The independent computation: close dates are calendar dates, the windows [2017-04-01, 2017-07-01) and the quarter before.
    const accountOf = new Map(accounts.map(([account, sector, , , , office]) => [account, { industry: sector, region: office }]));
    const expected = (by: 'industry' | 'region') => {
      const groups = new Map<string | null, Tally & { customers: number }>();
      const group = (k: string | null) => {
        const g = groups.get(k) ?? { won: 0, lost: 0, wonCents: 0, prevWon: 0, prevLost: 0, prevWonCents: 0, customers: 0 };
        groups.set(k, g);
        return g;
      };
      for (const a of accountOf.values()) group(a[by]).customers++;
      for (const [, , , account, stage, , closed, value] of opportunities) {
        if (stage !== 'Won' && stage !== 'Lost') continue;
        const current = closed >= '2017-04-01' && closed < '2017-07-01';
        const previous = closed >= '2017-01-01' && closed < '2017-04-01';
        if (!current && !previous) continue;
        const g = group(account ? (accountOf.get(account)?.[by] ?? null) : null);
        const cents = Math.round(Number(value || 0) * 100);
        const won = stage === 'Won';
        if (current) {
          g.won += won ? 1 : 0;
          g.lost += won ? 0 : 1;
          g.wonCents += won ? cents : 0;
        } else {
          g.prevWon += won ? 1 : 0;
          g.prevLost += won ? 0 : 1;
          g.prevWonCents += won ? cents : 0;
        }
      }
      return groups;
    };

    for (const by of ['industry', 'region'] as const) {
      const res = await admin.get(`/api/v1/analytics/market?from=2017-04-01&to=2017-07-01&by=${by}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const want = expected(by);
      expect(new Set(body.data.map((r: { key: string | null }) => r.key))).toEqual(new Set(want.keys()));
      for (const row of body.data) {
        const w = want.get(row.key)!;
        expect({
          key: row.key,
          won: row.current.wonCount,
          lost: row.current.lostCount,
          wonCents: Math.round(Number(row.current.wonDealAmount) * 100),
          prevWon: row.previous.wonCount,
          prevLost: row.previous.lostCount,
          prevWonCents: Math.round(Number(row.previous.wonDealAmount) * 100),
          customers: row.customerCount,
        }).toEqual({ key: row.key, ...w });
        const rate = w.won + w.lost === 0 ? null : w.won / (w.won + w.lost);
        if (rate === null) expect(row.current.winRate).toBeNull();
        else expect(Number(row.current.winRate)).toBeCloseTo(rate, 4);
        const g = growthOf(w.wonCents, w.prevWonCents);
        if (g === null) expect(row.growth.wonDealAmount).toBeNull();
        else expect(Number(row.growth.wonDealAmount)).toBeCloseTo(g, 4);
        expect(row.current.orderAmount).toBe('0.00'); // no purchase history in this data set
      }
      expect(body.total.customerCount).toBe(85);
      expect(body.data.some((r: { growth: { wonDealAmount: string | null } }) => r.growth.wonDealAmount !== null)).toBe(true);
    }
  }, 180_000);
});
