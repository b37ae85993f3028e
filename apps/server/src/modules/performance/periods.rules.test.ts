import { describe, expect, it } from 'vitest';
import { monthsBetween, parsePeriod, periodContaining, periodsEndingWith } from './periods.rules.ts';

describe('periods', () => {
  it('parses months, quarters and years into [from, to) dates', () => {
    expect(parsePeriod('2026-Q3')).toMatchObject({ kind: 'quarter', from: '2026-07-01', to: '2026-10-01' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026-12')).toMatchObject({ kind: 'month', from: '2026-12-01', to: '2027-01-01' });
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2027-01-01' });
    expect(() => parsePeriod('2026-Q5')).toThrow();
  });
  it('walks back over year ends', () => {
    expect(periodsEndingWith('2026-Q1', 3).map((p) => p.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodsEndingWith('2026-02', 3).map((p) => p.key)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsEndingWith('2026', 2).map((p) => p.key)).toEqual(['2025', '2026']);
  });
  it('finds the period of a day and counts whole months', () => {
    expect(periodContaining('2026-08-31', 'quarter').key).toBe('2026-Q3');
    expect(periodContaining('2026-08-31', 'month').key).toBe('2026-08');
    expect(monthsBetween('2025-03-15', '2026-09-14')).toBe(17);
    expect(monthsBetween('2025-03-15', '2026-09-15')).toBe(18);
  });
});
