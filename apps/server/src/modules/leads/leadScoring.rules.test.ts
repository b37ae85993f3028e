import { describe, expect, it } from 'vitest';
import { checkScoringRules, type ScoredLead, type ScoringRule, scoreLead } from './leadScoring.rules.ts';

const lead = (fields: Partial<ScoredLead>): ScoredLead => ({
  company: null,
  title: null,
  email: null,
  phone: null,
  source: null,
  region: null,
  industry: null,
  ...fields,
});
const field = (
  id: string,
  f: string,
  operator: 'equals' | 'in' | 'contains' | 'present',
  value: string | string[] | null,
  points: number,
) => ({ id, label: id, kind: 'field', field: f, operator, value, points }) as ScoringRule;
const activity = (id: string, activityKind: string, points: number) =>
  ({ id, label: id, kind: 'activity', activityKind, points }) as ScoringRule;

const RULES: ScoringRule[] = [
  field('referral', 'source', 'equals', 'Referral', 30),
  field('big-industry', 'industry', 'in', ['Manufacturing', 'Energy'], 20),
  field('decision-title', 'title', 'contains', 'director', 25),
  field('has-phone', 'phone', 'present', null, 10),
  field('freemail', 'email', 'contains', '@gmail.com', -15),
  activity('visited', 'visit', 20),
];

describe('lead score', () => {
  it.each([
    ['no rule holds', lead({}), {}, 0, []],
    ['equals ignores case and spaces', lead({ source: ' referral ' }), {}, 30, ['referral']],
    ['in matches one of the values', lead({ industry: 'energy' }), {}, 20, ['big-industry']],
    ['contains finds a part', lead({ title: 'Purchasing Director' }), {}, 25, ['decision-title']],
    ['present needs a non-blank value', lead({ phone: '  ' }), {}, 0, []],
    [
      'sums every rule that holds',
      lead({ source: 'Referral', industry: 'Energy', phone: '1' }),
      {},
      60,
      ['referral', 'big-industry', 'has-phone'],
    ],
    ['negative points subtract', lead({ source: 'Referral', email: 'x@gmail.com' }), {}, 15, ['referral', 'freemail']],
    ['never below 0', lead({ email: 'x@gmail.com' }), {}, 0, ['freemail']],
    [
      'never above 100',
      lead({ source: 'Referral', industry: 'Energy', title: 'Director', phone: '1' }),
      { visit: 2 },
      100, // 30 + 20 + 25 + 10 + 2 × 20 = 125, clamped
      ['referral', 'big-industry', 'decision-title', 'has-phone', 'visited'],
    ],
    ['activity rules count each activity', lead({}), { visit: 3 }, 60, ['visited']],
    ['activity rules score nothing without activities (the count is 0 until the activities module lands)', lead({}), {}, 0, []],
  ])('%s', (_name, l, activities, score, lines) => {
    const result = scoreLead(l, RULES, activities);
    expect(result.score).toBe(score);
    expect(result.breakdown.map((b) => b.ruleId)).toEqual(lines);
  });

  it('keeps the raw points in the breakdown even when the total is clamped', () => {
    const { breakdown } = scoreLead(lead({ email: 'x@gmail.com' }), RULES, { visit: 2 });
    expect(breakdown).toEqual([
      { ruleId: 'freemail', label: 'freemail', points: -15 },
      { ruleId: 'visited', label: 'visited ×2', points: 40 },
    ]);
  });

  it('ignores a rule on a field leads do not have', () => {
    expect(scoreLead(lead({ source: 'x' }), [field('odd', 'status', 'present', null, 50)]).score).toBe(0);
  });
});

describe('scoring rule values', () => {
  it.each([
    [{ kind: 'field' as const, field: 'source', operator: 'equals' as const, value: 'web' }, []],
    [{ kind: 'field' as const, field: 'source', operator: 'equals' as const, value: ['web'] }, ['rules.0.value']],
    [{ kind: 'field' as const, field: 'source', operator: 'in' as const, value: 'web' }, ['rules.0.value']],
    [{ kind: 'field' as const, field: 'source', operator: 'present' as const, value: 'web' }, ['rules.0.value']],
    [{ kind: 'field' as const, field: 'source', operator: 'present' as const }, []],
    [{ kind: 'field' as const, field: 'source', operator: 'contains' as const }, ['rules.0.value']],
    [{ kind: 'activity' as const, activityKind: 'call' }, []],
  ])('%j → errors at %j', (rule, paths) => expect(checkScoringRules([rule]).map((e) => e.path)).toEqual(paths));
});
