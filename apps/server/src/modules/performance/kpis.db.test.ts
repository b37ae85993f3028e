import type { TScorecard } from '@tierline/contracts';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ctxFor } from '../../../test/salesFixtures.ts';
import { seedScorecardFixture } from '../../../test/scorecardFixtures.ts';
import { createTestApp } from '../../../test/testApp.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { scorecardsOfReps } from './scorecards.usecases.ts';

/** Every KPI formula (decision 0026) against the hand-computed fixture of test/scorecardFixtures.ts. */
const t = await createTestApp();
const { orgId, admin, ann, bob, cid } = await seedScorecardFixture(t);
const kpi = (card: TScorecard, key: string) => card.kpis.find((k) => k.kpi === key)!;

describe('KPI actuals (every formula against the hand computation)', () => {
  it('computes each rep’s KPIs from their own records, whatever team they were in', async () => {
    const [a, b, c] = await scorecardsOfReps(ctxFor(t, admin, orgId, { role: 'admin' }), '2026-Q3', [
      ann.userId!,
      bob.userId!,
      cid.userId!,
    ]);
    const actuals = (card: TScorecard) => Object.fromEntries(card.kpis.map((k) => [k.kpi, k.actual]));
    expect(actuals(a!)).toEqual({
      revenueWon: '175000.00',
      paymentsCollected: '95000.00',
      newCustomers: '3',
      orders: '2',
      winRate: '0.7500',
      activities: '8',
      'activities.call': '3',
      'activities.email': '2',
      'activities.visit': '1',
      'activities.meeting': '1',
      satisfaction: '4.33',
      followUpCompliance: '0.5000',
      forecastAccuracy: '0.8750',
    });
    expect(actuals(b!)).toEqual({
      revenueWon: '100000.00',
      paymentsCollected: '50000.00',
      newCustomers: '2',
      orders: '1',
      winRate: '0.5000',
      activities: '4',
      'activities.call': '2',
      'activities.email': '0',
      'activities.visit': '1',
      'activities.meeting': '1',
      satisfaction: '3.50',
      followUpCompliance: '0.6667',
      forecastAccuracy: '0.7500',
    });
    // No records at all: zeros, and no value where there is nothing to measure.
    expect(actuals(c!)).toEqual({
      revenueWon: '0.00',
      paymentsCollected: '0.00',
      newCustomers: '0',
      orders: '0',
      winRate: null,
      activities: '0',
      'activities.call': '0',
      'activities.email': '0',
      'activities.visit': '0',
      'activities.meeting': '0',
      satisfaction: null,
      followUpCompliance: null,
      forecastAccuracy: null,
    });
  });

  it('puts a deal closed at 2026-06-30T16:30Z in Q3 for Asia/Shanghai, and in Q2 for an org on UTC', async () => {
    const ctx = ctxFor(t, admin, orgId, { role: 'admin' });
    // Q2 in Shanghai: only the deal closed 06-30 23:30 local (30000).
    expect(kpi((await scorecardsOfReps(ctx, '2026-Q2', [ann.userId!]))[0]!, 'revenueWon').actual).toBe('30000.00');
    await t.db.update(orgs).set({ timeZone: 'UTC' }).where(eq(orgs.id, orgId));
    try {
      // UTC: 100000 (07-10) + 20000 (09-30 16:30Z) + 25000 (09-30 15:59Z) = 145000.00; 50000 and 30000 fall in Q2.
      const [utc] = await scorecardsOfReps(ctx, '2026-Q3', [ann.userId!]);
      expect(kpi(utc!, 'revenueWon').actual).toBe('145000.00');
      expect(kpi((await scorecardsOfReps(ctx, '2026-Q2', [ann.userId!]))[0]!, 'revenueWon').actual).toBe('80000.00');
    } finally {
      await t.db.update(orgs).set({ timeZone: 'Asia/Shanghai' }).where(eq(orgs.id, orgId));
    }
  });

  it('computes a month and a year the same way', async () => {
    const ctx = ctxFor(t, admin, orgId, { role: 'admin' });
    const [july] = await scorecardsOfReps(ctx, '2026-07', [ann.userId!]);
    // July: 100000 (07-10) + 50000 (07-01 00:30 local) = 150000.00; 2 won, 0 lost.
    expect(kpi(july!, 'revenueWon').actual).toBe('150000.00');
    expect(kpi(july!, 'winRate').actual).toBe('1.0000');
    expect(kpi(july!, 'forecastAccuracy').actual).toBeNull(); // the commit is for the quarter
    const [year] = await scorecardsOfReps(ctx, '2026', [ann.userId!]);
    // 2026: every won deal not deleted: 100000 + 50000 + 30000 + 20000 + 25000 = 225000.00
    expect(kpi(year!, 'revenueWon').actual).toBe('225000.00');
  });
});
