import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp } from './common.ts';

/** Every kind of in-app notification (the server's notifications table holds the same list). */
export const NOTIFICATION_KINDS = [
  'assignment',
  'task_due',
  'task_overdue',
  'pool_warning',
  'pool_reclaim',
  'tier_change',
  'service_sla',
  'level_recommendation',
  'level_changed',
  'review_submitted',
  'training_assigned',
  'training_due_soon',
  'training_overdue',
  'certification_expiring',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/**
 * One notification of the signed-in user. The text is not stored: the web words `kind` with `params`
 * in the reader's language and links to `entity`/`entityId` (docs/decisions/0021 lists the params per kind).
 */
export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  entity: z.string().nullable(),
  entityId: ZId.nullable(),
  createdAt: ZTimestamp,
  readAt: ZTimestamp.nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZListQuery.extend({
  /** `true`: only the unread ones. */
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const ZUnreadCount = z.object({ count: z.number().int() });
export const ZReadAllResult = z.object({ updated: z.number().int() });

export const ZNotificationPreference = z.object({ kind: ZNotificationKind, enabled: z.boolean() });
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

/** Every kind, with whether the user receives it (on unless turned off). */
export const ZNotificationPreferences = z.object({ data: z.array(ZNotificationPreference) });

/** Replaces the user's choices: a kind left out is on again. Each kind at most once. */
export const ZNotificationPreferencesPut = z.object({
  preferences: z
    .array(ZNotificationPreference)
    .max(NOTIFICATION_KINDS.length)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((p, i) => {
        if (seen.has(p.kind)) ctx.addIssue({ code: 'custom', path: [i, 'kind'], message: `${p.kind} is given twice` });
        seen.add(p.kind);
      });
    }),
});
export type TNotificationPreferencesPut = z.infer<typeof ZNotificationPreferencesPut>;
