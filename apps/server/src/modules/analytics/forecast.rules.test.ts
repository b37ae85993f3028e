import { describe, expect, it } from 'vitest';
import {
  calibrate,
  historyBound,
  meanAccuracy,
  monthsOfWindow,
  pastForecast,
  periodKeyPattern,
  pipelineGrid,
  sumMoney,
} from './forecast.rules.ts';

describe('the window', () => {
  it('touches the calendar months of its dates, across a year end', () => {
    expect(monthsOfWindow('2026-01-01', '2026-04-01')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfWindow('2025-11-15', '2026-02-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOfWindow('2026-03-10', '2026-03-11')).toEqual(['2026-03']);
  });

  it('fills every month × category with zeros where nothing was found', () => {
    const found = { month: '2026-02', category: 'commit' as const, count: 2, amount: '300.00', weightedAmount: '150.00' };
    const grid = pipelineGrid(['2026-01', '2026-02'], [found]);
    expect(grid).toHaveLength(10);
    expect(grid.map((c) => `${c.month}/${c.category}`).slice(0, 5)).toEqual([
      '2026-01/pipeline',
      '2026-01/best_case',
      '2026-01/commit',
      '2026-01/closed',
      '2026-01/omitted',
    ]);
    expect(grid[7]).toBe(found);
    expect(grid[6]).toEqual({ month: '2026-02', category: 'best_case', count: 0, amount: '0.00', weightedAmount: '0.00' });
  });
});

describe('history', () => {
  it('counts only ended periods before the one asked', () => {
    expect(historyBound('2026-Q2', '2026-05-10')).toBe('2026-Q2'); // the current quarter: earlier ones
    expect(historyBound('2026-Q4', '2026-05-10')).toBe('2026-Q2'); // a future quarter: Q2 has not ended
    expect(historyBound('2025-Q3', '2026-05-10')).toBe('2025-Q3');
    expect(historyBound('2026-07', '2026-05-10')).toBe('2026-05');
    expect(historyBound('2027', '2026-05-10')).toBe('2026');
  });

  it('keeps to the period’s kind', () => {
    const quarter = new RegExp(periodKeyPattern('2026-Q2'));
    const month = new RegExp(periodKeyPattern('2026-05'));
    const year = new RegExp(periodKeyPattern('2026'));
    expect(['2026-Q1', '2026-01', '2026'].map((k) => quarter.test(k))).toEqual([true, false, false]);
    expect(['2026-Q1', '2026-01', '2026'].map((k) => month.test(k))).toEqual([false, true, false]);
    expect(['2026-Q1', '2026-01', '2026'].map((k) => year.test(k))).toEqual([false, false, true]);
  });

  it('accuracy of a past period as the KPI: over- and under-delivery miss alike', () => {
    expect(pastForecast('2026-Q1', '1000', '800').accuracy).toBe('0.8000');
    expect(pastForecast('2026-Q1', '1000', '1200').accuracy).toBe('0.8000');
    expect(pastForecast('2026-Q1', '1000', '2500')).toEqual({
      period: '2026-Q1',
      committed: '1000.00',
      won: '2500.00',
      accuracy: '0.0000',
    });
    expect(pastForecast('2026-Q1', '0', '0').accuracy).toBe('1.0000');
  });

  it('the mean accuracy is rounded half up to 4 places; none → null', () => {
    expect(meanAccuracy([])).toBeNull();
    expect(meanAccuracy(['0.8000', '0.5000'])).toBe('0.6500');
    expect(meanAccuracy(['1.0000', '0.0000', '0.0001'])).toBe('0.3334'); // 0.33336…
    expect(meanAccuracy(['0.0001', '0.0000'])).toBe('0.0001'); // 0.00005 → half up
  });
});

describe('calibrating a commit', () => {
  const history = [pastForecast('2026-Q1', '1000', '800'), pastForecast('2025-Q4', '2000', '1000')]; // 0.8, 0.5
  it('weights what is still to win by the mean accuracy', () => {
    const c = calibrate({ committed: '10000', wonSoFar: '2500.50', history });
    // 0.65 mean; 7499.50 × 0.65 = 4874.675 → 4874.68; 2500.50 + 4874.68 = 7375.18
    expect(c).toEqual({
      accuracy: '0.6500',
      calibrated: '7375.18',
      explanation: [
        '2026-Q1: committed 1000.00, won 800.00 → accuracy = max(0, 1 − |800.00 − 1000.00| ÷ 1000.00) = 0.8000',
        '2025-Q4: committed 2000.00, won 1000.00 → accuracy = max(0, 1 − |1000.00 − 2000.00| ÷ 2000.00) = 0.5000',
        'accuracy = mean of 2 past periods (0.8000, 0.5000) = 0.6500',
        'won so far = 2500.50',
        'committed = 10000.00; still to win = max(0, 10000.00 − 2500.50) = 7499.50',
        'calibrated = 2500.50 + 7499.50 × 0.6500 = 2500.50 + 4874.68 = 7375.18',
      ],
    });
  });

  it('once the commit is won, the calibrated forecast is what was won', () => {
    expect(calibrate({ committed: '1000', wonSoFar: '1500', history }).calibrated).toBe('1500.00');
  });

  it('without history the commit stands; without a commit only what is won counts', () => {
    const none = calibrate({ committed: '5000', wonSoFar: '1000', history: [] });
    expect(none.accuracy).toBeNull();
    expect(none.calibrated).toBe('5000.00');
    expect(none.explanation).toContain('accuracy: no past closed period with a commit, so none');
    expect(none.explanation.at(-1)).toBe('no history: the commit stands, calibrated = 1000.00 + 4000.00 = 5000.00');
    const uncommitted = calibrate({ committed: null, wonSoFar: '1000', history });
    expect(uncommitted).toMatchObject({ accuracy: '0.6500', calibrated: '1000.00' });
    expect(uncommitted.explanation.at(-1)).toBe('no commit for the period: calibrated = won so far = 1000.00');
  });

  it('sums money exactly', () => {
    expect(sumMoney(['0.10', '0.20', '1'])).toBe('1.30');
    expect(sumMoney([])).toBe('0.00');
  });
});
