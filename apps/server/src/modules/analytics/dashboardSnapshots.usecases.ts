import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { readSnapshot, type SnapshotKey, saveSnapshot } from './dashboardSnapshots.repository.ts';
import { refreshJobKey, snapshotAge } from './dashboardSnapshots.rules.ts';

export const SNAPSHOT_REFRESH_JOB = 'dashboard.snapshot';

/**
 * A dashboard's figures from its snapshot (decision 0034): fresh, as they are; stale, as they are while a job
 * recomputes them; expired, missing or `refresh`, computed now and saved. The answer says when they were computed.
 */
export async function snapshotted<T extends object>(
  ctx: Ctx,
  key: SnapshotKey,
  refresh: boolean,
  compute: () => Promise<T>,
): Promise<T & { asOf: string }> {
  const now = ctx.clock.now();
  if (!refresh) {
    const hit = await readSnapshot(ctx.db, key);
    const age = hit && snapshotAge(hit.computedAt, now);
    if (hit && age !== 'expired') {
      if (age === 'stale') {
        // One attempt: a failed refresh leaves the snapshot to expire, and the next look computes it itself.
        await enqueueJob(ctx.db, now, {
          kind: SNAPSHOT_REFRESH_JOB,
          orgId: key.orgId,
          payload: key,
          dedupeKey: refreshJobKey(key, now),
          maxAttempts: 1,
        });
      }
      return { ...(hit.body as T), asOf: hit.computedAt.toISOString() };
    }
  }
  // Stamped with the time the reads began: every figure reflects at least the data of that moment.
  const body = await compute();
  await saveSnapshot(ctx.db, key, now, body);
  return { ...body, asOf: now.toISOString() };
}
