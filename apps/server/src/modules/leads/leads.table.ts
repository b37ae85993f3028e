import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted', 'merged'] as const;
export type LeadScoreLine = { ruleId: string; label: string; points: number };

/** A lead (线索): a person and company not yet a customer. */
export const leads = pgTable(
  'leads',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    company: text('company'),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    /** Normalised keys that duplicates are found by. */
    emailKey: text('email_key'),
    phoneKey: text('phone_key'),
    companyKey: text('company_key'),
    source: text('source'),
    region: text('region'),
    industry: text('industry'),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    score: integer('score').notNull().default(0),
    scoreBreakdown: jsonb('score_breakdown').$type<LeadScoreLine[]>().notNull().default([]),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    mergedIntoId: uuid('merged_into_id'),
    convertedCustomerId: uuid('converted_customer_id'),
    convertedContactId: uuid('converted_contact_id'),
    convertedDealId: uuid('converted_deal_id'),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index().on(t.orgId, t.emailKey),
    index().on(t.orgId, t.phoneKey),
    index().on(t.orgId, t.companyKey),
    index().on(t.orgId, t.ownerId),
  ],
);

/** Points a lead earns: by a field's value, or by activity (when activities exist). */
export const leadScoringRules = pgTable(
  'lead_scoring_rules',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    label: text('label').notNull(),
    kind: text('kind', { enum: ['field', 'activity'] }).notNull(),
    field: text('field'),
    operator: text('operator', { enum: ['equals', 'in', 'contains', 'present'] }),
    value: jsonb('value').$type<string | string[] | null>(),
    activityKind: text('activity_kind'),
    points: integer('points').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
