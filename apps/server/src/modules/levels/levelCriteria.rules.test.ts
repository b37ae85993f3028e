import type { TGradeBand, TLevelCriterion } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { criteriaErrors, defaultCriteria, gradeSatisfies, gradesBestFirst } from './levelCriteria.rules.ts';

const BANDS: TGradeBand[] = [
  { grade: 'S', min: 95 },
  { grade: 'A', min: 85 },
  { grade: 'B', min: 70 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 0 },
];
const LADDER = [
  { id: 'junior', rank: 1 },
  { id: 'mid', rank: 2 },
  { id: 'senior', rank: 3 },
];
const DEFAULTS = defaultCriteria(LADDER);
const step = (over: Partial<TLevelCriterion> & Pick<TLevelCriterion, 'fromLevelId' | 'toLevelId' | 'direction'>): TLevelCriterion => ({
  periodKind: 'quarter',
  consecutivePeriods: 2,
  grade: null,
  kpiMinimums: [],
  minMonthsAtLevel: null,
  ...over,
});

describe('the built-in criteria', () => {
  it('derive a step up and a step down between neighbouring ranks, whatever order the levels come in', () => {
    const steps = defaultCriteria([LADDER[2], LADDER[0], LADDER[1]]);
    expect(steps.map((s) => `${s.fromLevelId}→${s.toLevelId} ${s.direction} ${s.grade} ${s.minMonthsAtLevel}`)).toEqual([
      'junior→mid promote B 6',
      'mid→junior demote D null',
      'mid→senior promote A 18',
      'senior→mid demote D null',
    ]);
    expect(steps.every((s) => s.periodKind === 'quarter' && s.consecutivePeriods === 2 && s.kpiMinimums.length === 0)).toBe(true);
  });

  it('give a fourth level the A / 18 months step too, and a one-level ladder nothing', () => {
    const four = defaultCriteria([...LADDER, { id: 'lead', rank: 4 }]);
    expect(four.find((s) => s.toLevelId === 'lead')).toMatchObject({ fromLevelId: 'senior', grade: 'A', minMonthsAtLevel: 18 });
    expect(defaultCriteria([LADDER[0]])).toEqual([]);
  });
});

describe('grades', () => {
  it.each([
    ['S', 'A', 'promote', true],
    ['A', 'A', 'promote', true],
    ['B', 'A', 'promote', false],
    ['D', 'D', 'demote', true],
    ['C', 'D', 'demote', false],
    ['D', 'C', 'demote', true],
    ['X', 'A', 'promote', false],
  ] as const)('%s against %s (%s) → %s', (grade, required, direction, met) => {
    expect(gradeSatisfies(BANDS, grade, required, direction)).toBe(met);
  });

  it('are ordered by their band minimum, not by the order they are listed in', () => {
    expect(gradesBestFirst([BANDS[4], BANDS[0], BANDS[2], BANDS[1], BANDS[3]])).toEqual(['S', 'A', 'B', 'C', 'D']);
  });
});

describe('criteria validation', () => {
  const grades = ['S', 'A', 'B', 'C', 'D'];
  it('accepts the built-in criteria', () => {
    expect(criteriaErrors(DEFAULTS, LADDER, grades)).toEqual([]);
  });

  it.each([
    ['an unknown level', [step({ fromLevelId: 'mid', toLevelId: 'chief', direction: 'promote', grade: 'A' })], 'steps.0.toLevelId'],
    ['an unknown from level', [step({ fromLevelId: 'intern', toLevelId: 'mid', direction: 'promote', grade: 'A' })], 'steps.0.fromLevelId'],
    ['a promotion going down', [step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'promote', grade: 'A' })], 'steps.0.toLevelId'],
    ['a demotion going up', [step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'demote', grade: 'D' })], 'steps.0.toLevelId'],
    [
      'a promotion to the same level',
      [step({ fromLevelId: 'mid', toLevelId: 'mid', direction: 'promote', grade: 'A' })],
      'steps.0.toLevelId',
    ],
    [
      'the same step twice',
      [
        step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', grade: 'A' }),
        step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', grade: 'S' }),
      ],
      'steps.1.toLevelId',
    ],
    ['a grade outside the bands', [step({ fromLevelId: 'mid', toLevelId: 'senior', direction: 'promote', grade: 'A+' })], 'steps.0.grade'],
    [
      'a KPI twice',
      [
        step({
          fromLevelId: 'mid',
          toLevelId: 'senior',
          direction: 'promote',
          kpiMinimums: [
            { kpi: 'orders', min: '1' },
            { kpi: 'orders', min: '2' },
          ],
        }),
      ],
      'steps.0.kpiMinimums.1.kpi',
    ],
    [
      'a step that asks nothing',
      [step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote', minMonthsAtLevel: 0 })],
      'steps.0.grade',
    ],
  ])('refuses %s, naming the field', (_, steps, path) => {
    expect(criteriaErrors(steps, LADDER, grades).map((e) => e.path)).toEqual([path]);
  });

  it('accepts a skip step (up two ranks)', () => {
    expect(
      criteriaErrors([step({ fromLevelId: 'junior', toLevelId: 'senior', direction: 'promote', grade: 'S' })], LADDER, grades),
    ).toEqual([]);
  });
});
