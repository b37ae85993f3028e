import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';

/** Customer tiers (KA / VIP / SMB built in), ordered: rank 1 is the highest. */
export const tiers = pgTable(
  'tiers',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    rank: integer('rank').notNull(),
    color: text('color').notNull().default('default'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.key), unique().on(t.orgId, t.rank)],
);

/** The service a tier promises, and what a breach of it is measured against. */
export const tierPolicies = pgTable(
  'tier_policies',
  {
    orgId: uuid('org_id').notNull(),
    tierId: uuid('tier_id').notNull(),
    cadenceDays: integer('cadence_days').notNull(),
    minLevelId: uuid('min_level_id'),
    responseSlaHours: integer('response_sla_hours').notNull(),
    maxDiscountPct: numeric('max_discount_pct', { precision: 5, scale: 2 }).notNull(),
    accountTeamRequired: boolean('account_team_required').notNull().default(false),
    /** Days without contact after which the customer returns to the pool; null: never. */
    poolReclaimDays: integer('pool_reclaim_days'),
    poolWarningDays: integer('pool_warning_days').notNull().default(3),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.tierId] }),
    foreignKey({ columns: [t.orgId, t.tierId], foreignColumns: [tiers.orgId, tiers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.minLevelId], foreignColumns: [levels.orgId, levels.id] }),
  ],
);

export type TierCutoff = { tierId: string; kind: 'absolute' | 'top_percent'; value: number };

/** A version of the organisation's tier rules. PUT makes a new version; old ones explain old assignments. */
export const tierRuleSets = pgTable(
  'tier_rule_sets',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    metric: text('metric', { enum: ['monetary', 'frequency', 'recency', 'rfm'] }).notNull(),
    windowDays: integer('window_days').notNull(),
    cutoffs: jsonb('cutoffs').$type<TierCutoff[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

export type TierExplanation = {
  metric: string;
  value: number | null;
  cutoff: TierCutoff | null;
  rank: number | null;
  n: number;
  asOf: string;
};

/** Tier history: every change of a customer's tier, with why. */
export const tierChanges = pgTable(
  'tier_changes',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    effectiveAt: timestamp('effective_at', { withTimezone: true }).notNull(),
    fromTierId: uuid('from_tier_id'),
    toTierId: uuid('to_tier_id').notNull(),
    source: text('source', { enum: ['manual', 'rule'] }).notNull(),
    ruleVersion: integer('rule_version'),
    explanation: jsonb('explanation').$type<TierExplanation>(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.customerId, t.effectiveAt)],
);
