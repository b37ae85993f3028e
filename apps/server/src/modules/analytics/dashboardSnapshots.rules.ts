/**
 * How old a dashboard snapshot may be (decision 0034). Fresh: served as it is. Stale: served, and a job recomputes
 * it, so the next look is fresh. Expired: computed again before answering, so nobody reads figures older than this.
 */
export const SNAPSHOT_FRESH_MS = 2 * 60_000;
export const SNAPSHOT_EXPIRES_MS = 15 * 60_000;

export type SnapshotAge = 'fresh' | 'stale' | 'expired';

export function snapshotAge(computedAt: Date, now: Date): SnapshotAge {
  const age = now.getTime() - computedAt.getTime();
  // A snapshot from the future (another process's clock ahead of ours) counts as fresh, not as negative age.
  if (age < SNAPSHOT_FRESH_MS) return 'fresh';
  return age < SNAPSHOT_EXPIRES_MS ? 'stale' : 'expired';
}

/** The refresh job's dedupe key: one job per snapshot and minute, however many looks find it stale. */
export function refreshJobKey(s: { orgId: string; kind: string; periodKey: string }, now: Date): string {
  return `dashboard.snapshot:${s.orgId}:${s.kind}:${s.periodKey}@${now.toISOString().slice(0, 16)}`;
}
