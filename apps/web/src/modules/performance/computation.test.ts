import type { TScorecard } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.ts';
import { zhCN } from '../../app/i18n/zh-CN.ts';
import { bandOf, computationSections, DEFAULT_SCHEME, type HowSection, lineText } from './computation.ts';
import { testT } from './testI18n.ts';

const ID = '0190a0b0-0000-7000-8000-000000000001';

/**
 * A rep's quarter, computed by hand (decision 0026): weights 40/30/10/10/10, new customers without a target, so the
 * others are scaled by 100/90. Revenue 120 %, payments 200 % (capped at 150 %), activities against a zero target
 * (met), follow-up compliance with nothing due (0). Σ points 114.44 → quantitative 100. Review: 4/5 (50), 5/5 (25),
 * teamwork unrated (25) → (80×50 + 100×25 + 0×25) / 100 = 65. Total 0.7 × 100 + 0.3 × 65 = 89.5 → A.
 */
const card: TScorecard = {
  subject: { kind: 'rep', id: ID, name: '陈静', teamId: null, levelId: null },
  period: '2026-Q3',
  from: '2026-07-01',
  to: '2026-10-01',
  cycleId: null,
  attainmentCap: 1.5,
  kpis: [
    kpi('revenueWon', '120000.00', '100000.00', 1.2, 1.2, 40, 44.4444, 53.3333),
    kpi('paymentsCollected', '200000.00', '100000.00', 2, 1.5, 30, 33.3333, 50),
    { ...kpi('newCustomers', '3', null, null, null, 10, 0, 0), targetSource: 'none' },
    { ...kpi('activities', '5', '0', 1, 1, 10, 11.1111, 11.1111), targetSource: 'level' },
    kpi('followUpCompliance', null, '0.9', 0, 0, 10, 11.1111, 0),
    // Outside the level's scheme: listed by the API with weight 0, never scored nor explained.
    { ...kpi('orders', '4', null, null, null, 0, 0, 0), targetSource: 'none' },
  ],
  quantitativeScore: 100,
  qualitativeScore: 65,
  criteria: [
    { key: 'managerRating', weight: 50, score: 4, comment: '稳定', points: 40 },
    { key: 'customerFeedback', weight: 25, score: 5, comment: null, points: 25 },
    { key: 'teamwork', weight: 25, score: null, comment: null, points: 0 },
  ],
  reviewId: ID,
  quantitativeWeight: 70,
  qualitativeWeight: 30,
  total: 89.5,
  grade: 'A',
  complete: true,
};

function kpi(
  name: TScorecard['kpis'][number]['kpi'],
  actual: string | null,
  target: string | null,
  attainment: number | null,
  cappedAttainment: number | null,
  weight: number,
  effectiveWeight: number,
  points: number,
): TScorecard['kpis'][number] {
  return { kpi: name, actual, target, targetSource: 'rep', attainment, cappedAttainment, weight, effectiveWeight, points };
}

const textOf = (sections: HowSection[], t: ReturnType<typeof testT>) =>
  Object.fromEntries(sections.map((s) => [s.id, s.lines.map((line) => lineText(line, t))]));

describe('the computation lines of a scorecard', () => {
  it('states every step of the formula with the scorecard’s numbers (en)', () => {
    const t = testT('en');
    const text = textOf(computationSections(card, DEFAULT_SCHEME.gradeBands, t, 'en'), t);
    expect(text.weights).toEqual([
      'New customers: no target, not scored; their weight (10 in all) is shared out among the others.',
      'Effective weight = weight × 100 ÷ 90 (the sum of the weights of the KPIs with a target).',
      'Revenue won: 40 × 100 ÷ 90 = 44.44',
      'Payments collected: 30 × 100 ÷ 90 = 33.33',
      'Activities: 10 × 100 ÷ 90 = 11.11',
      'Follow-up compliance: 10 × 100 ÷ 90 = 11.11',
    ]);
    expect(text['kpi:revenueWon']).toEqual([
      'Revenue won: actual CN¥120,000.00 ÷ target CN¥100,000.00 = attainment 120%',
      '→ min(120%, cap 150%) = 120% × effective weight 44.44 = 53.33 points',
    ]);
    expect(text['kpi:paymentsCollected']).toEqual([
      'Payments collected: actual CN¥200,000.00 ÷ target CN¥100,000.00 = attainment 200%',
      '→ min(200%, cap 150%) = 150% × effective weight 33.33 = 50 points',
      'Attainment above the 150% cap earns no points.',
    ]);
    expect(text['kpi:newCustomers']).toEqual(['New customers: actual 3, no target, not scored.']);
    expect(text['kpi:orders']).toBeUndefined();
    expect(text['kpi:activities']?.[0]).toBe('Activities: the target is 0, met by definition (actual 5): attainment = 100%');
    expect(text['kpi:followUpCompliance']?.[0]).toBe('Follow-up compliance: nothing to measure (target 90%): attainment = 0%');
    expect(text.quantitative).toEqual(['Σ points = 53.33 + 50 + 11.11 + 0 = 114.44', 'Quantitative score = min(100, 114.44) = 100']);
    expect(text.qualitative).toEqual([
      'Manager rating: 4/5 × 100 = 80, × weight 50 = 4,000',
      'Customer feedback: 5/5 × 100 = 100, × weight 25 = 2,500',
      'Teamwork: not rated, counts 0 (weight 25)',
      'Qualitative score = (4,000 + 2,500 + 0) ÷ sum of weights 100 = 65',
    ]);
    expect(text.total).toEqual(['Total = 70% × quantitative 100 + 30% × qualitative 65 = 70 + 19.5 = 89.5']);
    expect(text.grade).toEqual([
      'Grade bands (the first one reached, from the highest): S ≥ 95 · A ≥ 85 · B ≥ 70 · C ≥ 60 · D ≥ 0',
      '89.5 ≥ 85 → grade A',
      '5.5 points short of S (≥ 95).',
    ]);
  });

  it('reads the same in Chinese, money in ¥', () => {
    const t = testT('zh-CN');
    const text = textOf(computationSections(card, DEFAULT_SCHEME.gradeBands, t, 'zh-CN'), t);
    expect(text['kpi:revenueWon']).toEqual([
      '赢单金额：实际 ¥120,000.00 ÷ 目标 ¥100,000.00 = 达成率 120%',
      '→ min(120%, 上限 150%) = 120% × 有效权重 44.44 = 53.33 分',
    ]);
    expect(text.total).toEqual(['总分 = 70% × 定量 100 + 30% × 定性 65 = 70 + 19.5 = 89.5']);
    expect(text.grade?.[1]).toBe('89.5 ≥ 85 → 评级 A');
  });

  it('keeps the weights when every KPI has a target adding up to 100', () => {
    const t = testT('en');
    const all: TScorecard = {
      ...card,
      kpis: [kpi('revenueWon', '50000.00', '100000.00', 0.5, 0.5, 60, 60, 30), kpi('orders', '8', '10', 0.8, 0.8, 40, 40, 32)],
      quantitativeScore: 62,
    };
    const text = textOf(computationSections(all, DEFAULT_SCHEME.gradeBands, t, 'en'), t);
    expect(text.weights).toEqual(['The weights of the KPIs with a target add up to 100: each effective weight is its weight.']);
    expect(text.quantitative).toEqual(['Σ points = 30 + 32 = 62', 'Quantitative score = min(100, 62) = 62']);
  });

  it('says what is missing: no review (the qualitative part counts 0), no targets at all', () => {
    const t = testT('en');
    const bare: TScorecard = {
      ...card,
      kpis: card.kpis.map((k) => ({ ...k, target: null, targetSource: 'none', attainment: null, cappedAttainment: null, points: 0 })),
      quantitativeScore: 0,
      qualitativeScore: null,
      criteria: card.criteria.map((c) => ({ ...c, score: null, points: 0 })),
      reviewId: null,
      total: 0,
      grade: 'D',
      complete: false,
    };
    const text = textOf(computationSections(bare, DEFAULT_SCHEME.gradeBands, t, 'en'), t);
    expect(text.weights?.at(-1)).toBe('No KPI has a target (or every weight is 0): the quantitative score is 0.');
    expect(text.quantitative).toEqual(['No KPI is scored: quantitative score = 0']);
    expect(text.qualitative).toEqual([
      'No submitted manager review yet: the qualitative score counts as 0 and the scorecard is not complete.',
    ]);
    expect(text.total).toEqual(['Total = 70% × quantitative 0 + 30% × qualitative 0 = 0 + 0 = 0']);
    expect(text.grade?.slice(1)).toEqual(['0 ≥ 0 → grade D', '60 points short of C (≥ 60).']);
  });

  it('a team’s total is its quantitative score; the top grade says so', () => {
    const t = testT('en');
    const team: TScorecard = {
      ...card,
      subject: { kind: 'team', id: ID, name: '华东一组', teamId: ID, levelId: null },
      qualitativeScore: null,
      criteria: [],
      quantitativeWeight: 100,
      qualitativeWeight: 0,
      total: 100,
      grade: 'S',
    };
    const text = textOf(computationSections(team, DEFAULT_SCHEME.gradeBands, t, 'en'), t);
    expect(text.qualitative).toEqual(['Team scorecards have no qualitative part.']);
    expect(text.total).toEqual(['Team total = quantitative score = 100']);
    expect(text.grade?.slice(1)).toEqual(['100 ≥ 95 → grade S', 'This is the highest grade.']);
  });

  it('without the bands (a cycle that could not be read), says only the grade given', () => {
    const t = testT('en');
    const text = textOf(computationSections(card, null, t, 'en'), t);
    expect(text.grade).toEqual(['Total 89.5 → grade A']);
  });

  it('every line key has words in both languages', () => {
    const keys = Object.keys(zhCN.performance.how).filter((k) => k !== 'sections');
    expect(Object.keys(en.performance.how).filter((k) => k !== 'sections')).toEqual(keys);
    for (const sections of [
      computationSections(card, DEFAULT_SCHEME.gradeBands, testT('en'), 'en'),
      computationSections({ ...card, qualitativeScore: null }, null, testT('en'), 'en'),
    ])
      for (const line of sections.flatMap((s) => s.lines)) expect(keys).toContain(line.key);
  });
});

describe('grade bands', () => {
  const bands = [
    { grade: 'C', min: 60 },
    { grade: 'S', min: 95 },
    { grade: 'A', min: 85 },
  ];
  it('picks the first band reached from the highest, whatever their order', () => {
    expect(bandOf(95, bands)).toEqual({ band: { grade: 'S', min: 95 }, next: null });
    expect(bandOf(94.9, bands)).toEqual({ band: { grade: 'A', min: 85 }, next: { grade: 'S', min: 95 } });
    expect(bandOf(59.9, bands)).toEqual({ band: null, next: { grade: 'C', min: 60 } });
  });
});
