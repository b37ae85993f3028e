import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';
import { dueDecisions } from './levelEvaluation.repository.ts';
import { applyDecision } from './levelEvaluation.usecases.ts';

/** Decisions applied per run (each is a few writes in the job's one transaction); a full batch enqueues the next. */
export const APPLY_BATCH = 200;
const MAX_ROUNDS = 50;
const KIND = 'levels.applyDecisions';

/**
 * Applies every accepted level decision whose date has come (in its organisation's time zone), across all
 * organisations, as the system: the level changes, the history entry names the decision, the rep is told.
 */
export async function applyDueDecisions(db: DbOrTx, now: Date, limit = APPLY_BATCH) {
  const due = await dueDecisions(db, now, limit);
  let applied = 0;
  for (const d of due) {
    if (await applyDecision(db, { orgId: d.orgId, actorId: null, requestId: KIND, at: now }, d)) applied++;
  }
  return { applied, skipped: due.length - applied, full: due.length >= limit };
}

export const applyDecisionsJob: JobHandler = {
  kind: KIND,
  maxAttempts: 3,
  run: async ({ tx, clock, job }) => {
    const { full, ...result } = await applyDueDecisions(tx, clock.now());
    const round = Number(job.payload.round ?? 0) + 1;
    const more = full && round < MAX_ROUNDS;
    if (more) await enqueueJob(tx, clock.now(), { kind: KIND, payload: { round }, maxAttempts: 3 });
    return { ...result, more };
  },
};

/**
 * A daily duty run every hour: slots count from 00:00 UTC, so a once-a-day slot would reach a Shanghai
 * organisation's new day only at 08:00 — and claims made before then would still meet the old level's limits.
 * Hourly, a decision dated in the future takes effect within the first hour of its date in any time zone; a run
 * with nothing due is one read of the partial index on due decisions.
 */
export const applyDecisionsSchedule: JobSchedule = { kind: KIND, everyMs: 60 * 60_000 };
