import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp, ZVersion } from './common.ts';

/**
 * The domain events a webhook subscription can ask for. A module that starts emitting a new kind adds
 * it here (e.g. `import.finished` with imports); the web lists its own copy, checked against this type.
 */
export const WEBHOOK_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.tier_changed',
  'deal.stage_changed',
  'deal.won',
  'deal.lost',
  'lead.converted',
  'task.overdue',
  'user.level_changed',
  'import.finished',
] as const;
export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type TWebhookEventType = z.infer<typeof ZWebhookEventType>;

/** Sent only by `POST /webhooks/{id}/test`, to that subscription, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }));

const webhookFields = {
  url: ZWebhookUrl,
  description: z.string().trim().max(500).nullable(),
  /** The events delivered; empty means every event, those added later included. */
  eventTypes: z.array(ZWebhookEventType).max(WEBHOOK_EVENT_TYPES.length * 2),
  active: z.boolean(),
};

/** A subscription as the API shows it: never its secret (that is shown once, on create and rotate). */
export const ZWebhook = z.object({
  id: ZId,
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

/** A subscription in the list, with how its latest delivery went (null before its first event). */
export const ZWebhookListItem = ZWebhook.extend({
  lastDelivery: z
    .object({
      eventType: z.string(),
      status: z.enum(['pending', 'succeeded', 'failed']),
      createdAt: ZTimestamp,
      lastStatusCode: z.number().int().nullable(),
      lastAttemptAt: ZTimestamp.nullable(),
    })
    .nullable(),
});
export type TWebhookListItem = z.infer<typeof ZWebhookListItem>;

/** The answer of create and rotate-secret: the subscription with its signing secret, this once. */
export const ZWebhookWithSecret = ZWebhook.extend({ secret: z.string() });
export type TWebhookWithSecret = z.infer<typeof ZWebhookWithSecret>;

export const ZWebhookCreate = z.object({
  url: webhookFields.url,
  description: webhookFields.description.optional(),
  eventTypes: webhookFields.eventTypes.default([]),
  active: webhookFields.active.default(true),
});
export type TWebhookCreate = z.infer<typeof ZWebhookCreate>;

export const ZWebhookUpdate = z.object(webhookFields).partial().extend({ version: ZVersion.optional() });
export type TWebhookUpdate = z.infer<typeof ZWebhookUpdate>;

export const ZWebhookDeliveryStatus = z.enum(['pending', 'succeeded', 'failed']);
export type TWebhookDeliveryStatus = z.infer<typeof ZWebhookDeliveryStatus>;

/** One HTTP attempt of a delivery: the receiver's status code (null when none came), how long it took, what went wrong. */
export const ZWebhookAttempt = z.object({
  id: ZId,
  at: ZTimestamp,
  statusCode: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  error: z.string().nullable(),
  /** Redelivered by an admin rather than by the retry schedule. */
  manual: z.boolean(),
});
export type TWebhookAttempt = z.infer<typeof ZWebhookAttempt>;

/** One event for one subscription, with its attempts (oldest first). */
export const ZWebhookDelivery = z.object({
  id: ZId,
  subscriptionId: ZId,
  eventId: ZId,
  eventType: z.string(),
  status: ZWebhookDeliveryStatus,
  attemptCount: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: ZTimestamp.nullable(),
  /** When the retry schedule tries again (pending deliveries only). */
  nextAttemptAt: ZTimestamp.nullable(),
  deliveredAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  /** Exactly what is posted: `{ id, type, createdAt, orgId, data }`. */
  payload: z.record(z.string(), z.unknown()),
  attempts: z.array(ZWebhookAttempt),
});
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookDeliveryListQuery = ZListQuery.extend({ status: ZWebhookDeliveryStatus.optional() });

export const ZWebhookEventTypeList = z.object({ data: z.array(ZWebhookEventType) });
