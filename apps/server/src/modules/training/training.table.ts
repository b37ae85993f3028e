import type { TCourse, TPlanGoalWrite, TQuiz, TTriggerMetric } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { levels } from '../levels/levels.table.ts';
import { users } from '../users/users.table.ts';

/** Training tables (decision 0029). */

/** A course of the catalogue; the quiz (with its answer key) and the certification it grants live with it. */
export const courses = pgTable(
  'courses',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source', { enum: ['internal', 'external'] }).notNull(),
    provider: text('provider'),
    category: text('category', { enum: ['product', 'sales_skills', 'negotiation', 'industry', 'compliance'] }).notNull(),
    format: text('format', { enum: ['online', 'classroom', 'video', 'document', 'workshop'] }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    materials: jsonb('materials').$type<TCourse['materials']>().notNull().default([]),
    /** With the answer key (`ZQuiz`); null: no quiz. */
    quiz: jsonb('quiz').$type<TQuiz | null>(),
    certification: jsonb('certification').$type<TCourse['certification']>(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.category, t.title)],
);

/** A level's curriculum: one row per course, required while at the level or for promotion from it. */
export const curriculumItems = pgTable(
  'curriculum_items',
  {
    orgId: uuid('org_id').notNull(),
    levelId: uuid('level_id').notNull(),
    courseId: uuid('course_id').notNull(),
    purpose: text('purpose', { enum: ['required', 'forPromotion'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.levelId, t.purpose, t.courseId] }),
    foreignKey({ columns: [t.orgId, t.levelId], foreignColumns: [levels.orgId, levels.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.courseId], foreignColumns: [courses.orgId, courses.id] }).onDelete('cascade'),
  ],
);

/** One rep in one course: assigned, in progress, then completed (quiz passed) or failed (attempts used up). */
export const enrolments = pgTable(
  'enrolments',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    courseId: uuid('course_id').notNull(),
    repId: uuid('rep_id').notNull(),
    source: text('source', { enum: ['manual', 'trigger', 'recertification'] }).notNull(),
    assignedVia: text('assigned_via', { enum: ['rep', 'team', 'level'] }).notNull(),
    assignedBy: uuid('assigned_by'),
    dueOn: date('due_on'),
    status: text('status', { enum: ['assigned', 'in_progress', 'completed', 'failed', 'cancelled'] })
      .notNull()
      .default('assigned'),
    progress: smallint('progress').notNull().default(0),
    quizScore: smallint('quiz_score'),
    passed: boolean('passed'),
    attemptsUsed: smallint('attempts_used').notNull().default(0),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** The reminders sent, so each goes once. */
    dueSoonNotifiedAt: timestamp('due_soon_notified_at', { withTimezone: true }),
    overdueNotifiedAt: timestamp('overdue_notified_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.courseId], foreignColumns: [courses.orgId, courses.id] }),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    // At most one open enrolment per rep and course: assigning again skips the rep.
    uniqueIndex('enrolments_open_key').on(t.orgId, t.courseId, t.repId).where(sql`status in ('assigned', 'in_progress')`),
    index().on(t.orgId, t.repId, t.status),
    // The reminder job reads open enrolments with a due date across organisations.
    index('enrolments_open_due').on(t.dueOn).where(sql`status in ('assigned', 'in_progress') and due_on is not null`),
  ],
);

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    repId: uuid('rep_id').notNull(),
    attemptNumber: smallint('attempt_number').notNull(),
    answers: jsonb('answers').$type<{ questionId: string; optionIds: string[] }[]>().notNull(),
    score: smallint('score').notNull(),
    passed: boolean('passed').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.enrolmentId], foreignColumns: [enrolments.orgId, enrolments.id] }).onDelete('cascade'),
    uniqueIndex().on(t.orgId, t.enrolmentId, t.attemptNumber),
  ],
);

/** Granted when a course with a certification is completed; re-certification grants a new row. */
export const certifications = pgTable(
  'certifications',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    courseId: uuid('course_id').notNull(),
    enrolmentId: uuid('enrolment_id').notNull(),
    name: text('name').notNull(),
    grantedOn: date('granted_on').notNull(),
    expiresOn: date('expires_on'),
    /** When the re-certification enrolment was made (once per certification). */
    renewalEnrolledAt: timestamp('renewal_enrolled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.courseId], foreignColumns: [courses.orgId, courses.id] }),
    foreignKey({ columns: [t.orgId, t.enrolmentId], foreignColumns: [enrolments.orgId, enrolments.id] }),
    uniqueIndex().on(t.orgId, t.enrolmentId),
    index().on(t.orgId, t.repId, t.courseId),
    index('certifications_expiring').on(t.expiresOn).where(sql`expires_on is not null and renewal_enrolled_at is null`),
  ],
);

export const skills = pgTable(
  'skills',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    category: text('category').notNull().default(''),
    description: text('description').notNull().default(''),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), uniqueIndex().on(t.orgId, t.name)],
);

/** A rep's level in a skill (1–5), as they see it and as their manager does. */
export const skillAssessments = pgTable(
  'skill_assessments',
  {
    orgId: uuid('org_id').notNull(),
    repId: uuid('rep_id').notNull(),
    skillId: uuid('skill_id').notNull(),
    selfLevel: smallint('self_level'),
    managerLevel: smallint('manager_level'),
    selfAt: timestamp('self_at', { withTimezone: true }),
    managerAt: timestamp('manager_at', { withTimezone: true }),
    managerId: uuid('manager_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.repId, t.skillId] }),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.skillId], foreignColumns: [skills.orgId, skills.id] }).onDelete('cascade'),
  ],
);

export const developmentPlans = pgTable(
  'development_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    repId: uuid('rep_id').notNull(),
    targetLevelId: uuid('target_level_id').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on'),
    status: text('status', { enum: ['active', 'completed', 'cancelled'] })
      .notNull()
      .default('active'),
    /** Each goal with its id (stable across edits). */
    goals: jsonb('goals').$type<(TPlanGoalWrite & { id: string })[]>().notNull().default([]),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.targetLevelId], foreignColumns: [levels.orgId, levels.id] }),
    index().on(t.orgId, t.repId),
  ],
);

/** A rule enrolling reps in a course when their figure over a closed period falls below a threshold. */
export const trainingTriggers = pgTable(
  'training_triggers',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    metric: jsonb('metric').$type<TTriggerMetric>().notNull(),
    threshold: numeric('threshold', { precision: 18, scale: 4 }).notNull(),
    periodKind: text('period_kind', { enum: ['month', 'quarter', 'year'] }).notNull(),
    minSample: integer('min_sample').notNull().default(1),
    courseId: uuid('course_id').notNull(),
    dueDays: integer('due_days').notNull().default(30),
    teamIds: uuid('team_ids').array().notNull().default(sql`'{}'::uuid[]`),
    levelIds: uuid('level_ids').array().notNull().default(sql`'{}'::uuid[]`),
    enabled: boolean('enabled').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.courseId], foreignColumns: [courses.orgId, courses.id] }),
    index('training_triggers_enabled').on(t.periodKind).where(sql`enabled`),
  ],
);

/** One evaluation of a trigger for a period (its key makes the job's run once per period). */
export const trainingTriggerRuns = pgTable(
  'training_trigger_runs',
  {
    orgId: uuid('org_id').notNull(),
    triggerId: uuid('trigger_id').notNull(),
    period: text('period').notNull(),
    evaluated: integer('evaluated').notNull(),
    fired: integer('fired').notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    /** null: the job; else who ran it. */
    ranBy: uuid('ran_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.triggerId, t.period] }),
    foreignKey({ columns: [t.orgId, t.triggerId], foreignColumns: [trainingTriggers.orgId, trainingTriggers.id] }).onDelete('cascade'),
  ],
);

/** The log: each rep a trigger fired for, with the figure that fired it. */
export const trainingTriggerFires = pgTable(
  'training_trigger_fires',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    triggerId: uuid('trigger_id').notNull(),
    period: text('period').notNull(),
    repId: uuid('rep_id').notNull(),
    value: numeric('value', { precision: 18, scale: 4 }).notNull(),
    threshold: numeric('threshold', { precision: 18, scale: 4 }).notNull(),
    sample: integer('sample'),
    outcome: text('outcome', { enum: ['enrolled', 'already_enrolled'] }).notNull(),
    enrolmentId: uuid('enrolment_id'),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.triggerId], foreignColumns: [trainingTriggers.orgId, trainingTriggers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.repId], foreignColumns: [users.orgId, users.id] }),
    uniqueIndex().on(t.orgId, t.triggerId, t.period, t.repId),
    index().on(t.orgId, t.repId),
  ],
);
