import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../users/users.table.ts';
import { developmentPlans, skillAssessments, skills } from './training.table.ts';

/** Queries of development plans (decision 0029). */

export type PlanRow = typeof developmentPlans.$inferSelect;
/** A plan with its rep's name, current team and level. */
export type PlanWithRep = PlanRow & { repName: string; teamId: string | null; repLevelId: string | null };

/**
 * Whose plans a query may reach: `repId` one rep (a rep's own), `teamIds` the reps currently in those teams (a
 * manager's), nothing: the organisation's.
 */
export type PlanScope = { repId?: string; teamIds?: string[] };

function scopeWhere(orgId: string, scope: PlanScope): SQL[] {
  const where: SQL[] = [eq(developmentPlans.orgId, orgId)];
  if (scope.repId) where.push(eq(developmentPlans.repId, scope.repId));
  if (scope.teamIds) where.push(scope.teamIds.length ? inArray(users.teamId, scope.teamIds) : sql`false`);
  return where;
}

const withRep = {
  plan: developmentPlans,
  repName: users.name,
  teamId: users.teamId,
  repLevelId: users.levelId,
};
const flatten = (r: { plan: PlanRow; repName: string; teamId: string | null; repLevelId: string | null }): PlanWithRep => ({
  ...r.plan,
  repName: r.repName,
  teamId: r.teamId,
  repLevelId: r.repLevelId,
});

/** A page of plans in scope, newest first (ids are time-ordered); `after` is the last id served. */
export async function listPlans(
  db: DbOrTx,
  orgId: string,
  scope: PlanScope,
  filter: { repId?: string; teamId?: string; status?: PlanRow['status'] },
  page: { limit: number; after?: string },
): Promise<PlanWithRep[]> {
  const where = scopeWhere(orgId, scope);
  if (filter.repId) where.push(eq(developmentPlans.repId, filter.repId));
  if (filter.teamId) where.push(eq(users.teamId, filter.teamId));
  if (filter.status) where.push(eq(developmentPlans.status, filter.status));
  if (page.after) where.push(lt(developmentPlans.id, page.after));
  const rows = await db
    .select(withRep)
    .from(developmentPlans)
    .innerJoin(users, and(eq(users.orgId, developmentPlans.orgId), eq(users.id, developmentPlans.repId)))
    .where(and(...where))
    .orderBy(desc(developmentPlans.id))
    .limit(page.limit + 1);
  return rows.map(flatten);
}

/** One plan in scope; `forUpdate` locks it for the rest of the transaction. */
export async function findPlan(
  db: DbOrTx,
  orgId: string,
  scope: PlanScope,
  id: string,
  forUpdate = false,
): Promise<PlanWithRep | undefined> {
  const query = db
    .select(withRep)
    .from(developmentPlans)
    .innerJoin(users, and(eq(users.orgId, developmentPlans.orgId), eq(users.id, developmentPlans.repId)))
    .where(and(...scopeWhere(orgId, scope), eq(developmentPlans.id, id)));
  const [row] = forUpdate ? await query.for('update', { of: developmentPlans }) : await query;
  return row ? flatten(row) : undefined;
}

export async function insertPlan(db: DbOrTx, row: typeof developmentPlans.$inferInsert): Promise<PlanRow> {
  const [inserted] = await db.insert(developmentPlans).values(row).returning();
  return inserted;
}

/** Updates when the plan is still at `version`; undefined otherwise (someone changed it meanwhile). */
export async function updatePlan(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<typeof developmentPlans.$inferInsert>,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(developmentPlans)
    .set({ ...patch, version: sql`${developmentPlans.version} + 1` })
    .where(and(eq(developmentPlans.orgId, orgId), eq(developmentPlans.id, id), eq(developmentPlans.version, version)))
    .returning();
  return row;
}

/** The person a plan is for: whether they are an active rep, their team and level. */
export async function personOf(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role, active: users.active, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** Which of these skills are the organisation's. */
export async function skillIdsOf(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: skills.id })
    .from(skills)
    .where(and(eq(skills.orgId, orgId), inArray(skills.id, [...new Set(ids)])));
  return new Set(rows.map((r) => r.id));
}

/** The manager-assessed level of each skill, per rep (only skills a manager has assessed), for all reps at once. */
export async function managerLevelsOf(db: DbOrTx, orgId: string, repIds: string[]): Promise<Map<string, Map<string, number>>> {
  const result = new Map<string, Map<string, number>>();
  if (repIds.length === 0) return result;
  const rows = await db
    .select({ repId: skillAssessments.repId, skillId: skillAssessments.skillId, level: skillAssessments.managerLevel })
    .from(skillAssessments)
    .where(
      and(
        eq(skillAssessments.orgId, orgId),
        inArray(skillAssessments.repId, [...new Set(repIds)]),
        sql`${skillAssessments.managerLevel} is not null`,
      ),
    );
  for (const r of rows) {
    const levels = result.get(r.repId) ?? new Map<string, number>();
    levels.set(r.skillId, r.level as number);
    result.set(r.repId, levels);
  }
  return result;
}
