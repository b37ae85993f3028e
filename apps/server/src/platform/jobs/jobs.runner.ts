import { hostname } from 'node:os';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import { claimNextJob, completeJob, enqueueJob, extendLease, failJob } from './jobs.repository.ts';
import { describeError, retryDelayMs, scheduleSlotKey, slotStart } from './jobs.rules.ts';
import type { JobHandler, JobRecord, JobSchedule } from './jobs.types.ts';

type Logger = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

export type JobRunnerOptions = {
  db: Db;
  clock: Clock;
  handlers: JobHandler[];
  schedules?: JobSchedule[];
  logger?: Logger;
  /** How often an idle worker looks for due jobs. */
  pollMs?: number;
  /** How long a claimed job is this worker's before another may take it over; renewed while it runs. */
  leaseMs?: number;
  workerId?: string;
};

/** Thrown inside a job's transaction when its lease was lost, to roll the work back. */
class LeaseLost extends Error {}

/**
 * The worker of every Tierline process: enqueues each schedule's slot (once, whichever process
 * is first), then claims and runs due jobs one at a time. main.ts starts it; tests call
 * `runDueJobs()` with a manual clock instead.
 */
export function createJobRunner(options: JobRunnerOptions) {
  const { db, clock, logger } = options;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  const handlers = new Map(options.handlers.map((h) => [h.kind, h]));
  const kinds = [...handlers.keys()];
  const schedules = options.schedules ?? [];
  /** The last slot this process enqueued per schedule, so it tries each slot once. */
  const enqueuedSlot = new Map<string, number>();

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;

  async function enqueueScheduled(): Promise<void> {
    const now = clock.now();
    for (const s of schedules) {
      const slot = slotStart(now, s.everyMs).getTime();
      if (enqueuedSlot.get(s.kind) === slot) continue;
      await enqueueJob(db, now, { kind: s.kind, payload: s.payload, dedupeKey: scheduleSlotKey(s.kind, now, s.everyMs), maxAttempts: 3 });
      enqueuedSlot.set(s.kind, slot);
    }
  }

  async function runJob(job: JobRecord): Promise<'succeeded' | 'failed' | 'lost'> {
    const handler = handlers.get(job.kind);
    if (!handler) throw new Error(`no handler for ${job.kind}`); // cannot happen: we claim only known kinds
    // Renew the lease while the job runs, so a long run is not taken over (PostgreSQL; PGlite has one process).
    const heartbeat = setInterval(
      () => void extendLease(db, job.id, workerId, new Date(clock.now().getTime() + leaseMs)).catch(() => {}),
      Math.max(1000, leaseMs / 3),
    );
    let prepared: unknown;
    try {
      // Work outside the database first (an HTTP call), so it never holds the transaction open.
      if (handler.prepare) prepared = await handler.prepare({ db, clock, job });
      const result = await db.transaction(async (tx) => {
        const out = await handler.run({ tx, clock, job, prepared });
        if (!(await completeJob(tx, job.id, workerId, clock.now(), out))) throw new LeaseLost();
        return out;
      });
      logger?.info({ job: job.id, kind: job.kind, result }, 'job succeeded');
      return 'succeeded';
    } catch (err) {
      if (err instanceof LeaseLost) {
        logger?.error({ job: job.id, kind: job.kind }, 'job lease lost to another worker; its work was rolled back');
        return 'lost';
      }
      await recordFailure(handler, job, err, prepared);
      logger?.error({ job: job.id, kind: job.kind, attempt: job.attempts, err }, 'job failed');
      return 'failed';
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** Requeues the job with backoff (or fails it for good) and, in the same transaction, lets the handler log the failure. */
  async function recordFailure(handler: JobHandler, job: JobRecord, err: unknown, prepared: unknown): Promise<void> {
    const now = clock.now();
    const retryAt = new Date(now.getTime() + retryDelayMs(job.attempts));
    const fail = (tx: DbOrTx) => failJob(tx, job.id, workerId, now, describeError(err), retryAt);
    const { onFailure } = handler;
    if (!onFailure) {
      await fail(db);
      return;
    }
    try {
      await db.transaction(async (tx) => {
        const status = await fail(tx);
        if (status)
          await onFailure({
            tx,
            clock,
            job,
            prepared,
            error: err,
            final: status === 'failed',
            retryAt: status === 'failed' ? null : retryAt,
          });
      });
    } catch (hookErr) {
      logger?.error({ job: job.id, kind: job.kind, err: hookErr }, 'job failure hook failed; the job is requeued without it');
      await fail(db);
    }
  }

  /** Enqueues due schedule slots, then runs due jobs until none is left (or `max` ran). */
  async function runDueJobs(max = 1000): Promise<{ succeeded: number; failed: number }> {
    const counts = { succeeded: 0, failed: 0 };
    await enqueueScheduled();
    for (let i = 0; i < max && (started || !timer); i++) {
      const job = await claimNextJob(db, workerId, clock.now(), leaseMs, kinds);
      if (!job) break;
      const outcome = await runJob(job);
      if (outcome === 'succeeded') counts.succeeded++;
      if (outcome === 'failed') counts.failed++;
    }
    return counts;
  }

  const loop = () => {
    timer = setTimeout(() => {
      running = runDueJobs(100)
        .then(() => undefined)
        .catch((err) => logger?.error({ err }, 'job worker cycle failed; trying again'))
        .finally(() => {
          running = undefined;
          if (started) loop();
        });
    }, pollMs);
  };

  return {
    workerId,
    runDueJobs,
    start() {
      if (started) return;
      started = true;
      loop();
    },
    /** Stops claiming and waits for the job in progress, so the database can be closed after it. */
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type JobRunner = ReturnType<typeof createJobRunner>;
