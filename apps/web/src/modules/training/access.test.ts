import { describe, expect, it } from 'vitest';
import { trainingNavFor, trainingNavKeyOf } from './access.ts';

describe('training navigation', () => {
  it('shows reps their own pages only', () => {
    expect(trainingNavFor('rep').map((i) => i.key)).toEqual(['mine', 'catalogue', 'skills', 'plans']);
    expect(trainingNavFor('admin').map((i) => i.key)).toContain('settings');
    expect(trainingNavFor('viewer').map((i) => i.key)).toContain('team');
  });
  it('finds the tab of a nested path', () => {
    expect(trainingNavKeyOf('/training/courses/42')).toBe('catalogue');
    expect(trainingNavKeyOf('/training/')).toBe('mine');
    expect(trainingNavKeyOf('/training/plans/9')).toBe('plans');
  });
});
