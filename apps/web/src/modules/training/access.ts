import type { TRole } from '@tierline/contracts';

/** Who sees which training page (decision 0029); the server checks the same and answers 404 outside one's scope. */

/** 团队合规: those who look after teams, and viewers. */
export const TEAM_TRAINING_ROLES: readonly TRole[] = ['manager', 'director', 'admin', 'viewer'];
/** Assign courses, assess skills as the manager, write development plans. */
export const COACH_ROLES: readonly TRole[] = ['manager', 'director', 'admin'];
/** Edit the catalogue, curricula, skills and outcome triggers. */
export const TRAINING_ADMIN_ROLES: readonly TRole[] = ['director', 'admin'];

export interface TrainingNavItem {
  key: 'mine' | 'catalogue' | 'team' | 'skills' | 'plans' | 'settings';
  path: string;
  roles?: readonly TRole[];
}

export const TRAINING_NAV: readonly TrainingNavItem[] = [
  { key: 'mine', path: '/training' },
  { key: 'catalogue', path: '/training/courses' },
  { key: 'team', path: '/training/team', roles: TEAM_TRAINING_ROLES },
  { key: 'skills', path: '/training/skills' },
  { key: 'plans', path: '/training/plans' },
  { key: 'settings', path: '/training/settings', roles: TRAINING_ADMIN_ROLES },
];

export const trainingNavFor = (role: TRole): TrainingNavItem[] => TRAINING_NAV.filter((i) => !i.roles || i.roles.includes(role));

/** The tab of a path: the longest nav path it starts with (/training/courses/x → catalogue). */
export function trainingNavKeyOf(pathname: string): TrainingNavItem['key'] {
  const path = pathname.replace(/\/+$/, '');
  const match = [...TRAINING_NAV]
    .sort((a, b) => b.path.length - a.path.length)
    .find((item) => path === item.path || path.startsWith(`${item.path}/`));
  return match?.key ?? 'mine';
}
