import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';

/** Every claim, release, reclaim and warning of the public pool (公海), with its reason. */
export const poolEvents = pgTable(
  'pool_events',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    customerId: uuid('customer_id').notNull(),
    kind: text('kind', { enum: ['claim', 'release', 'reclaim', 'warning'] }).notNull(),
    /** The rep who claimed, released, lost or was warned about the customer. */
    userId: uuid('user_id'),
    actorId: uuid('actor_id'),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    index().on(t.orgId, t.customerId, t.at),
    index().on(t.orgId, t.userId, t.kind, t.at),
  ],
);
