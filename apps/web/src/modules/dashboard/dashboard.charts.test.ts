import type { TStageSnapshot } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  attainmentBarsOption,
  compareBarsOption,
  FORECAST_SERIES,
  forecastBarsOption,
  nameIn,
  pipelinesWithDeals,
  scoreBarsOption,
  stageBarsOption,
} from './dashboard.charts.ts';

const stage = (pipelineId: string, key: string, position: number, count: number, amount: string, weighted = '0.00'): TStageSnapshot => ({
  pipelineId,
  processType: pipelineId === 'p1' ? 'short' : 'long',
  pipelineNameZh: pipelineId === 'p1' ? '短期' : '长期',
  pipelineNameEn: pipelineId === 'p1' ? 'Short' : 'Long',
  stageId: `${pipelineId}-${key}`,
  stageKey: key,
  stageNameZh: `阶段${key}`,
  stageNameEn: `Stage ${key}`,
  position,
  count,
  amount,
  weightedAmount: weighted,
});
const money = (v: number | string) => `¥${v}`;
const series = (o: any) => o.series as any[];

describe('pipelinesWithDeals', () => {
  it('groups the stages by pipeline in stage order and leaves out pipelines without deals', () => {
    const rows = [stage('p1', 'quote', 2, 1, '10.00'), stage('p1', 'qualify', 1, 2, '5.00'), stage('p2', 'a', 1, 0, '0.00')];
    const groups = pipelinesWithDeals(rows, 'zh-CN');
    expect(groups.map((g) => [g.name, g.count, g.stages.map((s) => s.stageKey)])).toEqual([['短期', 3, ['qualify', 'quote']]]);
    expect(pipelinesWithDeals(rows, 'en')[0]?.name).toBe('Short');
  });
});

describe('stageBarsOption', () => {
  it('draws the amount and the weighted amount per stage, first stage on top, with the deal count as label', () => {
    const stages = [stage('p1', 'qualify', 1, 2, '5000.00', '1000.00'), stage('p1', 'quote', 2, 1, '10000.00', '3000.00')];
    const o = stageBarsOption(stages, 'en', { amount: 'A', weighted: 'W', deals: (n) => `${n} deals` }, money, false);
    expect((o.yAxis as any).data).toEqual(['Stage qualify', 'Stage quote']);
    expect((o.yAxis as { inverse: boolean }).inverse).toBe(true);
    expect(series(o)[0].data).toEqual([5000, 10000]);
    expect(series(o)[1].data).toEqual([1000, 3000]);
    expect(series(o)[0].label.formatter({ dataIndex: 0 })).toBe('2 deals');
  });
});

describe('attainmentBarsOption', () => {
  it('leaves out items without a target and colours met, near and below', () => {
    const o = attainmentBarsOption(
      [
        { label: 'Revenue', attainment: 1.75, tooltip: 'r' },
        { label: 'Calls', attainment: null, tooltip: 'c' },
        { label: 'Payments', attainment: 0.8, tooltip: 'p' },
        { label: 'New', attainment: 0.2, tooltip: 'n' },
      ],
      { met: 'green', near: 'blue', below: 'orange' },
      true,
    );
    expect((o.yAxis as any).data).toEqual(['Revenue', 'Payments', 'New']);
    expect(series(o)[0].data.map((d: { value: number; itemStyle: { color: string } }) => [d.value, d.itemStyle.color])).toEqual([
      [175, 'green'],
      [80, 'blue'],
      [20, 'orange'],
    ]);
    expect((o.xAxis as any).max).toBe(175);
  });
});

describe('compareBarsOption and scoreBarsOption', () => {
  it('puts this quarter and last side by side per category', () => {
    const o = compareBarsOption(
      ['KA', 'VIP'],
      ['100.00', '0.00'],
      ['50.00', '10.00'],
      { current: 'Now', previous: 'Before' },
      money,
      false,
    );
    expect(series(o).map((s) => [s.name, s.data])).toEqual([
      ['Now', [100, 0]],
      ['Before', [50, 10]],
    ]);
  });

  it('scores per rep with their grade', () => {
    const o = scoreBarsOption([{ label: 'Ann', score: 92.7, grade: 'A', color: 'g' }], false);
    expect(series(o)[0].data).toEqual([{ value: 92.7, itemStyle: { color: 'g', borderRadius: [0, 3, 3, 0] } }]);
    expect(series(o)[0].label.formatter({ dataIndex: 0 })).toBe('92.7 A');
  });
});

describe('forecastBarsOption', () => {
  it('stacks the weighted amount by category per month, commit first; missing cells are 0', () => {
    const cell = (month: string, category: 'commit' | 'best_case' | 'pipeline', weightedAmount: string) => ({
      month,
      category,
      count: 1,
      amount: weightedAmount,
      weightedAmount,
    });
    const month = (m: string) => ({ month: m, count: 0, amount: '0', weightedAmount: '0', wonCount: 0, wonAmount: '0' });
    const o = forecastBarsOption(
      { months: [month('2026-07'), month('2026-08')], cells: [cell('2026-07', 'commit', '10.00'), cell('2026-08', 'pipeline', '4.50')] },
      (c) => c.toUpperCase(),
      money,
    );
    expect(series(o).map((s) => [s.name, s.stack, s.data])).toEqual([
      ['COMMIT', 'weighted', [10, 0]],
      ['BEST_CASE', 'weighted', [0, 0]],
      ['PIPELINE', 'weighted', [0, 4.5]],
    ]);
    expect(FORECAST_SERIES[2]).toBe('pipeline');
  });
});

it('names in the UI language, falling back to the other', () => {
  expect(nameIn('中', 'En', 'zh-CN')).toBe('中');
  expect(nameIn('中', 'En', 'en-US')).toBe('En');
  expect(nameIn(null, 'En', 'zh')).toBe('En');
});
