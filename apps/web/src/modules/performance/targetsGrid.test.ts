import type { TTarget } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { cellKey, cellsOf, changedCount, changedTargets, removedTargets } from './targetsGrid.ts';

const target = (over: Partial<TTarget>): TTarget => ({
  id: 'x',
  kpi: 'revenueWon',
  period: '2026-Q3',
  repId: null,
  teamId: null,
  levelId: null,
  value: '0',
  version: 1,
  ...over,
});

describe('targets grid', () => {
  const targets = [
    target({ repId: 'r1', value: '500000.00' }),
    target({ repId: 'r1', kpi: 'winRate', value: '0.3500' }),
    target({ repId: 'r2', period: '2026-Q2', value: '1' }),
    target({ teamId: 't1', value: '900000' }),
    target({ levelId: 'l1', period: 'quarter', value: '300000' }),
  ];

  it('reads the cells of one kind of subject and one period, rates in percent', () => {
    expect(cellsOf(targets, 'rep', '2026-Q3')).toEqual(
      new Map([
        [cellKey('r1', 'revenueWon'), 500000],
        [cellKey('r1', 'winRate'), 35],
      ]),
    );
    expect(cellsOf(targets, 'team', '2026-Q3')).toEqual(new Map([[cellKey('t1', 'revenueWon'), 900000]]));
    expect(cellsOf(targets, 'level', 'quarter')).toEqual(new Map([[cellKey('l1', 'revenueWon'), 300000]]));
  });

  it('sends only the changed cells, each for its subject, rates as fractions; emptied cells delete their target', () => {
    const original = cellsOf(targets, 'rep', '2026-Q3');
    const edits = new Map<string, number | null>([
      [cellKey('r1', 'revenueWon'), 500000], // unchanged
      [cellKey('r1', 'winRate'), 40],
      [cellKey('r2', 'newCustomers'), 6],
      [cellKey('r1', 'orders'), null], // never had a target: nothing to do
    ]);
    expect(changedCount(original, edits)).toBe(2);
    edits.set(cellKey('r1', 'revenueWon'), null);
    expect(changedCount(original, edits)).toBe(3);
    expect(removedTargets(targets, edits, 'rep', '2026-Q3')).toEqual([targets[0]]);
    expect(removedTargets(targets, edits, 'rep', '2026-Q2')).toEqual([]);
    expect(changedTargets(original, edits, 'rep', '2026-Q3')).toEqual([
      { kpi: 'winRate', period: '2026-Q3', value: '0.4', repId: 'r1' },
      { kpi: 'newCustomers', period: '2026-Q3', value: '6', repId: 'r2' },
    ]);
  });

  it('a level default takes the period kind; a team target its team', () => {
    expect(changedTargets(new Map(), new Map([[cellKey('l1', 'orders'), 30]]), 'level', 'month')).toEqual([
      { kpi: 'orders', period: 'month', value: '30', levelId: 'l1' },
    ]);
    expect(changedTargets(new Map(), new Map([[cellKey('t1', 'satisfaction'), 4.5]]), 'team', '2026')).toEqual([
      { kpi: 'satisfaction', period: '2026', value: '4.5', teamId: 't1' },
    ]);
  });
});
