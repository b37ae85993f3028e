import { describe, expect, it } from 'vitest';
import { fraction, growth, type MarketPart, marketRows, winRate } from './marketAnalytics.rules.ts';

describe('fraction, win rate, growth', () => {
  it('rounds to 4 places half away from zero and is null over 0', () => {
    expect(fraction(2, 3)).toBe('0.6667');
    expect(fraction(1, 3)).toBe('0.3333');
    expect(fraction(1, 8)).toBe('0.1250');
    expect(fraction(1, 20000)).toBe('0.0001'); // 0.00005 → up
    expect(fraction(-1, 20000)).toBe('-0.0001');
    expect(fraction(0, 5)).toBe('0.0000');
    expect(fraction(5, 0)).toBeNull();
    expect(winRate(0, 0)).toBeNull();
    expect(winRate(3, 1)).toBe('0.7500');
  });
  it('growth is (current − previous) / previous over decimal text', () => {
    expect(growth('150.00', '100.00')).toBe('0.5000');
    expect(growth('50.00', '100.00')).toBe('-0.5000');
    expect(growth('0.00', '30.00')).toBe('-1.0000');
    expect(growth('10.00', '0.00')).toBeNull();
    expect(growth('0.10', '0.30')).toBe('-0.6667');
  });
});

describe('marketRows', () => {
  const parts: MarketPart[] = [
    { part: 'deals', key: 'Retail', won: 1, lost: 1, wonAmount: '100.00', prevWon: 0, prevLost: 0, prevWonAmount: '0' },
    { part: 'deals', key: null, won: 1, lost: 0, wonAmount: '500.00', prevWon: 1, prevLost: 0, prevWonAmount: '250.00' },
    { part: 'orders', key: 'Retail', orderAmount: '50.50', prevOrderAmount: '25.25' },
    { part: 'orders', key: 'Tech', orderAmount: '600.00', prevOrderAmount: '0' },
    { part: 'customers', key: 'Retail', tierId: 't2', count: 2 },
    { part: 'customers', key: 'Retail', tierId: 't1', count: 1 },
    { part: 'customers', key: 'Tech', tierId: 't1', count: 4 },
  ];
  const { data, total } = marketRows(parts, ['t1', 't2', 't3']);

  it('orders groups by current revenue (won deals + orders), the unnamed group after named ones of equal revenue', () => {
    // Tech 600.00, Retail 150.50; null group 500.00
    expect(data.map((r) => r.key)).toEqual(['Tech', null, 'Retail']);
  });
  it('keeps both revenues apart, with win rates, growth and customers by every tier', () => {
    expect(data[2]).toEqual({
      key: 'Retail',
      label: 'Retail',
      current: { wonDealAmount: '100.00', orderAmount: '50.50', wonCount: 1, lostCount: 1, winRate: '0.5000' },
      previous: { wonDealAmount: '0.00', orderAmount: '25.25', wonCount: 0, lostCount: 0, winRate: null },
      growth: { wonDealAmount: null, orderAmount: '1.0000' },
      customerCount: 3,
      customersByTier: [
        { tierId: 't1', count: 1 },
        { tierId: 't2', count: 2 },
        { tierId: 't3', count: 0 },
      ],
    });
    expect(data[0]!.current.winRate).toBeNull();
    expect(data[0]!.growth.orderAmount).toBeNull();
  });
  it('totals every group', () => {
    expect(total.current).toEqual({ wonDealAmount: '600.00', orderAmount: '650.50', wonCount: 2, lostCount: 1, winRate: '0.6667' });
    expect(total.previous.wonDealAmount).toBe('250.00');
    expect(total.growth).toEqual({ wonDealAmount: '1.4000', orderAmount: '24.7624' }); // 350/250; 625.25/25.25 = 24.76237…
    expect(total.customerCount).toBe(7);
  });
  it('equal revenue: named groups alphabetically', () => {
    const r = marketRows(
      [
        { part: 'orders', key: 'B', orderAmount: '1.00', prevOrderAmount: '0' },
        { part: 'orders', key: null, orderAmount: '1.00', prevOrderAmount: '0' },
        { part: 'orders', key: 'A', orderAmount: '1.00', prevOrderAmount: '0' },
      ],
      [],
    );
    expect(r.data.map((x) => x.key)).toEqual(['A', 'B', null]);
  });
});
