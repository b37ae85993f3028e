import type { TWebhookEventType } from '@tierline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { activeSubscriptionsOf, insertDeliveries, type NewDeliveryRow } from '../../modules/webhooks/webhooks.repository.ts';
import { eventEnvelope, subscribes, WEBHOOK_MAX_ATTEMPTS } from '../../modules/webhooks/webhooks.rules.ts';
import { webhookDeliveries } from '../../modules/webhooks/webhooks.table.ts';
import { newId } from '../ids.ts';
import { enqueueJobs } from '../jobs/jobs.repository.ts';
import { jobs } from '../jobs/jobs.table.ts';

/**
 * Domain events (decision 0022): a use case announces what happened, in its own transaction. Each event
 * becomes one webhook delivery per active subscription that wants it, plus the durable job that sends it
 * (an outbox: deliveries and jobs exist exactly when the change commits). No HTTP happens here; the
 * `webhooks.deliver` job posts the event after the commit and retries it.
 */

export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';

export type DomainEvent = {
  orgId: string;
  type: TWebhookEventType;
  /** JSON-able facts of the event (ids, names, the record as the API shows it). */
  data: Record<string, unknown>;
};

/** The delivery job of each delivery row. */
export const deliveryJobs = (rows: { orgId: string; id: string }[]) =>
  rows.map((d) => ({ kind: WEBHOOK_DELIVER_JOB, orgId: d.orgId, payload: { deliveryId: d.id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS }));

/** Announces one event; returns how many deliveries it made (0 when nobody subscribes: one indexed read). */
export function emitDomainEvent(tx: DbOrTx, now: Date, event: DomainEvent): Promise<number> {
  return emitDomainEvents(tx, now, [event]);
}

/** Announces many events (a batch, a sweep) with one read of the subscriptions and multi-row inserts. */
export async function emitDomainEvents(tx: DbOrTx, now: Date, events: DomainEvent[]): Promise<number> {
  if (!events.length) return 0;
  const subscriptions = await activeSubscriptionsOf(tx, [...new Set(events.map((e) => e.orgId))]);
  if (!subscriptions.length) return 0;
  const rows: NewDeliveryRow[] = [];
  for (const event of events) {
    const wanting = subscriptions.filter((s) => s.orgId === event.orgId && subscribes(s.eventTypes, event.type));
    if (!wanting.length) continue;
    const payload = eventEnvelope({ id: newId(), type: event.type, createdAt: now, orgId: event.orgId, data: event.data });
    for (const s of wanting)
      rows.push({
        orgId: event.orgId,
        id: newId(),
        subscriptionId: s.id,
        eventId: payload.id,
        eventType: event.type,
        payload,
        status: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      });
  }
  await insertDeliveries(tx, rows);
  await enqueueJobs(tx, now, deliveryJobs(rows.map((r) => ({ orgId: r.orgId, id: r.id as string }))));
  return rows.length;
}

/** The active subscriptions of an organisation that want `type`: a set-based statement asks first, and adds its CTEs only when there are some. */
export async function subscribersOf(tx: DbOrTx, orgId: string, type: TWebhookEventType): Promise<string[]> {
  return (await activeSubscriptionsOf(tx, [orgId])).filter((s) => subscribes(s.eventTypes, type)).map((s) => s.id);
}

/** A UUIDv7 made in SQL, per row: the time's milliseconds in the first 48 bits, random bits after. */
const uuidV7At = (at: SQL) =>
  sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from ${at}) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;

/**
 * The same as `emitDomainEvents`, for a set-based statement: three CTEs to splice into its WITH (after a
 * comma), making one event per row of `source` — a SELECT yielding `data` (jsonb) — and a delivery and
 * its job per event and subscription in `subscriptionIds` (from `subscribersOf`). `prefix` names the CTEs.
 */
export function domainEventCtes(opts: {
  prefix: string;
  orgId: string;
  type: TWebhookEventType;
  at: Date;
  subscriptionIds: string[];
  source: SQL;
}): SQL {
  const at = sql`${opts.at.toISOString()}::timestamptz`;
  const events = sql.raw(`${opts.prefix}_events`);
  const deliveries = sql.raw(`${opts.prefix}_deliveries`);
  const jobRows = sql.raw(`${opts.prefix}_jobs`);
  const subs = sql`${`{${opts.subscriptionIds.join(',')}}`}::uuid[]`;
  return sql`${events} as materialized (
  select ${uuidV7At(at)} as event_id, s.data from (${opts.source}) s
),
${deliveries} as (
  insert into ${webhookDeliveries} (org_id, id, subscription_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at)
  select ${opts.orgId}::uuid, ${uuidV7At(at)}, sub.id, e.event_id, ${opts.type}::text,
    jsonb_build_object('id', e.event_id, 'type', ${opts.type}::text, 'createdAt', ${opts.at.toISOString()}::text, 'orgId', ${opts.orgId}::text, 'data', e.data),
    'pending', 0, ${at}, ${at}
  from ${events} e cross join unnest(${subs}) as sub(id)
  returning id
),
${jobRows} as (
  insert into ${jobs} (id, org_id, kind, payload, status, run_at, attempts, max_attempts, created_at)
  select ${uuidV7At(at)}, ${opts.orgId}::uuid, ${WEBHOOK_DELIVER_JOB}::text, jsonb_build_object('deliveryId', d.id), 'queued', ${at}, 0,
    ${WEBHOOK_MAX_ATTEMPTS}::int, ${at}
  from ${deliveries} d
  returning 1
)`;
}
