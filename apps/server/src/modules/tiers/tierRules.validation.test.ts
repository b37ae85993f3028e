import { describe, expect, it } from 'vitest';
import type { TierRules } from './tierRules.rules.ts';
import { validateTierRules } from './tierRules.validation.ts';

const ladder = [
  { id: '00000000-0000-7000-8000-00000000000a', key: 'ka', rank: 1 },
  { id: '00000000-0000-7000-8000-00000000000b', key: 'vip', rank: 2 },
  { id: '00000000-0000-7000-8000-00000000000c', key: 'smb', rank: 3 },
];
const [KA, VIP, SMB] = ladder.map((t) => t.id);
const rules = (metric: TierRules['metric'], ...cutoffs: TierRules['cutoffs']): TierRules => ({ metric, windowDays: 365, cutoffs });

describe('validateTierRules', () => {
  it.each([
    {
      name: 'the default rules',
      r: rules('monetary', { tierId: KA, kind: 'top_percent', value: 5 }, { tierId: VIP, kind: 'top_percent', value: 20 }),
    },
    { name: 'no cut-offs at all (everyone in the lowest tier)', r: rules('frequency') },
    {
      name: 'equal cumulative percents (VIP then empty)',
      r: rules('monetary', { tierId: KA, kind: 'top_percent', value: 20 }, { tierId: VIP, kind: 'top_percent', value: 20 }),
    },
    {
      name: 'percent 100 and 0.01',
      r: rules('rfm', { tierId: KA, kind: 'top_percent', value: 0.01 }, { tierId: VIP, kind: 'top_percent', value: 100 }),
    },
    {
      name: 'absolute money with cents, absolute 0',
      r: rules('monetary', { tierId: KA, kind: 'absolute', value: 500000.5 }, { tierId: VIP, kind: 'absolute', value: 0 }),
    },
    {
      name: 'mixed, relative below absolute',
      r: rules('recency', { tierId: KA, kind: 'absolute', value: 7 }, { tierId: VIP, kind: 'top_percent', value: 1 }),
    },
  ])('accepts $name', ({ r }) => {
    expect(validateTierRules(r, ladder)).toEqual([]);
  });

  it.each([
    {
      name: 'an unknown tier',
      r: rules('monetary', { tierId: '00000000-0000-7000-8000-0000000000ff', kind: 'top_percent', value: 5 }),
      path: 'cutoffs.0.tierId',
      message: 'no such tier',
    },
    {
      name: 'the lowest tier',
      r: rules('monetary', { tierId: SMB, kind: 'absolute', value: 1 }),
      path: 'cutoffs.0.tierId',
      message: 'lowest tier',
    },
    {
      name: 'two cut-offs for one tier',
      r: rules('monetary', { tierId: KA, kind: 'top_percent', value: 5 }, { tierId: KA, kind: 'absolute', value: 9 }),
      path: 'cutoffs.1.tierId',
      message: 'one cut-off per tier',
    },
    { name: 'percent 0', r: rules('monetary', { tierId: KA, kind: 'top_percent', value: 0 }), path: 'cutoffs.0.value', message: 'above 0' },
    {
      name: 'percent above 100',
      r: rules('monetary', { tierId: KA, kind: 'top_percent', value: 100.01 }),
      path: 'cutoffs.0.value',
      message: 'at most 100',
    },
    {
      name: 'percent with 3 decimals',
      r: rules('monetary', { tierId: KA, kind: 'top_percent', value: 1.005 }),
      path: 'cutoffs.0.value',
      message: '2 decimal',
    },
    // listed in any order, checked down the ladder: KA 20 % above VIP 5 % is not cumulative
    {
      name: 'decreasing cumulative percents',
      r: rules('monetary', { tierId: VIP, kind: 'top_percent', value: 5 }, { tierId: KA, kind: 'top_percent', value: 20 }),
      path: 'cutoffs.0.value',
      message: 'cumulative',
    },
    {
      name: 'a negative absolute value',
      r: rules('monetary', { tierId: KA, kind: 'absolute', value: -1 }),
      path: 'cutoffs.0.value',
      message: 'at least 0',
    },
    {
      name: 'money with 3 decimals',
      r: rules('monetary', { tierId: KA, kind: 'absolute', value: 0.001 }),
      path: 'cutoffs.0.value',
      message: '2 decimal',
    },
    {
      name: 'fractional orders',
      r: rules('frequency', { tierId: KA, kind: 'absolute', value: 2.5 }),
      path: 'cutoffs.0.value',
      message: 'whole number',
    },
    {
      name: 'fractional days',
      r: rules('recency', { tierId: VIP, kind: 'absolute', value: 0.5 }),
      path: 'cutoffs.0.value',
      message: 'whole number',
    },
  ])('refuses $name, naming $path', ({ r, path, message }) => {
    const errors = validateTierRules(r, ladder);
    expect(errors).toHaveLength(1);
    expect(errors[0].path).toBe(path);
    expect(errors[0].message).toContain(message);
  });

  it('reports every problem at once, under the path it is given', () => {
    const errors = validateTierRules(
      rules('monetary', { tierId: SMB, kind: 'top_percent', value: 0 }, { tierId: KA, kind: 'absolute', value: -3 }),
      ladder,
      'rules.cutoffs',
    );
    expect(errors.map((e) => e.path)).toEqual(['rules.cutoffs.0.tierId', 'rules.cutoffs.0.value', 'rules.cutoffs.1.value']);
  });
});
