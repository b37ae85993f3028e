import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import type { NOTIFICATION_KINDS } from './notifications.table.ts';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type NewNotification = {
  orgId: string;
  userId: string;
  kind: NotificationKind;
  /** What the web needs to word the message in the reader's language (names, dates, tier keys). */
  params?: Record<string, string | number | null>;
  entity?: string;
  entityId?: string;
};

/**
 * Delivers in-app notifications, in the caller's transaction, skipping users who turned the kind
 * off. One statement whatever the count, so a sweep that reclaims 10,000 customers stays one write.
 */
export async function notifyUsers(db: DbOrTx, now: Date, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = items.map(
    (n) =>
      sql`(${n.orgId}::uuid, ${newId()}::uuid, ${n.userId}::uuid, ${n.kind}, ${JSON.stringify(n.params ?? {})}::jsonb, ${n.entity ?? null}, ${n.entityId ?? null}::uuid)`,
  );
  const result = await db.execute(sql`
    with incoming (org_id, id, user_id, kind, params, entity, entity_id) as (values ${sql.join(rows, sql`, `)}),
    inserted as (
      insert into notifications (org_id, id, user_id, kind, params, entity, entity_id, created_at)
      select i.org_id, i.id, i.user_id, i.kind, i.params, i.entity, i.entity_id, ${now.toISOString()}::timestamptz
      from incoming i
      where not exists (
        select 1 from notification_preferences p
        where p.org_id = i.org_id and p.user_id = i.user_id and p.kind = i.kind and not p.enabled
      )
      returning 1
    )
    select count(*)::int as n from inserted`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
}
