import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityInWindow,
  assignTiers,
  type CustomerTierState,
  centsToDecimal,
  DAY_MS,
  decimalToCents,
  type LadderTier,
  quintileScores,
  summarizeAssignments,
  type TierMetric,
  topPercentLimit,
  type WindowActivity,
} from './tierRules.rules.ts';
import type { TierCutoff } from './tiers.table.ts';

/**
 * Properties of the tier rules (issue 11): what tierRules.rules.ts promises for any ladder, rules,
 * customers and purchases — not just the examples in tierRules.rules.test.ts.
 */

const ladderArb = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.shuffledSubarray(
    Array.from({ length: n }, (_, i): LadderTier => ({ id: `tier-${i}`, rank: i + 1 })),
    { minLength: n, maxLength: n },
  ),
);

const cutoffArb = (metric: TierMetric, tierId: string): fc.Arbitrary<TierCutoff> =>
  fc.oneof(
    fc.integer({ min: 1, max: 10_000 }).map((h) => ({ tierId, kind: 'top_percent' as const, value: h / 100 })),
    (metric === 'monetary'
      ? fc.integer({ min: 0, max: 1_000_000 }).map((c) => c / 100)
      : metric === 'rfm'
        ? fc.integer({ min: 3, max: 15 })
        : fc.integer({ min: 0, max: 60 })
    ).map((value) => ({ tierId, kind: 'absolute' as const, value })),
  );

/** A whole scenario: ladder, rules, customers (some pinned) and their window activity. */
const scenarioArb = fc
  .record({
    ladder: ladderArb,
    metric: fc.constantFrom<TierMetric>('monetary', 'frequency', 'recency', 'rfm'),
    ids: fc.uniqueArray(fc.uuid({ version: 7 }), { maxLength: 40 }),
  })
  .chain(({ ladder, metric, ids }) =>
    fc.record({
      ladder: fc.constant(ladder),
      metric: fc.constant(metric),
      cutoffs: fc.tuple(...ladder.map((t) => fc.option(cutoffArb(metric, t.id), { nil: undefined }))),
      customers: fc.tuple(
        ...ids.map((customerId) =>
          fc.record({ customerId: fc.constant(customerId), tierId: fc.constantFrom(...ladder.map((t) => t.id)), pinned: fc.boolean() }),
        ),
      ) as fc.Arbitrary<CustomerTierState[]>,
      activity: fc.subarray(ids).chain((buyers) =>
        fc.tuple(
          ...buyers.map((customerId) =>
            fc.record({
              customerId: fc.constant(customerId),
              monetary: fc.bigInt({ min: 0n, max: 10_000_000_00n }).map(centsToDecimal),
              frequency: fc.integer({ min: 1, max: 50 }),
              recencyDays: fc.integer({ min: 0, max: 365 }),
            }),
          ),
        ),
      ) as fc.Arbitrary<WindowActivity[]>,
    }),
  )
  .map((s) => ({
    ...s,
    rules: { metric: s.metric, windowDays: 365, cutoffs: s.cutoffs.filter((c): c is TierCutoff => c !== undefined) },
    asOf: new Date('2026-06-30T16:00:00Z'),
  }));

const rankOf = (ladder: LadderTier[], id: string) => ladder.find((t) => t.id === id)?.rank ?? Number.NaN;

describe('tier assignment, for any ladder, rules and purchases', () => {
  it('gives every customer exactly one tier of the ladder, and the tier counts sum to N', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const result = assignTiers(s);
        expect(result.map((a) => a.customerId)).toEqual(s.customers.map((c) => c.customerId));
        for (const a of result) expect(s.ladder.map((t) => t.id)).toContain(a.toTierId);
        const summary = summarizeAssignments(s.metric, s.ladder, result);
        expect(summary.tiers.reduce((n, t) => n + t.count, 0)).toBe(s.customers.length);
        expect(summary.customers).toBe(s.customers.length);
        expect(summary.moves.reduce((n, m) => n + m.count, 0)).toBe(summary.changed);
      }),
    );
  });

  it('leaves pinned customers where they are, and puts customers without purchases in the lowest tier', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const lowest = s.ladder.reduce((l, t) => (t.rank > l.rank ? t : l));
        const buyers = new Set(s.activity.map((a) => a.customerId));
        for (const [i, a] of assignTiers(s).entries()) {
          const c = s.customers[i] as CustomerTierState;
          if (c.pinned) expect(a.toTierId).toBe(c.tierId);
          else if (!buyers.has(c.customerId)) expect(a.toTierId).toBe(lowest.id);
        }
      }),
    );
  });

  it('is monotone: a customer ranked better never lands in a lower tier than one ranked worse', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ranked = assignTiers(s)
          .filter((a) => !a.pinned && a.explanation?.rank != null)
          .sort((a, b) => (a.explanation?.rank ?? 0) - (b.explanation?.rank ?? 0));
        for (let i = 1; i < ranked.length; i++) {
          expect(rankOf(s.ladder, ranked[i - 1]?.toTierId as string)).toBeLessThanOrEqual(rankOf(s.ladder, ranked[i]?.toTierId as string));
        }
      }),
    );
  });

  it('a preview equals the recompute: the same input in any order gives the same tiers, and recomputing moves nobody', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, seed) => {
        const first = assignTiers(s);
        const k = s.activity.length ? seed % s.activity.length : 0;
        const shuffled = [...s.activity.slice(k), ...s.activity.slice(0, k)].reverse();
        expect(assignTiers({ ...s, activity: shuffled }).map((a) => a.toTierId)).toEqual(first.map((a) => a.toTierId));
        const after = s.customers.map((c, i) => ({ ...c, tierId: first[i]?.toTierId as string }));
        const again = assignTiers({ ...s, customers: after });
        expect(summarizeAssignments(s.metric, s.ladder, again).changed).toBe(0);
      }),
    );
  });

  it('a single top-P % cut-off admits exactly ceil(P/100 × N) customers when nobody is pinned', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 10_000 }), (s, hundredths) => {
        fc.pre(s.ladder.length >= 2);
        const top = s.ladder.reduce((h, t) => (t.rank < h.rank ? t : h));
        const customers = s.customers.map((c) => ({ ...c, pinned: false }));
        const rules = { ...s.rules, cutoffs: [{ tierId: top.id, kind: 'top_percent' as const, value: hundredths / 100 }] };
        const result = assignTiers({ ...s, customers, rules });
        const n = s.activity.length;
        expect(result.filter((a) => a.toTierId === top.id).length).toBe(Math.min(n, topPercentLimit(hundredths / 100, n)));
      }),
    );
  });
});

describe('the exact arithmetic under the rules', () => {
  it('money survives cents and back, and a window sums exactly the orders inside (asOf − days, asOf]', () => {
    const asOf = new Date('2026-06-30T16:00:00Z');
    const orderArb = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c'),
      orderedAt: fc.integer({ min: -40 * DAY_MS, max: DAY_MS }).map((ms) => new Date(asOf.getTime() + ms)),
      amount: fc.bigInt({ min: 0n, max: 1_000_000_00n }).map(centsToDecimal),
    });
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 30 }), fc.integer({ min: 1, max: 30 }), (orders, days) => {
        for (const o of orders) expect(centsToDecimal(decimalToCents(o.amount))).toBe(o.amount);
        const inside = orders.filter((o) => o.orderedAt.getTime() > asOf.getTime() - days * DAY_MS && o.orderedAt <= asOf);
        const activity = activityInWindow(orders, asOf, days);
        expect(activity.reduce((n, a) => n + a.frequency, 0)).toBe(inside.length);
        expect(activity.reduce((sum, a) => sum + decimalToCents(a.monetary), 0n)).toBe(
          inside.reduce((sum, o) => sum + decimalToCents(o.amount), 0n),
        );
        for (const a of activity) expect(a.recencyDays).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('RFM quintile scores stay in 1–5, equal values share a score, and a better value never scores lower', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 60 }), fc.boolean(), (values, lowerBetter) => {
        const scores = quintileScores(values, lowerBetter);
        for (const [i, v] of values.entries()) {
          expect(scores[i]).toBeGreaterThanOrEqual(1);
          expect(scores[i]).toBeLessThanOrEqual(5);
          for (const [j, w] of values.entries()) {
            const better = lowerBetter ? v < w : v > w;
            if (v === w) expect(scores[i]).toBe(scores[j]);
            else if (better) expect(scores[i]).toBeGreaterThanOrEqual(scores[j] as number);
          }
        }
      }),
    );
  });
});
