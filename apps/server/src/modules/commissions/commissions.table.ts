import { doublePrecision, foreignKey, integer, jsonb, pgTable, primaryKey, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { levels } from '../levels/levels.table.ts';

/** A level's commission plan (提成方案): a base rate on payments received and accelerators above target attainment. */
export const commissionPlans = pgTable(
  'commission_plans',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    levelId: uuid('level_id').notNull(),
    baseRate: doublePrecision('base_rate').notNull(),
    accelerators: jsonb('accelerators').$type<{ minAttainment: number; rate: number }[]>().notNull().default([]),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.levelId),
    foreignKey({ columns: [t.orgId, t.levelId], foreignColumns: [levels.orgId, levels.id] }).onDelete('cascade'),
  ],
);
