import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';
import { teams } from '../teams/teams.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';

export const CUSTOMER_STATUSES = ['prospect', 'active', 'inactive'] as const;

/** A customer (account). Owned by a rep, or in the public pool while `owner_id` is null. */
export const customers = pgTable(
  'customers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    tierId: uuid('tier_id').notNull(),
    /** A hand-set tier that tier rules must leave alone. */
    tierPinned: boolean('tier_pinned').notNull().default(false),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    industry: text('industry'),
    region: text('region'),
    source: text('source'),
    phone: text('phone'),
    /** Digits of `phone` only, so "138-0000 1234" and "13800001234" find each other. */
    phoneDigits: text('phone_digits'),
    email: text('email'),
    address: text('address'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    externalId: text('external_id'),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    status: text('status', { enum: CUSTOMER_STATUSES }).notNull().default('active'),
    /** When the current owner took the customer: the pool's reclaim clock starts no earlier. */
    ownedSince: timestamp('owned_since', { withTimezone: true }),
    poolWarnedAt: timestamp('pool_warned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    foreignKey({ columns: [t.orgId, t.tierId], foreignColumns: [tiers.orgId, tiers.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index('customers_name_trgm').using('gin', t.name.op('gin_trgm_ops')),
    // Two-character searches (诚润): a trigram index has nothing to match them with (migration 0016 defines the function).
    index('customers_name_bigrams').using('gin', sql`tierline_bigrams(${t.name})`),
    // A rep's own customers by name: the most common list, served in index order.
    index('customers_owner_name_idx').on(t.orgId, t.ownerId, t.name, t.id),
    index().on(t.orgId, t.teamId),
    index().on(t.orgId, t.tierId),
    index().on(t.orgId, t.name, t.id),
    index().on(t.orgId, t.phoneDigits),
    index().on(t.orgId, t.email),
    // Keyset sorts of the list (never-contacted last, as listCustomers orders them) and the tag filter.
    index('customers_last_contact_keyset').on(t.orgId, sql`coalesce(${t.lastContactAt}, 'infinity'::timestamptz)`, t.id),
    index('customers_created_keyset').on(t.orgId, t.createdAt, t.id),
    index('customers_tags_gin').using('gin', t.tags),
    // New customers KPI (decision 0026): a period's new customers by owner or team, from the index alone.
    index('customers_kpi_created_idx').on(t.orgId, t.createdAt, t.ownerId, t.teamId).where(sql`deleted_at is null`),
    // A few reps' customers (their orders in a team's scorecards) from the index alone.
    index('customers_kpi_owner_idx').on(t.orgId, t.ownerId, t.id, t.teamId).where(sql`deleted_at is null`),
    // Analytics: a deal's or an order's customer grouped by tier, region or industry, joined from the index alone.
    index('customers_analytics_idx').on(t.orgId, t.id, t.tierId, t.region, t.industry, t.ownerId, t.teamId).where(sql`deleted_at is null`),
  ],
);

export const SENIORITIES = ['executive', 'manager', 'staff'] as const;
export const BUYING_ROLES = ['decision_maker', 'economic_buyer', 'influencer', 'user', 'gatekeeper'] as const;

export const contacts = pgTable(
  'contacts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    seniority: text('seniority', { enum: SENIORITIES }),
    buyingRole: text('buying_role', { enum: BUYING_ROLES }),
    phone: text('phone'),
    email: text('email'),
    notes: text('notes'),
    /** The contact's id in the system it was imported from: imports upsert by it. */
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
    index().on(t.orgId, t.customerId),
  ],
);
