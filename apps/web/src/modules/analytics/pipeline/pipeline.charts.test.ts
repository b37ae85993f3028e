import type { TCycleLength, TFunnel, TRevenue, TWinLoss } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { monthAxisLabel, monthLabel, revenueChartOption, revenueRows, winLossChartOption, winLossRows } from './closedDeals.charts.ts';
import { cycleRows } from './cycle.charts.ts';
import { funnelChartOption, funnelRows } from './funnel.charts.ts';

const W = { from: '2026-07-01', to: '2026-10-01' };
const P = { from: '2026-04-01', to: '2026-07-01' };
const stage = (id: string, position: number, kind: 'open' | 'won' | 'lost', entered: number, advanced: number, rate: string | null) => ({
  stageId: id,
  key: id,
  nameZh: `阶段${id}`,
  nameEn: `Stage ${id}`,
  position,
  kind,
  enteredCount: entered,
  enteredAmount: `${entered}000.00`,
  advancedCount: advanced,
  conversionRate: rate,
  currentCount: kind === 'open' ? 1 : null,
  currentAmount: kind === 'open' ? '1000.00' : null,
});
const totals = {
  createdCount: 5,
  createdWonCount: 1,
  createdLostCount: 2,
  winRate: '0.2000',
  closedWinRate: '0.3333',
  wonCount: 1,
  wonAmount: '1000.00',
  lostCount: 2,
  lostAmount: '2000.00',
};
const colors = { open: 'blue', won: 'green', lost: 'red', previous: 'grey', text: 'black' };

describe('funnel rows', () => {
  // Lost sits at position 4 and won at 3 here, but the board's order is open stages, won, lost whatever the positions.
  const funnel: TFunnel = {
    window: W,
    pipeline: { id: 'p', processType: 'short', nameZh: '短期销售', nameEn: 'Short' },
    stages: [
      stage('lost', 4, 'lost', 2, 0, null),
      stage('b', 2, 'open', 3, 1, '0.3333'),
      stage('won', 3, 'won', 1, 0, null),
      stage('a', 1, 'open', 5, 3, '0.6000'),
    ],
    totals,
  };

  it('orders open stages by position, then won, then lost, named in the reader’s language', () => {
    const rows = funnelRows(funnel, 'en');
    expect(rows.map((r) => r.stageId)).toEqual(['a', 'b', 'won', 'lost']);
    expect(rows[0]?.name).toBe('Stage a');
    expect(funnelRows(funnel, 'zh-CN')[0]?.name).toBe('阶段a');
    expect(rows.every((r) => r.previous === undefined && r.enteredGrowth === null)).toBe(true);
  });

  it('with compare, matches the previous window’s stage by id; a stage nothing entered then has no growth', () => {
    const withPrevious: TFunnel = {
      ...funnel,
      previous: { window: P, stages: [stage('a', 1, 'open', 4, 1, '0.2500'), stage('b', 2, 'open', 0, 0, null)], totals },
    };
    const [a, b, won] = funnelRows(withPrevious, 'en');
    expect(a?.previous).toEqual({ enteredCount: 4, conversionRate: '0.2500' });
    expect(a?.enteredGrowth).toBe(0.25); // 5 against 4
    expect(b?.enteredGrowth).toBeNull(); // 3 against 0
    expect(won?.previous).toEqual({ enteredCount: 0, conversionRate: null }); // missing then: zero
  });

  it('labels an open stage’s bar with its count and conversion, a closing stage with its count; compare adds a grey series', () => {
    const rows = funnelRows(funnel, 'en');
    const words = { entered: 'Entered', previous: 'Previous', conversion: (r: string) => `→ ${r}` };
    const option = funnelChartOption(rows, words, colors, 'en', false);
    const series = option.series as { data: unknown[]; label?: { formatter: (p: { dataIndex: number }) => string } }[];
    expect(series).toHaveLength(1);
    expect(series[0]?.data.map((d) => (d as { value: number }).value)).toEqual([5, 3, 1, 2]);
    expect(series[0]?.label?.formatter({ dataIndex: 0 })).toBe('5  → 60%');
    expect(series[0]?.label?.formatter({ dataIndex: 3 })).toBe('2');
    const compared = funnelRows({ ...funnel, previous: { window: P, stages: [stage('a', 1, 'open', 4, 1, '0.2500')], totals } }, 'en');
    expect(funnelChartOption(compared, words, colors, 'en', false).series).toHaveLength(2);
  });
});

describe('cycle rows', () => {
  it('compares the median with the previous window’s same pipeline', () => {
    const row = (id: string, median: number | null) => ({
      processType: 'short' as const,
      pipelineId: id,
      nameZh: '短期',
      nameEn: 'Short',
      wonCount: 2,
      meanDays: median,
      medianDays: median,
      p90Days: median,
      stages: [],
    });
    const cycle: TCycleLength = {
      window: W,
      rows: [row('p', 30), row('q', null)],
      previous: { window: P, rows: [row('p', 40), row('q', 10)] },
    };
    const [p, q] = cycleRows(cycle, 'en');
    expect(p?.medianGrowth).toBe(-0.25);
    expect(q?.medianGrowth).toBeNull();
  });
});

describe('win/loss rows', () => {
  const group = (key: string | null, won: number, lost: number, winRate: string | null) => ({
    key,
    labelZh: key ? `组${key}` : null,
    labelEn: key ? `Group ${key}` : null,
    wonCount: won,
    wonAmount: `${won}00.00`,
    lostCount: lost,
    lostAmount: `${lost}00.00`,
    winRate,
    lostShare: '0.5000',
  });
  const sums = { wonCount: 3, wonAmount: '300.00', lostCount: 2, lostAmount: '200.00', winRate: '0.6000', lostShare: '1.0000' };

  it('by tier: names a group without a key "none" and compares win rates of the same key', () => {
    const figures: TWinLoss = {
      by: 'tier',
      window: W,
      rows: [group('t1', 3, 1, '0.7500'), group(null, 0, 1, '0.0000')],
      totals: sums,
      previous: { window: P, rows: [group('t1', 1, 1, '0.5000')], totals: sums },
    };
    const [t1, none] = winLossRows(figures, 'en', 'None');
    expect(t1?.name).toBe('Group t1');
    expect(t1?.growth).toBe(0.5); // 75 % against 50 %
    expect(none?.name).toBe('None');
    expect(none?.growth).toBeNull();
  });

  it('by loss reason: compares lost counts and draws lost deals per reason with their share', () => {
    const figures: TWinLoss = {
      by: 'lossReason',
      window: W,
      rows: [group('价格', 0, 2, null)],
      totals: sums,
      previous: { window: P, rows: [group('价格', 0, 1, null)], totals: sums },
    };
    const rows = winLossRows(figures, 'zh-CN', '无');
    expect(rows[0]?.growth).toBe(1);
    const option = winLossChartOption(rows, 'lossReason', { won: 'Won', lost: 'Lost', winRate: (r) => r }, colors, 'en', false);
    const series = option.series as { data: number[]; label: { formatter: (p: { dataIndex: number }) => string } }[];
    expect(series[0]?.data).toEqual([2]);
    expect(series[0]?.label.formatter({ dataIndex: 0 })).toBe('2 · 50%');
  });
});

describe('revenue rows', () => {
  const month = (key: string, amount: string) => ({ key, labelZh: key, labelEn: key, wonCount: 1, wonAmount: amount, share: '0.5000' });

  it('by month: names months in the reader’s words and compares each with the month as far into the previous window', () => {
    const figures: TRevenue = {
      by: 'month',
      window: W,
      rows: [month('2026-07', '300.00'), month('2026-08', '0.00'), month('2026-09', '100.00')],
      totals: { wonCount: 2, wonAmount: '400.00' },
      previous: {
        window: P,
        rows: [month('2026-04', '200.00'), month('2026-05', '100.00'), month('2026-06', '0.00')],
        totals: { wonCount: 2, wonAmount: '300.00' },
      },
    };
    const rows = revenueRows(figures, 'en', 'None');
    expect(rows.map((r) => r.name)).toEqual(['Jul 2026', 'Aug 2026', 'Sep 2026']);
    expect(rows.map((r) => r.growth)).toEqual([0.5, -1, null]);
    const option = revenueChartOption(rows, 'month', { current: 'Now', previous: 'Before' }, colors, 'en', false);
    const series = option.series as { type: string; data: (number | null)[] }[];
    expect(series.map((s) => s.type)).toEqual(['bar', 'line']);
    expect(series[1]?.data).toEqual([200, 100, 0]);
  });

  it('month labels read in Chinese; on a phone’s axis the year shows on the first month and on January only', () => {
    expect(monthLabel('2026-07', 'zh-CN')).toBe('2026年7月');
    expect(['2025-12', '2026-01', '2026-02'].map((m, i) => monthAxisLabel(m, i, 'zh-CN'))).toEqual(['25年12月', '26年1月', '2月']);
    expect(['2025-12', '2026-01', '2026-02'].map((m, i) => monthAxisLabel(m, i, 'en'))).toEqual(['Dec 25', 'Jan 26', 'Feb']);
  });
});
