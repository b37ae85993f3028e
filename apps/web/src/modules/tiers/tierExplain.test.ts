import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { cutoffText, explanationText } from './tierExplain.ts';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

describe('cutoffText', () => {
  it('says top P % for relative cut-offs', () => {
    expect(cutoffText('monetary', { kind: 'top_percent', value: 5 }, t, 'en')).toBe('tiers.cutoff.topPercent {"value":"5"}');
  });
  it('says at least for money, at most for recency days', () => {
    expect(cutoffText('monetary', { kind: 'absolute', value: 500000 }, t, 'en')).toBe('tiers.cutoff.atLeast {"value":"500,000"}');
    expect(cutoffText('recency', { kind: 'absolute', value: 30 }, t, 'en')).toBe('tiers.cutoff.atMostDays {"value":"30"}');
  });
});

describe('explanationText', () => {
  const asOf = '2025-01-01T00:00:00.000Z';
  it('gives the value, the cut-off met and the rank of N', () => {
    const lines = explanationText(
      { metric: 'monetary', value: 1234.5, cutoff: { tierId: 'x', kind: 'top_percent', value: 5 }, rank: 2, n: 40, asOf },
      t,
      'en',
    );
    expect(lines).toEqual([
      'tiers.explain.value {"metric":"tiers.metrics.monetary","value":"1,234.5"}',
      'tiers.explain.cutoff {"cutoff":"tiers.cutoff.topPercent {\\"value\\":\\"5\\"}"}',
      'tiers.explain.rank {"rank":2,"n":40}',
    ]);
  });
  it('says a customer without orders in the window was not ranked', () => {
    const lines = explanationText({ metric: 'frequency', value: null, cutoff: null, rank: null, n: 12, asOf }, t, 'en');
    expect(lines[0]).toMatch(/^tiers\.explain\.noOrders/);
    expect(lines[1]).toBe('tiers.explain.noCutoff');
    expect(lines[2]).toBe('tiers.explain.ranked {"n":12}');
  });
});
