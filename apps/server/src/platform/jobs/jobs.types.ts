import type { Db, Tx } from '../../db/client.ts';
import type { Clock } from '../clock.ts';

export type JobRecord = {
  id: string;
  orgId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
};

export type JobContext = {
  tx: Tx;
  clock: Clock;
  job: JobRecord;
  /** What the handler's `prepare` returned (undefined without one). */
  prepared?: unknown;
};

/** The failed attempt, for `onFailure`: `final` when no attempt is left (the job is now failed), else when it runs again. */
export type JobFailure = JobContext & { error: unknown; final: boolean; retryAt: Date | null };

/**
 * What runs a kind of job. `run` gets a transaction that also marks the job done: the work and
 * its completion commit together, so a job killed mid-way leaves nothing and runs again — its
 * database work happens exactly once. Work outside the database (a webhook call) is at least once.
 * Keep a run short (PGlite has one connection): do a bounded batch and enqueue a follow-up.
 */
export type JobHandler = {
  kind: string;
  /**
   * Work outside the database that must not hold the job's transaction open — an HTTP call (on PGlite the
   * transaction holds the only connection). Runs first, with no transaction: read with `db`, write nothing.
   * Its result reaches `run` and `onFailure` as `prepared`; a throw fails the attempt like one in `run`.
   */
  prepare?: (ctx: { db: Db; clock: Clock; job: JobRecord }) => Promise<unknown>;
  run: (ctx: JobContext) => Promise<unknown>;
  /**
   * What a failed attempt leaves behind although its work rolled back (a webhook's delivery log): runs in the
   * transaction that requeues the job or marks it failed. If it throws, the job is requeued or failed without it.
   */
  onFailure?: (ctx: JobFailure) => Promise<void>;
  /** Attempts before the job is marked failed; default 10 (backoff spans about 17 hours). */
  maxAttempts?: number;
};

/** A job enqueued once per slot of `everyMs` by whichever process gets there first. */
export type JobSchedule = { kind: string; everyMs: number; payload?: Record<string, unknown> };
