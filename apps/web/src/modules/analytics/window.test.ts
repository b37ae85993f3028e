import { describe, expect, it } from 'vitest';
import { dayAfter, lastDay, presetWindow } from './window.ts';

describe('analytics windows', () => {
  it('gives each preset as [from, to) around today', () => {
    expect(presetWindow('thisMonth', '2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(presetWindow('thisQuarter', '2026-11-28')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(presetWindow('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(presetWindow('thisYear', '2026-11-28')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(presetWindow('last12Months', '2026-11-28')).toEqual({ from: '2025-12-01', to: '2026-12-01' });
  });

  it('turns the exclusive end into the last day and back, across months and years', () => {
    expect(lastDay('2027-01-01')).toBe('2026-12-31');
    expect(lastDay('2024-03-01')).toBe('2024-02-29');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
  });
});
