import type { Tx } from '../../db/client.ts';
import type { Clock } from '../clock.ts';

export type JobRecord = {
  id: string;
  orgId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
};

export type JobContext = { tx: Tx; clock: Clock; job: JobRecord };

/**
 * What runs a kind of job. `run` gets a transaction that also marks the job done: the work and
 * its completion commit together, so a job killed mid-way leaves nothing and runs again — its
 * database work happens exactly once. Work outside the database (a webhook call) is at least once.
 * Keep a run short (PGlite has one connection): do a bounded batch and enqueue a follow-up.
 */
export type JobHandler = {
  kind: string;
  run: (ctx: JobContext) => Promise<unknown>;
  /** Attempts before the job is marked failed; default 10 (backoff spans about 17 hours). */
  maxAttempts?: number;
};

/** A job enqueued once per slot of `everyMs` by whichever process gets there first. */
export type JobSchedule = { kind: string; everyMs: number; payload?: Record<string, unknown> };
