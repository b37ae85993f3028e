import type { TTeam } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { navItemsFor, navKeyOf, teamsInScope, teamsManaged } from './access.ts';

const team = (id: string, managerId: string | null): TTeam => ({ id, name: id, region: null, managerId, createdAt: '', version: 1 });

describe('performance access', () => {
  it('shows each role its tabs', () => {
    const keys = (role: Parameters<typeof navItemsFor>[0]) => navItemsFor(role).map((i) => i.key);
    expect(keys('rep')).toEqual(['mine', 'leaderboard', 'reviews', 'commissions']);
    expect(keys('viewer')).toEqual(['mine', 'team', 'leaderboard', 'reviews', 'commissions']);
    expect(keys('manager')).toEqual(['mine', 'team', 'leaderboard', 'reviews', 'levels', 'commissions', 'settings']);
    expect(keys('director')).toEqual(keys('admin'));
  });

  it('knows the tab of a path', () => {
    expect(navKeyOf('/performance')).toBe('mine');
    expect(navKeyOf('/performance/')).toBe('mine');
    expect(navKeyOf('/performance/team')).toBe('team');
    expect(navKeyOf('/performance/settings')).toBe('settings');
  });

  it('a manager reads the teams they manage or belong to; directors and viewers all, reps none', () => {
    const teams = [team('a', 'm1'), team('b', 'm2'), team('c', null)];
    expect(teamsInScope('manager', 'm1', teams).map((t) => t.id)).toEqual(['a']);
    expect(teamsInScope('manager', 'm1', teams, 'c').map((t) => t.id)).toEqual(['a', 'c']);
    expect(teamsInScope('director', 'm1', teams)).toHaveLength(3);
    expect(teamsInScope('viewer', 'v', teams)).toHaveLength(3);
    expect(teamsInScope('rep', 'r', teams)).toEqual([]);
  });

  it('targets: a manager sets those of the teams they manage; viewers none', () => {
    const teams = [team('a', 'm1'), team('b', 'm2')];
    expect(teamsManaged('manager', 'm1', teams).map((t) => t.id)).toEqual(['a']);
    expect(teamsManaged('admin', 'x', teams)).toHaveLength(2);
    expect(teamsManaged('viewer', 'x', teams)).toEqual([]);
  });
});
