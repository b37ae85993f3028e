import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../users/users.table.ts';
import { forecastCommits } from './performance.table.ts';

export type CommitRow = typeof forecastCommits.$inferSelect;
export type NewCommitRow = typeof forecastCommits.$inferInsert;

export type CommitFilter = { period?: string; repId?: string };

/** Commits within `where`, latest period first, then by rep. */
export function listCommits(db: DbOrTx, where: SQL, f: CommitFilter) {
  return db
    .select()
    .from(forecastCommits)
    .where(
      and(where, f.period ? eq(forecastCommits.period, f.period) : undefined, f.repId ? eq(forecastCommits.repId, f.repId) : undefined),
    )
    .orderBy(desc(forecastCommits.period), asc(forecastCommits.repId));
}

/** The rep's commit of the period, locked for the transaction: two commits at once are made one after the other. */
export async function findCommit(db: DbOrTx, orgId: string, repId: string, period: string) {
  const [row] = await db
    .select()
    .from(forecastCommits)
    .where(and(eq(forecastCommits.orgId, orgId), eq(forecastCommits.repId, repId), eq(forecastCommits.period, period)))
    .for('update');
  return row as CommitRow | undefined;
}

export async function insertCommit(db: DbOrTx, row: NewCommitRow): Promise<CommitRow> {
  const [inserted] = await db.insert(forecastCommits).values(row).returning();
  return inserted;
}

export async function updateCommitRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewCommitRow>) {
  const [row] = await db
    .update(forecastCommits)
    .set({ ...patch, version: sql`${forecastCommits.version} + 1` })
    .where(and(eq(forecastCommits.orgId, orgId), eq(forecastCommits.id, id), eq(forecastCommits.version, version)))
    .returning();
  return row as CommitRow | undefined;
}

/** A person of the organisation with their current team (stamped on the commit). */
export async function findPerson(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, teamId: users.teamId, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}
