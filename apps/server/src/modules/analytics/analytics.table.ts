import { foreignKey, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from '../orgs/orgs.table.ts';

/**
 * The latest figures of an organisation-wide dashboard, per period (decision 0034): served while fresh,
 * recomputed by a job once stale, so a director's page does not wait on every rep's scorecard.
 */
export const dashboardSnapshots = pgTable(
  'dashboard_snapshots',
  {
    orgId: uuid('org_id').notNull(),
    /** Which dashboard: `director`. */
    kind: text('kind').notNull(),
    /** The period the figures are for (`2026-Q4`): a new quarter starts a new snapshot. */
    periodKey: text('period_key').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    body: jsonb('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.periodKey] }), foreignKey({ columns: [t.orgId], foreignColumns: [orgs.id] })],
);
export type DashboardSnapshotRow = typeof dashboardSnapshots.$inferSelect;
