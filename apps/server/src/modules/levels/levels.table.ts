import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';
import { users } from '../users/users.table.ts';

/** Salesperson levels (初级 / 中级 / 高级 by default): data, ordered by rank, editable per org. */
export const levels = pgTable(
  'levels',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    rank: integer('rank').notNull(),
    /** Public-pool limits for reps of this level; null: no limit. */
    maxCustomers: integer('max_customers'),
    maxClaimsPerDay: integer('max_claims_per_day'),
    /** Assignment capacity: open deals a rep of this level may carry; null: no limit. */
    maxOpenDeals: integer('max_open_deals'),
    /** Contracts above this amount need the manager's approval; null: no limit. */
    maxContractAmount: numeric('max_contract_amount', { precision: 16, scale: 2 }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.key), unique().on(t.orgId, t.rank)],
);

/** Every change of a rep's level, with the date it took effect (the first entry may be the hire). */
export const levelHistory = pgTable(
  'level_history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    userId: uuid('user_id').notNull(),
    fromLevelId: uuid('from_level_id'),
    toLevelId: uuid('to_level_id'),
    effectiveOn: date('effective_on').notNull(),
    reason: text('reason', { enum: ['manual', 'evaluation', 'import'] }).notNull(),
    decisionId: uuid('decision_id'),
    changedBy: uuid('changed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.toLevelId], foreignColumns: [levels.orgId, levels.id] }),
    index().on(t.orgId, t.userId, t.effectiveOn),
  ],
);

/** One step of the ladder the organisation has configured (without rows, the built-in criteria apply). */
export const levelCriteria = pgTable(
  'level_criteria',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    fromLevelId: uuid('from_level_id').notNull(),
    toLevelId: uuid('to_level_id').notNull(),
    direction: text('direction', { enum: ['promote', 'demote'] }).notNull(),
    periodKind: text('period_kind', { enum: ['month', 'quarter', 'year'] }).notNull(),
    consecutivePeriods: integer('consecutive_periods').notNull(),
    grade: text('grade'),
    kpiMinimums: jsonb('kpi_minimums').$type<{ kpi: string; min: string }[]>().notNull().default([]),
    minMonthsAtLevel: integer('min_months_at_level'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.fromLevelId, t.toLevelId),
    foreignKey({ columns: [t.orgId, t.fromLevelId], foreignColumns: [levels.orgId, levels.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.toLevelId], foreignColumns: [levels.orgId, levels.id] }).onDelete('cascade'),
  ],
);

/** A manager's decision on a rep's evaluation for a period, with the evidence it was taken on. */
export const levelDecisions = pgTable(
  'level_decisions',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    period: text('period').notNull(),
    recommendation: text('recommendation', { enum: ['promote', 'hold', 'demote'] }).notNull(),
    fromLevelId: uuid('from_level_id'),
    toLevelId: uuid('to_level_id'),
    decision: text('decision', { enum: ['accepted', 'rejected'] }).notNull(),
    comment: text('comment').notNull(),
    effectiveOn: date('effective_on'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    evidence: jsonb('evidence').$type<unknown>().notNull(),
    decidedBy: uuid('decided_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.repId, t.period),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.decidedBy], foreignColumns: [users.orgId, users.id] }),
    index('level_decisions_due_idx').on(t.effectiveOn).where(sql`decision = 'accepted' and applied_at is null`),
  ],
);
