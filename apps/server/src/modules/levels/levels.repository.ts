import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_LEVELS } from './levels.rules.ts';
import { levels } from './levels.table.ts';

export const listLevels = (db: DbOrTx, orgId: string) => db.select().from(levels).where(eq(levels.orgId, orgId)).orderBy(asc(levels.rank));

export async function levelExists(db: DbOrTx, orgId: string, id: string) {
  const rows = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, id)));
  return rows.length > 0;
}

export async function insertDefaultLevels(db: DbOrTx, orgId: string) {
  await db.insert(levels).values(DEFAULT_LEVELS.map((l) => ({ ...l, orgId, id: newId() })));
}

export type LevelRow = typeof levels.$inferSelect;

export async function findLevel(db: DbOrTx, orgId: string, id: string): Promise<LevelRow | undefined> {
  const [row] = await db
    .select()
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, id)));
  return row;
}

/** Updates when the row is still at `version`; undefined otherwise. */
export async function updateLevelRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof levels.$inferInsert>) {
  const [row] = await db
    .update(levels)
    .set({ ...patch, version: sql`${levels.version} + 1` })
    .where(and(eq(levels.orgId, orgId), eq(levels.id, id), eq(levels.version, version)))
    .returning();
  return row;
}
