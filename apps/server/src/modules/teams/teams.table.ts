import { foreignKey, integer, type PgTableExtraConfigValue, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';
import { users } from '../users/users.table.ts';

export const teams = pgTable(
  'teams',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    region: text('region'),
    managerId: uuid('manager_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  // Annotated: teams and users reference each other, and TypeScript needs one side typed first.
  (t): PgTableExtraConfigValue[] => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.name),
    foreignKey({ columns: [t.orgId, t.managerId], foreignColumns: [users.orgId, users.id] }),
  ],
);
