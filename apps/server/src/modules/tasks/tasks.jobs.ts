import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';

/** The tasks module's durable jobs (cadence tasks, plan steps, due and overdue reminders). */
export const tasksJobHandlers: JobHandler[] = [];
export const tasksJobSchedules: JobSchedule[] = [];
