import type { TAssignmentRule } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { compareAmounts, emptyRuleValues, type RuleFormValues, ruleProblems, toFormValues, toRuleBody } from './ruleForm.ts';

const values = (patch: Partial<RuleFormValues>): RuleFormValues => ({
  ...emptyRuleValues(),
  name: 'R',
  eligibleLevelIds: ['lv'],
  ...patch,
});

describe('toRuleBody', () => {
  it('sends only the conditions the entity can have', () => {
    const all = values({
      tierIds: ['ka'],
      processTypes: ['long'],
      regions: ['East'],
      industries: ['Retail'],
      minAmount: '100',
      maxAmount: '200.5',
    });
    expect(toRuleBody(all, 'lead').conditions).toEqual({ regions: ['East'], industries: ['Retail'] });
    expect(toRuleBody(all, 'customer').conditions).toEqual({ tierIds: ['ka'], regions: ['East'], industries: ['Retail'] });
    expect(toRuleBody(all, 'deal').conditions).toEqual({
      tierIds: ['ka'],
      processTypes: ['long'],
      regions: ['East'],
      industries: ['Retail'],
      minAmount: '100',
      maxAmount: '200.5',
    });
  });

  it('trims names and tags, drops blanks and repeats; an empty condition is left out (it means "any")', () => {
    const body = toRuleBody(values({ name: '  East  ', regions: ['East', ' East ', ''], industries: [], minAmount: ' ' }), 'deal');
    expect(body.name).toBe('East');
    expect(body.conditions).toEqual({ regions: ['East'] });
  });

  it('keeps strategy, active and the eligible levels and teams', () => {
    expect(
      toRuleBody(values({ strategy: 'least_loaded', active: false, eligibleLevelIds: ['a', 'a'], eligibleTeamIds: ['t'] }), 'lead'),
    ).toMatchObject({ strategy: 'least_loaded', active: false, eligibleLevelIds: ['a'], eligibleTeamIds: ['t'] });
  });
});

describe('toFormValues', () => {
  it('round-trips a rule through the form', () => {
    const rule: TAssignmentRule = {
      id: 'r',
      entity: 'deal',
      position: 1,
      name: 'Big deals',
      conditions: { processTypes: ['project'], minAmount: '1000000.00' },
      eligibleLevelIds: ['sr'],
      eligibleTeamIds: [],
      strategy: 'least_loaded',
      active: true,
      lastAssignedUserId: null,
      version: 3,
    };
    const form = toFormValues(rule);
    expect(form).toMatchObject({ processTypes: ['project'], minAmount: '1000000.00', maxAmount: null, tierIds: [] });
    expect(toRuleBody(form, 'deal')).toEqual({
      name: 'Big deals',
      conditions: rule.conditions,
      eligibleLevelIds: ['sr'],
      eligibleTeamIds: [],
      strategy: 'least_loaded',
      active: true,
    });
  });
});

describe('compareAmounts', () => {
  it.each([
    ['100.5', '100.50', 0],
    ['99.99', '100', -1],
    ['1000', '999.99', 1],
    ['007', '7.00', 0],
    ['0.1', '0.09', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareAmounts(a, b)).toBe(expected);
  });
});

describe('ruleProblems', () => {
  it('wants at least one level or team', () => {
    expect(ruleProblems(values({ eligibleLevelIds: [] }), 'lead')).toEqual([{ field: 'eligibleLevelIds', problem: 'eligibleRequired' }]);
    expect(ruleProblems(values({ eligibleLevelIds: [], eligibleTeamIds: ['t'] }), 'lead')).toEqual([]);
  });

  it('refuses a maximum below the minimum, exactly (no float rounding), for deals only', () => {
    expect(ruleProblems(values({ minAmount: '100.01', maxAmount: '100.00' }), 'deal')).toEqual([
      { field: 'maxAmount', problem: 'amountOrder' },
    ]);
    expect(ruleProblems(values({ minAmount: '100.00', maxAmount: '100' }), 'deal')).toEqual([]);
    expect(ruleProblems(values({ minAmount: '5', maxAmount: '1' }), 'customer')).toEqual([]);
  });
});
