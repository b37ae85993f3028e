import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';
import { users } from '../users/users.table.ts';

export const ACCOUNT_TEAM_ROLES = ['owner', 'co_owner', 'service', 'member'] as const;

/** People working a key account with its owner; a member sees the customer even outside their own scope. */
export const accountTeamMembers = pgTable(
  'account_team_members',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ACCOUNT_TEAM_ROLES }).notNull(),
    access: text('access', { enum: ['read', 'write'] }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    index().on(t.orgId, t.userId),
  ],
);

export const accountPlans = pgTable(
  'account_plans',
  {
    orgId: uuid('org_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    objectives: text('objectives').notNull().default(''),
    opportunities: text('opportunities').notNull().default(''),
    risks: text('risks').notNull().default(''),
    nextSteps: text('next_steps').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.customerId] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }).onDelete('cascade'),
  ],
);
