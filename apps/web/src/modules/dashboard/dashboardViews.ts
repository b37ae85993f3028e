import type { TRole } from '@tierline/contracts';

/**
 * Which dashboards a role switches between on 工作台 (issue 9 item 1), the first being the one it lands on: a rep has
 * their own; a manager the team's, and their own when they carry deals themselves; a director, an admin or a viewer
 * the organisation's, and any team's.
 */
export type DashboardView = 'rep' | 'manager' | 'director';

export function dashboardViews(role: TRole, ownsDeals: boolean): DashboardView[] {
  if (role === 'rep') return ['rep'];
  if (role === 'manager') return ownsDeals ? ['manager', 'rep'] : ['manager'];
  return ['director', 'manager'];
}

/**
 * The view shown: a rep's dashboard when the URL names one (a manager or a director opened it from a table), else the
 * one asked for if the role has it, else the role's first.
 */
export function shownView(views: readonly DashboardView[], asked: string | undefined, repId: string | undefined): DashboardView {
  if (repId) return 'rep';
  return views.find((v) => v === asked) ?? views[0] ?? 'rep';
}

/** Where a rep's scorecard opens: one's own without naming oneself (reps cannot pick a rep). */
export const scorecardPath = (period: string, repId?: string) =>
  `/performance?${new URLSearchParams({ period, ...(repId ? { repId } : {}) }).toString()}`;

/** The level evaluation board of a period, with a rep's evaluation open. */
export const levelEvaluationPath = (period: string, repId?: string, teamId?: string) =>
  `/performance/levels?${new URLSearchParams({ period, ...(teamId ? { teamId } : {}), ...(repId ? { rep: repId } : {}) }).toString()}`;
