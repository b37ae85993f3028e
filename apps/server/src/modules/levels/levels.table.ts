import { integer, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';

/** Salesperson levels (初级 / 中级 / 高级 by default): data, ordered by rank, editable per org. */
export const levels = pgTable(
  'levels',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    key: text('key').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    rank: integer('rank').notNull(),
    /** Public-pool limits for reps of this level; null: no limit. */
    maxCustomers: integer('max_customers'),
    maxClaimsPerDay: integer('max_claims_per_day'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.key), unique().on(t.orgId, t.rank)],
);
