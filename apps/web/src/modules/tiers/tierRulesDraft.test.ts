import type { TTier } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { countsBefore, draftProblems, sameRules, toDraft, toFormValues } from './tierRulesDraft.ts';

const tier = (id: string, rank: number): TTier => ({ id, key: id, nameZh: id, nameEn: id, rank, color: 'blue', etag: 'e' });
const TIERS = [tier('ka', 1), tier('vip', 2), tier('smb', 3)];
const rules = {
  version: 3,
  metric: 'monetary' as const,
  windowDays: 365,
  cutoffs: [
    { tierId: 'ka', kind: 'top_percent' as const, value: 5 },
    { tierId: 'vip', kind: 'top_percent' as const, value: 20 },
  ],
  createdAt: '2025-01-01T00:00:00.000Z',
  createdBy: null,
};

describe('form values and drafts', () => {
  it('round-trips the rules, with a row for every tier but the lowest', () => {
    const values = toFormValues(rules, TIERS);
    expect(Object.keys(values.cutoffs)).toEqual(['ka', 'vip']);
    const draft = toDraft(values, TIERS);
    expect(draft).toEqual({ metric: 'monetary', windowDays: 365, cutoffs: rules.cutoffs });
    expect(sameRules(draft, rules)).toBe(true);
  });
  it('leaves out tiers without a cut-off, and sees a changed value as different rules', () => {
    const values = toFormValues(rules, TIERS);
    values.cutoffs.vip = { kind: 'none', value: null };
    values.cutoffs.ka = { kind: 'absolute', value: 500000 };
    const draft = toDraft(values, TIERS);
    expect(draft.cutoffs).toEqual([{ tierId: 'ka', kind: 'absolute', value: 500000 }]);
    expect(sameRules(draft, rules)).toBe(false);
  });
});

describe('draftProblems', () => {
  const draft = (cutoffs: { tierId: string; kind: 'absolute' | 'top_percent'; value: number }[], metric = 'monetary' as const) => ({
    metric,
    windowDays: 365,
    cutoffs,
  });
  it('accepts cumulative percentages', () => {
    expect(draftProblems(rules, TIERS)).toEqual([]);
  });
  it('refuses a lower tier with a smaller top percentage than the tier above', () => {
    expect(
      draftProblems(
        draft([
          { tierId: 'vip', kind: 'top_percent', value: 3 },
          { tierId: 'ka', kind: 'top_percent', value: 5 },
        ]),
        TIERS,
      ),
    ).toEqual([{ tierId: 'vip', problem: 'notCumulative' }]);
  });
  it('refuses percentages outside (0, 100] and negative values', () => {
    expect(draftProblems(draft([{ tierId: 'ka', kind: 'top_percent', value: 0 }]), TIERS)).toEqual([
      { tierId: 'ka', problem: 'percentRange' },
    ]);
    expect(draftProblems(draft([{ tierId: 'ka', kind: 'absolute', value: -1 }]), TIERS)).toEqual([{ tierId: 'ka', problem: 'negative' }]);
  });
  it('wants whole numbers for order counts', () => {
    expect(
      draftProblems({ metric: 'frequency', windowDays: 30, cutoffs: [{ tierId: 'ka', kind: 'absolute', value: 2.5 }] }, TIERS),
    ).toEqual([{ tierId: 'ka', problem: 'wholeNumber' }]);
  });
});

describe('countsBefore', () => {
  it('undoes the moves: customers that moved in were elsewhere before', () => {
    const before = countsBefore(
      [
        { tierId: 'ka', count: 2 },
        { tierId: 'vip', count: 8 },
        { tierId: 'smb', count: 30 },
      ],
      [
        { fromTierId: 'smb', toTierId: 'ka', count: 2 },
        { fromTierId: 'smb', toTierId: 'vip', count: 5 },
        { fromTierId: 'vip', toTierId: 'smb', count: 1 },
      ],
    );
    expect(Object.fromEntries(before)).toEqual({ ka: 0, vip: 4, smb: 36 });
  });
});
