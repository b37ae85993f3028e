import type { TGradeBand, TLevelCriterion } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { appraisalCycles } from '../performance/performance.table.ts';
import { levelCriteria } from './levels.table.ts';

/** The organisation's own criteria (none: the built-in ones apply). */
export async function listCriteria(db: DbOrTx, orgId: string): Promise<TLevelCriterion[]> {
  const rows = await db.select().from(levelCriteria).where(eq(levelCriteria.orgId, orgId));
  return rows.map((r) => ({
    fromLevelId: r.fromLevelId,
    toLevelId: r.toLevelId,
    direction: r.direction,
    periodKind: r.periodKind,
    consecutivePeriods: r.consecutivePeriods,
    grade: r.grade,
    kpiMinimums: r.kpiMinimums as TLevelCriterion['kpiMinimums'],
    minMonthsAtLevel: r.minMonthsAtLevel,
  }));
}

/** Replaces every step of the organisation's criteria. */
export async function replaceCriteria(db: DbOrTx, orgId: string, steps: TLevelCriterion[]) {
  await db.delete(levelCriteria).where(eq(levelCriteria.orgId, orgId));
  if (steps.length) await db.insert(levelCriteria).values(steps.map((s) => ({ ...s, orgId, id: newId() })));
}

/** The grade bands of the appraisal cycles of these periods (a period without a cycle is absent: the default applies). */
export async function cycleBands(db: DbOrTx, orgId: string, periods: string[]): Promise<Map<string, TGradeBand[]>> {
  if (periods.length === 0) return new Map();
  const rows = await db
    .select({ period: appraisalCycles.period, gradeBands: appraisalCycles.gradeBands })
    .from(appraisalCycles)
    .where(and(eq(appraisalCycles.orgId, orgId), inArray(appraisalCycles.period, periods)));
  return new Map(rows.map((r) => [r.period, r.gradeBands]));
}

/** Every grade any of the organisation's cycles uses. */
export async function cycleGrades(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.select({ gradeBands: appraisalCycles.gradeBands }).from(appraisalCycles).where(eq(appraisalCycles.orgId, orgId));
  return [...new Set(rows.flatMap((r) => r.gradeBands.map((b) => b.grade)))];
}
