import type { TCriterionCheck } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  evaluateGoal,
  evaluateGoals,
  kpiPeriodsOf,
  lastClosedPeriod,
  levelGap,
  type StoredGoal,
  stepToward,
} from './developmentPlans.rules.ts';

const TODAY = '2026-07-03';
const facts = {
  today: TODAY,
  kpiActuals: new Map([
    ['2026-Q2', { revenueWon: '300000.00', winRate: null }],
    ['2026-06', { revenueWon: '99999.99' }],
  ]),
  holdings: new Map([
    ['c-ok', { completedOn: '2026-05-01', valid: true }],
    ['c-expired', { completedOn: '2023-05-01', valid: false }],
  ]),
  managerLevels: new Map([
    ['s-3', 3],
    ['s-2', 2],
  ]),
};

describe('the last closed period', () => {
  it.each([
    ['2026-07-03', 'quarter', '2026-Q2'],
    ['2026-01-01', 'quarter', '2025-Q4'],
    ['2026-07-03', 'month', '2026-06'],
    ['2026-01-31', 'month', '2025-12'],
    ['2026-07-03', 'year', '2025'],
  ] as const)('%s, %s → %s', (today, kind, expected) => {
    expect(lastClosedPeriod(today, kind)).toBe(expected);
  });
});

describe('goal evaluation', () => {
  const kpi = (over: Partial<StoredGoal & { kind: 'kpi' }> = {}): StoredGoal => ({
    id: 'g',
    kind: 'kpi',
    kpi: 'revenueWon',
    target: '300000',
    periodKind: 'quarter',
    dueOn: null,
    ...over,
  });

  it('a KPI goal reads the last closed period and is met at exactly the target', () => {
    expect(evaluateGoal(kpi(), facts)).toMatchObject({ met: true, value: '300000.00', period: '2026-Q2', overdue: false });
    expect(evaluateGoal(kpi({ target: '300000.01' }), facts)).toMatchObject({ met: false, value: '300000.00' });
    expect(evaluateGoal(kpi({ periodKind: 'month', target: '100000', dueOn: '2026-07-02' }), facts)).toMatchObject({
      met: false,
      value: '99999.99',
      period: '2026-06',
      overdue: true,
    });
  });

  it('a KPI with nothing to measure is not met', () => {
    expect(evaluateGoal(kpi({ kpi: 'winRate', target: '0.2' }), facts)).toMatchObject({ met: false, value: null, period: '2026-Q2' });
    expect(evaluateGoal(kpi({ periodKind: 'year' }), facts)).toMatchObject({ met: false, value: null, period: '2025' });
  });

  it('a course goal is met by a valid holding; an expired certification shows its date but is not met', () => {
    const course = (courseId: string, dueOn: string | null = null): StoredGoal => ({ id: 'c', kind: 'course', courseId, dueOn });
    expect(evaluateGoal(course('c-ok'), facts)).toMatchObject({ met: true, value: '2026-05-01', period: null });
    expect(evaluateGoal(course('c-expired'), facts)).toMatchObject({ met: false, value: '2023-05-01' });
    expect(evaluateGoal(course('c-none', '2026-07-03'), facts)).toMatchObject({ met: false, value: null, overdue: false });
    expect(evaluateGoal(course('c-none', '2026-07-02'), facts)).toMatchObject({ overdue: true });
    // A met goal is never overdue.
    expect(evaluateGoal(course('c-ok', '2020-01-01'), facts)).toMatchObject({ met: true, overdue: false });
  });

  it('a skill goal counts the manager’s assessment only', () => {
    const skill = (skillId: string, level: number): StoredGoal => ({ id: 's', kind: 'skill', skillId, level, dueOn: null });
    expect(evaluateGoal(skill('s-3', 3), facts)).toMatchObject({ met: true, value: '3' });
    expect(evaluateGoal(skill('s-2', 3), facts)).toMatchObject({ met: false, value: '2' });
    expect(evaluateGoal(skill('s-none', 1), facts)).toMatchObject({ met: false, value: null });
  });

  it('counts the goals met and gathers the periods to read', () => {
    const goals: StoredGoal[] = [kpi(), kpi({ periodKind: 'month' }), { id: 'c', kind: 'course', courseId: 'c-ok', dueOn: null }];
    expect(evaluateGoals(goals, facts).goalsMet).toBe(2);
    expect(kpiPeriodsOf([...goals, kpi()], TODAY)).toEqual(['2026-Q2', '2026-06']);
  });
});

describe('the level gap', () => {
  const rankOf = new Map([
    ['junior', 1],
    ['mid', 2],
    ['senior', 3],
    ['principal', 4],
  ]);
  const check = (kind: TCriterionCheck['kind'], met: boolean): TCriterionCheck => ({ kind, required: kind, met, evidence: [] });
  const steps = [
    {
      toLevelId: 'mid',
      direction: 'promote' as const,
      met: false,
      checks: [check('grade', false), check('timeAtLevel', true), check('course', false)],
    },
    { toLevelId: 'senior', direction: 'promote' as const, met: false, checks: [check('grade', false)] },
  ];
  const gap = (targetLevelId: string, currentLevelId: string | null = 'junior', s = steps) =>
    levelGap({ period: '2026-Q2', targetLevelId, currentLevelId, evaluation: { levelId: currentLevelId, steps: s }, rankOf });

  it('measures the step to the target, listing what is missing', () => {
    expect(gap('mid')).toEqual({
      period: '2026-Q2',
      fromLevelId: 'junior',
      toLevelId: 'mid',
      stepToLevelId: 'mid',
      reached: false,
      met: false,
      checks: steps[0].checks,
      missing: [check('grade', false), check('course', false)],
    });
    // A direct skip step to the target wins over the first rank.
    expect(gap('senior').stepToLevelId).toBe('senior');
  });

  it('without a step to the target, the first step toward it', () => {
    expect(gap('principal').stepToLevelId).toBe('mid');
    expect(stepToward([steps[1]], 'principal', rankOf)?.toLevelId).toBe('senior');
    // Demotions never lead toward a target.
    expect(stepToward([{ toLevelId: 'junior', direction: 'demote' }], 'senior', rankOf)).toBeUndefined();
  });

  it('a step overshooting the target is not the way there', () => {
    const onlySkip = [{ toLevelId: 'senior', direction: 'promote' as const, met: true, checks: [check('grade', true)] }];
    expect(gap('mid', 'junior', onlySkip)).toMatchObject({ stepToLevelId: null, met: false, reached: false, checks: [], missing: [] });
  });

  it('reached when the rep is at or above the target', () => {
    expect(gap('mid', 'mid', [])).toMatchObject({
      reached: true,
      met: true,
      stepToLevelId: null,
      checks: [],
      missing: [],
      fromLevelId: 'mid',
    });
    expect(gap('junior', 'senior', [])).toMatchObject({ reached: true, stepToLevelId: null });
  });

  it('all checks met: the step is met and nothing is missing', () => {
    const done = [{ toLevelId: 'mid', direction: 'promote' as const, met: true, checks: [check('grade', true), check('course', true)] }];
    expect(gap('mid', 'junior', done)).toMatchObject({ met: true, missing: [], reached: false });
  });

  it('a rep without a level has no step', () => {
    expect(gap('mid', null, [])).toMatchObject({ fromLevelId: null, stepToLevelId: null, reached: false, met: false });
  });
});
