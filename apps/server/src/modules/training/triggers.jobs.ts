import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';

/** Placeholder until built (issue 8): outcome triggers evaluated when a period closes. */
export const outcomeTriggersJob: JobHandler = { kind: 'training.outcomeTriggers', maxAttempts: 3, run: async () => ({}) };
export const outcomeTriggersSchedule: JobSchedule = { kind: outcomeTriggersJob.kind, everyMs: 60 * 60_000 };
