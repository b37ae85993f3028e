import type { jobsZh } from '../zh-CN/jobs.ts';
import type { Messages } from '../zh-CN.ts';

/** Background jobs (en). */
export const jobsEn: Messages<typeof jobsZh> = {
  jobs: {
    title: 'Background jobs',
    subtitle:
      'Pool reclaim, follow-up tasks, reminders and the like run in the background on a schedule; failed jobs retry by themselves and show here once their retries are used up.',
    kind: 'Job',
    statusLabel: 'Status',
    allStatuses: 'All statuses',
    kindPlaceholder: 'Filter by kind',
    attempts: 'Attempts',
    runAt: 'Scheduled for',
    finishedAt: 'Finished',
    outcome: 'Result / error',
    retry: 'Retry',
    retried: 'Queued again',
    system: 'System',
    backlog: 'Jobs have been waiting since {{time}}: the background worker may not be running',
    status: { queued: 'Queued', running: 'Running', succeeded: 'Succeeded', failed: 'Failed' },
    kinds: {
      pool_sweep: 'Pool reclaim',
      jobs_purge: 'Purge old jobs',
      tasks_cadence: 'Cadence tasks',
      tasks_plans: 'Follow-up plans',
      tasks_reminders: 'Task reminders',
      service_requests_sla: 'Service SLA alerts',
      webhooks_deliver: 'Webhook delivery',
      imports_run: 'Data import',
    },
  },
};
