import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { teams } from '../teams/teams.table.ts';

export const users = pgTable(
  'users',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'director', 'manager', 'rep', 'viewer'] }).notNull(),
    teamId: uuid('team_id'),
    levelId: uuid('level_id'),
    locale: text('locale', { enum: ['zh-CN', 'en'] })
      .notNull()
      .default('zh-CN'),
    active: boolean('active').notNull().default(true),
    /** A rep marked away is skipped by automatic assignment. */
    available: boolean('available').notNull().default(true),
    hireDate: date('hire_date'),
    /** Open deals this rep may carry; null: their level's `max_open_deals`. */
    capacity: integer('capacity'),
    passwordHash: text('password_hash').notNull(),
    /** Consecutive failed sign-ins; the account locks for a while after too many. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    resetTokenHash: text('reset_token_hash'),
    resetExpiresAt: timestamp('reset_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.email),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }),
    foreignKey({ columns: [t.orgId, t.levelId], foreignColumns: [levels.orgId, levels.id] }),
    index().on(t.resetTokenHash),
  ],
);

/**
 * Sign-in is by email alone, so an email must name one user across all organisations.
 * This platform table (not tenant-owned) holds that global uniqueness.
 */
export const loginEmails = pgTable(
  'login_emails',
  {
    email: text('email').primaryKey(),
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }).onDelete('cascade')],
);
