import type { TKpi, TScoringScheme } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  attainmentUnits,
  DEFAULT_SCORING_SCHEME,
  gradeOf,
  type KpiLineInput,
  levelSchemeFor,
  scoreCard,
  scoreCriteria,
  scoreKpis,
} from './scorecard.rules.ts';

const DEFAULT_LEVEL = DEFAULT_SCORING_SCHEME.levels[0]!;
const line = (kpi: TKpi, actual: string | null, target: string | null): KpiLineInput => ({
  kpi,
  actual,
  target,
  targetSource: target === null ? 'none' : 'rep',
});
const pointsOf = (r: ReturnType<typeof scoreKpis>, kpi: TKpi) => r.kpis.find((k) => k.kpi === kpi);

describe('attainment', () => {
  it.each([
    ['120000.00', '100000.0000', 12_000], // 1.2
    ['1', '3', 3333], // 0.33333 → 0.3333
    ['2', '3', 6667], // 0.66667 → 0.6667
    ['250000.00', '100000', 25_000], // 2.5, capped later
    ['0', '0', 10_000], // a zero target is met by definition
    [null, '0', 10_000], // even with nothing to measure
    [null, '0.8', 0], // nothing to measure against a real target: 0
    ['0.00', '50000', 0],
    ['5', null, null], // no target: left out
  ])('actual %s against target %s → %s ten-thousandths', (actual, target, expected) => {
    expect(attainmentUnits(actual, target)).toBe(expected);
  });
});

describe('quantitative score with the default weights (revenueWon 40, payments 30, new customers 10, activities 10, follow-up 10)', () => {
  const base = [
    line('revenueWon', '120000.00', '100000.00'), // 1.2 → 40 × 1.2 = 48.0
    line('paymentsCollected', '45000.00', '60000.00'), // 0.75 → 30 × 0.75 = 22.5
    line('newCustomers', '3', '4'), // 0.75 → 10 × 0.75 = 7.5
    line('activities', '60', '50'), // 1.2 → 12.0
    line('followUpCompliance', '0.8000', '0.9000'), // 0.8889 → 8.889 → 8.9
  ];

  it('sums weight × attainment: 48.0 + 22.5 + 7.5 + 12.0 + 8.9 = 98.9', () => {
    const r = scoreKpis(base, DEFAULT_LEVEL.kpis, 1.5);
    expect(r.quantitative10).toBe(989);
    expect(pointsOf(r, 'followUpCompliance')).toMatchObject({
      attainment: 0.8889,
      cappedAttainment: 0.8889,
      effectiveWeight: 10,
      points: 8.9,
    });
    expect(pointsOf(r, 'revenueWon')).toMatchObject({ weight: 40, effectiveWeight: 40, points: 48 });
  });

  it('caps an over-achievement at 150 %, and the score at 100: 60 + 22.5 + 7.5 + 12 + 8.9 = 110.9 → 100', () => {
    const lines = [line('revenueWon', '200000.00', '100000.00'), ...base.slice(1)];
    const r = scoreKpis(lines, DEFAULT_LEVEL.kpis, 1.5);
    expect(pointsOf(r, 'revenueWon')).toMatchObject({ attainment: 2, cappedAttainment: 1.5, points: 60 });
    expect(r.quantitative10).toBe(1000);
  });

  it('shares the weight of a KPI without a target among the others (Σ 70 → ×100/70)', () => {
    const lines = [
      line('revenueWon', '50000.00', '100000.00'), // 57.142857 × 0.5 = 28.571 → 28.6
      line('paymentsCollected', '45000.00', null), // left out
      line('newCustomers', '3', '4'), // 14.285714 × 0.75 = 10.714 → 10.7
      line('activities', '30', '50'), // 14.285714 × 0.6 = 8.571 → 8.6
      line('followUpCompliance', '0.8000', '0.9000'), // 14.285714 × 0.8889 = 12.699 → 12.7
    ];
    const r = scoreKpis(lines, DEFAULT_LEVEL.kpis, 1.5);
    expect(pointsOf(r, 'paymentsCollected')).toMatchObject({ attainment: null, effectiveWeight: 0, points: 0, weight: 30 });
    expect(pointsOf(r, 'revenueWon')).toMatchObject({ effectiveWeight: 57.14, points: 28.6 });
    expect(pointsOf(r, 'newCustomers')).toMatchObject({ effectiveWeight: 14.29, points: 10.7 });
    expect(r.quantitative10).toBe(606); // 28.6 + 10.7 + 8.6 + 12.7 = 60.6
  });

  it('counts a zero target as met and nothing to measure as 0', () => {
    const lines = [
      line('revenueWon', '0.00', '0'), // met: 40
      line('paymentsCollected', '0.00', '60000'), // 0
      line('followUpCompliance', null, '0.9'), // no tasks due: 0
    ];
    const r = scoreKpis(lines, DEFAULT_LEVEL.kpis, 1.5);
    // Σ weights with a target = 40 + 30 + 10 = 80: revenue 40 × 100/80 × 1 = 50.0
    expect(pointsOf(r, 'revenueWon')).toMatchObject({ attainment: 1, effectiveWeight: 50, points: 50 });
    expect(pointsOf(r, 'followUpCompliance')).toMatchObject({ attainment: 0, effectiveWeight: 12.5, points: 0 });
    expect(r.quantitative10).toBe(500);
  });

  it('scores 0 without any target, or when every weight is 0', () => {
    expect(scoreKpis([line('revenueWon', '1.00', null)], DEFAULT_LEVEL.kpis, 1.5).quantitative10).toBe(0);
    const zero = scoreKpis([line('revenueWon', '1.00', '1')], [{ kpi: 'revenueWon', weight: 0 }], 1.5);
    expect(zero.quantitative10).toBe(0);
    expect(pointsOf(zero, 'revenueWon')).toMatchObject({ attainment: 1, effectiveWeight: 0, points: 0 });
  });

  it('lists the scheme’s KPIs first, then every other KPI with weight 0 (shown, never scored)', () => {
    const r = scoreKpis([line('orders', '12', '10'), ...base], DEFAULT_LEVEL.kpis, 1.5);
    expect(r.kpis.map((k) => k.kpi).slice(0, 6)).toEqual([
      'revenueWon',
      'paymentsCollected',
      'newCustomers',
      'activities',
      'followUpCompliance',
      'orders',
    ]);
    expect(r.kpis).toHaveLength(13);
    expect(pointsOf(r, 'orders')).toMatchObject({ weight: 0, attainment: 1.2, effectiveWeight: 0, points: 0 });
    expect(r.quantitative10).toBe(989);
  });
});

describe('qualitative score (managerRating 50, customerFeedback 25, teamwork 25)', () => {
  it.each([
    // 4/5×100×50/100 = 40.0; 5/5×100×25/100 = 25.0; 3/5×100×25/100 = 15.0
    [[4, 5, 3], 800, [40, 25, 15]],
    [[5, 5, 5], 1000, [50, 25, 25]],
    [[1, 1, 1], 200, [10, 5, 5]],
  ])('ratings %j → %s tenths', (scores, expected, points) => {
    const keys = ['managerRating', 'customerFeedback', 'teamwork'];
    const r = scoreCriteria(
      DEFAULT_LEVEL.criteria,
      scores.map((score, i) => ({ key: keys[i]!, score, comment: null })),
    );
    expect(r.qualitative10).toBe(expected);
    expect(r.criteria.map((c) => c.points)).toEqual(points);
  });

  it('scores a criterion without a rating 0, ignores ratings of other criteria, and is null without a review', () => {
    const r = scoreCriteria(DEFAULT_LEVEL.criteria, [
      { key: 'managerRating', score: 4, comment: 'steady' },
      { key: 'customerFeedback', score: 5 },
      { key: 'punctuality', score: 5 },
    ]);
    expect(r.qualitative10).toBe(650); // 40 + 25 + 0
    expect(r.criteria[0]).toEqual({ key: 'managerRating', weight: 50, score: 4, comment: 'steady', points: 40 });
    expect(r.criteria[2]).toEqual({ key: 'teamwork', weight: 25, score: null, comment: null, points: 0 });
    const none = scoreCriteria(DEFAULT_LEVEL.criteria, null);
    expect(none.qualitative10).toBeNull();
    expect(none.criteria.map((c) => c.points)).toEqual([0, 0, 0]);
  });

  it('weights unevenly: 3 criteria 60/30/10 with 5, 2, 4 → 60 + 12 + 8 = 80', () => {
    const r = scoreCriteria(
      [
        { key: 'a', weight: 60 },
        { key: 'b', weight: 30 },
        { key: 'c', weight: 10 },
      ],
      [
        { key: 'a', score: 5 },
        { key: 'b', score: 2 },
        { key: 'c', score: 4 },
      ],
    );
    expect(r.qualitative10).toBe(800);
  });
});

describe('grades', () => {
  const bands = DEFAULT_SCORING_SCHEME.gradeBands;
  it.each([
    [100, 'S'],
    [95, 'S'],
    [94.9, 'A'],
    [85, 'A'],
    [84.9, 'B'],
    [70, 'B'],
    [60, 'C'],
    [59.9, 'D'],
    [0, 'D'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(bands, total)).toBe(grade);
  });
  it('sorts the bands itself and gives the lowest band below every minimum', () => {
    const unsorted = [
      { grade: 'pass', min: 50 },
      { grade: 'excellent', min: 90 },
    ];
    expect(gradeOf(unsorted, 91)).toBe('excellent');
    expect(gradeOf(unsorted, 60)).toBe('pass');
    expect(gradeOf(unsorted, 10)).toBe('pass');
  });
});

describe('schemes', () => {
  const cycle: TScoringScheme = {
    ...DEFAULT_SCORING_SCHEME,
    levels: [
      { levelId: 'senior', kpis: [{ kpi: 'revenueWon', weight: 100 }], criteria: [{ key: 'managerRating', weight: 100 }] },
      { levelId: null, kpis: [{ kpi: 'activities', weight: 100 }], criteria: [] },
    ],
  };
  it('uses the level’s scheme, else the fallback, else the built-in one', () => {
    expect(levelSchemeFor(cycle, 'senior').kpis[0]?.kpi).toBe('revenueWon');
    expect(levelSchemeFor(cycle, 'junior').kpis[0]?.kpi).toBe('activities');
    expect(levelSchemeFor(cycle, null).kpis[0]?.kpi).toBe('activities');
    expect(levelSchemeFor({ ...cycle, levels: [cycle.levels[0]!] }, 'junior')).toBe(DEFAULT_LEVEL);
  });
});

describe('the whole card', () => {
  const lines = [
    line('revenueWon', '120000.00', '100000.00'),
    line('paymentsCollected', '45000.00', '60000.00'),
    line('newCustomers', '3', '4'),
    line('activities', '60', '50'),
    line('followUpCompliance', '0.8000', '0.9000'),
  ];
  const review = {
    id: 'r1',
    ratings: [
      { key: 'managerRating', score: 4 },
      { key: 'customerFeedback', score: 5 },
      { key: 'teamwork', score: 3 },
    ],
  };

  it('totals 70 % × 98.9 + 30 % × 80.0 = 69.23 + 24 = 93.2 → A', () => {
    const c = scoreCard({ scheme: DEFAULT_SCORING_SCHEME, levelId: null, lines, review, kind: 'rep' });
    expect(c).toMatchObject({
      quantitativeScore: 98.9,
      qualitativeScore: 80,
      quantitativeWeight: 70,
      qualitativeWeight: 30,
      total: 93.2,
      grade: 'A',
      complete: true,
      reviewId: 'r1',
      attainmentCap: 1.5,
    });
  });

  it('counts a missing review as 0 and says the card is incomplete: 70 % × 98.9 = 69.23 → 69.2 → C', () => {
    const c = scoreCard({ scheme: DEFAULT_SCORING_SCHEME, levelId: null, lines, review: null, kind: 'rep' });
    expect(c).toMatchObject({ qualitativeScore: null, total: 69.2, grade: 'C', complete: false, reviewId: null });
  });

  it('rounds the total half up: 70 % × 85.5 = 59.85 → 59.9 (D), 70 % × 85.8 = 60.06 → 60.1 (C)', () => {
    const one = (actual: string) => [line('revenueWon', actual, '100')];
    const s = { ...DEFAULT_SCORING_SCHEME, levels: [{ levelId: null, kpis: [{ kpi: 'revenueWon' as const, weight: 100 }], criteria: [] }] };
    expect(scoreCard({ scheme: s, levelId: null, lines: one('85.5'), review: null, kind: 'rep' })).toMatchObject({
      total: 59.9,
      grade: 'D',
    });
    expect(scoreCard({ scheme: s, levelId: null, lines: one('85.8'), review: null, kind: 'rep' })).toMatchObject({
      total: 60.1,
      grade: 'C',
    });
  });

  it('scores a team on its KPIs alone: total = quantitative, complete', () => {
    const c = scoreCard({ scheme: DEFAULT_SCORING_SCHEME, levelId: null, lines, review, kind: 'team' });
    expect(c).toMatchObject({
      quantitativeScore: 98.9,
      qualitativeScore: null,
      criteria: [],
      reviewId: null,
      quantitativeWeight: 100,
      qualitativeWeight: 0,
      total: 98.9,
      grade: 'S',
      complete: true,
    });
  });

  it('is complete without a review when the qualitative part carries no weight', () => {
    const s = { ...DEFAULT_SCORING_SCHEME, quantitativeWeight: 100 };
    expect(scoreCard({ scheme: s, levelId: null, lines, review: null, kind: 'rep' })).toMatchObject({ total: 98.9, complete: true });
  });
});
