import { describe, expect, it } from 'vitest';
import { type RuleFormValue, toRuleForm, toRulesInput, valueFor, valueProblem } from './scoringRulesDraft.ts';

const stored = (patch: Record<string, unknown>) => ({
  id: 'r1',
  label: 'Referral',
  kind: 'field' as const,
  field: 'source',
  operator: 'equals' as const,
  value: 'referral',
  activityKind: null,
  points: 30,
  position: 1,
  ...patch,
});

describe('toRuleForm', () => {
  it('reads field rules with their value, and activity rules with their kind', () => {
    expect(toRuleForm(stored({}))).toEqual({
      id: 'r1',
      label: 'Referral',
      kind: 'field',
      field: 'source',
      operator: 'equals',
      value: 'referral',
      points: 30,
    });
    expect(toRuleForm(stored({ operator: 'in', value: ['Energy', 'Steel'] })).value).toEqual(['Energy', 'Steel']);
    expect(toRuleForm(stored({ kind: 'activity', field: null, operator: null, value: null, activityKind: 'visit', points: 20 }))).toEqual({
      id: 'r1',
      label: 'Referral',
      kind: 'activity',
      activityKind: 'visit',
      points: 20,
    });
  });
});

describe('valueFor', () => {
  it.each([
    ['in', 'Energy', ['Energy']],
    ['in', ['a', ' ', 'b '], ['a', 'b']],
    ['equals', ['a', 'b'], 'a, b'],
    ['contains', 'x', 'x'],
    ['present', 'x', null],
    ['equals', null, ''],
  ] as const)('%s with %o keeps %o', (operator, value, expected) => {
    expect(valueFor(operator, value as RuleFormValue['value'])).toEqual(expected);
  });
});

describe('valueProblem', () => {
  it.each([
    ['equals', 'referral', null],
    ['equals', '  ', 'needsValue'],
    ['contains', undefined, 'needsValue'],
    ['in', ['Energy'], null],
    ['in', [], 'needsValues'],
    ['in', 'Energy', 'needsValues'],
    ['present', null, null],
  ] as const)('%s with %o → %s', (operator, value, problem) => {
    expect(valueProblem(operator, value as RuleFormValue['value'])).toBe(problem);
  });
});

describe('toRulesInput', () => {
  it('sends what the operator needs and nothing else, in the editor order, with whole points', () => {
    expect(
      toRulesInput([
        { id: 'r1', label: ' Referral ', kind: 'field', field: 'source', operator: 'equals', value: ' referral ', points: 30 },
        { label: 'Target industry', kind: 'field', field: 'industry', operator: 'in', value: ['Energy', ''], points: 25 },
        { label: 'Has phone', kind: 'field', field: 'phone', operator: 'present', value: 'left over', points: 10.7 },
        { label: 'Visited', kind: 'activity', activityKind: 'visit', points: -5 },
      ]),
    ).toEqual([
      { id: 'r1', label: 'Referral', kind: 'field', field: 'source', operator: 'equals', value: 'referral', points: 30 },
      { label: 'Target industry', kind: 'field', field: 'industry', operator: 'in', value: ['Energy'], points: 25 },
      { label: 'Has phone', kind: 'field', field: 'phone', operator: 'present', points: 10 },
      { label: 'Visited', kind: 'activity', activityKind: 'visit', points: -5 },
    ]);
  });
});
