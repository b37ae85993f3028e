import type { TAppraisalCycle } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from './computation.ts';
import { duplicates, FALLBACK, sumWeights, toFormValues, toUpdate } from './cycleForm.ts';

const cycle: TAppraisalCycle = {
  ...DEFAULT_SCHEME,
  levels: [{ levelId: 'senior', kpis: [{ kpi: 'revenueWon', weight: 100 }], criteria: [] }, ...DEFAULT_SCHEME.levels],
  id: 'c1',
  name: '2026 Q3',
  period: '2026-Q3',
  status: 'open',
  createdAt: '2026-07-01T00:00:00.000Z',
  version: 3,
};

describe('cycle form', () => {
  it('shows the cap in percent and the fallback scheme first', () => {
    const values = toFormValues(cycle);
    expect(values.capPercent).toBe(150);
    expect(values.levels.map((l) => l.levelId)).toEqual([FALLBACK, 'senior']);
    expect(values.gradeBands.map((b) => b.grade)).toEqual(['S', 'A', 'B', 'C', 'D']);
  });

  it('round-trips to the scheme the API takes', () => {
    const update = toUpdate({ ...toFormValues(cycle), capPercent: 120, name: ' Q3 ' });
    expect(update.attainmentCap).toBe(1.2);
    expect(update.name).toBe('Q3');
    expect(update.levels[0]).toEqual({ ...DEFAULT_SCHEME.levels[0], levelId: null });
    expect(update.levels[1]?.levelId).toBe('senior');
  });

  it('finds what is named twice and adds weights up', () => {
    expect(duplicates(['S', 'A', 'S', '', undefined])).toEqual(new Set(['S']));
    expect(sumWeights([{ weight: 40 }, { weight: 30 }, undefined, { weight: null }])).toBe(70);
  });
});
