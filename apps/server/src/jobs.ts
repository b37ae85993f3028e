import type { Config } from './config.ts';
import { dashboardSnapshotJob } from './modules/analytics/dashboardSnapshots.jobs.ts';
import { importJob } from './modules/imports/imports.job.ts';
import { applyDecisionsJob, applyDecisionsSchedule } from './modules/levels/levelEvaluation.jobs.ts';
import { poolSweepJob } from './modules/pool/pool.jobs.ts';
import { serviceSlaJob, serviceSlaSchedule } from './modules/serviceRequests/serviceRequests.jobs.ts';
import { tasksJobHandlers, tasksJobSchedules } from './modules/tasks/tasks.jobs.ts';
import { trainingRemindersJob, trainingRemindersSchedule } from './modules/training/enrolments.jobs.ts';
import { outcomeTriggersJob, outcomeTriggersSchedule } from './modules/training/triggers.jobs.ts';
import { webhookDeliveryJob } from './modules/webhooks/webhooks.jobs.ts';
import { purgeJobsJob } from './platform/jobs/jobs.maintenance.ts';
import type { JobHandler, JobSchedule } from './platform/jobs/jobs.types.ts';

/** Every kind of durable job and who runs it, for the instance's settings. A module with jobs adds its handlers here. */
export function jobHandlersFor(config: Pick<Config, 'webhookAllowPrivate'>): JobHandler[] {
  return [
    poolSweepJob,
    purgeJobsJob,
    importJob,
    ...tasksJobHandlers,
    serviceSlaJob,
    applyDecisionsJob,
    trainingRemindersJob,
    outcomeTriggersJob,
    webhookDeliveryJob({ webhookAllowPrivate: config.webhookAllowPrivate }),
    dashboardSnapshotJob,
  ];
}

/** The handlers with the default settings (webhooks to private addresses refused). */
export const jobHandlers: JobHandler[] = jobHandlersFor({ webhookAllowPrivate: false });

const HOUR = 60 * 60_000;

/** The recurring jobs: each slot is enqueued once across all processes (decision 0018). */
export function jobSchedules(config: Pick<Config, 'poolSweepMinutes'>): JobSchedule[] {
  return [
    ...(config.poolSweepMinutes > 0 ? [{ kind: poolSweepJob.kind, everyMs: config.poolSweepMinutes * 60_000 }] : []),
    { kind: purgeJobsJob.kind, everyMs: 24 * HOUR },
    ...tasksJobSchedules,
    serviceSlaSchedule,
    applyDecisionsSchedule,
    trainingRemindersSchedule,
    outcomeTriggersSchedule,
  ];
}
