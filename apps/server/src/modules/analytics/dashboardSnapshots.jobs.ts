import type { Actor } from '../../platform/access.ts';
import type { JobHandler } from '../../platform/jobs/jobs.types.ts';
import { actorOfUser } from '../auth/auth.usecases.ts';
import { SNAPSHOT_COMPUTATIONS } from './dashboardSnapshots.figures.ts';
import { saveSnapshot } from './dashboardSnapshots.repository.ts';
import { snapshotVariant } from './dashboardSnapshots.rules.ts';
import { SNAPSHOT_REFRESH_JOB, type SnapshotRefresh } from './dashboardSnapshots.usecases.ts';

/** The organisation's scope without a person: what every director, admin and viewer sees alike. */
const orgWide = (orgId: string): Actor => ({
  orgId,
  userId: '00000000-0000-0000-0000-000000000000', // nobody: org-wide figures never depend on who reads them
  role: 'director',
  teamId: null,
  levelId: null,
  managedTeamIds: [],
  via: 'token',
});

/** Who the figures are computed for: the organisation, or the viewer as they are now (gone: nobody). */
const viewerNow = (db: Parameters<typeof actorOfUser>[0], r: SnapshotRefresh) =>
  r.viewerId === null ? orgWide(r.key.orgId) : actorOfUser(db, r.key.orgId, r.viewerId);

/**
 * Recomputes a stale snapshot that someone looked at (decisions 0034, 0035). The reads run in `prepare`, on the pool
 * and side by side, not in the job's transaction (on PGlite that would hold the only connection meanwhile). A viewer
 * whose role or teams changed since has another snapshot now: theirs is left to expire.
 */
export const dashboardSnapshotJob: JobHandler = {
  kind: SNAPSHOT_REFRESH_JOB,
  maxAttempts: 1,
  prepare: async ({ db, clock, job }) => {
    const r = job.payload as SnapshotRefresh;
    const compute = SNAPSHOT_COMPUTATIONS[r.figure];
    if (!compute) return null; // a job queued by an older version, or a figure no longer served from snapshots
    const actor = await viewerNow(db, r);
    if (!actor || snapshotVariant(actor, r.query) !== r.key.periodKey) return null;
    const computedAt = clock.now();
    const body = await compute({ db, actor, requestId: `job:${job.id}`, clock }, r.query);
    return { key: r.key, computedAt: computedAt.toISOString(), body };
  },
  run: async ({ tx, prepared }) => {
    const p = prepared as { key: SnapshotRefresh['key']; computedAt: string; body: unknown } | null;
    if (p) await saveSnapshot(tx, p.key, new Date(p.computedAt), p.body);
  },
};
