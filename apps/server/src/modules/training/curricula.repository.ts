import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { levels } from '../levels/levels.table.ts';
import type { CurriculumLists } from './curricula.rules.ts';
import { courses, curriculumItems } from './training.table.ts';

/** Queries of the curricula (decision 0029): each level's course lists and the catalogue they name. */

/**
 * Every level's curriculum of the organisation: level id → its `required` and `forPromotion` course ids, each list
 * by course title (then id). Levels without a curriculum are absent. Read by the level evaluation's course checks.
 */
export async function curriculaOf(db: DbOrTx, orgId: string): Promise<Map<string, CurriculumLists>> {
  const rows = await db
    .select({ levelId: curriculumItems.levelId, courseId: curriculumItems.courseId, purpose: curriculumItems.purpose })
    .from(curriculumItems)
    .innerJoin(courses, and(eq(courses.orgId, curriculumItems.orgId), eq(courses.id, curriculumItems.courseId)))
    .where(eq(curriculumItems.orgId, orgId))
    .orderBy(asc(courses.title), asc(courses.id));
  const result = new Map<string, CurriculumLists>();
  for (const r of rows) {
    const lists = result.get(r.levelId) ?? { required: [], forPromotion: [] };
    lists[r.purpose].push(r.courseId);
    result.set(r.levelId, lists);
  }
  return result;
}

/** The ladder (id, rank), lowest first: one curriculum per level. */
export const ladderOf = (db: DbOrTx, orgId: string) =>
  db.select({ id: levels.id, rank: levels.rank }).from(levels).where(eq(levels.orgId, orgId)).orderBy(asc(levels.rank));

/** Title and whether it is active, of these courses of the organisation (unknown ids absent). */
export async function coursesByIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, { title: string; active: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: courses.id, title: courses.title, active: courses.active })
    .from(courses)
    .where(and(eq(courses.orgId, orgId), inArray(courses.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { title: r.title, active: r.active }]));
}

/** Replaces one level's two lists (delete, then insert), in the caller's transaction. */
export async function replaceCurriculumRows(db: DbOrTx, orgId: string, levelId: string, lists: CurriculumLists): Promise<void> {
  await db.delete(curriculumItems).where(and(eq(curriculumItems.orgId, orgId), eq(curriculumItems.levelId, levelId)));
  const rows = (['required', 'forPromotion'] as const).flatMap((purpose) =>
    lists[purpose].map((courseId) => ({ orgId, levelId, courseId, purpose })),
  );
  if (rows.length) await db.insert(curriculumItems).values(rows);
}

/**
 * The level, row-locked for the rest of the transaction: two replacements of one level's curriculum run one after
 * the other (the second deletes what the first inserted) instead of colliding on the key. Undefined: no such level.
 */
export async function lockLevel(db: DbOrTx, orgId: string, levelId: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)))
    .for('update');
  return row;
}
