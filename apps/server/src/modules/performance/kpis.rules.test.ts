import { KPI_KEYS } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { decimalRatio, EMPTY_AGGREGATES, forecastAccuracyOf, formatKpiValue, kpiActuals, kpiCatalogue } from './kpis.rules.ts';
import { membersTargets } from './targets.resolve.ts';

describe('KPI formulas (decision 0026)', () => {
  it('documents every KPI with a unit and a formula', () => {
    expect(kpiCatalogue().map((k) => k.kpi)).toEqual([...KPI_KEYS]);
    for (const k of kpiCatalogue()) expect(k.formula.length).toBeGreaterThan(20);
    expect(kpiCatalogue().find((k) => k.kpi === 'winRate')?.unit).toBe('rate');
    expect(kpiCatalogue().find((k) => k.kpi === 'satisfaction')?.unit).toBe('score');
  });

  it.each([
    [2n, 3n, 4, '0.6667'],
    [1n, 3n, 4, '0.3333'],
    [1n, 8n, 2, '0.13'], // 0.125: half up
    [13n, 3n, 2, '4.33'],
    [3n, 3n, 4, '1.0000'],
    [0n, 5n, 4, '0.0000'],
  ])('divides %s ÷ %s exactly to %s places → %s', (num, den, scale, expected) => {
    expect(decimalRatio(num, den, scale)).toBe(expected);
  });

  it.each([
    ['90000.00', '100000.00', '0.9000'], // |90k − 100k| / 100k = 0.1
    ['130000.00', '100000.00', '0.7000'], // over-delivery misses too
    ['250000.00', '100000.00', '0.0000'], // missed by more than the commitment: floored at 0
    ['0.00', '100.00', '0.0000'],
    ['0.00', '0.00', '1.0000'], // committed 0, won 0: exact
    ['5.00', '0.00', '0.0000'], // committed 0, won something: not a forecast
    ['100.00', '300.00', '0.3333'],
    ['100.00', null, null], // nothing committed: no value
  ])('forecast accuracy of won %s against committed %s is %s', (won, committed, expected) => {
    expect(forecastAccuracyOf(won, committed)).toBe(expected);
  });

  it('turns the aggregates into actuals, null where there is nothing to measure', () => {
    expect(kpiActuals(EMPTY_AGGREGATES)).toEqual({
      revenueWon: '0.00',
      paymentsCollected: '0.00',
      newCustomers: '0',
      orders: '0',
      winRate: null,
      activities: '0',
      'activities.call': '0',
      'activities.email': '0',
      'activities.visit': '0',
      'activities.meeting': '0',
      satisfaction: null,
      followUpCompliance: null,
      forecastAccuracy: null,
    });
    const a = kpiActuals({
      ...EMPTY_AGGREGATES,
      wonCount: 2,
      lostCount: 1,
      wonAmount: '150000.5',
      paymentsCollected: '80000',
      satisfactionSum: 13,
      satisfactionCount: 3,
      tasksDue: 3,
      tasksOnTime: 2,
      committed: '100000.00',
      activities: { total: 7, call: 2, email: 2, visit: 1, meeting: 1 },
    });
    expect(a).toMatchObject({
      revenueWon: '150000.50',
      paymentsCollected: '80000.00',
      winRate: '0.6667', // 2 / 3
      satisfaction: '4.33', // 13 / 3
      followUpCompliance: '0.6667', // 2 / 3
      forecastAccuracy: '0.5000', // 1 − 50000.50 / 100000 = 0.499995 → half up at 4 places
      activities: '7',
      'activities.call': '2',
    });
  });

  it.each([
    ['revenueWon', '100000.0000', '100000.00'],
    ['newCustomers', '10.0000', '10'],
    ['newCustomers', '12.5000', '12.5'],
    ['orders', '0.0000', '0'],
    ['winRate', '0.5', '0.5000'],
    ['satisfaction', '4.2500', '4.25'],
  ] as const)('formats %s %s as %s', (kpi, value, expected) => {
    expect(formatKpiValue(kpi, value)).toBe(expected);
  });

  it('adds members’ targets for money and counts and averages rates and scores', () => {
    const m = (entries: [string, string][]) => new Map(entries.map(([k, v]) => [k as never, { value: v, source: 'rep' as const }]));
    const team = membersTargets([
      m([
        ['revenueWon', '100000.00'],
        ['newCustomers', '4'],
        ['winRate', '0.5000'],
      ]),
      m([
        ['revenueWon', '50000.50'],
        ['winRate', '0.6000'],
        ['satisfaction', '4.25'],
      ]),
      m([['winRate', '0.7001']]),
    ]);
    expect(Object.fromEntries(team)).toEqual({
      revenueWon: '150000.50',
      newCustomers: '4', // only one member has one
      winRate: '0.6000', // (0.5 + 0.6 + 0.7001) / 3 = 0.600033…
      satisfaction: '4.25',
    });
  });
});
