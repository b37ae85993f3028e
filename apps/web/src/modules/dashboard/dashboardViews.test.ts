import { describe, expect, it } from 'vitest';
import { dashboardViews, levelEvaluationPath, scorecardPath, shownView } from './dashboardViews.ts';

describe('dashboard views', () => {
  it('a rep has their own; a manager the team and their own when they own deals; the others the org and any team', () => {
    expect(dashboardViews('rep', true)).toEqual(['rep']);
    expect(dashboardViews('manager', false)).toEqual(['manager']);
    expect(dashboardViews('manager', true)).toEqual(['manager', 'rep']);
    for (const role of ['director', 'admin', 'viewer'] as const) expect(dashboardViews(role, false)).toEqual(['director', 'manager']);
  });

  it('shows a named rep, else the view asked for when the role has it, else the first', () => {
    expect(shownView(['director', 'manager'], undefined, 'r1')).toBe('rep');
    expect(shownView(['director', 'manager'], 'manager', undefined)).toBe('manager');
    expect(shownView(['manager'], 'director', undefined)).toBe('manager');
    expect(shownView(['manager'], 'rep', undefined)).toBe('manager');
    expect(shownView(['rep'], undefined, undefined)).toBe('rep');
  });

  it('links to the scorecard and the level evaluation of a rep', () => {
    expect(scorecardPath('2026-Q3')).toBe('/performance?period=2026-Q3');
    expect(scorecardPath('2026-Q3', 'u1')).toBe('/performance?period=2026-Q3&repId=u1');
    expect(levelEvaluationPath('2026-Q2', 'u1', 't1')).toBe('/performance/levels?period=2026-Q2&teamId=t1&rep=u1');
  });
});
