import type { TGradeBand, TLevelScheme, TRating } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';
import { levels } from '../levels/levels.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

/**
 * A target for one rep, one team, or every rep of a level (a default), per KPI. Rep and team targets name a
 * period key (`2026-Q3`); a level default names a period kind (`quarter`) and applies to every such period.
 */
export const targets = pgTable(
  'targets',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    kpi: text('kpi').notNull(),
    period: text('period').notNull(),
    repId: uuid('rep_id'),
    teamId: uuid('team_id'),
    levelId: uuid('level_id'),
    value: numeric('value', { precision: 18, scale: 4 }).notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.levelId], foreignColumns: [levels.orgId, levels.id] }).onDelete('cascade'),
    check('targets_one_subject', sql`num_nonnulls(${t.repId}, ${t.teamId}, ${t.levelId}) = 1`),
    // One value per subject, KPI and period: setting it again replaces it.
    uniqueIndex('targets_rep_key').on(t.orgId, t.repId, t.kpi, t.period).where(sql`rep_id is not null`),
    uniqueIndex('targets_team_key').on(t.orgId, t.teamId, t.kpi, t.period).where(sql`team_id is not null`),
    uniqueIndex('targets_level_key').on(t.orgId, t.levelId, t.kpi, t.period).where(sql`level_id is not null`),
    index().on(t.orgId, t.period),
  ],
);

/** An appraisal cycle (考核周期): one period and how it is scored. */
export const appraisalCycles = pgTable(
  'appraisal_cycles',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    period: text('period').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    quantitativeWeight: integer('quantitative_weight').notNull(),
    attainmentCap: doublePrecision('attainment_cap').notNull(),
    gradeBands: jsonb('grade_bands').$type<TGradeBand[]>().notNull(),
    levelSchemes: jsonb('level_schemes').$type<TLevelScheme[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.period)],
);

/** A review of one rep in one cycle: the manager's, or the rep's own. Draft → submitted → locked. */
export const reviews = pgTable(
  'reviews',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    repId: uuid('rep_id').notNull(),
    reviewerId: uuid('reviewer_id').notNull(),
    kind: text('kind', { enum: ['manager', 'self'] }).notNull(),
    ratings: jsonb('ratings').$type<TRating[]>().notNull().default([]),
    comment: text('comment'),
    status: text('status', { enum: ['draft', 'submitted', 'locked'] })
      .notNull()
      .default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.cycleId, t.repId, t.kind),
    foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [appraisalCycles.orgId, appraisalCycles.id] }),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.reviewerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A customer's satisfaction score (1–5); `owner_id` and `team_id` are the customer's when it was recorded. */
export const satisfactionScores = pgTable(
  'satisfaction_scores',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id'),
    teamId: uuid('team_id'),
    score: smallint('score').notNull(),
    recordedOn: date('recorded_on').notNull(),
    comment: text('comment'),
    externalId: text('external_id'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    check('satisfaction_score_range', sql`${t.score} between 1 and 5`),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index().on(t.orgId, t.ownerId, t.recordedOn),
    index().on(t.orgId, t.customerId, t.recordedOn),
    // Satisfaction KPI (decision 0026): a period's scores by owner or team, from the index alone.
    index('satisfaction_kpi_recorded_idx').on(t.orgId, t.recordedOn, t.ownerId, t.teamId, t.score),
  ],
);

/** What a rep committed to win in a period; `team_id` is the rep's team when committed. */
export const forecastCommits = pgTable(
  'forecast_commits',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    teamId: uuid('team_id'),
    period: text('period').notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.repId, t.period),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index().on(t.orgId, t.period),
  ],
);
