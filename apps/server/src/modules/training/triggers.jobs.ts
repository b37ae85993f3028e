import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';
import * as repo from './triggers.repository.ts';
import { periodForJob } from './triggers.rules.ts';
import { evaluateTrigger } from './triggers.usecases.ts';

/** Triggers evaluated per run (each a few set-based statements in the job's one transaction); more enqueue the next. */
export const TRIGGER_BATCH = 20;
const MAX_ROUNDS = 50;
const KIND = 'training.outcomeTriggers';

/**
 * Evaluates, across organisations, every enabled trigger (with an active course) for the last closed period of
 * its kind in its organisation's zone — when that period ended after the trigger was created and has not been run.
 * Older missed periods are not backfilled: a director runs them explicitly.
 */
export async function runDueTriggers(db: DbOrTx, now: Date, limit = TRIGGER_BATCH) {
  const due = (await repo.enabledTriggers(db)).flatMap((t) => {
    const period = periodForJob(t, now, t.timeZone);
    return period ? [{ t, period }] : [];
  });
  const taken = await repo.runKeysTaken(
    db,
    due.map(({ t, period }) => ({ orgId: t.orgId, triggerId: t.id, period: period.key })),
  );
  const todo = due.filter(({ t, period }) => !taken.has(repo.runKey({ orgId: t.orgId, triggerId: t.id, period: period.key })));
  let triggers = 0;
  let fired = 0;
  for (const { t, period } of todo.slice(0, limit)) {
    const trigger = await repo.findTrigger(db, t.orgId, t.id);
    if (!trigger) continue;
    const result = await evaluateTrigger(db, { trigger, period, timeZone: t.timeZone, now, ranBy: null, requestId: KIND });
    if (result.ran) triggers++;
    fired += result.fired.length;
  }
  return { triggers, fired, full: todo.length > limit };
}

export const outcomeTriggersJob: JobHandler = {
  kind: KIND,
  maxAttempts: 3,
  run: async ({ tx, clock, job }) => {
    const { full, ...result } = await runDueTriggers(tx, clock.now());
    const round = Number(job.payload.round ?? 0) + 1;
    const more = full && round < MAX_ROUNDS;
    if (more) await enqueueJob(tx, clock.now(), { kind: KIND, payload: { round }, maxAttempts: 3 });
    return { ...result, more };
  },
};

/**
 * Hourly, like the other period duties: a period closes at midnight in each organisation's own zone, so an hourly
 * run evaluates it within the first hour of the new period wherever the organisation is. A run with nothing due
 * reads the enabled triggers and the run keys, nothing more.
 */
export const outcomeTriggersSchedule: JobSchedule = { kind: KIND, everyMs: 60 * 60_000 };
