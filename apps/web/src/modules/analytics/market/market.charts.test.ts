import type { TMarketAnalysis } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { MARKET_CHART_GROUPS, marketOption } from './market.charts.ts';

const figures = (orders: number) => ({ wonDealAmount: '0.00', orderAmount: orders.toFixed(2), wonCount: 0, lostCount: 0, winRate: null });
const row = (label: string | null, now: number, before: number) => ({
  key: label,
  label,
  current: figures(now),
  previous: figures(before),
  growth: { wonDealAmount: null, orderAmount: null },
  customerCount: 1,
  customersByTier: [],
});

describe('market chart', () => {
  it('shows the biggest groups by orders first, at most a dozen, naming the unset group', () => {
    const data = [row('制造', 10, 5), row(null, 30, 0), ...Array.from({ length: 20 }, (_, i) => row(`g${i}`, 1, 1))];
    const m = {
      by: 'industry',
      window: { from: '', to: '' },
      previousWindow: { from: '', to: '' },
      tiers: [],
      data,
      total: data[0],
    } as TMarketAnalysis;
    const option = marketOption(m, { current: 'now', previous: 'before', notSet: '未填写' });
    const categories = (option.xAxis as { data: string[] }).data;
    expect(categories.slice(0, 2)).toEqual(['未填写', '制造']);
    expect(categories).toHaveLength(MARKET_CHART_GROUPS);
    expect((option.series as { data: number[] }[])[1].data.slice(0, 2)).toEqual([0, 5]);
  });
});
