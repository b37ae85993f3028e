import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from '../customers/customers.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

export const SERVICE_REQUEST_STATUSES = ['open', 'answered', 'resolved', 'closed'] as const;
export const SERVICE_REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const SERVICE_REQUEST_CHANNELS = ['phone', 'email', 'wechat', 'visit', 'portal', 'other'] as const;

/**
 * A customer's problem or need (客户服务). The tier's response SLA is fixed when the request is
 * opened (`slaDueAt`), so a later policy change does not rewrite whether it was met.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    contactId: uuid('contact_id'),
    title: text('title').notNull(),
    description: text('description'),
    channel: text('channel', { enum: SERVICE_REQUEST_CHANNELS }).notNull().default('phone'),
    priority: text('priority', { enum: SERVICE_REQUEST_PRIORITIES }).notNull().default('normal'),
    status: text('status', { enum: SERVICE_REQUEST_STATUSES }).notNull().default('open'),
    /** The rep responsible: the customer's owner when opened, reassignable. */
    ownerId: uuid('owner_id').notNull(),
    teamId: uuid('team_id'),
    /** The customer's tier when opened, and the response SLA it promised. */
    tierId: uuid('tier_id'),
    slaHours: integer('sla_hours'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolution: text('resolution'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index().on(t.orgId, t.customerId, t.openedAt),
    index().on(t.orgId, t.ownerId, t.status),
    index().on(t.orgId, t.teamId, t.status),
    index().on(t.orgId, t.openedAt, t.id),
  ],
);
