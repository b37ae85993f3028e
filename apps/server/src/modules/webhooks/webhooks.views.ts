import type { TWebhook, TWebhookAttempt, TWebhookDelivery, TWebhookListItem } from '@tierline/contracts';
import type { AttemptRow, DeliveryRow, LatestDelivery, SubscriptionRow } from './webhooks.repository.ts';
import { deliveryBody } from './webhooks.rules.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What the API shows of a subscription: never the secret (shown once, on create and rotate). */
export const webhookView = (s: SubscriptionRow): TWebhook => ({
  id: s.id,
  url: s.url,
  description: s.description,
  eventTypes: s.eventTypes,
  active: s.active,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
  version: s.version,
});

export const webhookListItemView = (s: SubscriptionRow, latest: LatestDelivery | undefined): TWebhookListItem => ({
  ...webhookView(s),
  lastDelivery: latest
    ? {
        eventType: latest.eventType,
        status: latest.status,
        createdAt: latest.createdAt.toISOString(),
        lastStatusCode: latest.lastStatusCode,
        lastAttemptAt: iso(latest.lastAttemptAt),
      }
    : null,
});

export const attemptView = (a: AttemptRow): TWebhookAttempt => ({
  id: a.id,
  at: a.at.toISOString(),
  statusCode: a.statusCode,
  durationMs: a.durationMs,
  error: a.error,
  manual: a.manual,
});

export const deliveryView = (d: DeliveryRow, attempts: AttemptRow[]): TWebhookDelivery => ({
  id: d.id,
  subscriptionId: d.subscriptionId,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attemptCount: d.attempts,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  lastAttemptAt: iso(d.lastAttemptAt),
  nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
  deliveredAt: iso(d.deliveredAt),
  createdAt: d.createdAt.toISOString(),
  // As posted: the envelope's keys in their order (jsonb stores its own).
  payload: JSON.parse(deliveryBody(d.payload)),
  attempts: attempts.map(attemptView),
});
