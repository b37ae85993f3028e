import { integer, numeric, pgTable, primaryKey, text, unique, uuid } from 'drizzle-orm/pg-core';
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
    /** Assignment capacity: open deals a rep of this level may carry; null: no limit. */
    maxOpenDeals: integer('max_open_deals'),
    /** Contracts above this amount need the manager's approval; null: no limit. */
    maxContractAmount: numeric('max_contract_amount', { precision: 16, scale: 2 }),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), unique().on(t.orgId, t.key), unique().on(t.orgId, t.rank)],
);
