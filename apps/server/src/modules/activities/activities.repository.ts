import { and, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { contacts, customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { users } from '../users/users.table.ts';
import { activities } from './activities.table.ts';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivityRow = typeof activities.$inferInsert;

export async function findActivity(db: DbOrTx, where: SQL, id: string): Promise<ActivityRow | undefined> {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(where, eq(activities.id, id)));
  return row;
}

export type ActivityFilter = {
  customerId?: string;
  dealId?: string;
  leadId?: string;
  ownerId?: string;
  kind?: ActivityRow['kind'];
  from?: string;
  to?: string;
};

/** Newest first by (occurred_at, id); `after` is the last row served. */
export async function listActivities(db: DbOrTx, visible: SQL, f: ActivityFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${activities.occurredAt}, ${activities.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(activities)
    .where(
      and(
        visible,
        isNull(activities.deletedAt),
        f.customerId ? eq(activities.customerId, f.customerId) : undefined,
        f.dealId ? eq(activities.dealId, f.dealId) : undefined,
        f.leadId ? eq(activities.leadId, f.leadId) : undefined,
        f.ownerId ? eq(activities.ownerId, f.ownerId) : undefined,
        f.kind ? eq(activities.kind, f.kind) : undefined,
        f.from ? gte(activities.occurredAt, new Date(f.from)) : undefined,
        f.to ? lt(activities.occurredAt, new Date(f.to)) : undefined,
        after,
      ),
    )
    .orderBy(desc(activities.occurredAt), desc(activities.id))
    .limit(page.limit + 1);
}

export async function insertActivity(db: DbOrTx, row: NewActivityRow): Promise<ActivityRow> {
  const [inserted] = await db.insert(activities).values(row).returning();
  return inserted;
}

export async function updateActivityRow(db: DbOrTx, writable: SQL, id: string, version: number, patch: Partial<NewActivityRow>) {
  const [row] = await db
    .update(activities)
    .set({ ...patch, version: sql`${activities.version} + 1` })
    .where(and(writable, eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row as ActivityRow | undefined;
}

/**
 * Moves the customer's last contact forward to `at`, never back. Derived data like a lead's score:
 * neither `version` nor `updated_at` moves, so a call logged meanwhile does not make someone's open
 * edit of the customer stale. Moving it also restarts the pool's reclaim clock (see pool.sweep.ts).
 */
export async function touchCustomerContact(db: DbOrTx, orgId: string, customerId: string, at: Date) {
  await db
    .update(customers)
    .set({ lastContactAt: at })
    .where(
      and(
        eq(customers.orgId, orgId),
        eq(customers.id, customerId),
        sql`(${customers.lastContactAt} is null or ${customers.lastContactAt} < ${at.toISOString()}::timestamptz)`,
      ),
    );
}

/** The ids among `ids` that are contacts of the organisation (of `customerId` when given), not deleted. */
export async function existingContacts(db: DbOrTx, orgId: string, ids: string[], customerId?: string) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        inArray(contacts.id, ids),
        isNull(contacts.deletedAt),
        customerId ? eq(contacts.customerId, customerId) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** The ids among `ids` that are users of the organisation. */
export async function existingUsers(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** The deal if it is one of `customerId`'s, not deleted, and satisfies `visible`. */
export async function findCustomerDeal(db: DbOrTx, visible: SQL, customerId: string, dealId: string) {
  const [row] = await db
    .select({ id: deals.id })
    .from(deals)
    .where(and(visible, eq(deals.id, dealId), eq(deals.customerId, customerId), isNull(deals.deletedAt)));
  return row;
}
