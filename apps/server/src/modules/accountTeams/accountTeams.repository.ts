import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../users/users.table.ts';
import { accountPlans, accountTeamMembers } from './accountTeams.table.ts';

export type MemberRow = typeof accountTeamMembers.$inferSelect & { name: string };
export type PlanRow = typeof accountPlans.$inferSelect;

const memberColumns = {
  orgId: accountTeamMembers.orgId,
  customerId: accountTeamMembers.customerId,
  userId: accountTeamMembers.userId,
  role: accountTeamMembers.role,
  access: accountTeamMembers.access,
  addedAt: accountTeamMembers.addedAt,
  name: users.name,
};

const membersWithNames = (db: DbOrTx) =>
  db
    .select(memberColumns)
    .from(accountTeamMembers)
    .innerJoin(users, and(eq(users.orgId, accountTeamMembers.orgId), eq(users.id, accountTeamMembers.userId)));

export const listMembers = (db: DbOrTx, orgId: string, customerId: string): Promise<MemberRow[]> =>
  membersWithNames(db)
    .where(and(eq(accountTeamMembers.orgId, orgId), eq(accountTeamMembers.customerId, customerId)))
    .orderBy(asc(users.name), asc(accountTeamMembers.userId));

export async function findMember(db: DbOrTx, orgId: string, customerId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await membersWithNames(db).where(
    and(eq(accountTeamMembers.orgId, orgId), eq(accountTeamMembers.customerId, customerId), eq(accountTeamMembers.userId, userId)),
  );
  return row;
}

export async function upsertMember(db: DbOrTx, row: typeof accountTeamMembers.$inferInsert) {
  await db
    .insert(accountTeamMembers)
    .values(row)
    .onConflictDoUpdate({
      target: [accountTeamMembers.orgId, accountTeamMembers.customerId, accountTeamMembers.userId],
      set: { role: row.role, access: row.access },
    });
}

export async function deleteMember(db: DbOrTx, orgId: string, customerId: string, userId: string) {
  const rows = await db
    .delete(accountTeamMembers)
    .where(and(eq(accountTeamMembers.orgId, orgId), eq(accountTeamMembers.customerId, customerId), eq(accountTeamMembers.userId, userId)))
    .returning({ userId: accountTeamMembers.userId });
  return rows.length > 0;
}

export async function findUserForTeam(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

export async function findPlan(db: DbOrTx, orgId: string, customerId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(accountPlans)
    .where(and(eq(accountPlans.orgId, orgId), eq(accountPlans.customerId, customerId)));
  return row;
}

/** The first plan of a customer; undefined when another one was written first. */
export async function insertPlan(db: DbOrTx, row: typeof accountPlans.$inferInsert) {
  const [plan] = await db.insert(accountPlans).values(row).onConflictDoNothing().returning();
  return plan;
}

/** Replaces a plan still at `version`; undefined when someone changed it first. */
export async function updatePlanRow(
  db: DbOrTx,
  orgId: string,
  customerId: string,
  version: number,
  patch: Partial<typeof accountPlans.$inferInsert>,
) {
  const [plan] = await db
    .update(accountPlans)
    .set({ ...patch, version: sql`${accountPlans.version} + 1` })
    .where(and(eq(accountPlans.orgId, orgId), eq(accountPlans.customerId, customerId), eq(accountPlans.version, version)))
    .returning();
  return plan;
}
