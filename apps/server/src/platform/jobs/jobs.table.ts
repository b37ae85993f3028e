import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Durable jobs: work that must happen even if the process dies (pool reclaim, cadence tasks,
 * plan steps, notifications, later webhooks and KPI snapshots). A row is the job; a worker claims
 * it with FOR UPDATE SKIP LOCKED and a lease, so two processes never run the same job at once, and
 * a job whose worker died is claimed again when its lease runs out. See decision 0018.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    /** Null for system jobs that span organisations (the scheduled sweeps). */
    orgId: uuid('org_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] })
      .notNull()
      .default('queued'),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(10),
    lastError: text('last_error'),
    result: jsonb('result').$type<unknown>(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** A scheduled run's slot (`pool.sweep@2026-11-27T10:00Z`): unique, so each slot is enqueued once. */
    dedupeKey: text('dedupe_key').unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    // The claim query reads only live jobs; finished ones stay out of this index.
    index('jobs_due_idx').on(t.runAt).where(sql`status in ('queued', 'running')`),
    index().on(t.orgId, t.createdAt),
    index().on(t.status, t.finishedAt),
  ],
);
