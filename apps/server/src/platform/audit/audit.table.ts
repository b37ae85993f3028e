import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../../modules/orgs/orgs.table.ts';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** One row per create, update, delete or restore of a business record, written in the change's transaction. */
export const auditLog = pgTable(
  'audit_log',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
    action: text('action', { enum: ['create', 'update', 'delete', 'restore'] }).notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    changes: jsonb('changes').$type<AuditChanges>().notNull(),
    requestId: text('request_id'),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index().on(t.orgId, t.entity, t.entityId), index().on(t.orgId, t.at)],
);
