import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { contacts, customers } from '../customers/customers.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;

/** A deal (商机) moving through its pipeline's stages. */
export const deals = pgTable(
  'deals',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    pipelineId: uuid('pipeline_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    customerId: uuid('customer_id'),
    ownerId: uuid('owner_id').notNull(),
    teamId: uuid('team_id'),
    amount: numeric('amount', { precision: 16, scale: 2 }),
    currency: text('currency').notNull().default('CNY'),
    expectedCloseDate: date('expected_close_date'),
    /** Null: the stage's default probability applies. */
    probability: integer('probability'),
    forecastCategory: text('forecast_category', { enum: FORECAST_CATEGORIES }).notNull().default('pipeline'),
    lossReason: text('loss_reason'),
    externalId: text('external_id'),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    foreignKey({ columns: [t.orgId, t.pipelineId], foreignColumns: [pipelines.orgId, pipelines.id] }),
    foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [stages.orgId, stages.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    index().on(t.orgId, t.pipelineId, t.stageId),
    index().on(t.orgId, t.ownerId),
    index().on(t.orgId, t.teamId),
    index().on(t.orgId, t.customerId),
    index().on(t.orgId, t.closedAt),
    // KPIs (decision 0026) and analytics (win/loss, revenue, cycle length, market): a period's closed deals with what
    // they are grouped by, read from the index alone.
    index('deals_kpi_closed_idx')
      .on(t.orgId, t.closedAt, t.ownerId, t.teamId, t.stageId, t.amount, t.customerId, t.pipelineId, t.createdAt)
      .where(sql`deleted_at is null`),
    // Analytics: the open pipeline now (funnel snapshot, forecast, dashboards) without reading closed deals.
    index('deals_open_idx')
      .on(t.orgId, t.stageId, t.ownerId, t.teamId, t.amount, t.probability, t.expectedCloseDate, t.forecastCategory, t.customerId)
      .where(sql`deleted_at is null and closed_at is null`),
    // A team's open deals per stage (the manager's dashboard), from the index alone.
    index('deals_open_team_idx')
      .on(t.orgId, t.teamId, t.stageId, t.ownerId, t.amount, t.probability)
      .where(sql`deleted_at is null and closed_at is null`),
    // Analytics: deals created in a window (the funnel's win rate of a cohort).
    index('deals_created_idx').on(t.orgId, t.createdAt, t.ownerId, t.teamId, t.stageId, t.pipelineId).where(sql`deleted_at is null`),
  ],
);

export const dealContacts = pgTable(
  'deal_contacts',
  {
    orgId: uuid('org_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    role: text('role', { enum: ['decision_maker', 'economic_buyer', 'influencer', 'user', 'gatekeeper'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.dealId, t.contactId] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
  ],
);

export const dealLines = pgTable(
  'deal_lines',
  {
    orgId: uuid('org_id').notNull(),
    dealId: uuid('deal_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productCode: text('product_code').notNull(),
    productName: text('product_name'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 14, scale: 4 }).notNull(),
    discountPct: numeric('discount_pct', { precision: 5, scale: 2 }).notNull().default('0'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.dealId, t.lineNo] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete('cascade'),
  ],
);

/** Every stage a deal was in, with when it entered and left: time in stage and cycle length come from here. */
export const dealStageHistory = pgTable(
  'deal_stage_history',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    stageId: uuid('stage_id').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
    actorId: uuid('actor_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [stages.orgId, stages.id] }),
    index().on(t.orgId, t.dealId, t.enteredAt),
    // Analytics: the stages deals entered in a window (the funnel), from the index alone.
    index('deal_stage_history_entered_idx').on(t.orgId, t.enteredAt, t.dealId, t.stageId, t.leftAt),
  ],
);

/** Project deals: milestones, and tasks handed to people of other departments. */
export const dealMilestones = pgTable(
  'deal_milestones',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    name: text('name').notNull(),
    dueDate: date('due_date'),
    status: text('status', { enum: ['open', 'done'] })
      .notNull()
      .default('open'),
    ownerId: uuid('owner_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.ownerId], foreignColumns: [users.orgId, users.id] }),
    index().on(t.orgId, t.dealId),
  ],
);

export const dealTasks = pgTable(
  'deal_tasks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    dealId: uuid('deal_id').notNull(),
    title: text('title').notNull(),
    department: text('department').notNull(),
    assigneeId: uuid('assignee_id'),
    dueDate: date('due_date'),
    status: text('status', { enum: ['open', 'in_progress', 'done'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
    index().on(t.orgId, t.dealId),
  ],
);
