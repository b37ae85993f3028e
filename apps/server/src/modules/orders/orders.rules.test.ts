import { describe, expect, it } from 'vitest';
import { orderAmounts } from './orders.rules.ts';

describe('orderAmounts', () => {
  it('sums quantity × unit price per order exactly and rounds half away from zero to cents', () => {
    const amounts = orderAmounts([
      { orderId: 'a', quantity: '6', unitPrice: '2.55' },
      { orderId: 'a', quantity: '6', unitPrice: '3.39' },
      { orderId: 'b', quantity: '-1', unitPrice: '27.50' },
      { orderId: 'c', quantity: '0.333', unitPrice: '0.0150' }, // 0.004995 → 0.00
      { orderId: 'd', quantity: '1', unitPrice: '0.0050' }, // exactly half a cent → 0.01
      { orderId: 'e', quantity: '-1', unitPrice: '0.0050' }, // → -0.01, as numeric rounds
      { orderId: 'f', quantity: '3', unitPrice: '0.1' },
    ]);
    expect(Object.fromEntries(amounts)).toEqual({ a: '35.64', b: '-27.50', c: '0.00', d: '0.01', e: '-0.01', f: '0.30' });
  });
});
