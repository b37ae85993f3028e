import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { type NOTIFICATION_KINDS, notificationPreferences, notifications } from './notifications.table.ts';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  /** What the web needs to word the message in the reader's language (names, dates, tier ids). */
  params?: Record<string, string | number | null>;
  entity?: string;
  entityId?: string;
};

/** Rows per INSERT: 7 parameters each stays well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 5000;

/**
 * Delivers in-app notifications, in the caller's transaction, skipping users who turned the kind
 * off. One statement per 5,000 notifications, so a sweep that reclaims 10,000 customers stays two writes.
 * Returns how many were delivered.
 */
export async function notifyUsers(db: DbOrTx, now: Date, items: NewNotification[]): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < items.length; i += CHUNK) delivered += await insertChunk(db, now, items.slice(i, i + CHUNK));
  return delivered;
}

async function insertChunk(db: DbOrTx, now: Date, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map(
    (n) =>
      sql`(${n.orgId}::uuid, ${newId()}::uuid, ${n.userId}::uuid, ${n.kind}::text, ${JSON.stringify(n.params ?? {})}::jsonb, ${n.entity ?? null}::text, ${n.entityId ?? null}::uuid)`,
  );
  const result = await db.execute(sql`
    with incoming (org_id, id, user_id, kind, params, entity, entity_id) as (values ${sql.join(rows, sql`, `)}),
    inserted as (
      insert into ${notifications} (org_id, id, user_id, kind, params, entity, entity_id, created_at)
      select i.org_id, i.id, i.user_id, i.kind, i.params, i.entity, i.entity_id, ${now.toISOString()}::timestamptz
      from incoming i
      where not exists (
        select 1 from ${notificationPreferences} p
        where p.org_id = i.org_id and p.user_id = i.user_id and p.kind = i.kind and not p.enabled
      )
      returning 1
    )
    select count(*)::int as n from inserted`);
  return Number((result as unknown as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
}

/** A UUIDv7 made in SQL for rows inserted set-based: `at`'s milliseconds in the first 48 bits, random bits after. */
export const uuidV7At = (at: SQL) =>
  sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from ${at}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/**
 * Notifications for a set-based statement: an `INSERT … SELECT … RETURNING 1` to use as one of its CTEs
 * (`notified as (${notificationsFromSql(…)})`), so a sweep or a recompute notifies in the same statement
 * that changes the records, whatever their number. `source` is a SELECT yielding `org_id`, `user_id`,
 * `entity_id` and `params` (jsonb); rows without a user, and users who turned `kind` off, get nothing.
 */
export function notificationsFromSql(opts: { kind: NotificationKind; entity: string; at: SQL; source: SQL }): SQL {
  return sql`insert into ${notifications} (org_id, id, user_id, kind, params, entity, entity_id, created_at)
    select s.org_id, ${uuidV7At(opts.at)}, s.user_id, ${opts.kind}::text, s.params, ${opts.entity}::text, s.entity_id, ${opts.at}
    from (${opts.source}) s
    where s.user_id is not null and not exists (
      select 1 from ${notificationPreferences} p
      where p.org_id = s.org_id and p.user_id = s.user_id and p.kind = ${opts.kind}::text and not p.enabled
    )
    returning 1`;
}
