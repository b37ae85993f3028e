import { describe, expect, it } from 'vitest';
import { toCents } from '../../shared/format.ts';
import { columnTotals, linesTotalCents } from './dealMath.ts';

describe('toCents', () => {
  it('reads decimal text exactly', () => {
    expect(toCents('1234.5')).toBe(123450);
    expect(toCents('0.1')).toBe(10);
    expect(toCents('19.99')).toBe(1999);
    expect(toCents('100')).toBe(10000);
    expect(toCents(null)).toBe(0);
    expect(toCents(2.5)).toBe(250);
  });
});

describe('columnTotals', () => {
  it('sums amounts and amounts × probability, exactly in cents', () => {
    const totals = columnTotals([
      { amount: '0.10', currency: 'CNY', probability: 50 },
      { amount: '0.20', currency: 'CNY', probability: 50 },
      { amount: '100000', currency: 'CNY', probability: 20 },
      { amount: null, currency: 'CNY', probability: 20 },
    ]);
    expect(totals).toEqual([{ currency: 'CNY', amountCents: 10000030, weightedCents: 2000015 }]);
  });
  it('keeps currencies apart, largest first', () => {
    const totals = columnTotals([
      { amount: '10', currency: 'USD', probability: 100 },
      { amount: '500', currency: 'CNY', probability: 10 },
    ]);
    expect(totals.map((t) => t.currency)).toEqual(['CNY', 'USD']);
    expect(totals[1]?.weightedCents).toBe(1000);
  });
  it('is empty for an empty column', () => {
    expect(columnTotals([])).toEqual([]);
  });
});

describe('linesTotalCents', () => {
  it('applies quantity, unit price and discount', () => {
    expect(
      linesTotalCents([
        { quantity: '3', unitPrice: '10.50', discountPct: 10 },
        { quantity: 1, unitPrice: '5' },
      ]),
    ).toBe(2835 + 500);
  });
});
