import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from './webhooks.table.ts';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type NewSubscriptionRow = typeof webhookSubscriptions.$inferInsert;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type NewDeliveryRow = typeof webhookDeliveries.$inferInsert;
export type AttemptRow = typeof webhookAttempts.$inferSelect;

const afterKey = (createdAt: unknown, id: unknown, after?: CursorValue[]) =>
  after ? sql`(${createdAt}, ${id}) < (${String(after[0])}::timestamptz, ${String(after[1])}::uuid)` : undefined;

// ── subscriptions ─────────────────────────────────────────────────────────────────────────────────

/** Newest first by (createdAt, id). */
export function listSubscriptions(db: DbOrTx, orgId: string, page: { limit: number; after?: CursorValue[] }) {
  return db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), afterKey(webhookSubscriptions.createdAt, webhookSubscriptions.id, page.after)))
    .orderBy(desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id))
    .limit(page.limit + 1);
}

export async function findSubscription(db: DbOrTx, orgId: string, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as SubscriptionRow | undefined;
}

export async function insertSubscription(db: DbOrTx, row: NewSubscriptionRow): Promise<SubscriptionRow> {
  const [inserted] = await db.insert(webhookSubscriptions).values(row).returning();
  return inserted;
}

/** Applies `patch` when the subscription is still at `version`; undefined when someone changed it first. */
export async function updateSubscriptionRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewSubscriptionRow>) {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...patch, version: sql`${webhookSubscriptions.version} + 1` })
    .where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.version, version)))
    .returning();
  return row as SubscriptionRow | undefined;
}

/** Deletes the subscription with its deliveries and attempts (cascade). */
export async function deleteSubscriptionRow(db: DbOrTx, orgId: string, id: string) {
  await db.delete(webhookSubscriptions).where(and(eq(webhookSubscriptions.orgId, orgId), eq(webhookSubscriptions.id, id)));
}

/** The active subscriptions of these organisations: what an event may go to (an organisation has a handful). */
export function activeSubscriptionsOf(db: DbOrTx, orgIds: string[]) {
  return db
    .select({ orgId: webhookSubscriptions.orgId, id: webhookSubscriptions.id, eventTypes: webhookSubscriptions.eventTypes })
    .from(webhookSubscriptions)
    .where(and(inArray(webhookSubscriptions.orgId, orgIds), eq(webhookSubscriptions.active, true)));
}

/** The latest delivery of each subscription (one indexed probe each, LATERAL). */
export async function latestDeliveries(db: DbOrTx, orgId: string, subscriptionIds: string[]) {
  if (!subscriptionIds.length) return new Map<string, LatestDelivery>();
  const result = await db.execute(sql`
    select s.id as subscription_id, d.event_type, d.status, d.created_at::text as created_at, d.last_status_code,
      d.last_attempt_at::text as last_attempt_at
    from unnest(${`{${subscriptionIds.join(',')}}`}::uuid[]) as s(id)
    cross join lateral (
      select event_type, status, created_at, last_status_code, last_attempt_at from ${webhookDeliveries}
      where org_id = ${orgId} and subscription_id = s.id
      order by created_at desc, id desc
      limit 1
    ) d`);
  type Raw = {
    subscription_id: string;
    event_type: string;
    status: DeliveryRow['status'];
    created_at: string;
    last_status_code: number | null;
    last_attempt_at: string | null;
  };
  return new Map(
    rowsOf<Raw>(result).map((r) => [
      r.subscription_id,
      {
        eventType: r.event_type,
        status: r.status,
        createdAt: new Date(r.created_at),
        lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
        lastAttemptAt: r.last_attempt_at ? new Date(r.last_attempt_at) : null,
      },
    ]),
  );
}
export type LatestDelivery = {
  eventType: string;
  status: DeliveryRow['status'];
  createdAt: Date;
  lastStatusCode: number | null;
  lastAttemptAt: Date | null;
};

// ── deliveries ────────────────────────────────────────────────────────────────────────────────────

/** Rows per INSERT: 10 parameters each stays well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2000;

export async function insertDeliveries(db: DbOrTx, rows: NewDeliveryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await db.insert(webhookDeliveries).values(rows.slice(i, i + CHUNK));
}

export async function findDelivery(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
  return row as DeliveryRow | undefined;
}

/** A delivery with what sending it needs of its subscription: one query, no transaction needed. */
export async function findDeliveryToSend(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({
      delivery: webhookDeliveries,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
      active: webhookSubscriptions.active,
    })
    .from(webhookDeliveries)
    .innerJoin(
      webhookSubscriptions,
      and(eq(webhookSubscriptions.orgId, webhookDeliveries.orgId), eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId)),
    )
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)));
  return row;
}

export type DeliveryFilter = { status?: DeliveryRow['status'] };

/** A subscription's deliveries, newest first by (createdAt, id). */
export function listDeliveries(
  db: DbOrTx,
  orgId: string,
  subscriptionId: string,
  f: DeliveryFilter,
  page: { limit: number; after?: CursorValue[] },
) {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        f.status ? eq(webhookDeliveries.status, f.status) : undefined,
        afterKey(webhookDeliveries.createdAt, webhookDeliveries.id, page.after),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(page.limit + 1);
}

/** The attempts of these deliveries, oldest first. */
export async function attemptsOf(db: DbOrTx, orgId: string, deliveryIds: string[]) {
  if (!deliveryIds.length) return [];
  return db
    .select()
    .from(webhookAttempts)
    .where(and(eq(webhookAttempts.orgId, orgId), inArray(webhookAttempts.deliveryId, deliveryIds)))
    .orderBy(asc(webhookAttempts.at), asc(webhookAttempts.id));
}

export type AttemptOutcome = { at: Date; statusCode: number | null; durationMs: number | null; error: string | null; manual: boolean };

/**
 * Logs one attempt and brings the delivery up to date with it: `status` is what the delivery becomes
 * (a delivery that succeeded once stays succeeded). Undefined when the delivery is gone (its subscription was deleted).
 */
export async function recordAttempt(
  db: DbOrTx,
  orgId: string,
  deliveryId: string,
  attemptId: string,
  outcome: AttemptOutcome,
  next: { status: DeliveryRow['status']; nextAttemptAt: Date | null },
): Promise<DeliveryRow | undefined> {
  const succeeded = next.status === 'succeeded';
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      status: succeeded ? 'succeeded' : sql`case when ${webhookDeliveries.status} = 'succeeded' then 'succeeded' else ${next.status} end`,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      lastAttemptAt: outcome.at,
      nextAttemptAt: next.nextAttemptAt,
      ...(succeeded ? { deliveredAt: sql`coalesce(${webhookDeliveries.deliveredAt}, ${outcome.at.toISOString()}::timestamptz)` } : {}),
    })
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId)))
    .returning();
  if (!row) return undefined;
  await db.insert(webhookAttempts).values({ orgId, id: attemptId, deliveryId, ...outcome });
  return row as DeliveryRow;
}

/** Ends a delivery without an attempt (its subscription was switched off before it went out). */
export async function closeDelivery(db: DbOrTx, orgId: string, deliveryId: string, error: string) {
  await db
    .update(webhookDeliveries)
    .set({ status: 'failed', lastError: error, nextAttemptAt: null })
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')));
}
