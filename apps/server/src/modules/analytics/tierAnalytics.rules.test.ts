import { describe, expect, it } from 'vitest';
import { isChurnRisk, LORENZ_PERCENTS, migrationMatrix, moveOf, rate, rfmSegment, topCount } from './tierAnalytics.rules.ts';

describe('rate', () => {
  it('is a 4-place fraction, rounded half away from zero, null over 0', () => {
    expect(rate(1, 3)).toBe('0.3333');
    expect(rate(2, 3)).toBe('0.6667');
    expect(rate(1, 8)).toBe('0.1250');
    expect(rate(1, 20000)).toBe('0.0001'); // 0.00005 rounds up
    expect(rate(3, 3)).toBe('1.0000');
    expect(rate(0, 5)).toBe('0.0000');
    expect(rate(-1, 3)).toBe('-0.3333');
    expect(rate(5, 0)).toBeNull();
    expect(rate(123456789012345n, 246913578024690n)).toBe('0.5000');
  });
});

describe('topCount', () => {
  it('is ceil(p × n / 100) in integers', () => {
    expect(topCount(5, 7)).toBe(1);
    expect(topCount(20, 7)).toBe(2);
    expect(topCount(20, 10)).toBe(2);
    expect(topCount(5, 100)).toBe(5);
    expect(topCount(5, 101)).toBe(6);
    expect(topCount(0, 10)).toBe(0);
    expect(topCount(100, 10)).toBe(10);
    expect(topCount(5, 0)).toBe(0);
    expect(LORENZ_PERCENTS).toHaveLength(21);
  });
});

describe('rfmSegment', () => {
  const s = (r: number, f: number, m: number, orders = 3) => rfmSegment({ r, f, m, orders });
  it('takes the first rule that holds', () => {
    expect(s(5, 5, 5)).toBe('champions');
    expect(s(4, 4, 4)).toBe('champions');
    expect(s(4, 4, 3)).toBe('loyal');
    expect(s(3, 5, 5)).toBe('loyal');
    expect(s(5, 2, 1, 1)).toBe('new');
    expect(s(5, 2, 1, 2)).toBe('potential');
    expect(s(2, 3, 1)).toBe('at_risk');
    expect(s(1, 5, 5)).toBe('at_risk');
    expect(s(2, 2, 5)).toBe('hibernating');
    expect(s(3, 3, 3)).toBe('needs_attention');
    expect(rfmSegment(null)).toBe('no_purchases');
    expect(rfmSegment({ r: 5, f: 5, m: 5, orders: 0 })).toBe('no_purchases');
  });
});

describe('isChurnRisk', () => {
  const day = 86_400_000;
  it('needs two purchases at different instants, and strictly more than twice the mean interval', () => {
    // purchases on days 0, 10, 20: interval 10; now day 40 → 20 since: not more than twice
    expect(isChurnRisk({ purchases: 3, firstMs: 0, lastMs: 20 * day, nowMs: 40 * day })).toBe(false);
    expect(isChurnRisk({ purchases: 3, firstMs: 0, lastMs: 20 * day, nowMs: 40 * day + 1 })).toBe(true);
    expect(isChurnRisk({ purchases: 1, firstMs: 0, lastMs: 0, nowMs: 400 * day })).toBe(false);
    expect(isChurnRisk({ purchases: 2, firstMs: day, lastMs: day, nowMs: 400 * day })).toBe(false);
  });
});

describe('migrationMatrix', () => {
  const tiers = [
    { id: 'b', key: 'vip', nameZh: 'VIP', nameEn: 'VIP', rank: 2 },
    { id: 'a', key: 'ka', nameZh: '大客户', nameEn: 'KA', rank: 1 },
  ];
  it('fills every cell, new first, tiers by rank, and counts moves', () => {
    const m = migrationMatrix(tiers, [
      { fromTierId: null, toTierId: 'b', count: 2 },
      { fromTierId: 'b', toTierId: 'a', count: 3 },
      { fromTierId: 'a', toTierId: 'b', count: 1 },
      { fromTierId: 'a', toTierId: 'a', count: 4 },
    ]);
    expect(m.cells.map((c) => `${c.fromKey}>${c.toKey}:${c.count}`)).toEqual([
      'new>ka:0',
      'new>vip:2',
      'ka>ka:4',
      'ka>vip:1',
      'vip>ka:3',
      'vip>vip:0',
    ]);
    expect(m).toMatchObject({ total: 10, new: 2, upgraded: 3, downgraded: 1, unchanged: 4 });
    expect(moveOf(null, 1)).toBe('new');
  });
});
