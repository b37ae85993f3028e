import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/testDatabase.ts';
import { rowsOf } from '../../db/rows.ts';
import { manualClock } from '../clock.ts';
import { enqueueJob, enqueueJobs } from './jobs.repository.ts';
import { createJobRunner } from './jobs.runner.ts';
import { jobs } from './jobs.table.ts';
import type { JobHandler } from './jobs.types.ts';

/** A handler's `prepare` (work outside the transaction, e.g. an HTTP call) and `onFailure` (what a failed attempt leaves behind). */
const database = await createTestDatabase();
const db = database.db;
afterAll(() => database.close());

beforeAll(async () => {
  await db.execute(sql`create table phase_log (job_id uuid not null, note text not null)`);
});

const notes = async (jobId: string) =>
  rowsOf<{ note: string }>(await db.execute(sql`select note from phase_log where job_id = ${jobId} order by note`)).map((r) => r.note);
const jobRow = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0];

/** Prepares outside the transaction (reading the database there must not wait for one), fails while `failures` lasts. */
function phased(kind: string, failures = { left: 0 }, opts: { failHook?: boolean } = {}): JobHandler {
  return {
    kind,
    maxAttempts: 2,
    prepare: async ({ db: outer, job }) => {
      const [row] = rowsOf<{ n: number }>(await outer.execute(sql`select count(*)::int as n from phase_log where job_id = ${job.id}`));
      if (failures.left > 0) {
        failures.left--;
        throw new Error(`receiver down (seen ${row.n})`);
      }
      return { seen: row.n };
    },
    run: async ({ tx, job, prepared }) => {
      await tx.execute(sql`insert into phase_log values (${job.id}, ${`ran after ${JSON.stringify(prepared)}`})`);
      return prepared;
    },
    onFailure: async ({ tx, job, error, final, retryAt }) => {
      if (opts.failHook) throw new Error('hook broken');
      await tx.execute(
        sql`insert into phase_log values (${job.id}, ${`failed ${job.attempts}: ${(error as Error).message}; final ${final}; retry ${retryAt !== null}`})`,
      );
    },
  };
}

describe('job phases', () => {
  it('hands what prepare found to run, and commits run’s work with the completion', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [phased('p.ok')] });
    const id = (await enqueueJob(db, clock.now(), { kind: 'p.ok' })) as string;
    expect(await runner.runDueJobs()).toEqual({ succeeded: 1, failed: 0 });
    expect(await notes(id)).toEqual(['ran after {"seen":0}']);
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', result: { seen: 0 } });
  });

  it('keeps what onFailure writes although the attempt fails, and tells it whether another attempt comes', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [phased('p.fail', { left: 5 })] });
    const id = (await enqueueJob(db, clock.now(), { kind: 'p.fail', maxAttempts: 2 })) as string;
    expect(await runner.runDueJobs()).toEqual({ succeeded: 0, failed: 1 });
    expect(await notes(id)).toEqual(['failed 1: receiver down (seen 0); final false; retry true']);
    expect(await jobRow(id)).toMatchObject({ status: 'queued', lastError: 'Error: receiver down (seen 0)' });
    clock.advance(60_000);
    expect(await runner.runDueJobs()).toEqual({ succeeded: 0, failed: 1 });
    expect(await notes(id)).toEqual([
      'failed 1: receiver down (seen 0); final false; retry true',
      'failed 2: receiver down (seen 1); final true; retry false',
    ]);
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('still requeues the job when onFailure itself fails', async () => {
    const clock = manualClock();
    const runner = createJobRunner({ db, clock, handlers: [phased('p.hook', { left: 1 }, { failHook: true })] });
    const id = (await enqueueJob(db, clock.now(), { kind: 'p.hook' })) as string;
    expect(await runner.runDueJobs()).toEqual({ succeeded: 0, failed: 1 });
    expect(await jobRow(id)).toMatchObject({ status: 'queued', attempts: 1 });
    clock.advance(60_000);
    expect(await runner.runDueJobs()).toEqual({ succeeded: 1, failed: 0 });
    expect(await notes(id)).toEqual(['ran after {"seen":0}']);
  });

  it('enqueues many jobs in one statement', async () => {
    const clock = manualClock();
    const ids = await enqueueJobs(db, clock.now(), [
      { kind: 'p.many', orgId: null, payload: { n: 1 } },
      { kind: 'p.many', payload: { n: 2 }, maxAttempts: 4, runAt: new Date(clock.now().getTime() + 1000) },
    ]);
    expect(ids).toHaveLength(2);
    expect(await jobRow(ids[1])).toMatchObject({ kind: 'p.many', status: 'queued', attempts: 0, maxAttempts: 4, payload: { n: 2 } });
    expect(await enqueueJobs(db, clock.now(), [])).toEqual([]);
  });
});
