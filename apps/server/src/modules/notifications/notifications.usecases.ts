import { NOTIFICATION_KINDS, type TNotification, type TNotificationPreferencesPut } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import * as repo from './notifications.repository.ts';

/**
 * Notifications are the signed-in user's own, whatever their role: every query names the caller's
 * organisation and user, so another user's notification does not exist for them (404).
 */

export const notificationView = (n: repo.NotificationRow): TNotification => ({
  id: n.id,
  kind: n.kind,
  params: n.params,
  entity: n.entity,
  entityId: n.entityId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

export async function listMyNotifications(ctx: Ctx, q: { limit: number; cursor?: string; unread?: boolean }) {
  const rows = await repo.listNotifications(ctx.db, ctx.actor.orgId, ctx.actor.userId, q, {
    limit: q.limit,
    after: decodeCursor(q.cursor, 2),
  });
  const page = toPage(rows, q.limit, (n) => [n.createdAt.toISOString(), n.id]);
  return { data: page.data.map(notificationView), nextCursor: page.nextCursor };
}

export async function myUnreadCount(ctx: Ctx) {
  return { count: await repo.unreadCount(ctx.db, ctx.actor.orgId, ctx.actor.userId) };
}

/** Marks one notification read; reading it again keeps the first read time. */
export async function markNotificationRead(ctx: Ctx, id: string) {
  const row = await repo.markRead(ctx.db, ctx.actor.orgId, ctx.actor.userId, id, ctx.clock.now());
  if (!row) throw notFound('Notification');
  return notificationView(row);
}

export async function markAllNotificationsRead(ctx: Ctx) {
  return { updated: await repo.markAllRead(ctx.db, ctx.actor.orgId, ctx.actor.userId, ctx.clock.now()) };
}

/** Every kind with whether the user receives it, in the order of NOTIFICATION_KINDS. */
export async function myPreferences(ctx: Pick<Ctx, 'db' | 'actor'>) {
  const stored = new Map((await repo.listPreferences(ctx.db, ctx.actor.orgId, ctx.actor.userId)).map((p) => [p.kind, p.enabled]));
  return { data: NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: stored.get(kind) ?? true })) };
}

/** Replaces the user's choices (a kind left out is on again), audited as a change of the user's settings. */
export async function replaceMyPreferences(ctx: Ctx, input: TNotificationPreferencesPut) {
  return inTransaction(ctx, async (tx) => {
    const before = await myPreferences(tx);
    const disabled = input.preferences.filter((p) => !p.enabled).map((p) => p.kind);
    await repo.replacePreferences(tx.db, ctx.actor.orgId, ctx.actor.userId, disabled);
    const after = await myPreferences(tx);
    const asObject = (l: { kind: string; enabled: boolean }[]) => Object.fromEntries(l.map((p) => [p.kind, p.enabled]));
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'notification_preferences',
      entityId: ctx.actor.userId,
      before: asObject(before.data),
      after: asObject(after.data),
    });
    return after;
  });
}
