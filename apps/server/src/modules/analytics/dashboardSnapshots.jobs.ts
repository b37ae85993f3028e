import type { Actor } from '../../platform/access.ts';
import type { JobHandler } from '../../platform/jobs/jobs.types.ts';
import { type SnapshotKey, saveSnapshot } from './dashboardSnapshots.repository.ts';
import { SNAPSHOT_REFRESH_JOB } from './dashboardSnapshots.usecases.ts';
import { directorFigures, quarters } from './dashboards.usecases.ts';

/** The director's scope without a person: the whole organisation, as every director, admin and viewer sees it. */
const orgWide = (orgId: string): Actor => ({
  orgId,
  userId: '00000000-0000-0000-0000-000000000000', // nobody: the director's figures never depend on who reads them
  role: 'director',
  teamId: null,
  levelId: null,
  managedTeamIds: [],
  via: 'token',
});

/**
 * Recomputes a stale dashboard snapshot that someone looked at (decision 0034). The reads run in `prepare`, on the
 * pool and side by side, not in the job's transaction (on PGlite that would hold the only connection meanwhile).
 */
export const dashboardSnapshotJob: JobHandler = {
  kind: SNAPSHOT_REFRESH_JOB,
  maxAttempts: 1,
  prepare: async ({ db, clock, job }) => {
    const key = job.payload as SnapshotKey;
    const ctx = { db, actor: orgWide(key.orgId), requestId: `job:${job.id}`, clock };
    const computedAt = clock.now();
    const quarter = await quarters(ctx);
    // The quarter turned since the look that asked: the new quarter's snapshot is made when someone looks at it.
    if (quarter.current.key !== key.periodKey) return null;
    return { key, computedAt: computedAt.toISOString(), body: await directorFigures(ctx, quarter) };
  },
  run: async ({ tx, prepared }) => {
    const p = prepared as { key: SnapshotKey; computedAt: string; body: unknown } | null;
    if (p) await saveSnapshot(tx, p.key, new Date(p.computedAt), p.body);
  },
};
