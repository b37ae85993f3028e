import { KPI_KEYS, type TKpi, type TScoringScheme } from '@tierline/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attainmentUnits, gradeOf, type KpiLineInput, scoreCard, scoreCriteria, scoreKpis } from './scorecard.rules.ts';

/**
 * Properties of scorecard scoring (decision 0026, issue 11): the bounds and the weighting the rules
 * promise for any scheme, actuals, targets and ratings.
 */

const money = fc.integer({ min: 0, max: 5_000_000_00 }).map((c) => (c / 100).toFixed(2));
const lineArb = (kpi: TKpi): fc.Arbitrary<KpiLineInput> =>
  fc.record({
    kpi: fc.constant(kpi),
    actual: fc.option(money, { nil: null }),
    target: fc.option(money, { nil: null }),
    targetSource: fc.constant('rep' as const),
  });
const linesArb = fc.tuple(...KPI_KEYS.map(lineArb));
const weightsArb = fc
  .uniqueArray(fc.constantFrom(...KPI_KEYS), { maxLength: KPI_KEYS.length })
  .chain((kpis) => fc.tuple(...kpis.map((kpi) => fc.record({ kpi: fc.constant(kpi), weight: fc.integer({ min: 0, max: 100 }) }))));
const criteriaArb = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 6 })
  .chain((keys) => fc.tuple(...keys.map((key) => fc.record({ key: fc.constant(key), weight: fc.integer({ min: 0, max: 100 }) }))));
const capArb = fc.integer({ min: 100, max: 500 }).map((p) => p / 100);
const schemeArb: fc.Arbitrary<TScoringScheme> = fc.record({
  quantitativeWeight: fc.integer({ min: 0, max: 100 }),
  attainmentCap: capArb,
  gradeBands: fc
    .uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 })
    .map((mins) => mins.map((min, i) => ({ grade: `G${i}`, min }))),
  levels: fc.tuple(weightsArb, criteriaArb).map(([kpis, criteria]) => [{ levelId: null, kpis, criteria }]),
}) as fc.Arbitrary<TScoringScheme>;
const ratingsFor = (scheme: TScoringScheme) =>
  fc.option(
    fc.tuple(
      ...(scheme.levels[0]?.criteria ?? []).map((c) =>
        fc.record({ key: fc.constant(c.key), score: fc.integer({ min: 1, max: 5 }), comment: fc.constant(null) }),
      ),
    ),
    { nil: null },
  );

describe('scorecards, for any scheme, figures and review', () => {
  it('keeps every score in 0–100, each line non-negative, and the quantitative score the (capped) sum of its lines', () => {
    fc.assert(
      fc.property(
        schemeArb.chain((scheme) =>
          fc.record({
            scheme: fc.constant(scheme),
            lines: linesArb,
            ratings: ratingsFor(scheme),
            kind: fc.constantFrom('rep' as const, 'team' as const),
          }),
        ),
        ({ scheme, lines, ratings, kind }) => {
          const card = scoreCard({ scheme, levelId: null, lines, review: ratings ? { id: 'r', ratings } : null, kind });
          for (const score of [card.total, card.quantitativeScore, card.qualitativeScore ?? 0]) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
          }
          for (const k of card.kpis) expect(k.points).toBeGreaterThanOrEqual(0);
          const sum10 = card.kpis.reduce((s, k) => s + Math.round(k.points * 10), 0);
          expect(Math.round(card.quantitativeScore * 10)).toBe(Math.min(1000, sum10));
          expect(card.quantitativeWeight + card.qualitativeWeight).toBe(100);
        },
      ),
    );
  });

  it('weights summing to 100 put the total within [min, max] of its two parts', () => {
    fc.assert(
      fc.property(
        schemeArb.chain((scheme) => fc.record({ scheme: fc.constant(scheme), lines: linesArb, ratings: ratingsFor(scheme) })),
        ({ scheme, lines, ratings }) => {
          fc.pre(ratings !== null);
          const card = scoreCard({ scheme, levelId: null, lines, review: { id: 'r', ratings: ratings ?? [] }, kind: 'rep' });
          const parts = [card.quantitativeScore, card.qualitativeScore ?? 0];
          expect(card.total).toBeGreaterThanOrEqual(Math.min(...parts));
          expect(card.total).toBeLessThanOrEqual(Math.max(...parts));
        },
      ),
    );
  });

  it('caps attainment, and a higher actual never lowers the quantitative score', () => {
    fc.assert(
      fc.property(weightsArb, linesArb, capArb, fc.nat({ max: KPI_KEYS.length - 1 }), money, (weights, lines, cap, i, extra) => {
        const before = scoreKpis(lines, weights, cap);
        for (const k of before.kpis) if (k.cappedAttainment !== null) expect(k.cappedAttainment).toBeLessThanOrEqual(cap);
        const line = lines[i] as KpiLineInput;
        const raised = (Number(line.actual ?? '0') + Number(extra)).toFixed(2);
        const after = scoreKpis(
          lines.map((l, j) => (j === i ? { ...l, actual: raised } : l)),
          weights,
          cap,
        );
        expect(after.quantitative10).toBeGreaterThanOrEqual(before.quantitative10);
      }),
    );
  });

  it('the effective weights of the scored KPIs share 100 (to rounding), whatever the raw weights', () => {
    fc.assert(
      fc.property(weightsArb, linesArb, capArb, (weights, lines, cap) => {
        const { kpis } = scoreKpis(lines, weights, cap);
        const scored = kpis.filter((k) => k.effectiveWeight > 0);
        fc.pre(scored.length > 0);
        const sum = scored.reduce((s, k) => s + k.effectiveWeight, 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.01 * scored.length);
      }),
    );
  });

  it('attainment is 0 without an actual, 1 for a zero target, and actual ÷ target otherwise (4 places)', () => {
    fc.assert(
      fc.property(fc.option(money, { nil: null }), money, (actual, target) => {
        const a = attainmentUnits(actual, target);
        if (Number(target) === 0) expect(a).toBe(10_000);
        else if (actual === null) expect(a).toBe(0);
        else expect(Math.abs((a as number) - (Number(actual) / Number(target)) * 10_000)).toBeLessThanOrEqual(0.5 + 1e-6);
        expect(attainmentUnits(actual, null)).toBeNull();
      }),
    );
  });

  it('qualitative scores stay within 0–100 and a grade is the highest band the total reaches', () => {
    fc.assert(
      fc.property(schemeArb, fc.integer({ min: 0, max: 1000 }), (scheme, total10) => {
        const criteria = scheme.levels[0]?.criteria ?? [];
        const full = scoreCriteria(
          criteria,
          criteria.map((c) => ({ key: c.key, score: 5, comment: null })),
        );
        expect(full.qualitative10).toBeLessThanOrEqual(1000);
        const total = total10 / 10;
        const grade = gradeOf(scheme.gradeBands, total);
        const reached = scheme.gradeBands.filter((b) => total >= b.min);
        const expected = reached.length
          ? reached.reduce((h, b) => (b.min > h.min ? b : h))
          : scheme.gradeBands.reduce((l, b) => (b.min < l.min ? b : l));
        expect(grade).toBe(expected.grade);
      }),
    );
  });
});
