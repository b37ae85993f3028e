import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { type NOTIFICATION_KINDS, notificationPreferences, notifications } from './notifications.table.ts';

export type NotificationRow = typeof notifications.$inferSelect;
type Kind = (typeof NOTIFICATION_KINDS)[number];

const mine = (orgId: string, userId: string) => and(eq(notifications.orgId, orgId), eq(notifications.userId, userId));

/** The user's notifications, newest first by (createdAt, id); fetches limit + 1 rows. */
export function listNotifications(
  db: DbOrTx,
  orgId: string,
  userId: string,
  f: { unread?: boolean },
  page: { limit: number; after?: CursorValue[] },
) {
  const after = page.after
    ? sql`(${notifications.createdAt}, ${notifications.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select()
    .from(notifications)
    .where(
      and(
        mine(orgId, userId),
        f.unread === true ? isNull(notifications.readAt) : f.unread === false ? sql`${notifications.readAt} is not null` : undefined,
        after,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit + 1);
}

export async function unreadCount(db: DbOrTx, orgId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(orgId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks one of the user's notifications read (keeping the first read time); undefined when it is not theirs. */
export async function markRead(db: DbOrTx, orgId: string, userId: string, id: string, now: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(mine(orgId, userId), eq(notifications.id, id)))
    .returning();
  return row as NotificationRow | undefined;
}

/** Marks every unread notification of the user created up to `now` read; returns how many. */
export async function markAllRead(db: DbOrTx, orgId: string, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(mine(orgId, userId), isNull(notifications.readAt), sql`${notifications.createdAt} <= ${now.toISOString()}::timestamptz`))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function listPreferences(db: DbOrTx, orgId: string, userId: string) {
  return db
    .select({ kind: notificationPreferences.kind, enabled: notificationPreferences.enabled })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.orgId, orgId), eq(notificationPreferences.userId, userId)));
}

/** Replaces the user's choices: only the kinds turned off are stored (absent means on). */
export async function replacePreferences(db: DbOrTx, orgId: string, userId: string, disabled: Kind[]) {
  await db.delete(notificationPreferences).where(and(eq(notificationPreferences.orgId, orgId), eq(notificationPreferences.userId, userId)));
  if (disabled.length) await db.insert(notificationPreferences).values(disabled.map((kind) => ({ orgId, userId, kind, enabled: false })));
}
