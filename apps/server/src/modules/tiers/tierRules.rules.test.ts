import { describe, expect, it } from 'vitest';
import {
  activityInWindow,
  assignTiers,
  type CustomerTierState,
  decimalToCents,
  quintileScores,
  summarizeAssignments,
  type TierRules,
  topPercentLimit,
  type WindowActivity,
} from './tierRules.rules.ts';
import type { TierCutoff } from './tiers.table.ts';

const ladder = [
  { id: 'ka', rank: 1 },
  { id: 'vip', rank: 2 },
  { id: 'smb', rank: 3 },
];
const top = (tierId: string, value: number): TierCutoff => ({ tierId, kind: 'top_percent', value });
const atLeast = (tierId: string, value: number): TierCutoff => ({ tierId, kind: 'absolute', value });
const DEFAULT: TierRules = { metric: 'monetary', windowDays: 365, cutoffs: [top('ka', 5), top('vip', 20)] };
const asOf = new Date('2026-01-01T00:00:00Z');

/** Customers c01…cNN, all in SMB and not pinned unless said. */
const customersOf = (ids: string[], pinned: Record<string, string> = {}): CustomerTierState[] =>
  ids.map((id) => ({ customerId: id, tierId: pinned[id] ?? 'smb', pinned: id in pinned }));
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
/** Activity where c01 spent the most: c01 = n × 100, c02 = (n−1) × 100, … */
const descendingMonetary = (n: number): WindowActivity[] =>
  ids(n).map((id, i) => ({ customerId: id, monetary: `${(n - i) * 100}.00`, frequency: 1, recencyDays: 10 }));

function tiersOf(rules: TierRules, customers: CustomerTierState[], activity: WindowActivity[]) {
  return Object.fromEntries(assignTiers({ rules, ladder, customers, activity, asOf }).map((a) => [a.customerId, a.toTierId]));
}

describe('assignTiers: top P % means rank ≤ ceil(P/100 × N), cumulative from the highest tier down', () => {
  it.each([
    // N, expected [KA ranks, VIP ranks]: KA = ceil(0.05 N), VIP up to ceil(0.20 N)
    { n: 1, ka: 1, vipUpTo: 1 }, // ceil(0.05) = 1: the only customer is KA
    { n: 5, ka: 1, vipUpTo: 1 }, // ceil(0.25) = 1, ceil(1.0) = 1: nobody left for VIP
    { n: 6, ka: 1, vipUpTo: 2 }, // ceil(0.3) = 1, ceil(1.2) = 2
    { n: 20, ka: 1, vipUpTo: 4 }, // exact: 1 and 4
    { n: 21, ka: 2, vipUpTo: 5 }, // ceil(1.05) = 2, ceil(4.2) = 5
    { n: 40, ka: 2, vipUpTo: 8 },
    { n: 41, ka: 3, vipUpTo: 9 },
  ])('N = $n: ranks 1…$ka KA, up to $vipUpTo VIP, the rest SMB', ({ n, ka, vipUpTo }) => {
    const result = tiersOf(DEFAULT, customersOf(ids(n)), descendingMonetary(n));
    ids(n).forEach((id, i) => {
      const rank = i + 1;
      expect(result[id], `rank ${rank}`).toBe(rank <= ka ? 'ka' : rank <= vipUpTo ? 'vip' : 'smb');
    });
  });

  it('N = 0: nobody ordered in the window, everyone gets the lowest tier, explained with n = 0', () => {
    const result = assignTiers({
      rules: DEFAULT,
      ladder,
      customers: customersOf(['a', 'b'], { b: 'ka' }).map((c) => ({ ...c, pinned: false })),
      activity: [],
      asOf,
    });
    expect(result.map((a) => [a.customerId, a.fromTierId, a.toTierId])).toEqual([
      ['a', 'smb', 'smb'],
      ['b', 'ka', 'smb'],
    ]);
    expect(result[1].explanation).toEqual({
      metric: 'monetary',
      value: null,
      cutoff: null,
      rank: null,
      n: 0,
      asOf: '2026-01-01T00:00:00.000Z',
    });
  });

  it('computes ceil exactly where floats would not: 7 % of 100 is 7, 0.29 % of 100 is 1, 14.29 % of 7 is 2', () => {
    expect((7 / 100) * 100).toBeGreaterThan(7); // the trap a float formula falls into
    expect(topPercentLimit(7, 100)).toBe(7);
    expect(topPercentLimit(57, 100)).toBe(57);
    expect(topPercentLimit(0.29, 100)).toBe(1);
    expect(topPercentLimit(14.29, 7)).toBe(2);
    expect(topPercentLimit(100, 3)).toBe(3);
    expect(topPercentLimit(5, 0)).toBe(0);
  });

  it('breaks a tie at the KA boundary by customer id: of two equal top spenders only the smaller id is KA', () => {
    // N = 20 → one KA place. c07 and c03 both spent 5,000; c03 < c07.
    const activity = descendingMonetary(20).map((a) =>
      a.customerId === 'c07' || a.customerId === 'c03' ? { ...a, monetary: '5000.00' } : a,
    );
    const result = assignTiers({ rules: DEFAULT, ladder, customers: customersOf(ids(20)), activity, asOf });
    const byId = Object.fromEntries(result.map((a) => [a.customerId, a]));
    expect(byId.c03.toTierId).toBe('ka');
    expect(byId.c03.explanation?.rank).toBe(1);
    expect(byId.c07.toTierId).toBe('vip');
    expect(byId.c07.explanation).toMatchObject({ rank: 2, value: 5000, cutoff: top('vip', 20), n: 20 });
    expect(byId.c01.explanation?.rank).toBe(3); // 2,000 after the two 5,000s
  });

  it('leaves a pinned customer where it is, while it still takes its rank (and so its place) in N', () => {
    // N = 20, one KA place: the pinned c01 is rank 1, so c02 at rank 2 is VIP, not KA.
    const result = assignTiers({
      rules: DEFAULT,
      ladder,
      customers: customersOf(ids(20), { c01: 'smb', c15: 'ka' }),
      activity: descendingMonetary(20),
      asOf,
    });
    const byId = Object.fromEntries(result.map((a) => [a.customerId, a]));
    expect(byId.c01).toMatchObject({ fromTierId: 'smb', toTierId: 'smb', pinned: true, explanation: null, metricValue: 200000n });
    expect(byId.c15).toMatchObject({ toTierId: 'ka', pinned: true });
    expect(byId.c02).toMatchObject({ toTierId: 'vip', explanation: { rank: 2 } });
  });

  it('mixes absolute and relative: KA for ≥ 1,000 whatever the rank, VIP the top 50 %', () => {
    const rules: TierRules = { metric: 'monetary', windowDays: 365, cutoffs: [atLeast('ka', 1000), top('vip', 50)] };
    const activity: WindowActivity[] = [
      { customerId: 'a', monetary: '1000.00', frequency: 1, recencyDays: 0 }, // rank 1, exactly the bound → KA
      { customerId: 'b', monetary: '999.99', frequency: 1, recencyDays: 0 }, // rank 2 ≤ ceil(0.5 × 4) = 2 → VIP
      { customerId: 'c', monetary: '10.00', frequency: 1, recencyDays: 0 }, // rank 3 → SMB
      { customerId: 'd', monetary: '-5.00', frequency: 1, recencyDays: 0 }, // a net refund still counts in N → SMB
    ];
    const result = assignTiers({ rules, ladder, customers: customersOf(['a', 'b', 'c', 'd', 'e']), activity, asOf });
    expect(result.map((a) => a.toTierId)).toEqual(['ka', 'vip', 'smb', 'smb', 'smb']);
    expect(result[0].explanation).toMatchObject({ value: 1000, cutoff: atLeast('ka', 1000), rank: 1, n: 4 });
    expect(result[2].explanation).toMatchObject({ value: 10, cutoff: null, rank: 3, n: 4 });
    expect(result[4].explanation).toMatchObject({ value: null, rank: null, n: 4 });
  });

  it('lets a lower tier catch what a higher one did not: KA top 10 %, VIP ≥ 500 absolute', () => {
    const rules: TierRules = { metric: 'monetary', windowDays: 365, cutoffs: [top('ka', 10), atLeast('vip', 500)] };
    const result = tiersOf(rules, customersOf(ids(10)), descendingMonetary(10)); // 1000, 900, … 100
    expect(ids(10).map((id) => result[id])).toEqual(['ka', 'vip', 'vip', 'vip', 'vip', 'vip', 'smb', 'smb', 'smb', 'smb']);
  });

  it('ranks recency with the fewest days first, and an absolute recency cut-off means at most that many days', () => {
    const activity: WindowActivity[] = [
      { customerId: 'old', monetary: '1.00', frequency: 1, recencyDays: 90 },
      { customerId: 'new', monetary: '1.00', frequency: 1, recencyDays: 3 },
      { customerId: 'mid', monetary: '1.00', frequency: 1, recencyDays: 30 },
      { customerId: 'mid2', monetary: '1.00', frequency: 1, recencyDays: 30 },
    ];
    const rules: TierRules = { metric: 'recency', windowDays: 365, cutoffs: [top('ka', 25), atLeast('vip', 30)] };
    const result = assignTiers({ rules, ladder, customers: customersOf(['old', 'new', 'mid', 'mid2']), activity, asOf });
    const byId = Object.fromEntries(result.map((a) => [a.customerId, a]));
    expect(byId.new).toMatchObject({ toTierId: 'ka', explanation: { rank: 1, value: 3 } });
    expect(byId.mid).toMatchObject({ toTierId: 'vip', explanation: { rank: 2, value: 30 } }); // 30 ≤ 30
    expect(byId.mid2).toMatchObject({ toTierId: 'vip', explanation: { rank: 3 } }); // the tie: mid < mid2
    expect(byId.old).toMatchObject({ toTierId: 'smb', explanation: { rank: 4, cutoff: null } });
  });

  it('ranks frequency highest first with ties by id, and an absolute frequency cut-off means at least that many orders', () => {
    const activity: WindowActivity[] = ['d', 'c', 'b', 'a'].map((id, i) => ({
      customerId: id,
      monetary: '0.00',
      frequency: [5, 2, 2, 1][i],
      recencyDays: 0,
    }));
    const rules: TierRules = { metric: 'frequency', windowDays: 30, cutoffs: [atLeast('ka', 5), atLeast('vip', 2)] };
    const result = assignTiers({ rules, ladder, customers: customersOf(['a', 'b', 'c', 'd']), activity, asOf });
    expect(result.map((a) => [a.customerId, a.toTierId, a.explanation?.rank])).toEqual([
      ['a', 'smb', 4],
      ['b', 'vip', 2],
      ['c', 'vip', 3],
      ['d', 'ka', 1],
    ]);
  });

  it('ignores activity of customers it was not given (deleted ones) so they do not count in N', () => {
    const result = assignTiers({
      rules: DEFAULT,
      ladder,
      customers: customersOf(['a']),
      activity: descendingMonetary(3).map((x, i) => ({ ...x, customerId: ['gone', 'a', 'gone2'][i] })),
      asOf,
    });
    expect(result[0].explanation).toMatchObject({ rank: 1, n: 1 });
  });
});

describe('RFM score: R + F + M, each 5 − floor(5 × (r − 1) / N) with r the competition rank', () => {
  it.each([
    { values: [10n], lowerBetter: false, scores: [5] }, // N = 1: the only one is best
    { values: [1n, 2n], lowerBetter: false, scores: [3, 5] }, // r = 2: 5 − floor(5/2) = 3
    { values: [5n, 4n, 3n, 2n, 1n], lowerBetter: false, scores: [5, 4, 3, 2, 1] },
    { values: [1n, 2n, 3n, 4n, 5n], lowerBetter: true, scores: [5, 4, 3, 2, 1] },
    { values: [7n, 7n, 7n, 7n], lowerBetter: false, scores: [5, 5, 5, 5] }, // one tie group: all r = 1
    // r = 1, 1, 3, 4, 4, 6 of N = 6: 5 − floor(0) = 5, 5, 5 − floor(10/6) = 4, 5 − floor(15/6) = 3, 3, 5 − floor(25/6) = 1
    { values: [9n, 9n, 5n, 3n, 3n, 1n], lowerBetter: false, scores: [5, 5, 4, 3, 3, 1] },
  ])('$values (lower better: $lowerBetter) → $scores', ({ values, lowerBetter, scores }) => {
    expect(quintileScores(values, lowerBetter)).toEqual(scores);
  });

  it('ranks by the summed score and explains it with its parts', () => {
    // N = 3. recency 1, 5, 5 → r = 1, 2, 2 → R = 5, 5 − floor(5/3) = 4, 4
    // frequency 1, 4, 2 → r = 3, 1, 2 → F = 5 − floor(10/3) = 2, 5, 4
    // monetary 100, 50, 50 → r = 1, 2, 2 → M = 5, 4, 4
    // scores: x = 12, y = 13, z = 12 → y rank 1; x and z tie at 12, x < z → x rank 2, z rank 3
    const activity: WindowActivity[] = [
      { customerId: 'x', monetary: '100.00', frequency: 1, recencyDays: 1 },
      { customerId: 'y', monetary: '50.00', frequency: 4, recencyDays: 5 },
      { customerId: 'z', monetary: '50.00', frequency: 2, recencyDays: 5 },
    ];
    const rules: TierRules = { metric: 'rfm', windowDays: 365, cutoffs: [atLeast('ka', 13), top('vip', 67)] };
    const result = assignTiers({ rules, ladder, customers: customersOf(['x', 'y', 'z']), activity, asOf });
    expect(result.map((a) => [a.customerId, a.toTierId, a.explanation?.value, a.explanation?.rank])).toEqual([
      ['x', 'vip', 12, 2], // ceil(0.67 × 3) = ceil(2.01) = 3 → x and z both VIP
      ['y', 'ka', 13, 1],
      ['z', 'vip', 12, 3],
    ]);
    expect(result[1].explanation?.rfm).toEqual({ r: 4, f: 5, m: 4 });
  });
});

describe('the window (asOf − windowDays, asOf] and the per-customer totals', () => {
  const day = 86_400_000;
  const at = (msBeforeAsOf: number) => new Date(asOf.getTime() - msBeforeAsOf);
  const orders = [
    { customerId: 'edge', orderedAt: at(30 * day), amount: '100.00' }, // exactly windowDays ago: out
    { customerId: 'edge', orderedAt: at(30 * day - 1), amount: '0.10' }, // a millisecond later: in, 29 days ago
    { customerId: 'now', orderedAt: asOf, amount: '0.20' }, // at asOf: in, 0 days
    { customerId: 'now', orderedAt: at(day - 1), amount: '-0.05' }, // 23:59:59.999 before: still 0 days
    { customerId: 'later', orderedAt: new Date(asOf.getTime() + 1), amount: '5.00' }, // after asOf: out
  ];

  it('counts an order at asOf, not one exactly windowDays before it, and rounds recency days down', () => {
    expect(activityInWindow(orders, asOf, 30)).toEqual([
      { customerId: 'edge', monetary: '0.10', frequency: 1, recencyDays: 29 },
      { customerId: 'now', monetary: '0.15', frequency: 2, recencyDays: 0 },
    ]);
  });

  it('gives an empty window no activity, so N = 0', () => {
    expect(activityInWindow(orders, new Date('2020-01-01T00:00:00Z'), 30)).toEqual([]);
  });

  it('adds money exactly in cents', () => {
    const many = Array.from({ length: 10 }, () => ({ customerId: 'a', orderedAt: asOf, amount: '0.10' }));
    expect(activityInWindow(many, asOf, 1)[0].monetary).toBe('1.00'); // 0.1 added ten times in floats is 0.9999999999999999
    expect(decimalToCents('-12.3')).toBe(-1230n);
    expect(() => decimalToCents('1.234')).toThrow();
  });
});

describe('summarizeAssignments', () => {
  it('counts customers per tier after the change, sums the metric per tier and groups the moves', () => {
    const customers = customersOf(ids(6), { c06: 'ka' });
    customers[1].tierId = 'vip';
    const assignments = assignTiers({ rules: DEFAULT, ladder, customers, activity: descendingMonetary(5), asOf });
    // N = 5: c01 KA (ceil .25 = 1), VIP up to ceil(1.0) = 1 → none; c02 (was VIP) → SMB; c06 pinned KA, no orders
    expect(summarizeAssignments('monetary', ladder, assignments)).toEqual({
      customers: 6,
      ranked: 5,
      pinned: 1,
      changed: 2,
      tiers: [
        { tierId: 'ka', count: 2, metricSum: '500.00' },
        { tierId: 'vip', count: 0, metricSum: '0.00' },
        { tierId: 'smb', count: 4, metricSum: '1000.00' },
      ],
      moves: [
        { fromTierId: 'vip', toTierId: 'smb', count: 1 },
        { fromTierId: 'smb', toTierId: 'ka', count: 1 },
      ],
    });
  });
});
