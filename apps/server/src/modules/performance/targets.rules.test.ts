import { describe, expect, it } from 'vitest';
import { kpiUnit } from './kpis.rules.ts';
import { targetBatchProblems, targetKey, targetValueProblem, targetValueText } from './targets.rules.ts';

const REP = '00000000-0000-7000-8000-000000000001';
const TEAM = '00000000-0000-7000-8000-000000000002';

describe('target values', () => {
  it.each([
    ['revenueWon', '120000.5', null],
    ['revenueWon', '120000.505', 'revenueWon takes at most 2 decimals'],
    ['paymentsCollected', '1.1000', null],
    ['orders', '12', null],
    ['orders', '12.0000', null],
    ['activities.call', '12.5', 'activities.call counts: a whole number'],
    ['winRate', '0.3333', null],
    ['winRate', '1', null],
    ['winRate', '1.2', 'winRate is a fraction 0–1 (0.8 is 80 %)'],
    ['followUpCompliance', '0.12345', 'followUpCompliance takes at most 4 decimals'],
    ['satisfaction', '4.25', null],
    ['satisfaction', '5.5', 'satisfaction is a mean score of 1–5'],
    ['satisfaction', '4.125', 'satisfaction takes at most 2 decimals'],
  ] as const)('%s %s → %s', (kpi, value, problem) => {
    expect(targetValueProblem(kpi, value)).toBe(problem);
  });

  it('are shown in their KPI’s unit', () => {
    expect(targetValueText('revenueWon', '120000.5000')).toBe('120000.50');
    expect(targetValueText('newCustomers', '12.0000')).toBe('12');
    expect(targetValueText('winRate', '0.3500')).toBe('0.3500');
    expect(targetValueText('satisfaction', '4.5000')).toBe('4.50');
    expect(kpiUnit('activities.visit')).toBe('count');
  });
});

describe('a batch of targets', () => {
  it('names a value that does not suit its KPI and a target given twice', () => {
    const batch = [
      { kpi: 'orders' as const, period: '2026-Q3', repId: REP, value: '3' },
      { kpi: 'orders' as const, period: '2026-Q3', teamId: TEAM, value: '3' },
      { kpi: 'winRate' as const, period: '2026-Q3', repId: REP, value: '2' },
      { kpi: 'orders' as const, period: '2026-Q3', repId: REP, value: '4' },
    ];
    expect(targetBatchProblems(batch)).toEqual([
      { path: 'targets.2.value', message: 'winRate is a fraction 0–1 (0.8 is 80 %)' },
      { path: 'targets.3.kpi', message: 'the same target as targets.0' },
    ]);
    expect(targetKey(batch[0])).not.toBe(targetKey(batch[1]));
  });
});
