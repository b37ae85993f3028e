/**
 * A Tierline job worker as its own process, for the process tests: the real runner and handlers,
 * plus `test.probe`, which records its run in `job_probe` (created by the test) inside the job's
 * transaction and can sleep there, so a test can kill the process mid-job.
 */
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/open.ts';
import { jobHandlers } from '../../src/jobs.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { createJobRunner } from '../../src/platform/jobs/jobs.runner.ts';
import type { JobHandler } from '../../src/platform/jobs/jobs.types.ts';

const workerId = process.env.WORKER_ID ?? `worker-${process.pid}`;
const probe: JobHandler = {
  kind: 'test.probe',
  run: async ({ tx, job }) => {
    await tx.execute(sql`insert into job_probe (job_id, worker) values (${job.id}, ${workerId})`);
    console.log(`probe running ${job.id}`); // the kill test waits for this line
    const sleepMs = Number(job.payload.sleepMs ?? 0);
    if (sleepMs > 0) await tx.execute(sql`select pg_sleep(${sleepMs / 1000})`);
    return { worker: workerId };
  },
};

const database = await openDatabase(loadConfig());
const everyMs = Number(process.env.PROBE_EVERY_MS ?? 0);
const runner = createJobRunner({
  db: database.db,
  clock: systemClock,
  handlers: [...jobHandlers, probe],
  schedules: everyMs > 0 ? [{ kind: 'test.probe', everyMs }] : [],
  pollMs: 50,
  leaseMs: Number(process.env.LEASE_MS ?? 60_000),
  workerId,
});
runner.start();
console.log('worker ready');
process.on('SIGTERM', async () => {
  await runner.stop();
  await database.close();
  process.exit(0);
});
