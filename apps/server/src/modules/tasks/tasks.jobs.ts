import type { DbOrTx } from '../../db/client.ts';
import { emitDomainEvents } from '../../platform/events/domainEvents.ts';
import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import type { JobContext, JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { cancelStaleCadenceTasks, createMissingCadenceTasks, realignCadenceTasks } from './cadence.repository.ts';
import { completeExhaustedEnrollments, createDueStepTasks, enrollTargets, ofClosedDeal, stopEnrollments } from './planSteps.repository.ts';
import { markDueSoon, markOverdue } from './reminders.repository.ts';
import { DUE_SOON_MS } from './tasks.rules.ts';

/**
 * The tasks module's durable jobs, each set-based over all organisations in bounded batches: when a
 * batch was full, the job enqueues itself again at once (up to MAX_ROUNDS in a row), so one run stays
 * short and a backlog still drains. Each run's work commits with the job (see jobs.types.ts).
 */

const MINUTE = 60_000;
/** Rows one statement of a run handles at most. */
export const BATCH = 2000;
const MAX_ROUNDS = 50;

/** Enqueues the next round of a job whose batch was full. */
async function more(ctx: JobContext, full: boolean) {
  const round = Number(ctx.job.payload.round ?? 0) + 1;
  if (!full || round >= MAX_ROUNDS) return false;
  await enqueueJob(ctx.tx, ctx.clock.now(), { kind: ctx.job.kind, payload: { round }, maxAttempts: 3 });
  return true;
}

/** Cadence tasks: cancel those no longer wanted, realign those whose customer changed, create the missing ones. */
export async function runCadence(db: DbOrTx, now: Date, limit = BATCH) {
  const cancelled = await cancelStaleCadenceTasks(db, now, limit);
  const realigned = await realignCadenceTasks(db, now, limit);
  const created = await createMissingCadenceTasks(db, now, limit);
  return { cancelled, realigned, created, full: [cancelled, realigned, created].some((n) => n >= limit) };
}

/** Plans: stop the enrollments of closed deals, enroll new targets, turn due steps into tasks. */
export async function runPlans(db: DbOrTx, now: Date, limit = BATCH) {
  const stopped = await stopEnrollments(db, ofClosedDeal(limit), 'deal_closed', now);
  const completed = await completeExhaustedEnrollments(db, now, limit);
  const enrolled = await enrollTargets(db, now, limit);
  const steps = await createDueStepTasks(db, now, limit);
  return {
    stopped: stopped.stopped,
    cancelledTasks: stopped.cancelledTasks,
    completed,
    enrolled,
    stepTasks: steps.tasks,
    advanced: steps.advanced,
    full: [stopped.stopped, completed, enrolled, steps.advanced].some((n) => n >= limit),
  };
}

/** Reminders: task_due for tasks falling due within DUE_SOON_MS, task_overdue for tasks past due; each once per task. */
export async function runReminders(db: DbOrTx, now: Date, limit = BATCH) {
  const due = await markDueSoon(db, now, DUE_SOON_MS, limit);
  const overdue = await markOverdue(db, now, limit);
  const item = (kind: 'task_due' | 'task_overdue') => (t: (typeof due)[number]) => ({
    orgId: t.orgId,
    userId: t.assigneeId,
    kind,
    params: { title: t.title, dueAt: t.dueAt.toISOString(), customerId: t.customerId, dealId: t.dealId },
    entity: 'task',
    entityId: t.id,
  });
  const sent = await notifyUsers(db, now, [...due.map(item('task_due')), ...overdue.map(item('task_overdue'))]);
  await emitDomainEvents(
    db,
    now,
    overdue.map((t) => ({
      orgId: t.orgId,
      type: 'task.overdue',
      data: {
        task: {
          id: t.id,
          title: t.title,
          dueAt: t.dueAt.toISOString(),
          assigneeId: t.assigneeId,
          customerId: t.customerId,
          dealId: t.dealId,
        },
      },
    })),
  );
  return { due: due.length, overdue: overdue.length, sent, full: due.length >= limit || overdue.length >= limit };
}

const handler = (kind: string, work: (db: DbOrTx, now: Date) => Promise<{ full: boolean } & Record<string, unknown>>): JobHandler => ({
  kind,
  maxAttempts: 3,
  run: async (ctx) => {
    const { full, ...result } = await work(ctx.tx, ctx.clock.now());
    return { ...result, more: await more(ctx, full) };
  },
});

export const cadenceJob = handler('tasks.cadence', (db, now) => runCadence(db, now));
export const plansJob = handler('tasks.plans', (db, now) => runPlans(db, now));
export const remindersJob = handler('tasks.reminders', (db, now) => runReminders(db, now));

/** The tasks module's durable jobs (cadence tasks, plan steps, due and overdue reminders). */
export const tasksJobHandlers: JobHandler[] = [cadenceJob, plansJob, remindersJob];
export const tasksJobSchedules: JobSchedule[] = [
  { kind: cadenceJob.kind, everyMs: 15 * MINUTE },
  { kind: plansJob.kind, everyMs: 15 * MINUTE },
  { kind: remindersJob.kind, everyMs: 5 * MINUTE },
];
