import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { appraisalCycles, reviews } from './performance.table.ts';

export type CycleRow = typeof appraisalCycles.$inferSelect;
export type NewCycleRow = typeof appraisalCycles.$inferInsert;
export type ReviewRow = typeof reviews.$inferSelect;
export type NewReviewRow = typeof reviews.$inferInsert;

export async function orgLevelIds(db: DbOrTx, orgId: string) {
  const rows = await db.select({ id: levels.id }).from(levels).where(eq(levels.orgId, orgId));
  return new Set(rows.map((r) => r.id));
}

export async function orgTimeZone(db: DbOrTx, orgId: string) {
  const [row] = await db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId));
  return row?.timeZone ?? 'Asia/Shanghai';
}

// ——— Cycles ———

export type CycleFilter = { status?: 'open' | 'closed'; period?: string };

/** Latest period first by (period, id); period keys of one year sort quarters, then months, then the year. */
export function listCycles(db: DbOrTx, orgId: string, f: CycleFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${appraisalCycles.period}, ${appraisalCycles.id}) < (${String(page.after[0])}, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(appraisalCycles)
    .where(
      and(
        eq(appraisalCycles.orgId, orgId),
        f.status ? eq(appraisalCycles.status, f.status) : undefined,
        f.period ? eq(appraisalCycles.period, f.period) : undefined,
        after,
      ),
    )
    .orderBy(desc(appraisalCycles.period), desc(appraisalCycles.id))
    .limit(page.limit + 1);
}

/**
 * `lock`: 'update' for a change of the cycle, 'share' for a change of one of its reviews — taken before the
 * review's own lock, so closing a cycle and submitting a review wait for each other in the same order.
 */
export async function findCycle(db: DbOrTx, orgId: string, id: string, lock?: 'update' | 'share') {
  const query = db
    .select()
    .from(appraisalCycles)
    .where(and(eq(appraisalCycles.orgId, orgId), eq(appraisalCycles.id, id)));
  const [row] = lock ? await query.for(lock) : await query;
  return row as CycleRow | undefined;
}

export async function insertCycle(db: DbOrTx, row: NewCycleRow): Promise<CycleRow> {
  const [inserted] = await db.insert(appraisalCycles).values(row).returning();
  return inserted;
}

export async function updateCycleRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewCycleRow>) {
  const [row] = await db
    .update(appraisalCycles)
    .set({ ...patch, version: sql`${appraisalCycles.version} + 1` })
    .where(and(eq(appraisalCycles.orgId, orgId), eq(appraisalCycles.id, id), eq(appraisalCycles.version, version)))
    .returning();
  return row as CycleRow | undefined;
}

export function cycleWithPeriod(db: DbOrTx, orgId: string, period: string) {
  return db
    .select({ id: appraisalCycles.id })
    .from(appraisalCycles)
    .where(and(eq(appraisalCycles.orgId, orgId), eq(appraisalCycles.period, period)));
}

/** Locks the cycle's submitted reviews (closing the cycle); answers them before and after. */
export async function lockSubmittedReviews(db: DbOrTx, orgId: string, cycleId: string, at: Date) {
  const where = and(eq(reviews.orgId, orgId), eq(reviews.cycleId, cycleId), eq(reviews.status, 'submitted'));
  const before = await db.select().from(reviews).where(where).for('update');
  if (!before.length) return { before, after: [] as ReviewRow[] };
  const after = await db
    .update(reviews)
    .set({ status: 'locked', lockedAt: at, updatedAt: at, version: sql`${reviews.version} + 1` })
    .where(where)
    .returning();
  return { before, after };
}

// ——— Reviews ———

export type ReviewFilter = { cycleId?: string; repId?: string; kind?: 'manager' | 'self' };

/** Newest first by (updatedAt, id). */
export function listReviews(db: DbOrTx, visible: SQL, f: ReviewFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${reviews.updatedAt}, ${reviews.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(reviews)
    .where(
      and(
        visible,
        f.cycleId ? eq(reviews.cycleId, f.cycleId) : undefined,
        f.repId ? eq(reviews.repId, f.repId) : undefined,
        f.kind ? eq(reviews.kind, f.kind) : undefined,
        after,
      ),
    )
    .orderBy(desc(reviews.updatedAt), desc(reviews.id))
    .limit(page.limit + 1);
}

export async function findReview(db: DbOrTx, where: SQL, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(reviews)
    .where(and(where, eq(reviews.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as ReviewRow | undefined;
}

/** The review of this kind of the rep in the cycle, if written: there is at most one. */
export async function findReviewOf(db: DbOrTx, orgId: string, cycleId: string, repId: string, kind: 'manager' | 'self') {
  const [row] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.orgId, orgId), eq(reviews.cycleId, cycleId), eq(reviews.repId, repId), eq(reviews.kind, kind)));
  return row;
}

export async function insertReview(db: DbOrTx, row: NewReviewRow): Promise<ReviewRow> {
  const [inserted] = await db.insert(reviews).values(row).returning();
  return inserted;
}

export async function updateReviewRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewReviewRow>) {
  const [row] = await db
    .update(reviews)
    .set({ ...patch, version: sql`${reviews.version} + 1` })
    .where(and(eq(reviews.orgId, orgId), eq(reviews.id, id), eq(reviews.version, version)))
    .returning();
  return row as ReviewRow | undefined;
}

/** A person with their current team and its manager: who reviews them, and whom their self review is for. */
export async function findPerson(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, teamId: users.teamId, managerId: teams.managerId })
    .from(users)
    .leftJoin(teams, and(eq(teams.orgId, users.orgId), eq(teams.id, users.teamId)))
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}

/** Reps whose current team is one of `teamIds`, as a condition on a user id column. */
export const memberOfTeams = (orgId: string, teamIds: string[], userId: typeof reviews.repId) =>
  teamIds.length
    ? sql`${userId} in (select u.id from ${users} u where u.org_id = ${orgId} and u.team_id in (${sql.join(
        teamIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`
    : sql`false`;
