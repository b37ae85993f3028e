import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** An organisation (tenant). Every tenant-owned table carries its id in its primary key. */
export const orgs = pgTable('orgs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('CNY'),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  /** Days before whoever released a customer to the pool may claim it back. */
  poolCooldownDays: integer('pool_cooldown_days').notNull().default(7),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
