import type { TScorecard } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { ctxFor } from '../../../test/salesFixtures.ts';
import { seedScorecardFixture } from '../../../test/scorecardFixtures.ts';
import { anonymous, type Caller, createTestApp } from '../../../test/testApp.ts';
import { scorecardsOfReps, teamScorecard } from './scorecards.usecases.ts';

/**
 * Scores, team scorecards, access and leaderboards (decision 0026) against the hand-computed fixture of
 * test/scorecardFixtures.ts: 2026-Q3, cycle 60/40 with cap 1.2; Ann (East, junior), Bob (West → East, junior → mid
 * mid-quarter), Cid (West, junior, no records).
 */
const t = await createTestApp();
const { orgId, admin, other, junior, mid, mia, wes, east, west, ann, bob, cid, viewer } = await seedScorecardFixture(t);

const kpi = (card: TScorecard, key: string) => card.kpis.find((k) => k.kpi === key)!;
const cardsOf = async (caller: Caller, query: string) => {
  const res = await caller.get(`/api/v1/scorecards?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as TScorecard[];
};

describe('scores (attainment, points, quantitative, qualitative, total, grade)', () => {
  it('scores Ann (junior scheme, cap 1.2, 60/40) exactly as by hand', async () => {
    const [a] = await cardsOf(ann, 'period=2026-Q3');
    expect(a!.subject).toEqual({ kind: 'rep', id: ann.userId, name: 'Ann', teamId: east.id, levelId: junior });
    expect(a).toMatchObject({ period: '2026-Q3', from: '2026-07-01', to: '2026-10-01', attainmentCap: 1.2 });
    expect(a!.cycleId).not.toBeNull();
    // Σ weights with a target = 50 + 20 + 10 + 10 = 90 (activities has none): effective = weight × 100/90.
    expect(a!.kpis.slice(0, 6)).toEqual([
      // 175000 / 100000 = 1.75 → capped 1.2; 55.5556 × 1.2 = 66.67 → 66.7
      {
        kpi: 'revenueWon',
        actual: '175000.00',
        target: '100000.00',
        targetSource: 'rep',
        attainment: 1.75,
        cappedAttainment: 1.2,
        weight: 50,
        effectiveWeight: 55.56,
        points: 66.7,
      },
      // 95000 / 190000 (junior default) = 0.5; 22.2222 × 0.5 = 11.11 → 11.1
      {
        kpi: 'paymentsCollected',
        actual: '95000.00',
        target: '190000.00',
        targetSource: 'level',
        attainment: 0.5,
        cappedAttainment: 0.5,
        weight: 20,
        effectiveWeight: 22.22,
        points: 11.1,
      },
      // zero target: met (1); 11.1111 × 1 → 11.1
      {
        kpi: 'newCustomers',
        actual: '3',
        target: '0',
        targetSource: 'rep',
        attainment: 1,
        cappedAttainment: 1,
        weight: 10,
        effectiveWeight: 11.11,
        points: 11.1,
      },
      // no target: left out, its 10 shared by the others
      {
        kpi: 'activities',
        actual: '8',
        target: null,
        targetSource: 'none',
        attainment: null,
        cappedAttainment: null,
        weight: 10,
        effectiveWeight: 0,
        points: 0,
      },
      // 0.5 / 0.8 = 0.625; 11.1111 × 0.625 = 6.94 → 6.9
      {
        kpi: 'followUpCompliance',
        actual: '0.5000',
        target: '0.8000',
        targetSource: 'level',
        attainment: 0.625,
        cappedAttainment: 0.625,
        weight: 10,
        effectiveWeight: 11.11,
        points: 6.9,
      },
      // outside the scheme: shown with its attainment (2 / 4), never scored
      {
        kpi: 'orders',
        actual: '2',
        target: '4',
        targetSource: 'rep',
        attainment: 0.5,
        cappedAttainment: 0.5,
        weight: 0,
        effectiveWeight: 0,
        points: 0,
      },
    ]);
    expect(a).toMatchObject({
      quantitativeScore: 95.8, // 66.7 + 11.1 + 11.1 + 6.9
      // managerRating 4/5 × 100 × 60/100 = 48; teamwork 5/5 × 100 × 40/100 = 40
      criteria: [
        { key: 'managerRating', weight: 60, score: 4, comment: 'steady', points: 48 },
        { key: 'teamwork', weight: 40, score: 5, comment: null, points: 40 },
      ],
      qualitativeScore: 88,
      quantitativeWeight: 60,
      qualitativeWeight: 40,
      total: 92.7, // 0.6 × 95.8 + 0.4 × 88 = 57.48 + 35.2 = 92.68
      grade: 'A',
      complete: true,
    });
    expect(a!.reviewId).not.toBeNull();
  });

  it('scores Bob, who changed team and level in the quarter, with the mid level’s targets and the fallback scheme; a draft review does not count', async () => {
    const [b] = await cardsOf(mia, `period=2026-Q3&repId=${bob.userId}`);
    expect(b!.subject).toEqual({ kind: 'rep', id: bob.userId, name: 'Bob', teamId: east.id, levelId: mid });
    const line = (k: string) => {
      const { kpi: _, actual, target, targetSource, attainment, effectiveWeight, points } = kpi(b!, k);
      return { actual, target, targetSource, attainment, effectiveWeight, points };
    };
    // Σ weights = 100 (every KPI of the fallback has a mid target).
    expect(line('revenueWon')).toEqual({
      actual: '100000.00',
      target: '200000.00',
      targetSource: 'level',
      attainment: 0.5,
      effectiveWeight: 40,
      points: 20,
    });
    // 50000 / 120000 = 0.41667 → 0.4167; 30 × 0.4167 = 12.501 → 12.5
    expect(line('paymentsCollected')).toMatchObject({ attainment: 0.4167, points: 12.5 });
    expect(line('newCustomers')).toMatchObject({ actual: '2', target: '5', attainment: 0.4, points: 4 });
    // 4 / 12 = 0.3333 → 3.3
    expect(line('activities')).toMatchObject({ actual: '4', target: '12', attainment: 0.3333, points: 3.3 });
    // 0.6667 / 0.9 = 0.74078 → 0.7408 → 7.4
    expect(line('followUpCompliance')).toMatchObject({ actual: '0.6667', target: '0.9000', attainment: 0.7408, points: 7.4 });
    expect(b).toMatchObject({
      quantitativeScore: 47.2, // 20 + 12.5 + 4 + 3.3 + 7.4
      qualitativeScore: null,
      criteria: [
        { key: 'managerRating', weight: 50, score: null, points: 0 },
        { key: 'customerFeedback', weight: 25, score: null, points: 0 },
        { key: 'teamwork', weight: 25, score: null, points: 0 },
      ],
      reviewId: null,
      total: 28.3, // 0.6 × 47.2 = 28.32
      grade: 'D',
      complete: false,
    });
  });

  it('scores Cid, with no deals at all, 0 (nothing to measure counts 0 against a target)', async () => {
    const [c] = await cardsOf(wes, `period=2026-Q3&repId=${cid.userId}`);
    expect(kpi(c!, 'followUpCompliance')).toMatchObject({ actual: null, target: '0.8000', attainment: 0, points: 0 });
    expect(kpi(c!, 'revenueWon')).toMatchObject({ actual: '0.00', target: '150000.00', attainment: 0, effectiveWeight: 55.56 });
    expect(c).toMatchObject({ quantitativeScore: 0, qualitativeScore: null, total: 0, grade: 'D', complete: false });
  });

  it('scores a team on the records stamped with it, its own target or its reps’ sum (or mean)', async () => {
    const [team, ...members] = await cardsOf(mia, `period=2026-Q3&teamId=${east.id}`);
    expect(members.map((m) => m.subject.name)).toEqual(['Ann', 'Bob']);
    expect(team!.subject).toEqual({ kind: 'team', id: east.id, name: 'East', teamId: east.id, levelId: null });
    const line = (k: string) => {
      const { actual, target, targetSource, attainment, points } = kpi(team!, k);
      return { actual, target, targetSource, attainment, points };
    };
    // 215000 / 250000 (East's own) = 0.86 → 40 × 0.86 = 34.4
    expect(line('revenueWon')).toEqual({ actual: '215000.00', target: '250000.00', targetSource: 'team', attainment: 0.86, points: 34.4 });
    // 115000 / (190000 + 120000) = 0.37097 → 0.3710 → 30 × 0.371 = 11.13 → 11.1
    expect(line('paymentsCollected')).toEqual({
      actual: '115000.00',
      target: '310000.00',
      targetSource: 'members',
      attainment: 0.371,
      points: 11.1,
    });
    // 4 / (0 + 5) = 0.8 → 8.0
    expect(line('newCustomers')).toEqual({ actual: '4', target: '5', targetSource: 'members', attainment: 0.8, points: 8 });
    // 10 / 12 (only Bob has one) = 0.8333 → 8.3
    expect(line('activities')).toEqual({ actual: '10', target: '12', targetSource: 'members', attainment: 0.8333, points: 8.3 });
    // 0.5 / mean(0.8, 0.9) = 0.5 / 0.85 = 0.5882 → 5.9
    expect(line('followUpCompliance')).toEqual({
      actual: '0.5000',
      target: '0.8500',
      targetSource: 'members',
      attainment: 0.5882,
      points: 5.9,
    });
    expect(Object.fromEntries(team!.kpis.map((k) => [k.kpi, k.actual]))).toMatchObject({
      orders: '2',
      winRate: '0.6667',
      'activities.call': '3',
      'activities.visit': '2',
      satisfaction: '4.25',
      forecastAccuracy: '0.9250',
    });
    expect(team).toMatchObject({
      quantitativeScore: 67.7, // 34.4 + 11.1 + 8 + 8.3 + 5.9
      qualitativeScore: null,
      criteria: [],
      quantitativeWeight: 100,
      qualitativeWeight: 0,
      total: 67.7,
      grade: 'C',
      complete: true,
    });
  });

  it('keeps what was done in West with West after Bob left, and caps its over-achievement', async () => {
    const w = await teamScorecard(ctxFor(t, admin, orgId, { role: 'admin' }), '2026-Q3', west.id);
    expect(Object.fromEntries(w.kpis.map((k) => [k.kpi, k.actual]))).toMatchObject({
      revenueWon: '60000.00',
      paymentsCollected: '30000.00',
      newCustomers: '1',
      orders: '1',
      winRate: '0.5000',
      activities: '2',
      satisfaction: '3.00',
      followUpCompliance: '1.0000',
      forecastAccuracy: '0.7500',
    });
    // Members: Cid only (junior defaults). Σ weights with a target = 90.
    // revenue 40 × 100/90 × 0.4 = 17.78 → 17.8; payments 30/90 × 100 × 0.1579 = 5.26 → 5.3;
    // new customers 11.11 × 0.25 = 2.78 → 2.8; follow-up 1 / 0.8 = 1.25 → capped 1.2: 11.11 × 1.2 = 13.33 → 13.3
    expect(kpi(w, 'followUpCompliance')).toMatchObject({ attainment: 1.25, cappedAttainment: 1.2, points: 13.3 });
    expect(w).toMatchObject({ quantitativeScore: 39.2, total: 39.2, grade: 'D' });
  });

  it('computes all reps in one go, quickly', async () => {
    const ctx = ctxFor(t, admin, orgId, { role: 'admin' });
    const ids = [ann.userId!, bob.userId!, cid.userId!];
    await scorecardsOfReps(ctx, '2026-Q3', ids);
    const started = performance.now();
    const cards = await scorecardsOfReps(ctx, '2026-Q3', [...ids, ids[0]!, other.userId!]);
    console.info(`scorecardsOfReps(3 reps, 2026-Q3) on ${t.database.engine}: ${(performance.now() - started).toFixed(1)} ms`);
    expect(cards.map((c) => c.subject.name)).toEqual(['Ann', 'Bob', 'Cid']); // repeated and foreign ids left out
  });
});

describe('access: scope for scorecards, the org for leaderboards', () => {
  it('shows a rep only themselves; another rep or a team is 404', async () => {
    expect((await cardsOf(ann, 'period=2026-Q3')).map((c) => c.subject.name)).toEqual(['Ann']);
    expect((await ann.get(`/api/v1/scorecards?period=2026-Q3&repId=${bob.userId}`)).statusCode).toBe(404);
    expect((await ann.get(`/api/v1/scorecards?period=2026-Q3&teamId=${east.id}`)).statusCode).toBe(404);
    expect((await cardsOf(ann, `period=2026-Q3&repId=${ann.userId}`)).map((c) => c.subject.name)).toEqual(['Ann']);
  });

  it('shows a manager their own team only: another team or its rep is 404', async () => {
    expect((await cardsOf(mia, 'period=2026-Q3')).map((c) => c.subject.name)).toEqual(['Ann', 'Bob']);
    expect((await cardsOf(wes, 'period=2026-Q3')).map((c) => c.subject.name)).toEqual(['Cid']); // Bob left West
    expect((await mia.get(`/api/v1/scorecards?period=2026-Q3&teamId=${west.id}`)).statusCode).toBe(404);
    expect((await mia.get(`/api/v1/scorecards?period=2026-Q3&repId=${cid.userId}`)).statusCode).toBe(404);
    expect((await wes.get(`/api/v1/scorecards?period=2026-Q3&repId=${bob.userId}`)).statusCode).toBe(404);
    expect((await mia.get(`/api/v1/scorecards?period=2026-Q3&repId=${ann.userId}&teamId=${west.id}`)).statusCode).toBe(404);
  });

  it('lets the viewer and the director read the organisation; another organisation sees nothing', async () => {
    expect((await cardsOf(viewer, 'period=2026-Q3')).map((c) => c.subject.name)).toEqual(['Ann', 'Bob', 'Cid']);
    expect((await cardsOf(viewer, `period=2026-Q3&teamId=${west.id}`)).map((c) => c.subject.name)).toEqual(['West', 'Cid']);
    expect(await cardsOf(other, 'period=2026-Q3')).toEqual([]);
    expect((await other.get(`/api/v1/scorecards?period=2026-Q3&repId=${ann.userId}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/scorecards?period=2026-Q3&teamId=${east.id}`)).statusCode).toBe(404);
    expect((await anonymous(t).get('/api/v1/scorecards?period=2026-Q3')).statusCode).toBe(401);
  });

  it('refuses a malformed period or id, naming the field', async () => {
    const bad = await ann.get('/api/v1/scorecards?period=2026-Q5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('period');
    expect((await ann.get('/api/v1/scorecards?period=2026-Q3&repId=nope')).json().errors[0].path).toBe('repId');
    expect((await ann.get('/api/v1/leaderboards?period=2026-Q3&metric=luck')).json().errors[0].path).toBe('metric');
  });

  it('ranks the organisation’s reps for a rep too: by total, by a KPI (no value last, ties share a rank), by team and level', async () => {
    const board = async (caller: Caller, query: string) => {
      const res = await caller.get(`/api/v1/leaderboards?period=2026-Q3&${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().data.map((r: { rank: number; name: string; value: string | null }) => [r.rank, r.name, r.value]);
    };
    expect(await board(ann, 'metric=total')).toEqual([
      [1, 'Ann', '92.7'],
      [2, 'Bob', '28.3'],
      [3, 'Cid', '0.0'],
    ]);
    expect((await ann.get('/api/v1/leaderboards?period=2026-Q3')).json().data[0]).toEqual({
      rank: 1,
      repId: ann.userId,
      name: 'Ann',
      teamId: east.id,
      levelId: junior,
      value: '92.7',
      grade: 'A',
    });
    expect(await board(ann, 'metric=winRate')).toEqual([
      [1, 'Ann', '0.7500'],
      [2, 'Bob', '0.5000'],
      [3, 'Cid', null],
    ]);
    expect(await board(cid, 'metric=activities.email')).toEqual([
      [1, 'Ann', '2'],
      [2, 'Bob', '0'],
      [2, 'Cid', '0'],
    ]);
    expect(await board(viewer, `metric=revenueWon&teamId=${east.id}`)).toEqual([
      [1, 'Ann', '175000.00'],
      [2, 'Bob', '100000.00'],
    ]);
    expect((await board(ann, `levelId=${junior}`)).map((r: unknown[]) => r[1])).toEqual(['Ann', 'Cid']); // Bob is mid at the end
    expect((await board(ann, `levelId=${mid}`)).map((r: unknown[]) => r[1])).toEqual(['Bob']);
    expect(await board(ann, 'metric=total&limit=1')).toEqual([[1, 'Ann', '92.7']]);
    expect(await board(other, 'metric=total')).toEqual([]);
    expect((await other.get(`/api/v1/leaderboards?period=2026-Q3&teamId=${east.id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/leaderboards?period=2026-Q3&levelId=${junior}`)).statusCode).toBe(404);
    expect((await anonymous(t).get('/api/v1/leaderboards?period=2026-Q3')).statusCode).toBe(401);
  });

  it('lists every KPI with its unit and formula, for anyone signed in', async () => {
    const res = await viewer.get('/api/v1/kpis');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toHaveLength(13);
    expect(res.json().data[0]).toEqual({ kpi: 'revenueWon', unit: 'money', formula: expect.stringContaining('won stage') });
    expect((await anonymous(t).get('/api/v1/kpis')).statusCode).toBe(401);
  });
});
