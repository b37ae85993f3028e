import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { users } from '../users/users.table.ts';
import { levelDecisions } from './levels.table.ts';

/** Queries of the level evaluation: the reps evaluated and the managers' decisions. */

export type LevelDecisionRow = typeof levelDecisions.$inferSelect;
export type EvaluatedRep = { id: string; name: string; teamId: string | null; levelId: string | null };

/**
 * The active reps of the organisation matching the filter; `teamIds` (a manager's teams) and `repId` narrow it.
 * Ordered by name so the board reads the same every time.
 */
export async function listReps(
  db: DbOrTx,
  orgId: string,
  filter: { teamIds?: string[]; teamId?: string; repId?: string },
): Promise<EvaluatedRep[]> {
  const where: (SQL | undefined)[] = [eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true)];
  if (filter.teamIds) where.push(filter.teamIds.length ? inArray(users.teamId, filter.teamIds) : sql`false`);
  if (filter.teamId) where.push(eq(users.teamId, filter.teamId));
  if (filter.repId) where.push(eq(users.id, filter.repId));
  return db
    .select({ id: users.id, name: users.name, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name), asc(users.id));
}

/** The decisions of these reps for one period, by rep. */
export async function decisionsOf(db: DbOrTx, orgId: string, period: string, repIds: string[]): Promise<Map<string, LevelDecisionRow>> {
  if (repIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(levelDecisions)
    .where(and(eq(levelDecisions.orgId, orgId), eq(levelDecisions.period, period), inArray(levelDecisions.repId, repIds)));
  return new Map(rows.map((r) => [r.repId, r]));
}

/**
 * The rep's accepted decision still waiting for its date, if any — only one that can still apply: a decision whose
 * starting level is no longer the rep's (someone changed the level by hand since) is superseded and waits for nothing.
 */
export async function pendingDecisionOf(db: DbOrTx, orgId: string, repId: string): Promise<LevelDecisionRow | undefined> {
  const [row] = await db
    .select({ d: levelDecisions })
    .from(levelDecisions)
    .innerJoin(users, and(eq(users.orgId, levelDecisions.orgId), eq(users.id, levelDecisions.repId)))
    .where(
      and(
        eq(levelDecisions.orgId, orgId),
        eq(levelDecisions.repId, repId),
        eq(levelDecisions.decision, 'accepted'),
        sql`${levelDecisions.appliedAt} is null`,
        sql`${users.levelId} is not distinct from ${levelDecisions.fromLevelId}`,
      ),
    )
    .limit(1);
  return row?.d;
}

export async function insertDecision(db: DbOrTx, row: typeof levelDecisions.$inferInsert): Promise<LevelDecisionRow> {
  const [inserted] = await db.insert(levelDecisions).values(row).returning();
  return inserted;
}

export async function markApplied(db: DbOrTx, orgId: string, id: string, at: Date): Promise<LevelDecisionRow | undefined> {
  const [row] = await db
    .update(levelDecisions)
    .set({ appliedAt: at })
    .where(and(eq(levelDecisions.orgId, orgId), eq(levelDecisions.id, id), sql`${levelDecisions.appliedAt} is null`))
    .returning();
  return row;
}

/**
 * Accepted decisions of every organisation whose date has come (effective on or before today in the organisation's
 * time zone), not yet applied and still applicable (the rep is at the decision's starting level), oldest date
 * first; row-locked and skipping rows another run holds. Reads the partial index on due decisions.
 */
export async function dueDecisions(db: DbOrTx, now: Date, limit: number): Promise<LevelDecisionRow[]> {
  const d = levelDecisions;
  return db
    .select({ d })
    .from(d)
    .innerJoin(orgs, eq(orgs.id, d.orgId))
    .innerJoin(users, and(eq(users.orgId, d.orgId), eq(users.id, d.repId)))
    .where(
      and(
        eq(d.decision, 'accepted'),
        sql`${d.appliedAt} is null`,
        sql`${d.effectiveOn} <= (${now.toISOString()}::timestamptz at time zone ${orgs.timeZone})::date`,
        sql`${users.levelId} is not distinct from ${d.fromLevelId}`,
      ),
    )
    .orderBy(asc(d.effectiveOn), asc(d.id))
    .limit(limit)
    .for('update', { of: d, skipLocked: true })
    .then((rows) => rows.map((r) => r.d));
}
