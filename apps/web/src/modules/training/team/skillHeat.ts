import type { TRole, TSkillsMatrix, TTeam } from '@tierline/contracts';

/**
 * 技能矩阵 as a heat map, pure (tested in skillHeat.test.ts): the colour of a level, where self and manager disagree,
 * and who may set which half of a cell.
 */

export type SkillCell = TSkillsMatrix['reps'][number]['cells'][number];
export type MatrixRep = TSkillsMatrix['reps'][number];
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * A sequential blue scale (light = novice, deep = expert), one hue so the order reads without a legend lookup and
 * stays distinguishable for red-green colour blindness; the text flips to white where the fill gets dark.
 */
const HEAT: Record<number, { background: string; color: string }> = {
  1: { background: '#e6f4ff', color: '#003a8c' },
  2: { background: '#bae0ff', color: '#002c8c' },
  3: { background: '#69b1ff', color: '#001d66' },
  4: { background: '#1677ff', color: '#ffffff' },
  5: { background: '#003eb3', color: '#ffffff' },
};
const UNRATED = { background: 'transparent', color: 'rgba(0,0,0,0.35)' };

export function heatColor(level: number | null | undefined): { background: string; color: string } {
  return (level != null && HEAT[level]) || UNRATED;
}

/** Self and manager ratings two or more levels apart: worth a conversation. */
export const GAP_THRESHOLD = 2;

/** The signed gap (manager − self) when both are set and they differ by at least GAP_THRESHOLD; else null. */
export function skillGap(cell: Pick<SkillCell, 'self' | 'manager'> | undefined): number | null {
  if (!cell || cell.self == null || cell.manager == null) return null;
  const gap = cell.manager - cell.self;
  return Math.abs(gap) >= GAP_THRESHOLD ? gap : null;
}

/** "3 / 4", "– / 4": self first, as the column header says. */
export function cellText(cell: Pick<SkillCell, 'self' | 'manager'> | undefined): string {
  return `${cell?.self ?? '–'} / ${cell?.manager ?? '–'}`;
}

export interface Viewer {
  id: string;
  role: TRole;
}

/** Teams whose reps a user assesses as the manager: a manager the teams they manage; directors and admins all. */
export function assessableTeamIds(viewer: Viewer, teams: readonly TTeam[]): Set<string> | 'all' | null {
  if (viewer.role === 'director' || viewer.role === 'admin') return 'all';
  if (viewer.role === 'manager') return new Set(teams.filter((team) => team.managerId === viewer.id).map((team) => team.id));
  return null;
}

/** Which halves of a rep's cells the viewer may set (decision 0029: a rep only their own self level). */
export function editableHalves(
  viewer: Viewer,
  rep: Pick<MatrixRep, 'repId' | 'teamId'>,
  scope: Set<string> | 'all' | null,
): { self: boolean; manager: boolean } {
  const self = viewer.role === 'rep' && rep.repId === viewer.id;
  const manager = scope === 'all' || (scope !== null && rep.teamId !== null && scope.has(rep.teamId));
  return { self, manager };
}

export interface SkillColumnStats {
  skillId: string;
  /** Mean manager level of those rated (one decimal), null when none. */
  managerMean: number | null;
  gaps: number;
}

/** Per skill: the team's mean manager-assessed level and how many reps disagree with their manager. */
export function skillColumnStats(matrix: TSkillsMatrix): SkillColumnStats[] {
  return matrix.skills.map((skill) => {
    const cells = matrix.reps.map((rep) => rep.cells.find((c) => c.skillId === skill.id));
    const rated = cells.map((c) => c?.manager).filter((v): v is number => v != null);
    const managerMean = rated.length ? Math.round((rated.reduce((s, v) => s + v, 0) / rated.length) * 10) / 10 : null;
    return { skillId: skill.id, managerMean, gaps: cells.filter((c) => skillGap(c) !== null).length };
  });
}

/** The skills grouped by category (uncategorised last), by name inside a group: the columns' order. */
export function orderedSkills<T extends { name: string; category: string }>(skills: readonly T[], locale: string): T[] {
  return [...skills].sort(
    (a, b) =>
      Number(a.category === '') - Number(b.category === '') ||
      a.category.localeCompare(b.category, locale) ||
      a.name.localeCompare(b.name, locale),
  );
}

/** The body of the PUT for one half: the version when the row exists (an upsert; a new row needs none). */
export function assessmentBody(half: 'self' | 'manager', level: number | null, cell: SkillCell | undefined) {
  return { [half]: level, ...(cell?.version != null ? { version: cell.version } : {}) };
}
