import type { TCalibratedForecastRep, TForecastPipeline } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { testT } from '../../performance/testI18n.ts';
import { calibrationSteps, explainCalibration } from './calibration.ts';
import { forecastQuarters, periodWindow } from './forecastPeriod.ts';
import { weightedPipelineOption } from './weightedPipeline.charts.ts';

const rep = (over: Partial<TCalibratedForecastRep>): TCalibratedForecastRep => ({
  repId: 'r',
  repName: '王磊',
  teamId: null,
  teamName: null,
  committed: '100000.00',
  wonSoFar: '40000.00',
  accuracy: '0.8750',
  history: [
    { period: '2026-Q1', committed: '80000.00', won: '70000.00', accuracy: '0.8750' },
    { period: '2025-Q4', committed: '0.00', won: '0.00', accuracy: '1.0000' },
  ],
  calibrated: '92500.00',
  explanation: [],
  ...over,
});

describe('calibration steps', () => {
  it('weights the rest of the commit by the accuracy: 40,000 + 60,000 × 0.875 = 92,500', () => {
    const steps = calibrationSteps(rep({ accuracy: '0.8750', history: [rep({}).history[0]!] }));
    expect(steps.at(-2)).toEqual({ kind: 'remaining', committed: '100000.00', won: '40000.00', remaining: '60000.00' });
    expect(steps.at(-1)).toEqual({
      kind: 'calibrated',
      won: '40000.00',
      remaining: '60000.00',
      accuracy: '0.8750',
      weighted: '52500.00',
      calibrated: '92500.00',
    });
  });

  it('without history the commit stands; without a commit only what is won counts; won past the commit leaves nothing to win', () => {
    expect(calibrationSteps(rep({ accuracy: null, history: [], calibrated: '100000.00' })).map((s) => s.kind)).toEqual([
      'noHistory',
      'wonSoFar',
      'remaining',
      'commitStands',
    ]);
    expect(calibrationSteps(rep({ committed: null, calibrated: '40000.00' })).at(-1)).toEqual({ kind: 'noCommit', won: '40000.00' });
    const over = calibrationSteps(rep({ committed: '30000.00', calibrated: '40000.00' }));
    expect(over.at(-1)).toMatchObject({ remaining: '0.00', weighted: '0.00', calibrated: '40000.00' });
  });

  it('spells each step with the rep’s numbers in English and in Chinese', () => {
    const lines = explainCalibration(rep({ accuracy: '0.9375', calibrated: '96250.00' }), testT('en'), 'en');
    expect(lines).toEqual([
      'Q1 2026: committed CN¥80,000.00, won CN¥70,000.00 → accuracy = max(0, 1 − |CN¥70,000.00 − CN¥80,000.00| ÷ CN¥80,000.00) = 87.5%',
      'Q4 2025: committed 0, won CN¥0.00 → accuracy = 100% (with a zero commit: 100% if nothing was won, else 0)',
      'past accuracy = mean of (87.5%, 100%) = 93.75%',
      'won so far = CN¥40,000.00',
      'commit = CN¥100,000.00; still to win = max(0, CN¥100,000.00 − CN¥40,000.00) = CN¥60,000.00',
      'calibrated = CN¥40,000.00 + CN¥60,000.00 × 93.75% = CN¥40,000.00 + CN¥56,250.00 = CN¥96,250.00',
    ]);
    const zh = explainCalibration(rep({ committed: null, accuracy: null, history: [], calibrated: '40000.00' }), testT('zh-CN'), 'zh-CN');
    expect(zh).toEqual([
      '没有已结束且提交过预测的期间，无法计算历史准确率',
      '本期已赢单 = ¥40,000.00',
      '本期未提交预测：校准预测 = 已赢单 = ¥40,000.00',
    ]);
  });
});

describe('forecast periods', () => {
  it('this and next quarter, across the year end', () => {
    expect(forecastQuarters(new Date(2026, 10, 28))).toEqual({ thisQuarter: '2026-Q4', nextQuarter: '2027-Q1' });
  });

  it('a period’s calendar dates [from, to)', () => {
    expect(periodWindow('2026-Q4')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(periodWindow('2026-Q1')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(periodWindow('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(periodWindow('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(periodWindow('nope')).toBeNull();
  });
});

describe('weighted pipeline chart', () => {
  const figures = (): TForecastPipeline => {
    const cat = (category: 'pipeline' | 'best_case' | 'commit' | 'closed' | 'omitted', count: number, weighted: string) => ({
      category,
      count,
      amount: '1000.00',
      weightedAmount: weighted,
    });
    return {
      from: '2026-10-01',
      to: '2026-12-01',
      asOf: '2026-11-28T00:00:00Z',
      cells: [
        { month: '2026-10', ...cat('commit', 1, '750.00') },
        { month: '2026-10', ...cat('best_case', 1, '500.00') },
        { month: '2026-11', ...cat('commit', 0, '0.00') },
        { month: '2026-11', ...cat('best_case', 2, '1000.00') },
      ],
      months: [
        { month: '2026-10', count: 2, amount: '2000.00', weightedAmount: '1250.00', wonCount: 1, wonAmount: '300.00' },
        { month: '2026-11', count: 2, amount: '1000.00', weightedAmount: '1000.00', wonCount: 0, wonAmount: '0.00' },
      ],
      categories: [
        cat('pipeline', 0, '0.00'),
        cat('best_case', 3, '1500.00'),
        cat('commit', 1, '750.00'),
        cat('closed', 0, '0.00'),
        cat('omitted', 0, '0.00'),
      ],
      total: { count: 4, amount: '3000.00', weightedAmount: '2250.00', wonCount: 1, wonAmount: '300.00' },
    };
  };
  const colors = { commit: 'g', best_case: 'b', pipeline: 'l', closed: 'c', omitted: 'o', won: 'w' };

  it('stacks the categories that hold deals, commit first, and draws the won revenue as a line', () => {
    const { option, seriesCategories } = weightedPipelineOption(
      figures(),
      'weightedAmount',
      { category: (c) => c, won: 'won' },
      colors,
      'en',
      false,
    );
    expect(seriesCategories).toEqual(['commit', 'best_case']);
    const series = option.series as { type: string; name: string; data: number[] }[];
    expect(series.map((s) => [s.type, s.name])).toEqual([
      ['bar', 'commit'],
      ['bar', 'best_case'],
      ['line', 'won'],
    ]);
    expect(series[0]?.data).toEqual([750, 0]);
    expect(series[1]?.data).toEqual([500, 1000]);
    expect(series[2]?.data).toEqual([300, 0]);
    const amounts = weightedPipelineOption(figures(), 'amount', { category: (c) => c, won: 'won' }, colors, 'en', false);
    expect((amounts.option.series as { data: number[] }[])[0]?.data).toEqual([1000, 1000]);
  });
});
