import { describe, expect, it } from 'vitest';
import {
  convertPeriod,
  currentPeriod,
  isPeriod,
  parsePeriod,
  periodChoices,
  periodKind,
  periodLabel,
  periodsEndingWith,
  shiftPeriod,
  shortPeriodLabel,
} from './periods.ts';
import { testT } from './testI18n.ts';

const day = (iso: string) => new Date(`${iso}T12:00:00`);

describe('periods', () => {
  it('reads the three kinds of keys and nothing else', () => {
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(parsePeriod('2026-07')).toEqual({ kind: 'month', year: 2026, index: 7 });
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    for (const bad of ['2026-Q5', '2026-13', '2026-7', '26-Q1', '', 'quarter']) expect(isPeriod(bad), bad).toBe(false);
    expect(periodKind('2026-11')).toBe('month');
  });

  it('the current period is the one containing today, by kind', () => {
    expect(currentPeriod('quarter', day('2026-08-15'))).toBe('2026-Q3');
    expect(currentPeriod('quarter', day('2026-01-01'))).toBe('2026-Q1');
    expect(currentPeriod('quarter', day('2026-12-31'))).toBe('2026-Q4');
    expect(currentPeriod('month', day('2026-08-15'))).toBe('2026-08');
    expect(currentPeriod('year', day('2026-08-15'))).toBe('2026');
  });

  it('steps across year ends both ways', () => {
    expect(shiftPeriod('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftPeriod('2025-Q4', 1)).toBe('2026-Q1');
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
    expect(shiftPeriod('2026-03', -14)).toBe('2025-01');
    expect(shiftPeriod('2026', -3)).toBe('2023');
  });

  it('the previous periods of the same kind, oldest first, end with the period itself', () => {
    expect(periodsEndingWith('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsEndingWith('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsEndingWith('2026', 2)).toEqual(['2025', '2026']);
  });

  it('switching kind keeps the period’s last month, never a future one', () => {
    const today = day('2026-08-15');
    expect(convertPeriod('2026-Q2', 'month', today)).toBe('2026-06');
    expect(convertPeriod('2026-05', 'quarter', today)).toBe('2026-Q2');
    expect(convertPeriod('2026-05', 'year', today)).toBe('2026');
    expect(convertPeriod('2026', 'month', today)).toBe('2026-08');
    expect(convertPeriod('2025', 'quarter', today)).toBe('2025-Q4');
    expect(convertPeriod('nonsense', 'quarter', today)).toBe('2026-Q3');
  });

  it('offers recent periods newest first, one ahead', () => {
    const choices = periodChoices('quarter', day('2026-08-15'));
    expect(choices.slice(0, 3)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2']);
    expect(choices).toHaveLength(10);
    expect(choices.at(-1)).toBe('2024-Q3');
  });

  it('names periods in both languages', () => {
    const zh = testT('zh-CN');
    const en = testT('en');
    expect(periodLabel('2026-Q3', zh)).toBe('2026年第3季度');
    expect(periodLabel('2026-07', zh)).toBe('2026年7月');
    expect(periodLabel('2026', zh)).toBe('2026年');
    expect(periodLabel('2026-Q3', en)).toBe('Q3 2026');
    expect(periodLabel('2026-07', en)).toBe('Jul 2026');
    expect(shortPeriodLabel('2026-Q3')).toBe('26Q3');
    expect(shortPeriodLabel('2026-07')).toBe('26-07');
  });
});
