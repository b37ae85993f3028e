import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';

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

/**
 * An in-app notification for one user. The text is not stored: `params` holds what the web
 * needs to render the kind's message in the reader's language and to link to the record.
 */
export const notifications = pgTable(
  'notifications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull().default({}),
    /** The record it is about, for the link: entity ('customer', 'deal', 'task', …) and id. */
    entity: text('entity'),
    entityId: uuid('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    index().on(t.orgId, t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.orgId, t.userId).where(sql`read_at is null`),
  ],
);

/** Kinds a user turned off; absent means on. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    enabled: boolean('enabled').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId, t.kind] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade'),
  ],
);
