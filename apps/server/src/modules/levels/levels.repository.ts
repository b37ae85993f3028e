import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
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

/** The organisation's levels, locked until the transaction ends: adding a level renumbers ranks, one at a time. */
export const lockLevels = (db: DbOrTx, orgId: string) =>
  db.select().from(levels).where(eq(levels.orgId, orgId)).orderBy(asc(levels.rank)).for('update');

/**
 * Moves every level at or above `rank` up by one. Each row is checked against unique (org_id, rank) as it is
 * updated, so `rank + 1` in one statement could collide with the next row: the ranks go negative first (free
 * values), then come back one higher.
 */
export async function shiftRanksFrom(db: DbOrTx, orgId: string, rank: number): Promise<LevelRow[]> {
  await db
    .update(levels)
    .set({ rank: sql`-(${levels.rank} + 1)`, version: sql`${levels.version} + 1` })
    .where(and(eq(levels.orgId, orgId), gte(levels.rank, rank)));
  return db
    .update(levels)
    .set({ rank: sql`-${levels.rank}` })
    .where(and(eq(levels.orgId, orgId), lt(levels.rank, 0)))
    .returning();
}

export async function insertLevel(db: DbOrTx, row: typeof levels.$inferInsert): Promise<LevelRow> {
  const [level] = await db.insert(levels).values(row).returning();
  return level;
}
