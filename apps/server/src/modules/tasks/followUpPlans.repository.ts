import { and, asc, count, desc, eq, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { followUpPlans, planEnrollments } from './tasks.table.ts';

export type PlanRow = typeof followUpPlans.$inferSelect;
export type NewPlanRow = typeof followUpPlans.$inferInsert;
export type EnrollmentRow = typeof planEnrollments.$inferSelect;
export type EnrollmentCounts = { active: number; completed: number; stopped: number };

export async function findPlan(db: DbOrTx, orgId: string, id: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(followUpPlans)
    .where(and(eq(followUpPlans.orgId, orgId), eq(followUpPlans.id, id)));
  return row;
}

export async function listPlans(
  db: DbOrTx,
  orgId: string,
  f: { target?: PlanRow['target']; active?: boolean },
  page: { limit: number; after?: CursorValue[] },
) {
  const after = page.after
    ? sql`(${followUpPlans.createdAt}, ${followUpPlans.id}) > (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(followUpPlans)
    .where(
      and(
        eq(followUpPlans.orgId, orgId),
        f.target ? eq(followUpPlans.target, f.target) : undefined,
        f.active !== undefined ? eq(followUpPlans.active, f.active) : undefined,
        after,
      ),
    )
    .orderBy(asc(followUpPlans.createdAt), asc(followUpPlans.id))
    .limit(page.limit + 1);
}

/** Enrollments per plan and status. */
export async function enrollmentCounts(db: DbOrTx, orgId: string, planIds: string[]): Promise<Map<string, EnrollmentCounts>> {
  const counts = new Map(planIds.map((id) => [id, { active: 0, completed: 0, stopped: 0 }]));
  if (!planIds.length) return counts;
  const rows = await db
    .select({ planId: planEnrollments.planId, status: planEnrollments.status, n: count() })
    .from(planEnrollments)
    .where(and(eq(planEnrollments.orgId, orgId), inArray(planEnrollments.planId, planIds)))
    .groupBy(planEnrollments.planId, planEnrollments.status);
  for (const r of rows) {
    const c = counts.get(r.planId);
    if (c) c[r.status] = r.n;
  }
  return counts;
}

export async function insertPlan(db: DbOrTx, row: NewPlanRow): Promise<PlanRow> {
  const [inserted] = await db.insert(followUpPlans).values(row).returning();
  return inserted;
}

export async function updatePlanRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewPlanRow>) {
  const [row] = await db
    .update(followUpPlans)
    .set({ ...patch, version: sql`${followUpPlans.version} + 1` })
    .where(and(eq(followUpPlans.orgId, orgId), eq(followUpPlans.id, id), eq(followUpPlans.version, version)))
    .returning();
  return row;
}

export async function deletePlanRow(db: DbOrTx, orgId: string, id: string, version: number) {
  const [row] = await db
    .delete(followUpPlans)
    .where(and(eq(followUpPlans.orgId, orgId), eq(followUpPlans.id, id), eq(followUpPlans.version, version)))
    .returning();
  return row;
}

export async function tierExists(db: DbOrTx, orgId: string, tierId: string) {
  const [row] = await db
    .select({ id: tiers.id })
    .from(tiers)
    .where(and(eq(tiers.orgId, orgId), eq(tiers.id, tierId)));
  return row !== undefined;
}

export async function findStageKind(db: DbOrTx, orgId: string, stageId: string) {
  const [row] = await db
    .select({ kind: stages.kind })
    .from(stages)
    .where(and(eq(stages.orgId, orgId), eq(stages.id, stageId)));
  return row?.kind;
}

/**
 * A page of a plan's enrollments, newest first, limited to those whose customer or deal is within
 * `customerVisible` / `dealVisible` (the caller's scope conditions on customers and deals).
 */
export async function listEnrollments(
  db: DbOrTx,
  orgId: string,
  planId: string,
  visible: { customer: SQL; deal: SQL },
  f: { status?: EnrollmentRow['status'] },
  page: { limit: number; after?: CursorValue[] },
) {
  const after = page.after
    ? sql`(${planEnrollments.startedAt}, ${planEnrollments.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select({ enrollment: planEnrollments })
    .from(planEnrollments)
    .leftJoin(customers, and(eq(customers.orgId, planEnrollments.orgId), eq(customers.id, planEnrollments.customerId)))
    .leftJoin(deals, and(eq(deals.orgId, planEnrollments.orgId), eq(deals.id, planEnrollments.dealId)))
    .where(
      and(
        eq(planEnrollments.orgId, orgId),
        eq(planEnrollments.planId, planId),
        or(and(isNotNull(planEnrollments.customerId), visible.customer), and(isNotNull(planEnrollments.dealId), visible.deal)),
        f.status ? eq(planEnrollments.status, f.status) : undefined,
        after,
      ),
    )
    .orderBy(desc(planEnrollments.startedAt), desc(planEnrollments.id))
    .limit(page.limit + 1);
}

export async function findEnrollment(db: DbOrTx, orgId: string, planId: string, id: string): Promise<EnrollmentRow | undefined> {
  const [row] = await db
    .select()
    .from(planEnrollments)
    .where(and(eq(planEnrollments.orgId, orgId), eq(planEnrollments.planId, planId), eq(planEnrollments.id, id)));
  return row;
}

export async function insertEnrollment(db: DbOrTx, row: typeof planEnrollments.$inferInsert): Promise<EnrollmentRow> {
  const [inserted] = await db.insert(planEnrollments).values(row).returning();
  return inserted;
}

export async function advanceEnrollment(
  db: DbOrTx,
  orgId: string,
  id: string,
  change: Pick<EnrollmentRow, 'nextStep' | 'status' | 'endedAt'>,
): Promise<EnrollmentRow> {
  const [row] = await db
    .update(planEnrollments)
    .set(change)
    .where(and(eq(planEnrollments.orgId, orgId), eq(planEnrollments.id, id)))
    .returning();
  return row;
}
