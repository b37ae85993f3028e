import { and, desc, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { customers } from '../customers/customers.table.ts';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { users } from '../users/users.table.ts';
import { poolEvents } from './pool.table.ts';

/**
 * The pool's queries. The pool is a state of the customers table (owner_id null), so claim and release
 * write that table here, each as one conditional UPDATE so that concurrent claims cannot both win.
 */

export type PoolEventRow = typeof poolEvents.$inferSelect;

/** The SQL condition "in this organisation's pool". */
export const inPool = (orgId: string): SQL => sql`${customers.orgId} = ${orgId} and ${customers.ownerId} is null`;

/**
 * The claimer with their level's limits, row-locked: one rep's claims run one at a time,
 * so two claims at once cannot both pass a limit that only one of them fits in.
 */
export async function lockClaimer(tx: DbOrTx, orgId: string, userId: string) {
  const [row] = await tx
    .select({ teamId: users.teamId, levelId: users.levelId, maxCustomers: levels.maxCustomers, maxClaimsPerDay: levels.maxClaimsPerDay })
    .from(users)
    .leftJoin(levels, and(eq(levels.orgId, users.orgId), eq(levels.id, users.levelId)))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .for('update', { of: users });
  return row;
}

/** The customer if it is in the pool now (not deleted); pool customers are visible to everyone in the organisation. */
export async function findPoolCustomer(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(inPool(orgId), eq(customers.id, id), isNull(customers.deletedAt)));
  return row;
}

/** The customer's latest pool event, to tell "someone just claimed it" from "no such customer". */
export async function latestPoolEvent(db: DbOrTx, orgId: string, customerId: string): Promise<PoolEventRow | undefined> {
  const [row] = await db
    .select()
    .from(poolEvents)
    .where(and(eq(poolEvents.orgId, orgId), eq(poolEvents.customerId, customerId)))
    .orderBy(desc(poolEvents.at), desc(poolEvents.id))
    .limit(1);
  return row;
}

export async function orgPoolSettings(db: DbOrTx, orgId: string) {
  const [row] = await db.select({ timeZone: orgs.timeZone, coolDownDays: orgs.poolCooldownDays }).from(orgs).where(eq(orgs.id, orgId));
  return row;
}

export async function countOwned(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), eq(customers.ownerId, userId), isNull(customers.deletedAt)));
  return row.n;
}

/** Claims the user made since the start of the organisation's local day containing `now`. */
export async function countClaimsToday(db: DbOrTx, orgId: string, userId: string, now: Date, timeZone: string) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(poolEvents)
    .where(
      and(
        eq(poolEvents.orgId, orgId),
        eq(poolEvents.userId, userId),
        eq(poolEvents.kind, 'claim'),
        sql`${poolEvents.at} >= (date_trunc('day', ${at} at time zone ${timeZone}) at time zone ${timeZone})`,
        sql`${poolEvents.at} <= ${at}`,
      ),
    );
  return row.n;
}

/** When the user last gave the customer up (released it, or lost it to a reclaim). */
export async function lastLeftAt(db: DbOrTx, orgId: string, customerId: string, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: max(poolEvents.at) })
    .from(poolEvents)
    .where(
      and(
        eq(poolEvents.orgId, orgId),
        eq(poolEvents.customerId, customerId),
        eq(poolEvents.userId, userId),
        inArray(poolEvents.kind, ['release', 'reclaim']),
      ),
    );
  return row?.at ?? null;
}

/** Takes the customer out of the pool for `userId`; undefined when someone else got it first. */
export async function claimCustomerRow(tx: DbOrTx, orgId: string, id: string, owner: { userId: string; teamId: string | null }, now: Date) {
  const [row] = await tx
    .update(customers)
    .set({
      ownerId: owner.userId,
      teamId: owner.teamId,
      ownedSince: now,
      poolWarnedAt: null,
      updatedAt: now,
      version: sql`${customers.version} + 1`,
    })
    .where(and(inPool(orgId), eq(customers.id, id), isNull(customers.deletedAt)))
    .returning();
  return row;
}

/** Returns the customer to the pool if `ownerId` still owns it; undefined otherwise. The last team stays, for the record. */
export async function releaseCustomerRow(tx: DbOrTx, orgId: string, id: string, ownerId: string, now: Date) {
  const [row] = await tx
    .update(customers)
    .set({ ownerId: null, ownedSince: null, poolWarnedAt: null, updatedAt: now, version: sql`${customers.version} + 1` })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, id), eq(customers.ownerId, ownerId)))
    .returning();
  return row;
}

export async function insertPoolEvent(db: DbOrTx, row: typeof poolEvents.$inferInsert) {
  await db.insert(poolEvents).values(row);
}

/** A customer's pool history, newest first, keyset-paged by (at, id). */
export async function listPoolEvents(db: DbOrTx, orgId: string, customerId: string, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${poolEvents.at}, ${poolEvents.id}) < (${String(page.after[0])}::timestamptz, ${page.after[1]})`
    : undefined;
  return db
    .select()
    .from(poolEvents)
    .where(and(eq(poolEvents.orgId, orgId), eq(poolEvents.customerId, customerId), after))
    .orderBy(desc(poolEvents.at), desc(poolEvents.id))
    .limit(page.limit + 1);
}
