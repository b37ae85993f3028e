import type { JobHandler } from '../../platform/jobs/jobs.types.ts';
import { runPoolSweep } from './pool.sweep.ts';

/** The pool sweep (warnings, then reclaims) over every organisation; scheduled by src/jobs.ts. */
export const poolSweepJob: JobHandler = {
  kind: 'pool.sweep',
  run: ({ tx, clock }) => runPoolSweep(tx, clock),
};
