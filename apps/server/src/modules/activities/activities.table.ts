import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { leads } from '../leads/leads.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

export const ACTIVITY_KINDS = ['call', 'email', 'visit', 'meeting', 'note'] as const;
/** What came of it; `no_answer` is the one outcome that does not count as the customer answering. */
export const ACTIVITY_OUTCOMES = ['reached', 'no_answer', 'interested', 'not_interested', 'follow_up', 'done'] as const;

/** A call, email, visit (拜访), meeting or note, logged by a rep against a customer (or a lead). */
export const activities = pgTable(
  'activities',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ACTIVITY_KINDS }).notNull(),
    subject: text('subject').notNull(),
    notes: text('notes'),
    outcome: text('outcome', { enum: ACTIVITY_OUTCOMES }),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes'),
    customerId: uuid('customer_id'),
    contactId: uuid('contact_id'),
    dealId: uuid('deal_id'),
    leadId: uuid('lead_id'),
    /** The rep who did it (and whose activity it counts as). */
    ownerId: uuid('owner_id').notNull(),
    teamId: uuid('team_id'),
    /** Participants beyond the owner and the main contact. */
    contactIds: jsonb('contact_ids').$type<string[]>().notNull().default([]),
    userIds: jsonb('user_ids').$type<string[]>().notNull().default([]),
    /** A visit's check-in (签到): when and where the rep was. */
    checkInAt: timestamp('check_in_at', { withTimezone: true }),
    location: text('location'),
    latitude: numeric('latitude', { precision: 9, scale: 6 }),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    /** The activity's id in the system it was imported from: imports upsert by it. */
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    foreignKey({ columns: [t.orgId, t.leadId], foreignColumns: [leads.orgId, leads.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    // Timelines and filters page newest first by (occurred_at, id).
    index().on(t.orgId, t.customerId, t.occurredAt, t.id),
    index().on(t.orgId, t.dealId, t.occurredAt, t.id),
    index().on(t.orgId, t.leadId),
    index().on(t.orgId, t.ownerId, t.occurredAt, t.id),
    index().on(t.orgId, t.occurredAt, t.id),
    // KPIs (decision 0026): a period's activities by owner or team and kind, read from the index alone.
    index('activities_kpi_occurred_idx').on(t.orgId, t.occurredAt, t.ownerId, t.teamId, t.kind).where(sql`deleted_at is null`),
    // A few reps' activities of a period (a team's scorecards) from the index alone.
    index('activities_kpi_owner_idx').on(t.orgId, t.ownerId, t.occurredAt, t.kind, t.teamId).where(sql`deleted_at is null`),
  ],
);
