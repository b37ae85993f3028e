import type { TCriterionCheck, TDevelopmentPlan, TPlanGoal } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { testT } from '../../performance/testI18n.ts';
import {
  gapSections,
  gapState,
  goalFigure,
  goalState,
  goalText,
  goalToForm,
  goalToWrite,
  mayWritePlans,
  planOverdue,
  planProgress,
  planToForm,
  toPlanUpdate,
  toPlanWrite,
} from './planRules.ts';

const check = (kind: TCriterionCheck['kind'], met: boolean, required = 'x'): TCriterionCheck => ({ kind, required, met, evidence: [] });
const state = { met: false, value: null, period: null, overdue: false };

const plan = (over: Partial<TDevelopmentPlan> = {}): TDevelopmentPlan => ({
  id: 'p1',
  repId: 'r1',
  repName: '林晓雯',
  teamId: 't1',
  targetLevelId: 'mid',
  title: '晋升中级',
  dueOn: '2026-12-31',
  status: 'active',
  notes: '',
  goals: [],
  goalsMet: 0,
  createdBy: 'm1',
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  version: 3,
  ...over,
});

describe('mayWritePlans', () => {
  it('lets managers, directors and admins write plans, not reps or viewers', () => {
    expect(['manager', 'director', 'admin'].every((r) => mayWritePlans(r as never))).toBe(true);
    expect(mayWritePlans('rep')).toBe(false);
    expect(mayWritePlans('viewer')).toBe(false);
  });
});

describe('planProgress', () => {
  it('is goals met of all goals, as a whole percent', () => {
    const goals = [1, 2, 3].map((i) => ({ kind: 'course', courseId: `c${i}`, dueOn: null, id: `g${i}`, ...state })) as TPlanGoal[];
    expect(planProgress({ goals, goalsMet: 2 })).toEqual({ met: 2, total: 3, percent: 67 });
    expect(planProgress({ goals, goalsMet: 3 })).toEqual({ met: 3, total: 3, percent: 100 });
  });
  it('has nothing to measure without goals', () => {
    expect(planProgress({ goals: [], goalsMet: 0 })).toEqual({ met: 0, total: 0, percent: null });
  });
});

describe('planOverdue', () => {
  it('is an active plan past its due date, never a finished or undated one', () => {
    expect(planOverdue({ dueOn: '2026-09-30', status: 'active' }, '2026-10-01')).toBe(true);
    expect(planOverdue({ dueOn: '2026-09-30', status: 'active' }, '2026-09-30')).toBe(false);
    expect(planOverdue({ dueOn: '2026-09-30', status: 'completed' }, '2026-10-01')).toBe(false);
    expect(planOverdue({ dueOn: null, status: 'active' }, '2026-10-01')).toBe(false);
  });
});

describe('the level gap', () => {
  it('lists what is still missing first, then what is met, each in the server’s order', () => {
    const checks = [check('grade', true, 'A'), check('course', false, '谈判入门'), check('timeAtLevel', true), check('kpiMinimum', false)];
    const { missing, met } = gapSections({ checks });
    expect(missing.map((c) => c.kind)).toEqual(['course', 'kpiMinimum']);
    expect(met.map((c) => c.kind)).toEqual(['grade', 'timeAtLevel']);
  });
  it('says whether the target is reached, unreachable, ready or still missing something', () => {
    expect(gapState({ reached: true, stepToLevelId: null, checks: [] })).toBe('reached');
    expect(gapState({ reached: false, stepToLevelId: null, checks: [] })).toBe('noStep');
    expect(gapState({ reached: false, stepToLevelId: 'mid', checks: [check('grade', true)] })).toBe('ready');
    expect(gapState({ reached: false, stepToLevelId: 'mid', checks: [check('grade', true), check('course', false)] })).toBe('missing');
  });
});

describe('goals as read', () => {
  const zh = testT('zh-CN');
  const en = testT('en');
  const names = { course: (id: string) => (id === 'c1' ? '谈判入门' : undefined), skill: () => '需求挖掘' };

  it('a goal is met, else overdue past its date, else open', () => {
    expect(goalState({ met: true, overdue: false })).toBe('met');
    expect(goalState({ met: false, overdue: true })).toBe('overdue');
    expect(goalState({ met: false, overdue: false })).toBe('open');
  });

  it('words what each kind of goal asks', () => {
    expect(goalText({ kind: 'kpi', kpi: 'winRate', target: '0.35', periodKind: 'quarter', dueOn: null }, names, zh, 'zh-CN')).toBe(
      '赢单率达到 35%（季度）',
    );
    expect(goalText({ kind: 'course', courseId: 'c1', dueOn: null }, names, zh, 'zh-CN')).toBe('通过“谈判入门”');
    expect(goalText({ kind: 'course', courseId: 'c9', dueOn: null }, names, en, 'en')).toBe('Pass “…”');
    expect(goalText({ kind: 'skill', skillId: 's1', level: 3, dueOn: null }, names, zh, 'zh-CN')).toBe('“需求挖掘”达到 3 级（经理评估）');
  });

  it('shows the figure judged: the KPI’s actual with its period, the completion date, the manager’s level', () => {
    const kpi = { kind: 'kpi', kpi: 'revenueWon', target: '300000', periodKind: 'quarter', dueOn: null, id: 'g1' } as const;
    expect(goalFigure({ ...kpi, ...state, value: '120000', period: '2026-Q3' }, zh, 'zh-CN')).toMatch(
      /^2026年?第?三?.*季度实际 ¥120,000\.00$/,
    );
    expect(goalFigure({ ...kpi, ...state }, en, 'en')).toBe('No figure for the last closed period');
    const course = { kind: 'course', courseId: 'c1', dueOn: null, id: 'g2' } as const;
    expect(goalFigure({ ...course, ...state }, zh, 'zh-CN')).toBe('未完成');
    expect(goalFigure({ ...course, ...state, met: true, value: '2026-11-02' }, en, 'en')).toBe('Completed on Nov 2, 2026');
    const skill = { kind: 'skill', skillId: 's1', level: 4, dueOn: null, id: 'g3' } as const;
    expect(goalFigure({ ...skill, ...state, value: '3' }, zh, 'zh-CN')).toBe('经理评估 3 级');
    expect(goalFigure({ ...skill, ...state }, en, 'en')).toBe('Not assessed by the manager yet');
  });
});

describe('the form', () => {
  it('sends a rate KPI target typed in percent as a fraction, and money as it is', () => {
    expect(goalToWrite({ kind: 'kpi', kpi: 'winRate', target: 35, periodKind: 'quarter', dueOn: '2026-12-31' })).toEqual({
      kind: 'kpi',
      kpi: 'winRate',
      target: '0.35',
      periodKind: 'quarter',
      dueOn: '2026-12-31',
    });
    expect(goalToWrite({ kind: 'kpi', kpi: 'revenueWon', target: 300000, periodKind: 'year', dueOn: '' })).toEqual({
      kind: 'kpi',
      kpi: 'revenueWon',
      target: '300000',
      periodKind: 'year',
      dueOn: null,
    });
  });

  it('leaves out a goal missing what its kind needs', () => {
    expect(goalToWrite({ kind: 'kpi', kpi: 'winRate', periodKind: 'quarter' })).toBeNull();
    expect(goalToWrite({ kind: 'course' })).toBeNull();
    expect(goalToWrite({ kind: 'skill', skillId: 's1' })).toBeNull();
    expect(goalToWrite({ kind: 'skill', skillId: 's1', level: 2, courseId: 'stale' })).toEqual({
      kind: 'skill',
      skillId: 's1',
      level: 2,
      dueOn: null,
    });
  });

  it('round-trips a plan through the form (rates back in percent)', () => {
    const saved = plan({
      notes: '多练谈判',
      goals: [
        { kind: 'kpi', kpi: 'winRate', target: '0.35', periodKind: 'quarter', dueOn: null, id: 'g1', ...state },
        { kind: 'course', courseId: 'c1', dueOn: '2026-11-30', id: 'g2', ...state },
      ],
    });
    const values = planToForm(saved);
    expect(values.goals?.[0]).toEqual({ kind: 'kpi', kpi: 'winRate', target: 35, periodKind: 'quarter', dueOn: '' });
    expect(toPlanUpdate(values, saved.version)).toEqual({
      targetLevelId: 'mid',
      title: '晋升中级',
      dueOn: '2026-12-31',
      goals: [
        { kind: 'kpi', kpi: 'winRate', target: '0.35', periodKind: 'quarter', dueOn: null },
        { kind: 'course', courseId: 'c1', dueOn: '2026-11-30' },
      ],
      notes: '多练谈判',
      status: 'active',
      version: 3,
    });
    expect(goalToForm({ kind: 'skill', skillId: 's1', level: 4, dueOn: '2026-12-01' })).toEqual({
      kind: 'skill',
      skillId: 's1',
      level: 4,
      dueOn: '2026-12-01',
    });
  });

  it('creates with the rep, a trimmed title and no due date when none is typed', () => {
    expect(toPlanWrite({ repId: 'r1', targetLevelId: 'mid', title: '  晋升中级 ', dueOn: '', goals: [] })).toEqual({
      repId: 'r1',
      targetLevelId: 'mid',
      title: '晋升中级',
      dueOn: null,
      goals: [],
      notes: '',
    });
  });
});
