import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { localDate } from '../../platform/exports/export.rules.ts';
import { newId } from '../../platform/ids.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { users } from '../users/users.table.ts';
import { levelHistory } from './levels.table.ts';

/**
 * Level history: every change of a person's level with the date it took effect (decision 0027). Each path that
 * changes `users.level_id` (users page, import, an accepted evaluation) writes an entry in its own transaction, so
 * "the level on a date" can be answered for any past date — targets, scoring schemes and evaluations ask it.
 */

export type LevelHistoryRow = typeof levelHistory.$inferSelect;
export type NewLevelHistory = Omit<typeof levelHistory.$inferInsert, 'id'>;

/**
 * The level each user had on `onDate` (YYYY-MM-DD): the latest level-history entry effective on or before that
 * day (the latest written wins a same-day tie); before their first entry, the level that entry changed from; with
 * no history at all, the user's current level. Set-based: one statement for all users (LATERAL lookups on
 * (org_id, user_id, effective_on)). Users not in the organisation are left out.
 */
export async function levelsInForce(db: DbOrTx, orgId: string, userIds: string[], onDate: string): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (userIds.length === 0) return result;
  const rows = rowsOf<{ id: string; level_id: string | null }>(
    await db.execute(sql`
      select u.id::text as id,
        (case when h.found then h.to_level_id when n.found then n.from_level_id else u.level_id end)::text as level_id
      from ${users} u
      left join lateral (
        select true as found, lh.to_level_id
        from ${levelHistory} lh
        where lh.org_id = u.org_id and lh.user_id = u.id and lh.effective_on <= ${onDate}::date
        order by lh.effective_on desc, lh.created_at desc, lh.id desc
        limit 1
      ) h on true
      left join lateral (
        select true as found, lh.from_level_id
        from ${levelHistory} lh
        where h.found is null and lh.org_id = u.org_id and lh.user_id = u.id and lh.effective_on > ${onDate}::date
        order by lh.effective_on, lh.created_at, lh.id
        limit 1
      ) n on true
      where u.org_id = ${orgId} and u.id = any(${sql.param(userIds)}::uuid[])`),
  );
  for (const r of rows) result.set(r.id, r.level_id ?? null);
  return result;
}

/**
 * Since when each user's level (as of `onDate`) holds: the date of their latest history entry effective on or
 * before `onDate`, else their hire date, else null — as the rep profile shows it. Time at level counts from here.
 */
export async function levelSince(db: DbOrTx, orgId: string, userIds: string[], onDate: string): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (userIds.length === 0) return result;
  const rows = rowsOf<{ id: string; since: string | null }>(
    await db.execute(sql`
      select u.id::text as id, coalesce(
        (select max(lh.effective_on) from ${levelHistory} lh
          where lh.org_id = u.org_id and lh.user_id = u.id and lh.effective_on <= ${onDate}::date),
        u.hire_date)::text as since
      from ${users} u
      where u.org_id = ${orgId} and u.id = any(${sql.param(userIds)}::uuid[])`),
  );
  for (const r of rows) result.set(r.id, r.since ?? null);
  return result;
}

/** Today's date in the organisation's time zone: a level change "today" is dated by the organisation's calendar. */
export async function orgToday(db: DbOrTx, orgId: string, now: Date): Promise<string> {
  const [org] = await db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId));
  return localDate(now, org?.timeZone ?? 'Asia/Shanghai');
}

/** Writes history entries (one statement), in the transaction that changes the levels. */
export async function insertLevelHistory(db: DbOrTx, entries: NewLevelHistory[]): Promise<LevelHistoryRow[]> {
  if (entries.length === 0) return [];
  return db
    .insert(levelHistory)
    .values(entries.map((e) => ({ ...e, id: newId() })))
    .returning();
}

/** The date of the user's latest history entry (null: none): a new entry may not be dated before it. */
export async function latestEffectiveOn(db: DbOrTx, orgId: string, userId: string): Promise<string | null> {
  const rows = rowsOf<{ latest: string | null }>(
    await db.execute(sql`select max(effective_on)::text as latest from ${levelHistory} where org_id = ${orgId} and user_id = ${userId}`),
  );
  return rows[0]?.latest ?? null;
}
