import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';

/** An approval request (审批): a discount above the tier's cap, or a contract above the rep level's limit. */
export const approvals = pgTable(
  'approvals',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    kind: text('kind', { enum: ['discount', 'contract_amount'] }).notNull(),
    entity: text('entity', { enum: ['deal', 'contract'] }).notNull(),
    entityId: uuid('entity_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    /** The rep whose deal or contract it is: they see the request even when someone else raised it. */
    ownerId: uuid('owner_id'),
    approverId: uuid('approver_id'),
    status: text('status', { enum: ['pending', 'approved', 'rejected'] })
      .notNull()
      .default('pending'),
    /** What exceeded which limit, e.g. { discountPct: 25, cap: 20 }. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.requestedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.approverId], foreignColumns: [users.orgId, users.id] }),
    index().on(t.orgId, t.entity, t.entityId),
    index().on(t.orgId, t.approverId, t.status),
    index().on(t.orgId, t.ownerId),
  ],
);
