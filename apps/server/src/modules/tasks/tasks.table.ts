import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { leads } from '../leads/leads.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
/** Where a task came from: by hand, the tier's follow-up cadence, or a step of a follow-up plan. */
export const TASK_SOURCES = ['manual', 'cadence', 'plan'] as const;
export const PLAN_STEP_KINDS = ['call', 'email', 'visit', 'meeting', 'note'] as const;

/** A follow-up task (跟进任务) for one person, optionally linked to a customer, deal or lead. */
export const tasks = pgTable(
  'tasks',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    notes: text('notes'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    teamId: uuid('team_id'),
    priority: text('priority', { enum: TASK_PRIORITIES }).notNull().default('normal'),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    source: text('source', { enum: TASK_SOURCES }).notNull().default('manual'),
    /** The activity kind the task asks for (a plan step's "day 3 email"); null for a free task. */
    activityKind: text('activity_kind', { enum: PLAN_STEP_KINDS }),
    customerId: uuid('customer_id'),
    dealId: uuid('deal_id'),
    leadId: uuid('lead_id'),
    enrollmentId: uuid('enrollment_id'),
    stepIndex: integer('step_index'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The activity logged when the task was completed, if any. */
    activityId: uuid('activity_id'),
    /** Due and overdue notifications already sent, so the scan sends each once. */
    dueNotifiedAt: timestamp('due_notified_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    foreignKey({ columns: [t.orgId, t.leadId], foreignColumns: [leads.orgId, leads.id] }),
    // One open cadence task per customer: contact moves it rather than adding another.
    uniqueIndex('tasks_one_open_cadence_per_customer').on(t.orgId, t.customerId).where(sql`source = 'cadence' and status = 'open'`),
    uniqueIndex('tasks_one_per_plan_step').on(t.orgId, t.enrollmentId, t.stepIndex),
    index().on(t.orgId, t.assigneeId, t.status, t.dueAt),
    index().on(t.orgId, t.teamId, t.status, t.dueAt),
    index().on(t.orgId, t.customerId, t.status),
    index().on(t.orgId, t.dealId, t.status),
    // "Tasks I handed out" (visible to their creator): the team overdue counts read it.
    index('tasks_open_created_by_idx').on(t.orgId, t.createdBy).where(sql`status = 'open'`),
    index('tasks_open_due_idx').on(t.dueAt).where(sql`status = 'open'`),
    // Follow-up compliance (decision 0026): a period's cadence tasks by assignee or team, read from the index alone.
    // Also per tier (analytics): the customer is in the index too.
    index('tasks_kpi_cadence_due_idx')
      .on(t.orgId, t.dueAt, t.assigneeId, t.teamId, t.status, t.completedAt, t.customerId)
      .where(sql`source = 'cadence'`),
    // The same for a few reps (a team's or one rep's scorecard): by assignee first, not the whole org's quarter.
    index('tasks_kpi_cadence_assignee_idx')
      .on(t.orgId, t.assigneeId, t.dueAt, t.status, t.completedAt, t.teamId)
      .where(sql`source = 'cadence'`),
  ],
);

export type PlanStep = { dayOffset: number; kind: (typeof PLAN_STEP_KINDS)[number]; title: string };

/**
 * A follow-up plan (跟进计划): steps like "day 0 call, day 3 email, day 7 visit". A plan targets
 * customers of a tier or deals in a stage; they are enrolled once, and the enrollment stops when
 * the customer answers or the deal closes.
 */
export const followUpPlans = pgTable(
  'follow_up_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    target: text('target', { enum: ['customer', 'deal'] }).notNull(),
    /** Customers entering this tier are enrolled (target customer). */
    tierId: uuid('tier_id'),
    /** Deals entering this stage are enrolled (target deal). */
    stageId: uuid('stage_id'),
    steps: jsonb('steps').$type<PlanStep[]>().notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.tierId], foreignColumns: [tiers.orgId, tiers.id] }),
    foreignKey({ columns: [t.orgId, t.stageId], foreignColumns: [stages.orgId, stages.id] }),
  ],
);

export const planEnrollments = pgTable(
  'plan_enrollments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    customerId: uuid('customer_id'),
    dealId: uuid('deal_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** The next step to turn into a task. */
    nextStep: integer('next_step').notNull().default(0),
    status: text('status', { enum: ['active', 'stopped', 'completed'] })
      .notNull()
      .default('active'),
    stopReason: text('stop_reason', { enum: ['answered', 'deal_closed', 'manual', 'plan_deactivated'] }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.planId], foreignColumns: [followUpPlans.orgId, followUpPlans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    foreignKey({ columns: [t.orgId, t.dealId], foreignColumns: [deals.orgId, deals.id] }),
    // Enrolled once per plan: re-entering the tier or stage does not start the plan again.
    uniqueIndex('plan_enrollments_once_customer').on(t.orgId, t.planId, t.customerId),
    uniqueIndex('plan_enrollments_once_deal').on(t.orgId, t.planId, t.dealId),
    index('plan_enrollments_active_idx').on(t.orgId, t.startedAt).where(sql`status = 'active'`),
  ],
);
