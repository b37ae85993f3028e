import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { dropSnapshotsBefore, readSnapshot, type SnapshotKey, saveSnapshot } from './dashboardSnapshots.repository.ts';
import {
  figureParams,
  ORG_WIDE,
  refreshJobKey,
  SNAPSHOT_KEPT_MS,
  type SnapshotFigure,
  snapshotAge,
  snapshotVariant,
  viewerKey,
} from './dashboardSnapshots.rules.ts';

export const SNAPSHOT_REFRESH_JOB = 'dashboard.snapshot';

/**
 * What the refresh job needs to compute a snapshot again: the figure, its query, and whose it is — the viewer, or
 * null for the organisation's (shared by every director, admin and viewer, whoever looked).
 */
export type SnapshotRefresh = { key: SnapshotKey; figure: SnapshotFigure; query: Record<string, unknown>; viewerId: string | null };

/**
 * A figure from its snapshot (decisions 0034, 0035): fresh, as it is; stale, as it is while a job recomputes it;
 * expired, missing or `refresh`, computed now and saved. The answer says when it was computed. Access is checked
 * before this, on every look: a snapshot only saves the computing.
 */
export async function snapshotted<T extends object>(
  ctx: Ctx,
  figure: SnapshotFigure,
  query: Record<string, unknown> & { refresh?: boolean },
  compute: () => Promise<T>,
): Promise<T & { computedAt: string }> {
  const now = ctx.clock.now();
  const key = { orgId: ctx.actor.orgId, kind: figure, periodKey: snapshotVariant(ctx.actor, query) };
  if (!query.refresh) {
    const hit = await readSnapshot(ctx.db, key);
    const age = hit && snapshotAge(hit.computedAt, now);
    if (hit && age !== 'expired') {
      if (age === 'stale') {
        const viewerId = viewerKey(ctx.actor) === ORG_WIDE ? null : ctx.actor.userId;
        const payload: SnapshotRefresh = { key, figure, query: figureParams(query), viewerId };
        // One attempt: a failed refresh leaves the snapshot to expire, and the next look computes it itself.
        await enqueueJob(ctx.db, now, {
          kind: SNAPSHOT_REFRESH_JOB,
          orgId: key.orgId,
          payload,
          dedupeKey: refreshJobKey(key, now),
          maxAttempts: 1,
        });
      }
      return { ...(hit.body as T), computedAt: hit.computedAt.toISOString() };
    }
  }
  // Stamped with the time the reads began: every figure reflects at least the data of that moment.
  const body = await compute();
  await saveSnapshot(ctx.db, key, now, body);
  await dropSnapshotsBefore(ctx.db, key.orgId, new Date(now.getTime() - SNAPSHOT_KEPT_MS));
  return { ...body, computedAt: now.toISOString() };
}
