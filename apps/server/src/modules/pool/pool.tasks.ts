import type { Clock } from '../../platform/clock.ts';
import type { ScheduledTask } from '../../platform/scheduler.ts';
import { runPoolSweep } from './pool.sweep.ts';

/** The pool sweep as a scheduled task: warnings and reclaims are day-granular, so an hourly run is plenty. */
export const poolSweepTask = (intervalMs: number, clock: Clock): ScheduledTask => ({
  name: 'pool-sweep',
  intervalMs,
  run: (tx) => runPoolSweep(tx, clock),
});
