import { describe, expect, it } from 'vitest';
import { fillMonths } from './purchaseChart.ts';

describe('fillMonths', () => {
  it('is empty without purchases', () => {
    expect(fillMonths([])).toEqual([]);
  });
  it('fills the months between purchases with zero, across a year end, in order', () => {
    const filled = fillMonths([
      { month: '2025-02', amount: '20', orders: 1 },
      { month: '2024-11', amount: '10.5', orders: 2 },
    ]);
    expect(filled.map((m) => m.month)).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(filled.map((m) => m.amount)).toEqual(['10.5', '0', '0', '20']);
    expect(filled.map((m) => m.orders)).toEqual([2, 0, 0, 1]);
  });
  it('keeps a single month as it is', () => {
    expect(fillMonths([{ month: '2025-01', amount: '5', orders: 1 }])).toEqual([{ month: '2025-01', amount: '5', orders: 1 }]);
  });
});
