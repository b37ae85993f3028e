import { purgeFinishedJobs } from './jobs.repository.ts';
import type { JobHandler } from './jobs.types.ts';

const KEEP_FINISHED_DAYS = 14;

/** Finished jobs are kept two weeks for the admin's job page, then deleted. */
export const purgeJobsJob: JobHandler = {
  kind: 'jobs.purge',
  run: async ({ tx, clock }) => ({
    deleted: await purgeFinishedJobs(tx, new Date(clock.now().getTime() - KEEP_FINISHED_DAYS * 86_400_000)),
  }),
};
