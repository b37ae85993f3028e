import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { contracts, payments } from '../contracts/contracts.table.ts';
import { customers } from '../customers/customers.table.ts';
import { levels } from '../levels/levels.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { commissionPlans } from './commissions.table.ts';

export type PlanRow = typeof commissionPlans.$inferSelect;

/** The organisation's plans, lowest level first. */
export async function listPlans(db: DbOrTx, orgId: string): Promise<PlanRow[]> {
  const rows = await db
    .select({ plan: commissionPlans })
    .from(commissionPlans)
    .innerJoin(levels, and(eq(levels.orgId, commissionPlans.orgId), eq(levels.id, commissionPlans.levelId)))
    .where(eq(commissionPlans.orgId, orgId))
    .orderBy(asc(levels.rank));
  return rows.map((r) => r.plan);
}

export async function plansOfLevels(db: DbOrTx, orgId: string, levelIds: string[]): Promise<PlanRow[]> {
  if (!levelIds.length) return [];
  return db
    .select()
    .from(commissionPlans)
    .where(and(eq(commissionPlans.orgId, orgId), inArray(commissionPlans.levelId, levelIds)));
}

/** A level's plan, locked for the rest of the transaction (the upsert reads then writes it). */
export async function lockPlanOfLevel(db: DbOrTx, orgId: string, levelId: string): Promise<PlanRow | undefined> {
  const [row] = await db
    .select()
    .from(commissionPlans)
    .where(and(eq(commissionPlans.orgId, orgId), eq(commissionPlans.levelId, levelId)))
    .for('update');
  return row;
}

export async function insertPlan(db: DbOrTx, row: typeof commissionPlans.$inferInsert): Promise<PlanRow> {
  const [plan] = await db.insert(commissionPlans).values(row).returning();
  return plan;
}

/** Updates when the plan is still at `version`; undefined otherwise. */
export async function updatePlan(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  patch: Pick<PlanRow, 'baseRate' | 'accelerators' | 'updatedBy' | 'updatedAt'>,
): Promise<PlanRow | undefined> {
  const [row] = await db
    .update(commissionPlans)
    .set({ ...patch, version: sql`${commissionPlans.version} + 1` })
    .where(and(eq(commissionPlans.orgId, orgId), eq(commissionPlans.id, id), eq(commissionPlans.version, version)))
    .returning();
  return row;
}

export async function levelInOrg(db: DbOrTx, orgId: string, levelId: string) {
  const [row] = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)));
  return row !== undefined;
}

export async function teamInOrg(db: DbOrTx, orgId: string, teamId: string) {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
  return row !== undefined;
}

export type Person = { id: string; name: string; teamId: string | null };

/** One person of the organisation, whatever their role (a statement asked for by id). */
export async function personById(db: DbOrTx, orgId: string, id: string): Promise<Person | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}

/** The organisation's active reps, optionally only those whose current team is one of `teamIds`, by name. */
export function activeRepsOf(db: DbOrTx, orgId: string, teamIds?: string[]): Promise<Person[]> {
  const where: SQL[] = [eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true)];
  if (teamIds) where.push(teamIds.length ? inArray(users.teamId, teamIds) : sql`false`);
  return db
    .select({ id: users.id, name: users.name, teamId: users.teamId })
    .from(users)
    .where(and(...where))
    .orderBy(asc(users.name), asc(users.id));
}

export type PaymentLine = {
  repId: string;
  paymentId: string;
  contractId: string;
  contractNumber: string;
  customerId: string;
  customerName: string;
  receivedOn: string;
  amount: string;
};

/**
 * Every payment received in [from, to) on a contract the rep owns — the paymentsCollected KPI's own rows
 * (decision 0026) — for all the reps at once, with the contract's number and the customer's name; by rep, then
 * by day and id. `received_on` is a calendar date already, so the period's dates compare with it directly.
 */
export function paymentLines(db: DbOrTx, orgId: string, repIds: string[], from: string, to: string): Promise<PaymentLine[]> {
  if (!repIds.length) return Promise.resolve([]);
  return db
    .select({
      repId: contracts.ownerId,
      paymentId: payments.id,
      contractId: payments.contractId,
      contractNumber: contracts.number,
      customerId: contracts.customerId,
      customerName: customers.name,
      receivedOn: payments.receivedOn,
      amount: payments.amount,
    })
    .from(payments)
    .innerJoin(contracts, and(eq(contracts.orgId, payments.orgId), eq(contracts.id, payments.contractId)))
    .innerJoin(customers, and(eq(customers.orgId, contracts.orgId), eq(customers.id, contracts.customerId)))
    .where(
      and(
        eq(payments.orgId, orgId),
        inArray(contracts.ownerId, repIds),
        sql`${payments.receivedOn} >= ${from}::date`,
        sql`${payments.receivedOn} < ${to}::date`,
      ),
    )
    .orderBy(asc(contracts.ownerId), asc(payments.receivedOn), asc(payments.id));
}
