import { describe, expect, it } from 'vitest';
import { funnelFigures, monthsOf, rate, revenueFigures, sumMoney, winLossFigures } from './pipelineAnalytics.rules.ts';

const w = { from: '2026-01-01', to: '2026-04-01' };

describe('pipeline analytics rules', () => {
  it('gives rates as fractions with 4 places, half up, null over nothing', () => {
    expect(rate(2, 3)).toBe('0.6667');
    expect(rate(1, 3)).toBe('0.3333');
    expect(rate(1, 8)).toBe('0.1250');
    expect(rate(1, 20_000)).toBe('0.0001'); // 0.00005 rounds up, exactly
    expect(rate(3, 3)).toBe('1.0000');
    expect(rate(0, 5)).toBe('0.0000');
    expect(rate(0, 0)).toBeNull();
  });

  it('sums money exactly and always with 2 places', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['0', '12.5'])).toBe('12.50');
    expect(sumMoney(['-1.25', '1'])).toBe('-0.25');
    expect(sumMoney(['99999999999999.99', '0.01'])).toBe('100000000000000.00');
    expect(sumMoney([])).toBe('0.00');
  });

  it('lists every month a window touches, `to` exclusive', () => {
    expect(monthsOf(w)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-10' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf({ from: '2026-03-10', to: '2026-03-20' })).toEqual(['2026-03']);
  });

  it('shapes the funnel: conversion only for open stages, current only for open stages', () => {
    const totals = { created: 4, created_won: 1, created_lost: 1, won: 2, won_amount: '300.00', lost: 1, lost_amount: '0' };
    const f = funnelFigures(
      [
        {
          stage_id: 'a',
          key: 'qualify',
          name_zh: '确认',
          name_en: 'Qualify',
          position: 1,
          kind: 'open',
          entered_count: 3,
          entered_amount: '0',
          advanced_count: 2,
          current_count: 1,
          current_amount: '50.00',
          ...totals,
        },
        {
          stage_id: 'w',
          key: 'won',
          name_zh: '赢',
          name_en: 'Won',
          position: 4,
          kind: 'won',
          entered_count: 2,
          entered_amount: '300.00',
          advanced_count: 0,
          current_count: 0,
          current_amount: '0',
          ...totals,
        },
      ],
      w,
    );
    expect(f.stages[0]).toMatchObject({ enteredAmount: '0.00', conversionRate: '0.6667', currentCount: 1, currentAmount: '50.00' });
    expect(f.stages[1]).toMatchObject({ conversionRate: null, currentCount: null, currentAmount: null });
    expect(f.totals).toEqual({
      createdCount: 4,
      createdWonCount: 1,
      createdLostCount: 1,
      winRate: '0.2500',
      closedWinRate: '0.5000',
      wonCount: 2,
      wonAmount: '300.00',
      lostCount: 1,
      lostAmount: '0.00',
    });
  });

  it('names the lost deals without a reason "unspecified", and gives no win rate by reason', () => {
    const f = winLossFigures(
      [
        { key: 'price', label_zh: 'price', label_en: 'price', won_count: 0, won_amount: '0', lost_count: 3, lost_amount: '30.00' },
        { key: null, label_zh: null, label_en: null, won_count: 0, won_amount: '0', lost_count: 1, lost_amount: '5.5' },
      ],
      w,
      true,
    );
    expect(f.rows[1]).toMatchObject({ key: null, labelEn: 'Unspecified', lostShare: '0.2500', winRate: null, lostAmount: '5.50' });
    expect(f.totals).toMatchObject({ lostCount: 4, lostAmount: '35.50', lostShare: '1.0000', winRate: null });
  });

  it('fills the months without revenue with 0', () => {
    const f = revenueFigures(
      [{ key: '2026-02', label_zh: '2026-02', label_en: '2026-02', won_count: 2, won_amount: '10.00', won_share: '1.0000' }],
      w,
      true,
    );
    expect(f.rows.map((r) => [r.key, r.wonCount, r.wonAmount, r.share])).toEqual([
      ['2026-01', 0, '0.00', '0.0000'],
      ['2026-02', 2, '10.00', '1.0000'],
      ['2026-03', 0, '0.00', '0.0000'],
    ]);
    expect(f.totals).toEqual({ wonCount: 2, wonAmount: '10.00' });
  });
});
