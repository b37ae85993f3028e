import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An organisation's subscription to domain events, delivered to `url` signed with `secret`. */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    url: text('url').notNull(),
    description: text('description'),
    /** HMAC-SHA256 key; shown once at creation, rotatable. */
    secret: text('secret').notNull(),
    /** Event types delivered (e.g. `deal.won`); empty means all. */
    eventTypes: jsonb('event_types').$type<string[]>().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);

/** One event for one subscription: its payload, every attempt's outcome, and when it is tried next. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    /** The event's id, the same for every subscription it goes to (receivers dedupe on it). */
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'succeeded', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.subscriptionId], foreignColumns: [webhookSubscriptions.orgId, webhookSubscriptions.id] }).onDelete(
      'cascade',
    ),
    index().on(t.orgId, t.subscriptionId, t.createdAt, t.id),
    index().on(t.orgId, t.eventId),
    index('webhook_deliveries_pending_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/** Every attempt of a delivery, for the delivery log (status code, duration, error). */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms'),
    error: text('error'),
    /** Redelivered by hand (vs. the automatic schedule). */
    manual: boolean('manual').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.deliveryId], foreignColumns: [webhookDeliveries.orgId, webhookDeliveries.id] }).onDelete('cascade'),
    index().on(t.orgId, t.deliveryId, t.at),
  ],
);
