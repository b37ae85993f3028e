import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/testDatabase.ts';
import { rowsOf } from '../../db/rows.ts';
import { manualClock } from '../clock.ts';
import { claimNextJob, completeJob, enqueueJob } from './jobs.repository.ts';
import { createJobRunner } from './jobs.runner.ts';
import { jobs } from './jobs.table.ts';
import type { JobHandler } from './jobs.types.ts';

const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());

beforeAll(async () => {
  await db.execute(sql`create table job_probe (job_id uuid not null, worker text not null, note text)`);
});

const probeCount = async (jobId: string) =>
  rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from job_probe where job_id = ${jobId}`))[0].n;
const jobRow = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0];

/** A handler that records its run in job_probe (in the job's transaction), then fails while `failures` lasts. */
function probe(kind: string, failures = { left: 0 }): JobHandler {
  return {
    kind,
    maxAttempts: 3,
    run: async ({ tx, job }) => {
      await tx.execute(sql`insert into job_probe (job_id, worker, note) values (${job.id}, 'w', ${kind})`);
      if (failures.left > 0) {
        failures.left--;
        throw new Error('downstream unavailable');
      }
      return { ok: true };
    },
  };
}

describe('the job runner', () => {
  it('runs a due job once, in a transaction with its completion', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [probe('t.ok')] });
    const id = (await enqueueJob(db, clock.now(), { kind: 't.ok' })) as string;
    expect(await runner.runDueJobs()).toEqual({ succeeded: 1, failed: 0 });
    expect(await runner.runDueJobs()).toEqual({ succeeded: 0, failed: 0 });
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1, result: { ok: true }, lockedBy: null });
    expect(await probeCount(id)).toBe(1);
  });

  it('does not run a job before its time', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [probe('t.later')] });
    const id = (await enqueueJob(db, clock.now(), { kind: 't.later', runAt: new Date(clock.now().getTime() + 60_000) })) as string;
    expect((await runner.runDueJobs()).succeeded).toBe(0);
    clock.advance(60_000);
    expect((await runner.runDueJobs()).succeeded).toBe(1);
    expect(await probeCount(id)).toBe(1);
  });

  it('rolls back a failed attempt, retries with backoff, and keeps only the successful run’s work', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [probe('t.flaky', { left: 1 })] });
    const id = (await enqueueJob(db, clock.now(), { kind: 't.flaky' })) as string;
    expect(await runner.runDueJobs()).toEqual({ succeeded: 0, failed: 1 });
    const failed = await jobRow(id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1, lastError: 'Error: downstream unavailable' });
    expect(failed.runAt.getTime()).toBeGreaterThan(clock.now().getTime()); // backoff
    expect(await probeCount(id)).toBe(0); // the failed attempt's work was rolled back
    expect((await runner.runDueJobs()).succeeded).toBe(0); // not yet due
    clock.advance(10_000);
    expect((await runner.runDueJobs()).succeeded).toBe(1);
    expect(await probeCount(id)).toBe(1);
  });

  it('marks a job failed for good when its attempts are used up', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [probe('t.broken', { left: 99 })] });
    const id = (await enqueueJob(db, clock.now(), { kind: 't.broken', maxAttempts: 3 })) as string;
    for (let i = 0; i < 3; i++) {
      await runner.runDueJobs();
      clock.advance(3_600_000);
    }
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3 });
    expect((await runner.runDueJobs()).failed).toBe(0);
    expect(await probeCount(id)).toBe(0);
  });

  it('takes over a job whose worker died once its lease runs out, and refuses the dead worker’s late completion', async () => {
    const clock = manualClock();
    const id = (await enqueueJob(db, clock.now(), { kind: 't.orphan' })) as string;
    // A worker claims it and dies before finishing.
    const claimed = await claimNextJob(db, 'dead-worker', clock.now(), 30_000, ['t.orphan']);
    expect(claimed?.id).toBe(id);
    const runner = createJobRunner({ db, clock, handlers: [probe('t.orphan')], leaseMs: 30_000 });
    expect((await runner.runDueJobs()).succeeded).toBe(0); // still leased
    clock.advance(30_001);
    expect((await runner.runDueJobs()).succeeded).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', attempts: 2 });
    // The "dead" worker wakes up and tries to complete: refused, so its work would roll back.
    expect(await completeJob(db, id, 'dead-worker', clock.now(), null)).toBe(false);
    expect(await probeCount(id)).toBe(1);
  });

  it('enqueues each schedule slot once, however many runners share the database', async () => {
    const clock = manualClock(new Date('2026-11-27T10:00:05Z'));
    const handlers = [probe('t.tick')];
    const schedules = [{ kind: 't.tick', everyMs: 60_000 }];
    const a = createJobRunner({ db, clock, handlers, schedules, workerId: 'a' });
    const b = createJobRunner({ db, clock, handlers, schedules, workerId: 'b' });
    for (let minute = 0; minute < 3; minute++) {
      await Promise.all([a.runDueJobs(), b.runDueJobs()]);
      await Promise.all([a.runDueJobs(), b.runDueJobs()]);
      clock.advance(60_000);
    }
    const runs = rowsOf<{ dedupe_key: string; n: number }>(
      await db.execute(sql`
        select j.dedupe_key, count(p.*)::int as n from jobs j left join job_probe p on p.job_id = j.id
        where j.kind = 't.tick' group by j.dedupe_key order by 1`),
    );
    expect(runs).toEqual([
      { dedupe_key: 't.tick@2026-11-27T10:00:00.000Z', n: 1 },
      { dedupe_key: 't.tick@2026-11-27T10:01:00.000Z', n: 1 },
      { dedupe_key: 't.tick@2026-11-27T10:02:00.000Z', n: 1 },
    ]);
  });

  it('ignores kinds it has no handler for', async () => {
    const clock = manualClock();
    const id = (await enqueueJob(db, clock.now(), { kind: 't.unknown' })) as string;
    const runner = createJobRunner({ db, clock, handlers: [probe('t.other')] });
    await runner.runDueJobs();
    expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: 0 });
  });
});
