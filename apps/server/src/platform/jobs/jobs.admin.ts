import { and, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import { recordAudit } from '../audit/audit.writer.ts';
import { conflict, notFound } from '../errors.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { type Ctx, inTransaction } from '../requestContext.ts';
import { jobs } from './jobs.table.ts';

/** What an organisation's admin may see: its own jobs and the system ones (without their results). */
const visibleTo = (orgId: string) => or(eq(jobs.orgId, orgId), isNull(jobs.orgId));

type JobRow = typeof jobs.$inferSelect;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(row: JobRow) {
  return {
    id: row.id,
    kind: row.kind,
    system: row.orgId === null,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    lastError: row.lastError,
    result: row.orgId === null ? null : (row.result ?? null),
  };
}

export async function listJobs(ctx: Ctx, q: { status?: JobRow['status']; kind?: string; limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await ctx.db
    .select()
    .from(jobs)
    .where(
      and(
        visibleTo(ctx.actor.orgId),
        q.status ? eq(jobs.status, q.status) : undefined,
        q.kind ? eq(jobs.kind, q.kind) : undefined,
        after ? sql`(${jobs.createdAt}, ${jobs.id}) < (${String(after[0])}::timestamptz, ${after[1]})` : undefined,
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { data: page.data.map(toView), nextCursor: page.nextCursor };
}

export async function getJob(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), visibleTo(ctx.actor.orgId)));
  if (!row) throw notFound('Job');
  return toView(row);
}

export async function jobSummary(ctx: Ctx) {
  const minuteAgo = new Date(ctx.clock.now().getTime() - 60_000).toISOString();
  const [row] = rowsOf<{ queued: number; running: number; succeeded: number; failed: number; oldest_due: string | null }>(
    await ctx.db.execute(sql`
      select count(*) filter (where status = 'queued')::int as queued,
        count(*) filter (where status = 'running')::int as running,
        count(*) filter (where status = 'succeeded')::int as succeeded,
        count(*) filter (where status = 'failed')::int as failed,
        min(run_at) filter (where status = 'queued' and run_at < ${minuteAgo}::timestamptz) as oldest_due
      from jobs where org_id = ${ctx.actor.orgId} or org_id is null`),
  );
  const { oldest_due, ...counts } = row;
  return { counts, oldestDueAt: oldest_due ? new Date(oldest_due).toISOString() : null };
}

/** Gives a failed job of the organisation a fresh set of attempts, due now. System jobs rerun at their next slot. */
export async function retryJob(ctx: Ctx, id: string) {
  const job = await getJob(ctx, id);
  if (job.system) throw conflict('system_job', 'System jobs run again at their next scheduled time');
  if (job.status !== 'failed') throw conflict('job_not_failed', 'Only a failed job can be retried');
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(jobs)
      .set({ status: 'queued', attempts: 0, runAt: now, finishedAt: null, lastError: null })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'failed')));
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'job',
      entityId: id,
      before: { status: 'failed' },
      after: { status: 'queued' },
    });
  });
  return getJob(ctx, id);
}
