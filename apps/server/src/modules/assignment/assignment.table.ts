import { boolean, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';

export type AssignmentConditions = {
  tierIds?: string[];
  processTypes?: ('short' | 'long' | 'project')[];
  regions?: string[];
  industries?: string[];
  minAmount?: string;
  maxAmount?: string;
};

/** Ordered routing rules: the first that matches names who may take the record, and how to pick among them. */
export const assignmentRules = pgTable(
  'assignment_rules',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    entity: text('entity', { enum: ['lead', 'customer', 'deal'] }).notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    conditions: jsonb('conditions').$type<AssignmentConditions>().notNull().default({}),
    eligibleLevelIds: jsonb('eligible_level_ids').$type<string[]>().notNull().default([]),
    eligibleTeamIds: jsonb('eligible_team_ids').$type<string[]>().notNull().default([]),
    strategy: text('strategy', { enum: ['round_robin', 'least_loaded'] }).notNull(),
    active: boolean('active').notNull().default(true),
    /** Round-robin memory: who got the last record under this rule. */
    lastAssignedUserId: uuid('last_assigned_user_id'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.entity, t.position)],
);

export type AssignmentExplanation = {
  ruleId: string | null;
  ruleName: string | null;
  matched: string[];
  candidates: { userId: string; load: number; capacity: number | null; passedOver?: string }[];
  chosen: string | null;
  strategy: string | null;
};

/** Why each automatic assignment went where it went. */
export const assignmentLog = pgTable(
  'assignment_log',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    entity: text('entity', { enum: ['lead', 'customer', 'deal'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    ruleId: uuid('rule_id'),
    assignedUserId: uuid('assigned_user_id'),
    explanation: jsonb('explanation').$type<AssignmentExplanation>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    amount: numeric('amount', { precision: 16, scale: 2 }),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.entity, t.entityId, t.at, t.id)],
);
