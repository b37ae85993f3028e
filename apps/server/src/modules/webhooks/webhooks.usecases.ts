import {
  type TWebhookCreate,
  type TWebhookEventType,
  type TWebhookUpdate,
  type TWebhookWithSecret,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
} from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { deliveryJobs } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueJobs } from '../../platform/jobs/jobs.repository.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import * as repo from './webhooks.repository.ts';
import { eventEnvelope, newSecret } from './webhooks.rules.ts';
import { sendEvent, targetRefusal } from './webhooks.sender.ts';
import { deliveryView, webhookListItemView, webhookView } from './webhooks.views.ts';

/** The instance's rule for targets: private addresses only when TIERLINE_WEBHOOK_ALLOW_PRIVATE is set. */
export type TargetPolicy = { allowPrivate: boolean };

/**
 * Refuses a URL whose host is (or resolves to) a private, loopback, link-local, unique-local or unspecified
 * address — 422 naming `url`. Resolved before any transaction opens: a DNS wait must not hold one.
 */
async function checkTarget(url: string, policy: TargetPolicy) {
  const refusal = await targetRefusal(url, policy.allowPrivate);
  if (refusal)
    throw unprocessable('webhook_target_refused', `Webhooks do not call private or local addresses: ${refusal}`, [
      { path: 'url', message: refusal },
    ]);
}

/** Each type once, in the order of the known list. */
const normaliseTypes = (types: TWebhookEventType[]) => WEBHOOK_EVENT_TYPES.filter((t) => types.includes(t));

async function getSubscription(ctx: Pick<Ctx, 'db' | 'actor'>, id: string, opts: { forUpdate?: boolean } = {}) {
  const row = await repo.findSubscription(ctx.db, ctx.actor.orgId, id, opts);
  if (!row) throw notFound('Webhook');
  return row;
}

export async function listWebhooks(ctx: Ctx, q: { limit: number; cursor?: string }) {
  const rows = await repo.listSubscriptions(ctx.db, ctx.actor.orgId, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (s) => [s.createdAt.toISOString(), s.id]);
  const latest = await repo.latestDeliveries(
    ctx.db,
    ctx.actor.orgId,
    page.data.map((s) => s.id),
  );
  return { data: page.data.map((s) => webhookListItemView(s, latest.get(s.id))), nextCursor: page.nextCursor };
}

export async function getWebhook(ctx: Ctx, id: string) {
  return webhookView(await getSubscription(ctx, id));
}

/** Creates a subscription with a new secret, answered this once. */
export async function createWebhook(ctx: Ctx, input: TWebhookCreate, policy: TargetPolicy): Promise<TWebhookWithSecret> {
  await checkTarget(input.url, policy);
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const row = await repo.insertSubscription(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      url: input.url,
      description: input.description ?? null,
      secret: newSecret(),
      eventTypes: normaliseTypes(input.eventTypes),
      active: input.active,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx.db, tx, { action: 'create', entity: 'webhook', entityId: row.id, before: null, after: webhookView(row) });
    return { ...webhookView(row), secret: row.secret };
  });
}

export async function updateWebhook(ctx: Ctx, id: string, version: number, patch: Omit<TWebhookUpdate, 'version'>, policy: TargetPolicy) {
  if (patch.url !== undefined) await checkTarget(patch.url, policy);
  return inTransaction(ctx, async (tx) => {
    const before = await getSubscription(tx, id);
    const after = await repo.updateSubscriptionRow(tx.db, ctx.actor.orgId, id, version, {
      ...patch,
      ...(patch.eventTypes ? { eventTypes: normaliseTypes(patch.eventTypes) } : {}),
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw staleVersion('webhook', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'webhook',
      entityId: id,
      before: webhookView(before),
      after: webhookView(after),
    });
    return webhookView(after);
  });
}

/** A new secret, answered this once; the old one stops signing at once. */
export async function rotateWebhookSecret(ctx: Ctx, id: string): Promise<TWebhookWithSecret> {
  return inTransaction(ctx, async (tx) => {
    const before = await getSubscription(tx, id, { forUpdate: true });
    const now = ctx.clock.now();
    const after = await repo.updateSubscriptionRow(tx.db, ctx.actor.orgId, id, before.version, { secret: newSecret(), updatedAt: now });
    if (!after) throw staleVersion('webhook', before.version);
    // The audit says that the secret changed and when, never what it is.
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'webhook',
      entityId: id,
      before: { secretRotatedAt: null },
      after: { secretRotatedAt: now.toISOString() },
    });
    return { ...webhookView(after), secret: after.secret };
  });
}

/** Deletes a subscription with its delivery log; deliveries still queued are dropped when their job finds them gone. */
export async function deleteWebhook(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await getSubscription(tx, id, { forUpdate: true });
    if (before.version !== version) throw staleVersion('webhook', before.version);
    await repo.deleteSubscriptionRow(tx.db, ctx.actor.orgId, id);
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'webhook', entityId: id, before: webhookView(before), after: null });
    return webhookView(before);
  });
}

/** A subscription's delivery log, newest first, each delivery with its attempts. */
export async function listWebhookDeliveries(
  ctx: Ctx,
  id: string,
  q: { limit: number; cursor?: string; status?: repo.DeliveryRow['status'] },
) {
  await getSubscription(ctx, id);
  const rows = await repo.listDeliveries(
    ctx.db,
    ctx.actor.orgId,
    id,
    { status: q.status },
    { limit: q.limit, after: decodeCursor(q.cursor, 2) },
  );
  const page = toPage(rows, q.limit, (d) => [d.createdAt.toISOString(), d.id]);
  const attempts = await repo.attemptsOf(
    ctx.db,
    ctx.actor.orgId,
    page.data.map((d) => d.id),
  );
  return {
    data: page.data.map((d) =>
      deliveryView(
        d,
        attempts.filter((a) => a.deliveryId === d.id),
      ),
    ),
    nextCursor: page.nextCursor,
  };
}

/** Queues a `webhook.test` event to this subscription alone (active or not), delivered and retried like any other. */
export async function sendTestEvent(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const subscription = await getSubscription(tx, id);
    const now = ctx.clock.now();
    const payload = eventEnvelope({
      id: newId(),
      type: WEBHOOK_TEST_EVENT,
      createdAt: now,
      orgId: ctx.actor.orgId,
      data: { subscriptionId: subscription.id, message: 'A test event from Tierline', requestedBy: ctx.actor.userId },
    });
    const row: repo.NewDeliveryRow = {
      orgId: ctx.actor.orgId,
      id: newId(),
      subscriptionId: subscription.id,
      eventId: payload.id,
      eventType: WEBHOOK_TEST_EVENT,
      payload,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    };
    await repo.insertDeliveries(tx.db, [row]);
    await enqueueJobs(tx.db, now, deliveryJobs([{ orgId: ctx.actor.orgId, id: row.id as string }]));
    return deliveryView((await repo.findDelivery(tx.db, ctx.actor.orgId, row.id as string)) as repo.DeliveryRow, []);
  });
}

/**
 * Sends a delivery again now, whatever its status, and logs the attempt as manual. The call is made
 * outside any transaction; its outcome is then recorded in one. Success ends a pending delivery (its
 * queued retry then finds it delivered); a failure leaves the status and the retry schedule as they were.
 */
export async function redeliver(ctx: Ctx, deliveryId: string, policy: TargetPolicy) {
  const found = await repo.findDeliveryToSend(ctx.db, ctx.actor.orgId, deliveryId);
  if (!found) throw notFound('Delivery');
  const { delivery } = found;
  const outcome = await sendEvent(
    { url: found.url, secret: found.secret, payload: delivery.payload },
    { now: ctx.clock.now(), allowPrivate: policy.allowPrivate },
  );
  return inTransaction(ctx, async (tx) => {
    const after = await repo.recordAttempt(
      tx.db,
      ctx.actor.orgId,
      deliveryId,
      newId(),
      { at: outcome.at, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error, manual: true },
      outcome.ok ? { status: 'succeeded', nextAttemptAt: null } : { status: delivery.status, nextAttemptAt: delivery.nextAttemptAt },
    );
    if (!after) throw notFound('Delivery');
    return deliveryView(after, await repo.attemptsOf(tx.db, ctx.actor.orgId, [deliveryId]));
  });
}
