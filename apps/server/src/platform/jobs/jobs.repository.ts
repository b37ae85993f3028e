import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { newId } from '../ids.ts';
import { jobs } from './jobs.table.ts';
import type { JobRecord } from './jobs.types.ts';

export type EnqueueJob = {
  kind: string;
  orgId?: string | null;
  payload?: Record<string, unknown>;
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
};

/**
 * Adds a job. Called inside a use case's transaction, the job exists exactly when the change that
 * asked for it commits. With a `dedupeKey` already taken, nothing is added and null is returned.
 */
export async function enqueueJob(db: DbOrTx, now: Date, job: EnqueueJob): Promise<string | null> {
  const id = newId();
  const rows = await db
    .insert(jobs)
    .values({
      id,
      orgId: job.orgId ?? null,
      kind: job.kind,
      payload: job.payload ?? {},
      runAt: job.runAt ?? now,
      dedupeKey: job.dedupeKey,
      maxAttempts: job.maxAttempts ?? 10,
      createdAt: now,
    })
    .onConflictDoNothing({ target: jobs.dedupeKey })
    .returning({ id: jobs.id });
  return rows[0]?.id ?? null;
}

/** Adds many jobs in one statement (an outbox of many events), as `enqueueJob` adds one; no dedupe keys. */
export async function enqueueJobs(db: DbOrTx, now: Date, items: Omit<EnqueueJob, 'dedupeKey'>[]): Promise<string[]> {
  if (!items.length) return [];
  const rows = items.map((job) => ({
    id: newId(),
    orgId: job.orgId ?? null,
    kind: job.kind,
    payload: job.payload ?? {},
    runAt: job.runAt ?? now,
    maxAttempts: job.maxAttempts ?? 10,
    createdAt: now,
  }));
  await db.insert(jobs).values(rows);
  return rows.map((r) => r.id);
}

/**
 * Claims the next due job for `workerId`: a queued job whose time has come, or a running one whose
 * lease ran out (its worker died). SKIP LOCKED lets several workers claim side by side.
 */
export async function claimNextJob(db: Db, workerId: string, now: Date, leaseMs: number, kinds: string[]): Promise<JobRecord | null> {
  if (kinds.length === 0) return null;
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const result = await db.execute(sql`
    update jobs set status = 'running', locked_by = ${workerId}, locked_until = ${leaseUntil.toISOString()}::timestamptz,
      attempts = attempts + 1, started_at = ${now.toISOString()}::timestamptz
    where id = (
      select id from jobs
      where status in ('queued', 'running') and run_at <= ${now.toISOString()}::timestamptz
        and (status = 'queued' or locked_until < ${now.toISOString()}::timestamptz)
        and kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
      order by run_at
      limit 1
      for update skip locked
    )
    returning id, org_id, kind, payload, attempts`);
  const [row] = rowsOf<{ id: string; org_id: string | null; kind: string; payload: Record<string, unknown>; attempts: number }>(result);
  return row ? { id: row.id, orgId: row.org_id, kind: row.kind, payload: row.payload, attempts: row.attempts } : null;
}

/**
 * Marks the job done, in the transaction that did its work. Only while this worker still holds it:
 * if the lease ran out and another worker took the job, this returns false and the caller rolls
 * back, so the work is not done twice.
 */
export async function completeJob(tx: DbOrTx, jobId: string, workerId: string, now: Date, result: unknown): Promise<boolean> {
  const rows = await tx
    .update(jobs)
    .set({ status: 'succeeded', finishedAt: now, result: result ?? null, lockedBy: null, lockedUntil: null, lastError: null })
    .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ id: jobs.id });
  return rows.length === 1;
}

/**
 * Records a failed attempt: back to the queue after `retryAt`, or failed for good when attempts are used up.
 * Answers the job's new status, or null when this worker no longer held it.
 */
export async function failJob(
  db: DbOrTx,
  jobId: string,
  workerId: string,
  now: Date,
  error: string,
  retryAt: Date,
): Promise<'queued' | 'failed' | null> {
  const result = await db.execute(sql`
    update jobs set
      status = case when attempts >= max_attempts then 'failed' else 'queued' end,
      finished_at = case when attempts >= max_attempts then ${now.toISOString()}::timestamptz else null end,
      run_at = case when attempts >= max_attempts then run_at else ${retryAt.toISOString()}::timestamptz end,
      last_error = ${error}, locked_by = null, locked_until = null
    where id = ${jobId} and locked_by = ${workerId}
    returning status`);
  return rowsOf<{ status: 'queued' | 'failed' }>(result)[0]?.status ?? null;
}

/**
 * Ends every lease now, so running jobs are claimed again at once. Only for a process that knows no other
 * worker exists — the embedded database after a restart (the data directory takes one process).
 */
export async function releaseLeases(db: Db, now: Date): Promise<number> {
  const result = await db.execute(sql`update ${jobs} set locked_until = ${now.toISOString()}::timestamptz where status = 'running'`);
  return (result as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as { affectedRows?: number }).affectedRows ?? 0;
}

/** Extends the lease of a long job so no other worker takes it over while it still runs. */
export async function extendLease(db: Db, jobId: string, workerId: string, until: Date): Promise<void> {
  await db
    .update(jobs)
    .set({ lockedUntil: until })
    .where(and(eq(jobs.id, jobId), eq(jobs.lockedBy, workerId)));
}

/** Deletes finished jobs older than `before`, a bounded batch at a time. */
export async function purgeFinishedJobs(db: DbOrTx, before: Date, limit = 5000): Promise<number> {
  const result = await db.execute(sql`
    with gone as (
      delete from jobs where id in (
        select id from jobs where status in ('succeeded', 'failed') and finished_at < ${before.toISOString()}::timestamptz limit ${limit}
      ) returning 1
    ) select count(*)::int as n from gone`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
