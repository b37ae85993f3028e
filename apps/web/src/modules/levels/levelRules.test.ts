import type { TLevelCriterion, TLevelEvaluation } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { checkSpec, criterionOf, decisionState, groupBoard, isDecidable, metCount } from './levelRules.ts';

const decision = (over: Partial<NonNullable<TLevelEvaluation['decision']>> = {}): NonNullable<TLevelEvaluation['decision']> => ({
  id: 'd1',
  repId: 'r1',
  period: '2026-Q3',
  recommendation: 'promote',
  fromLevelId: 'junior',
  toLevelId: 'mid',
  decision: 'accepted',
  comment: 'well done',
  effectiveOn: '2026-10-01',
  appliedAt: null,
  decidedBy: 'm1',
  decidedAt: '2026-09-30T02:00:00.000Z',
  ...over,
});

const evaluation = (
  name: string,
  recommendation: TLevelEvaluation['recommendation'],
  over: Partial<TLevelEvaluation> = {},
): TLevelEvaluation => ({
  repId: name,
  name,
  teamId: null,
  levelId: 'junior',
  recommendation,
  toLevelId: recommendation === 'hold' ? null : 'mid',
  steps: [],
  decision: null,
  ...over,
});

describe('groupBoard', () => {
  it('puts each rep in the column of their recommendation', () => {
    const board = groupBoard(
      [evaluation('A', 'promote'), evaluation('B', 'hold'), evaluation('C', 'demote'), evaluation('D', 'promote')],
      'en',
    );
    expect(board.promote.map((e) => e.name)).toEqual(['A', 'D']);
    expect(board.hold.map((e) => e.name)).toEqual(['B']);
    expect(board.demote.map((e) => e.name)).toEqual(['C']);
  });

  it('lists who still waits for a decision first, then by name', () => {
    const board = groupBoard(
      [evaluation('Ann', 'promote', { decision: decision() }), evaluation('Zoe', 'promote'), evaluation('Bob', 'promote')],
      'en',
    );
    expect(board.promote.map((e) => e.name)).toEqual(['Bob', 'Zoe', 'Ann']);
  });

  it('gives empty columns for an empty period', () => {
    expect(groupBoard([])).toEqual({ promote: [], hold: [], demote: [] });
  });
});

describe('decisionState and isDecidable', () => {
  it('reads open, rejected, scheduled for a later date, and applied', () => {
    expect(decisionState(evaluation('A', 'promote'))).toBe('open');
    expect(decisionState(evaluation('A', 'promote', { decision: decision({ decision: 'rejected', effectiveOn: null }) }))).toBe('rejected');
    expect(decisionState(evaluation('A', 'promote', { decision: decision() }))).toBe('scheduled');
    expect(decisionState(evaluation('A', 'promote', { decision: decision({ appliedAt: '2026-10-01T00:00:00.000Z' }) }))).toBe('applied');
  });

  it('offers a decision on a recommended move not yet decided, never on a hold', () => {
    expect(isDecidable(evaluation('A', 'promote'))).toBe(true);
    expect(isDecidable(evaluation('A', 'demote'))).toBe(true);
    expect(isDecidable(evaluation('A', 'hold'))).toBe(false);
    expect(isDecidable(evaluation('A', 'promote', { decision: decision() }))).toBe(false);
  });
});

describe('checkSpec (a check as facts to word)', () => {
  const step: Pick<TLevelCriterion, 'grade' | 'consecutivePeriods' | 'periodKind' | 'minMonthsAtLevel'> = {
    grade: 'A',
    consecutivePeriods: 2,
    periodKind: 'quarter',
    minMonthsAtLevel: 12,
  };

  it.each([
    [
      'grade, promotion',
      { kind: 'grade' as const, required: 'A or better in each of 2 quarters' },
      'promote' as const,
      { kind: 'grade', direction: 'promote', grade: 'A', count: 2, periodKind: 'quarter' },
    ],
    [
      'grade, demotion over one month',
      { kind: 'grade' as const, required: 'D or worse in each of 1 month' },
      'demote' as const,
      { kind: 'grade', direction: 'demote', grade: 'D', count: 1, periodKind: 'month' },
    ],
    [
      'KPI minimum',
      { kind: 'kpiMinimum' as const, required: 'revenueWon ≥ 300000 in each of 2 quarters' },
      'promote' as const,
      { kind: 'kpiMinimum', kpi: 'revenueWon', min: '300000', below: false },
    ],
    [
      'KPI floor of a demotion',
      { kind: 'kpiMinimum' as const, required: 'activities.call < 20 in each of 3 months' },
      'demote' as const,
      { kind: 'kpiMinimum', kpi: 'activities.call', min: '20', below: true },
    ],
    [
      'time at level',
      { kind: 'timeAtLevel' as const, required: '≥ 18 months at level' },
      'promote' as const,
      { kind: 'timeAtLevel', months: 18 },
    ],
  ])('reads the server’s wording: %s', (_name, check, direction, expected) => {
    expect(checkSpec(check, direction)).toEqual(expected);
  });

  it('prefers the configured step when the caller has it', () => {
    expect(checkSpec({ kind: 'grade', required: 'whatever' }, 'promote', step)).toEqual({
      kind: 'grade',
      direction: 'promote',
      grade: 'A',
      count: 2,
      periodKind: 'quarter',
    });
    expect(checkSpec({ kind: 'timeAtLevel', required: '' }, 'promote', step)).toEqual({ kind: 'timeAtLevel', months: 12 });
  });

  it('shows anything it cannot read as the server wrote it', () => {
    expect(checkSpec({ kind: 'kpiMinimum', required: 'bogus ≥ 1' }, 'promote')).toEqual({ kind: 'raw', text: 'bogus ≥ 1' });
    expect(checkSpec({ kind: 'grade', required: 'good enough' }, 'promote')).toEqual({ kind: 'raw', text: 'good enough' });
  });

  it('reads a course check as the course title the server put in `required`, with its id', () => {
    expect(checkSpec({ kind: 'course', required: ' 谈判入门 ', courseId: 'c1' }, 'promote')).toEqual({
      kind: 'course',
      courseId: 'c1',
      title: '谈判入门',
    });
    expect(checkSpec({ kind: 'course', required: 'Negotiation basics' }, 'promote')).toEqual({
      kind: 'course',
      courseId: null,
      title: 'Negotiation basics',
    });
    expect(checkSpec({ kind: 'course', required: '' }, 'promote')).toEqual({ kind: 'raw', text: '' });
  });
});

describe('criterionOf and metCount', () => {
  const steps = [
    { fromLevelId: 'junior', toLevelId: 'mid', direction: 'promote' },
    { fromLevelId: 'mid', toLevelId: 'junior', direction: 'demote' },
  ] as TLevelCriterion[];

  it('finds the step between the rep’s level and the step’s target', () => {
    expect(criterionOf(steps, 'mid', 'junior')?.direction).toBe('demote');
    expect(criterionOf(steps, 'senior', 'mid')).toBeNull();
    expect(criterionOf(undefined, 'junior', 'mid')).toBeNull();
  });

  it('counts the checks met', () => {
    expect(metCount([{ met: true }, { met: false }, { met: true }])).toEqual({ met: 2, total: 3 });
    expect(metCount([])).toEqual({ met: 0, total: 0 });
  });
});
