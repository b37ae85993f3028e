import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { levels } from '../levels/levels.table.ts';
import { teams } from '../teams/teams.table.ts';
import { tierPolicies } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import { approvals } from './approvals.table.ts';

export type ApprovalRow = typeof approvals.$inferSelect;
export type NewApprovalRow = typeof approvals.$inferInsert;
type Kind = ApprovalRow['kind'];
type Status = ApprovalRow['status'];

export async function insertApproval(db: DbOrTx, row: NewApprovalRow): Promise<ApprovalRow> {
  const [inserted] = await db.insert(approvals).values(row).returning();
  return inserted;
}

export async function findApproval(db: DbOrTx, orgId: string, id: string): Promise<ApprovalRow | undefined> {
  const [row] = await db
    .select()
    .from(approvals)
    .where(and(eq(approvals.orgId, orgId), eq(approvals.id, id)));
  return row;
}

/** Approvals of one record, oldest first. */
export function approvalsOf(db: DbOrTx, orgId: string, where: { kind: Kind; entityId: string; status?: Status }) {
  return db
    .select()
    .from(approvals)
    .where(
      and(
        eq(approvals.orgId, orgId),
        eq(approvals.kind, where.kind),
        eq(approvals.entityId, where.entityId),
        where.status ? eq(approvals.status, where.status) : undefined,
      ),
    )
    .orderBy(asc(approvals.createdAt), asc(approvals.id));
}

export type ApprovalFilter = { status?: Status; kind?: Kind; entityId?: string };

/** `visible` decides whose approvals; pages newest first by (createdAt, id). */
export function listApprovals(db: DbOrTx, visible: SQL, f: ApprovalFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${approvals.createdAt}, ${approvals.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(approvals)
    .where(
      and(
        visible,
        f.status ? eq(approvals.status, f.status) : undefined,
        f.kind ? eq(approvals.kind, f.kind) : undefined,
        f.entityId ? eq(approvals.entityId, f.entityId) : undefined,
        after,
      ),
    )
    .orderBy(desc(approvals.createdAt), desc(approvals.id))
    .limit(page.limit + 1);
}

/** Decides a pending approval; undefined when it was decided first by someone else (the status guard makes this race-safe). */
export async function decidePending(
  db: DbOrTx,
  orgId: string,
  id: string,
  decision: { status: 'approved' | 'rejected'; approverId: string; comment: string | null; decidedAt: Date },
): Promise<ApprovalRow | undefined> {
  const [row] = await db
    .update(approvals)
    .set(decision)
    .where(and(eq(approvals.orgId, orgId), eq(approvals.id, id), eq(approvals.status, 'pending')))
    .returning();
  return row;
}

// ---- Facts from other modules' records that the approval rules need (read-only lookups) ----

/** A deal's customer and owner, for the discount check. The caller has already checked access to the deal. */
export async function dealFacts(db: DbOrTx, orgId: string, dealId: string) {
  const [row] = await db
    .select({ customerId: deals.customerId, ownerId: deals.ownerId })
    .from(deals)
    .where(and(eq(deals.orgId, orgId), eq(deals.id, dealId)));
  return row;
}

/**
 * The discount cap that applies to a customer: its tier's policy. A deal without a customer gets the
 * strictest cap of the organisation, so a discount cannot slip through before the customer is set.
 */
export async function discountCap(
  db: DbOrTx,
  orgId: string,
  customerId: string | null,
): Promise<{ tierId: string | null; cap: string | null }> {
  if (customerId) {
    const [row] = await db
      .select({ tierId: customers.tierId, cap: tierPolicies.maxDiscountPct })
      .from(customers)
      .leftJoin(tierPolicies, and(eq(tierPolicies.orgId, customers.orgId), eq(tierPolicies.tierId, customers.tierId)))
      .where(and(eq(customers.orgId, orgId), eq(customers.id, customerId)));
    if (row) return { tierId: row.tierId, cap: row.cap };
  }
  const [row] = await db
    .select({ cap: sql<string | null>`min(${tierPolicies.maxDiscountPct})::text` })
    .from(tierPolicies)
    .where(eq(tierPolicies.orgId, orgId));
  return { tierId: null, cap: row?.cap ?? null };
}

const teamManager = sql`(select m.id from ${teams} t join ${users} m on m.org_id = t.org_id and m.id = t.manager_id and m.active
  where t.org_id = ${users.orgId} and t.id = ${users.teamId})`;

/** The owner's contract limit (from their level) and the active manager of their team. */
export async function ownerFacts(db: DbOrTx, orgId: string, ownerId: string) {
  const [row] = await db
    .select({
      levelLimit: levels.maxContractAmount,
      teamManagerId: sql<string | null>`${teamManager}`,
    })
    .from(users)
    .leftJoin(levels, and(eq(levels.orgId, users.orgId), eq(levels.id, users.levelId)))
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId)));
  return row ?? { levelLimit: null, teamManagerId: null };
}

/** Active directors and admins, oldest account first: the fallback approvers, in a stable order. */
export async function seniorUsers(db: DbOrTx, orgId: string) {
  const rows = await db
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.active, true), inArray(users.role, ['director', 'admin'])))
    .orderBy(asc(users.createdAt), asc(users.id));
  return {
    directorIds: rows.filter((r) => r.role === 'director').map((r) => r.id),
    adminIds: rows.filter((r) => r.role === 'admin').map((r) => r.id),
  };
}

/** Condition: approvals the user requested, owns the subject of, or is asked to decide. */
export const involving = (orgId: string, userId: string) =>
  and(
    eq(approvals.orgId, orgId),
    or(eq(approvals.requestedBy, userId), eq(approvals.ownerId, userId), eq(approvals.approverId, userId)),
  ) as SQL;

export const toDecideBy = (orgId: string, userId: string) => and(eq(approvals.orgId, orgId), eq(approvals.approverId, userId)) as SQL;

/** "Mine": raised by the user, or about the user's own deal or contract. */
export const requestedBy = (orgId: string, userId: string) =>
  and(eq(approvals.orgId, orgId), or(eq(approvals.requestedBy, userId), eq(approvals.ownerId, userId))) as SQL;

export const ofOrg = (orgId: string): SQL => eq(approvals.orgId, orgId);
