import type { TRole, TTeam } from '@tierline/contracts';

/**
 * Who sees which performance page (decision 0026); the server checks the same and answers 404 outside one's scope.
 * Pure, unit-tested in access.test.ts.
 */

/** 团队业绩: those who look after teams, and viewers (who read the whole organisation). */
export const TEAM_PAGE_ROLES: readonly TRole[] = ['manager', 'director', 'admin', 'viewer'];
/** 晋级评估: managers and up. */
export const LEVEL_PAGE_ROLES: readonly TRole[] = ['manager', 'director', 'admin'];
/** 设置: targets for managers (their team's), cycles for directors and admins. */
export const SETTINGS_PAGE_ROLES: readonly TRole[] = ['manager', 'director', 'admin'];
/** Shape appraisal cycles and every target. */
export const CYCLE_ROLES: readonly TRole[] = ['director', 'admin'];

/** May look at another rep's scorecard (a manager their teams' reps, directors, admins and viewers anyone's). */
export const canPickRep = (role: TRole): boolean => role !== 'rep';

/** The teams whose scorecards a user may open: a manager those they manage or belong to; directors, admins, viewers all. */
export function teamsInScope(role: TRole, userId: string, teams: readonly TTeam[], ownTeamId: string | null = null): TTeam[] {
  if (role === 'rep') return [];
  if (role === 'manager') return teams.filter((team) => team.managerId === userId || team.id === ownTeamId);
  return [...teams];
}

/** The teams whose targets (and their reps') a user may set: a manager those they manage; directors and admins all. */
export function teamsManaged(role: TRole, userId: string, teams: readonly TTeam[]): TTeam[] {
  if (role === 'manager') return teams.filter((team) => team.managerId === userId);
  return role === 'director' || role === 'admin' ? [...teams] : [];
}

export interface PerformanceNavItem {
  key: 'mine' | 'team' | 'leaderboard' | 'reviews' | 'levels' | 'commissions' | 'settings';
  path: string;
  roles?: readonly TRole[];
}

export const PERFORMANCE_NAV: readonly PerformanceNavItem[] = [
  { key: 'mine', path: '/performance' },
  { key: 'team', path: '/performance/team', roles: TEAM_PAGE_ROLES },
  { key: 'leaderboard', path: '/performance/leaderboard' },
  { key: 'reviews', path: '/performance/reviews' },
  { key: 'levels', path: '/performance/levels', roles: LEVEL_PAGE_ROLES },
  { key: 'commissions', path: '/performance/commissions' },
  { key: 'settings', path: '/performance/settings', roles: SETTINGS_PAGE_ROLES },
];

export function navItemsFor(role: TRole): PerformanceNavItem[] {
  return PERFORMANCE_NAV.filter((item) => !item.roles || item.roles.includes(role));
}

/** The tab of a path: the longest nav path it starts with (/performance/team/x → team). */
export function navKeyOf(pathname: string): PerformanceNavItem['key'] {
  const path = pathname.replace(/\/+$/, '');
  const match = [...PERFORMANCE_NAV]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => path === item.path || path.startsWith(`${item.path}/`));
  return match?.key ?? 'mine';
}
