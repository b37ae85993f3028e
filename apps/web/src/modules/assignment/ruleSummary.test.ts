import { describe, expect, it } from 'vitest';
import { conditionParts, eligibility, orList } from './ruleSummary.ts';

const names: Record<string, string> = { ka: 'KA', vip: 'VIP', jr: 'Junior', sr: 'Senior', east: 'East' };
const name = (id: string) => names[id] ?? '…';

describe('conditionParts', () => {
  it('is empty for a rule without conditions (it takes any record)', () => {
    expect(conditionParts({}, name)).toEqual([]);
    expect(conditionParts({ tierIds: [], regions: [] }, name)).toEqual([]);
  });

  it('lists each condition given, tiers by name, in reading order', () => {
    expect(
      conditionParts({ industries: ['Manufacturing'], regions: ['East', 'North'], tierIds: ['ka', 'vip'], processTypes: ['long'] }, name),
    ).toEqual([
      { kind: 'tier', values: ['KA', 'VIP'] },
      { kind: 'processType', values: ['long'] },
      { kind: 'region', values: ['East', 'North'] },
      { kind: 'industry', values: ['Manufacturing'] },
    ]);
  });

  it('puts process types in their canonical order', () => {
    expect(conditionParts({ processTypes: ['project', 'short'] }, name)).toEqual([{ kind: 'processType', values: ['short', 'project'] }]);
  });

  it('shows a tier it no longer knows as an ellipsis rather than an id', () => {
    expect(conditionParts({ tierIds: ['gone'] }, name)).toEqual([{ kind: 'tier', values: ['…'] }]);
  });

  it.each([
    [
      { minAmount: '100000.00', maxAmount: '500000.00' },
      { kind: 'amountBetween', min: '100000.00', max: '500000.00' },
    ],
    [{ minAmount: '0.00' }, { kind: 'amountAtLeast', min: '0.00' }],
    [{ maxAmount: '99.50' }, { kind: 'amountAtMost', max: '99.50' }],
  ])('describes an amount range %j', (conditions, part) => {
    expect(conditionParts(conditions, name)).toEqual([part]);
  });
});

describe('eligibility', () => {
  it('names the levels and teams, or null for any', () => {
    expect(eligibility({ eligibleLevelIds: ['jr', 'sr'], eligibleTeamIds: [] }, name, name)).toEqual({
      levels: ['Junior', 'Senior'],
      teams: null,
    });
    expect(eligibility({ eligibleLevelIds: [], eligibleTeamIds: ['east'] }, name, name)).toEqual({ levels: null, teams: ['East'] });
  });
});

describe('orList', () => {
  it('joins alternatives the way each language does', () => {
    expect(orList(['KA', 'VIP', 'SMB'], 'en')).toBe('KA, VIP, or SMB');
    expect(orList(['大客户', 'VIP客户'], 'zh-CN')).toBe('大客户或VIP客户');
    expect(orList(['East'], 'en')).toBe('East');
  });
});
