import { windowProblem } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { periodOfWindow, previousWindow } from './window.rules.ts';

describe('analytics windows', () => {
  it('knows a whole month, quarter or year', () => {
    expect(periodOfWindow({ from: '2026-07-01', to: '2026-10-01' })).toBe('2026-Q3');
    expect(periodOfWindow({ from: '2026-02-01', to: '2026-03-01' })).toBe('2026-02');
    expect(periodOfWindow({ from: '2026-01-01', to: '2027-01-01' })).toBe('2026');
    expect(periodOfWindow({ from: '2026-07-02', to: '2026-10-01' })).toBeNull();
  });
  it('compares a quarter with the previous quarter, a year with the previous year, other windows day for day', () => {
    expect(previousWindow({ from: '2026-07-01', to: '2026-10-01' })).toEqual({ from: '2026-04-01', to: '2026-07-01' });
    expect(previousWindow({ from: '2026-01-01', to: '2026-04-01' })).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(previousWindow({ from: '2026-03-01', to: '2026-04-01' })).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(previousWindow({ from: '2026-01-01', to: '2027-01-01' })).toEqual({ from: '2025-01-01', to: '2026-01-01' });
    expect(previousWindow({ from: '2026-03-10', to: '2026-03-20' })).toEqual({ from: '2026-02-28', to: '2026-03-10' });
  });
  it('must end after it starts and span at most 3 years', () => {
    expect(windowProblem({ from: '2026-01-01', to: '2026-04-01' })).toBeNull();
    expect(windowProblem({ from: '2026-01-01', to: '2026-01-01' })).toBe('must be after from');
    expect(windowProblem({ from: '2026-02-01', to: '2026-01-01' })).toBe('must be after from');
    expect(windowProblem({ from: '2026-01-01', to: '2029-01-01' })).toBeNull();
    expect(windowProblem({ from: '2026-01-01', to: '2029-01-05' })).toBe('the window is at most 3 years');
  });
});
