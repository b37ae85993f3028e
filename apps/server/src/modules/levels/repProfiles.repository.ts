import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { deals } from '../deals/deals.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { users } from '../users/users.table.ts';
import { levelHistory, levels } from './levels.table.ts';

/** A person with their level's deal capacity and the open deals they carry (as assignment counts them: not won or lost, not deleted). */
export async function findProfileRow(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({
      user: users,
      levelCapacity: levels.maxOpenDeals,
      openDeals: sql<number>`(select count(*)::int from ${deals} d join ${stages} s on s.org_id = d.org_id and s.id = d.stage_id
        where d.org_id = ${users.orgId} and d.owner_id = ${users.id} and d.deleted_at is null and s.kind = 'open')`,
    })
    .from(users)
    .leftJoin(levels, and(eq(levels.orgId, users.orgId), eq(levels.id, users.levelId)))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row ? { ...row, openDeals: Number(row.openDeals) } : undefined;
}
export type ProfileRow = NonNullable<Awaited<ReturnType<typeof findProfileRow>>>;

/** Every level change of the person, the latest first. */
export const levelHistoryOf = (db: DbOrTx, orgId: string, userId: string) =>
  db
    .select()
    .from(levelHistory)
    .where(and(eq(levelHistory.orgId, orgId), eq(levelHistory.userId, userId)))
    .orderBy(desc(levelHistory.effectiveOn), desc(levelHistory.createdAt), desc(levelHistory.id));

/** Sets the person's own capacity when the row is still at `version`; undefined otherwise. */
export async function updateCapacity(db: DbOrTx, orgId: string, userId: string, version: number, capacity: number | null, now: Date) {
  const [row] = await db
    .update(users)
    .set({ capacity, updatedAt: now, version: sql`${users.version} + 1` })
    .where(and(eq(users.orgId, orgId), eq(users.id, userId), eq(users.version, version)))
    .returning({ version: users.version });
  return row;
}
