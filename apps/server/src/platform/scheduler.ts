import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';

/**
 * Periodic tasks (the pool sweep, later others), started by main.ts after the server listens and
 * stopped before it closes; buildApp never starts them, so tests stay deterministic and call the
 * tasks' use cases directly.
 *
 * With several API instances on one PostgreSQL, each run takes a transaction-scoped advisory lock
 * (`pg_try_advisory_xact_lock`) and does the task's work inside that transaction: only one instance
 * runs a task at a time, the others skip that turn. The transaction-scoped lock (rather than the
 * session one) cannot leak: commit, rollback or a dropped connection always releases it, even on a
 * pooled connection that lives on. On the embedded PGlite only one process can open the data directory,
 * so the lock always succeeds and costs nothing.
 */

export type ScheduledTask = {
  name: string;
  intervalMs: number;
  /** Does the work inside the run's transaction; whatever it returns is logged. */
  run: (tx: DbOrTx) => Promise<unknown>;
};

type Logger = { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };

/** Two int4 keys: this namespace, then a hash of the task name, so other advisory locks never collide with tasks. */
const LOCK_NAMESPACE = 0x54_4c_53_43; // "TLSC"

export function taskLockKey(name: string): number {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (const ch of Buffer.from(name, 'utf8')) {
    h ^= ch;
    h = Math.imul(h, 0x01000193);
  }
  return h | 0; // as a signed int4
}

/** Runs one task once, if no other instance is running it: 'ran', or 'skipped' when the lock is taken. */
export async function runExclusively(
  db: Db,
  task: Pick<ScheduledTask, 'name' | 'run'>,
): Promise<{ outcome: 'ran' | 'skipped'; result?: unknown }> {
  return db.transaction(async (tx) => {
    const locked = await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK_NAMESPACE}::int4, ${taskLockKey(task.name)}::int4) as got`);
    const got = (locked as unknown as { rows: { got: boolean }[] }).rows[0]?.got;
    if (!got) return { outcome: 'skipped' as const };
    return { outcome: 'ran' as const, result: await task.run(tx) };
  });
}

export function createScheduler(options: { db: Db; tasks: ScheduledTask[]; logger?: Logger; initialDelayMs?: number }) {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let started = false;

  const schedule = (task: ScheduledTask, delayMs: number) => {
    const timer = setTimeout(() => {
      const run = (async () => {
        try {
          const { outcome, result } = await runExclusively(options.db, task);
          options.logger?.info({ task: task.name, outcome, result }, 'scheduled task finished');
        } catch (err) {
          // A failed run is retried at the next interval; it never stops the server.
          options.logger?.error({ task: task.name, err }, 'scheduled task failed');
        }
      })();
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        if (started) schedule(task, task.intervalMs);
      });
    }, delayMs);
    timers.set(task.name, timer);
  };

  return {
    start() {
      if (started) return;
      started = true;
      for (const task of options.tasks) schedule(task, options.initialDelayMs ?? Math.min(10_000, task.intervalMs));
    },
    /** Stops scheduling and waits for runs in progress, so the database can be closed after it. */
    async stop() {
      started = false;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
