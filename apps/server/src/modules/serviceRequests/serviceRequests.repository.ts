import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { contacts, customers } from '../customers/customers.table.ts';
import { tierPolicies, tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import { serviceRequests } from './serviceRequests.table.ts';

export type ServiceRequestRow = typeof serviceRequests.$inferSelect;
export type NewServiceRequestRow = typeof serviceRequests.$inferInsert;
/** A request with what its view shows besides its own columns. */
export type ServiceRequestRecord = {
  row: ServiceRequestRow;
  customerName: string;
  tierKey: string | null;
  tierRank: number | null;
  lowestRank: number | null;
};

const c = alias(customers, 'sr_customer');
const t = alias(tiers, 'sr_tier');
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** Breached as of `now`: answered after the deadline, or unanswered past it (serviceRequests.rules.ts `isBreached`). */
export const breachedSql = (now: Date) =>
  sql`(${serviceRequests.slaDueAt} is not null and coalesce(${serviceRequests.firstAnsweredAt}, ${at(now)}) > ${serviceRequests.slaDueAt})`;

/** Requests with their customer's name, their tier's key and rank, and the organisation's lowest rank (for the highlight). */
function selectRecords(db: DbOrTx, orgId: string) {
  return db
    .select({
      row: serviceRequests,
      customerName: c.name,
      tierKey: t.key,
      tierRank: t.rank,
      lowestRank: sql<number | null>`(select max(${tiers.rank}) from ${tiers} where ${tiers.orgId} = ${orgId})`,
    })
    .from(serviceRequests)
    .innerJoin(c, and(eq(c.orgId, serviceRequests.orgId), eq(c.id, serviceRequests.customerId)))
    .leftJoin(t, and(eq(t.orgId, serviceRequests.orgId), eq(t.id, serviceRequests.tierId)));
}

export async function findRecord(db: DbOrTx, orgId: string, where: SQL, id: string): Promise<ServiceRequestRecord | undefined> {
  const [record] = await selectRecords(db, orgId).where(and(where, eq(serviceRequests.id, id)));
  return record;
}

/** The request's own row within `where`, locked until the transaction ends, so actions on one request run one at a time. */
export async function lockRow(db: DbOrTx, where: SQL, id: string): Promise<ServiceRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(serviceRequests)
    .where(and(where, eq(serviceRequests.id, id)))
    .for('update');
  return row;
}

export type ServiceRequestFilter = {
  customerId?: string;
  ownerId?: string;
  teamId?: string;
  tierId?: string;
  status?: ServiceRequestRow['status'];
  breached?: boolean;
  from?: string;
  to?: string;
};

/** Keyset by (openedAt, id), newest first unless `ascending`; fetches limit + 1 rows. */
export function listRecords(
  db: DbOrTx,
  orgId: string,
  visible: SQL,
  f: ServiceRequestFilter,
  page: { limit: number; ascending: boolean; after?: CursorValue[]; now: Date },
) {
  const key = sql`(${serviceRequests.openedAt}, ${serviceRequests.id})`;
  const cursor = page.after ? sql`(${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)` : undefined;
  const after = cursor ? (page.ascending ? sql`${key} > ${cursor}` : sql`${key} < ${cursor}`) : undefined;
  const dir = page.ascending ? asc : desc;
  return selectRecords(db, orgId)
    .where(
      and(
        visible,
        f.customerId ? eq(serviceRequests.customerId, f.customerId) : undefined,
        f.ownerId ? eq(serviceRequests.ownerId, f.ownerId) : undefined,
        f.teamId ? eq(serviceRequests.teamId, f.teamId) : undefined,
        f.tierId ? eq(serviceRequests.tierId, f.tierId) : undefined,
        f.status ? eq(serviceRequests.status, f.status) : undefined,
        f.breached === undefined ? undefined : f.breached ? breachedSql(page.now) : sql`not ${breachedSql(page.now)}`,
        f.from ? sql`${serviceRequests.openedAt} >= ${f.from}::timestamptz` : undefined,
        f.to ? sql`${serviceRequests.openedAt} < ${f.to}::timestamptz` : undefined,
        after,
      ),
    )
    .orderBy(dir(serviceRequests.openedAt), dir(serviceRequests.id))
    .limit(page.limit + 1);
}

export async function insertRow(db: DbOrTx, row: NewServiceRequestRow): Promise<ServiceRequestRow> {
  const [inserted] = await db.insert(serviceRequests).values(row).returning();
  return inserted;
}

/** Applies `patch` when the request is still at `version`; undefined when someone changed it first. */
export async function updateRow(db: DbOrTx, where: SQL, id: string, version: number, patch: Partial<NewServiceRequestRow>) {
  const [row] = await db
    .update(serviceRequests)
    .set({ ...patch, version: sql`${serviceRequests.version} + 1` })
    .where(and(where, eq(serviceRequests.id, id), eq(serviceRequests.version, version)))
    .returning();
  return row as ServiceRequestRow | undefined;
}

/** The response SLA (hours) the tier promises; undefined when the tier has no policy. */
export async function responseSlaOf(db: DbOrTx, orgId: string, tierId: string): Promise<number | undefined> {
  const [row] = await db
    .select({ hours: tierPolicies.responseSlaHours })
    .from(tierPolicies)
    .where(and(eq(tierPolicies.orgId, orgId), eq(tierPolicies.tierId, tierId)));
  return row?.hours;
}

/** The user who would own a request: active, their role and team. */
export async function findUser(db: DbOrTx, orgId: string, userId: string) {
  const [row] = await db
    .select({ id: users.id, teamId: users.teamId, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

/** Whether the contact is one of the customer's (not deleted). */
export async function isContactOf(db: DbOrTx, orgId: string, contactId: string, customerId: string) {
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(eq(contacts.orgId, orgId), eq(contacts.id, contactId), eq(contacts.customerId, customerId), sql`${contacts.deletedAt} is null`),
    );
  return rows.length > 0;
}
