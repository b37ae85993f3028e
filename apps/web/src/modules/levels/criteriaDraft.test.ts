import type { TLevelCriterion } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { fromStepValues, newStep, stepProblems, toStepValues } from './criteriaDraft.ts';
import { monthsBetween, todayIso, yearsAndMonths } from './dates.ts';

const LEVELS = [
  { id: 'junior', rank: 1 },
  { id: 'mid', rank: 2 },
  { id: 'senior', rank: 3 },
];
const step = (over: Partial<TLevelCriterion> = {}): TLevelCriterion => ({
  fromLevelId: 'junior',
  toLevelId: 'mid',
  direction: 'promote',
  periodKind: 'quarter',
  consecutivePeriods: 2,
  grade: 'A',
  kpiMinimums: [],
  minMonthsAtLevel: 6,
  ...over,
});

describe('criteria editor values', () => {
  it('round-trips a step, typing rates in percent', () => {
    const steps = [
      step({
        kpiMinimums: [
          { kpi: 'winRate', min: '0.35' },
          { kpi: 'revenueWon', min: '300000' },
        ],
      }),
    ];
    const values = toStepValues(steps);
    expect(values[0]?.kpiMinimums).toEqual([
      { kpi: 'winRate', min: 35 },
      { kpi: 'revenueWon', min: 300000 },
    ]);
    expect(fromStepValues(values)).toEqual(steps);
  });

  it('drops half-filled KPI rows and turns an empty grade or time into none', () => {
    const [saved] = fromStepValues([
      {
        ...toStepValues([step()])[0]!,
        grade: '',
        minMonthsAtLevel: undefined,
        kpiMinimums: [{ kpi: 'orders', min: null }, { min: 5 }, { kpi: 'orders', min: 12 }],
      },
    ]);
    expect(saved).toMatchObject({ grade: null, minMonthsAtLevel: null, kpiMinimums: [{ kpi: 'orders', min: '12' }] });
  });
});

describe('stepProblems', () => {
  it('accepts a promotion up and a demotion down', () => {
    expect(stepProblems([step(), step({ fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote' })], LEVELS).size).toBe(0);
  });

  it.each([
    ['a missing level', step({ toLevelId: '' }), 'levels'],
    ['the same level twice', step({ toLevelId: 'junior' }), 'sameLevel'],
    ['a promotion downwards', step({ fromLevelId: 'senior', toLevelId: 'mid' }), 'promoteDown'],
    ['a demotion upwards', step({ direction: 'demote' }), 'demoteUp'],
  ])('names %s', (_name, s, problem) => {
    expect(stepProblems([s], LEVELS).get(0)).toBe(problem);
  });

  it('names the second step between the same two levels', () => {
    expect([...stepProblems([step(), step({ grade: 'S' })], LEVELS)]).toEqual([[1, 'duplicate']]);
  });
});

describe('newStep', () => {
  it('proposes the next promotion up the ladder that has no step yet', () => {
    expect(newStep([], LEVELS)).toMatchObject({ fromLevelId: 'junior', toLevelId: 'mid', direction: 'promote' });
    expect(newStep(toStepValues([step()]), LEVELS)).toMatchObject({ fromLevelId: 'mid', toLevelId: 'senior' });
  });
});

describe('dates', () => {
  it('counts whole months between two calendar dates', () => {
    expect(monthsBetween('2024-03-15', '2026-05-14')).toBe(25);
    expect(monthsBetween('2024-03-15', '2026-05-15')).toBe(26);
    expect(monthsBetween('2026-05-15', '2024-03-15')).toBe(0);
    expect(yearsAndMonths(26)).toEqual({ years: 2, months: 2 });
  });
  it('writes today as a local calendar date', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
