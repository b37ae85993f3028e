import { type Actor, dataScopeOf } from '../../platform/access.ts';

/**
 * How old a figure's snapshot may be (decisions 0034, 0035). Fresh: served as it is. Stale: served, and a job
 * recomputes it, so the next look is fresh. Expired: computed again before answering, so nobody reads figures older
 * than this.
 */
export const SNAPSHOT_FRESH_MS = 2 * 60_000;
export const SNAPSHOT_EXPIRES_MS = 15 * 60_000;
/** Snapshots nobody looked at for this long are deleted (a filter combination tried once stays a day, no longer). */
export const SNAPSHOT_KEPT_MS = 24 * 60 * 60_000;

export type SnapshotAge = 'fresh' | 'stale' | 'expired';

export function snapshotAge(computedAt: Date, now: Date): SnapshotAge {
  const age = now.getTime() - computedAt.getTime();
  // A snapshot from the future (another process's clock ahead of ours) counts as fresh, not as negative age.
  if (age < SNAPSHOT_FRESH_MS) return 'fresh';
  return age < SNAPSHOT_EXPIRES_MS ? 'stale' : 'expired';
}

/** How every snapshotted figure's route explains it (OpenAPI). */
export const SNAPSHOT_DESCRIPTION =
  'The answer is a snapshot (decision 0035), the caller’s own for this query (directors, admins and viewers share the ' +
  'organisation’s): `computedAt` says when it was computed. Under 2 minutes old it is served as it is; up to 15 minutes ' +
  'old it is served while a job recomputes it; older, or with `refresh=true`, it is computed before the answer. An ' +
  'export reads the same snapshot as the page.';

/** The figures served from snapshots: each names one computation the refresh job can run again. */
export type SnapshotFigure =
  | 'dashboard/director'
  | 'dashboard/manager'
  | 'funnel'
  | 'cycle-length'
  | 'win-loss'
  | 'revenue'
  | 'market'
  | 'forecast/pipeline'
  | 'forecast/calibrated'
  | 'tiers/distribution'
  | 'tiers/concentration'
  | 'tiers/follow-up-compliance'
  | 'tiers/migration'
  | 'tiers/churn-risk'
  | 'tiers/rfm-segments';

/** The viewer key every director, admin and viewer of an organisation shares. */
export const ORG_WIDE = 'org';

/**
 * Whose figures a snapshot holds: the viewer's data scope itself. Directors, admins and viewers see the
 * organisation's data alike, so they share one; a manager's holds their teams (a manager who loses a team has another
 * key at once), a rep's is their own (their book, and their level for market analysis, checked on every look).
 */
export function viewerKey(actor: Actor): string {
  const scope = dataScopeOf(actor);
  if (scope.kind === 'org') return ORG_WIDE;
  if (scope.kind === 'team') return `team:${scope.userId}:${[...scope.teamIds].sort().join(',')}`;
  return `own:${scope.userId}`;
}

/** The query parameters that do not change the figures: how to answer, not what. */
const NOT_FIGURES = new Set(['refresh', 'format', 'locale']);

/** Only what changes the figures: no `refresh`, export format or locale, nothing unset. */
export function figureParams(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([k, v]) => !NOT_FIGURES.has(k) && v !== undefined && v !== null));
}

/**
 * A figure's query in one canonical text (names sorted), so the page and its export, and the same filters in any
 * order, read one snapshot.
 */
export function canonicalQuery(query: Record<string, unknown>): string {
  const params = figureParams(query);
  return Object.keys(params)
    .sort()
    .map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(params[k]))}`)
    .join('&');
}

/** The snapshot's variant: whose figures, for which filters. */
export const snapshotVariant = (actor: Actor, query: Record<string, unknown>) => `${viewerKey(actor)}?${canonicalQuery(query)}`;

/** The refresh job's dedupe key: one job per snapshot and minute, however many looks find it stale. */
export function refreshJobKey(s: { orgId: string; kind: string; periodKey: string }, now: Date): string {
  return `dashboard.snapshot:${s.orgId}:${s.kind}:${s.periodKey}@${now.toISOString().slice(0, 16)}`;
}
