import type { TKpi, TPeriodKind, TTarget, TTargetUpsert } from '@tierline/contracts';
import { inputToTarget, targetToInput } from './kpis.ts';

/**
 * The targets editor's grid (KPI × subject) without React: what the loaded targets say per cell, and the batch a
 * save sends (only the cells that changed). Pure, unit-tested in targetsGrid.test.ts.
 */

export type SubjectKind = 'rep' | 'team' | 'level';

/** A cell's key: subject id and KPI. */
export const cellKey = (subjectId: string, kpi: TKpi) => `${subjectId}|${kpi}`;

function subjectOf(target: TTarget, kind: SubjectKind): string | null {
  return kind === 'rep' ? target.repId : kind === 'team' ? target.teamId : target.levelId;
}

/**
 * The typed value of every cell that has a target of this kind of subject for `period` (a period key, or a period
 * kind for level defaults): rates in percent, as the editor shows them.
 */
export function cellsOf(targets: readonly TTarget[], kind: SubjectKind, period: string): Map<string, number> {
  const cells = new Map<string, number>();
  for (const target of targets) {
    const subject = subjectOf(target, kind);
    if (!subject || target.period !== period) continue;
    const value = targetToInput(target.kpi, target.value);
    if (value !== null) cells.set(cellKey(subject, target.kpi), value);
  }
  return cells;
}

/** The upserts for the edited cells whose value differs from the loaded one (emptied cells: see removedTargets). */
export function changedTargets(
  original: ReadonlyMap<string, number>,
  edits: ReadonlyMap<string, number | null>,
  kind: SubjectKind,
  period: string | TPeriodKind,
): TTargetUpsert[] {
  const upserts: TTargetUpsert[] = [];
  for (const [key, input] of edits) {
    if (input === null || input === original.get(key)) continue;
    const [subject, kpi] = key.split('|') as [string, TKpi];
    const value = inputToTarget(kpi, input);
    if (value === null) continue;
    const who = kind === 'rep' ? { repId: subject } : kind === 'team' ? { teamId: subject } : { levelId: subject };
    upserts.push({ kpi, period, value, ...who });
  }
  return upserts;
}

/**
 * The targets whose cell was emptied: they are deleted (a zero target would mean "met", not "none"); the level
 * default, if any, applies again.
 */
export function removedTargets(
  targets: readonly TTarget[],
  edits: ReadonlyMap<string, number | null>,
  kind: SubjectKind,
  period: string,
): TTarget[] {
  return targets.filter((target) => {
    const subject = subjectOf(target, kind);
    if (!subject || target.period !== period) return false;
    const key = cellKey(subject, target.kpi);
    return edits.has(key) && edits.get(key) === null;
  });
}

/** The cells whose edit differs from the loaded value: set, changed or emptied. */
export function changedCount(original: ReadonlyMap<string, number>, edits: ReadonlyMap<string, number | null>): number {
  let count = 0;
  for (const [key, input] of edits) if (input === null ? original.has(key) : input !== original.get(key)) count += 1;
  return count;
}
