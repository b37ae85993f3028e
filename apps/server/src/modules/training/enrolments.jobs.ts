import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';

/** Placeholder until built (issue 8): reminders before the due date and on overdue, re-certification. */
export const trainingRemindersJob: JobHandler = { kind: 'training.reminders', maxAttempts: 3, run: async () => ({}) };
export const trainingRemindersSchedule: JobSchedule = { kind: trainingRemindersJob.kind, everyMs: 60 * 60_000 };
