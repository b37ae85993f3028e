import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAppraisalCycle,
  TKpi,
  TLeaderboardRow,
  TPeriodKind,
  TScorecard,
  TTarget,
  TTargetUpsert,
  TUser,
  ZAppraisalCycleCreate,
  ZAppraisalCycleUpdate,
} from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import type { Infer, Page } from '../../shared/types.ts';

export type TAppraisalCycleCreate = Infer<typeof ZAppraisalCycleCreate>;
export type TAppraisalCycleUpdate = Infer<typeof ZAppraisalCycleUpdate>;
export type LeaderboardMetric = 'total' | TKpi;

export interface ScorecardQuery {
  period: string;
  repId?: string;
  teamId?: string;
}

export interface LeaderboardQuery {
  period: string;
  metric: LeaderboardMetric;
  teamId?: string;
  levelId?: string;
  limit?: number;
}

export interface TargetQuery {
  period?: string | TPeriodKind;
  repId?: string;
  teamId?: string;
  levelId?: string;
}

export const performanceKeys = {
  all: ['performance'] as const,
  scorecards: () => [...performanceKeys.all, 'scorecard'] as const,
  scorecard: (q: ScorecardQuery) => [...performanceKeys.scorecards(), q] as const,
  leaderboard: (q: LeaderboardQuery) => [...performanceKeys.all, 'leaderboard', q] as const,
  targets: () => [...performanceKeys.all, 'targets'] as const,
  targetList: (q: TargetQuery) => [...performanceKeys.targets(), q] as const,
  cycles: () => [...performanceKeys.all, 'cycles'] as const,
  cycleList: () => [...performanceKeys.cycles(), 'list'] as const,
  cycle: (id: string) => [...performanceKeys.cycles(), 'detail', id] as const,
};

/** Scorecards are figures over many records: a minute old is fresh enough, and switching periods back is instant. */
const SCORECARD_STALE_MS = 60_000;

/**
 * GET /scorecards answers a list: with repId that rep's card; with teamId the team's card followed by its reps';
 * with neither every rep in the caller's scope. The web always names the subject.
 */
const fetchScorecards = (q: ScorecardQuery, signal?: AbortSignal) =>
  api.get<{ data: TScorecard[] }>('/scorecards', { period: q.period, repId: q.repId, teamId: q.teamId }, signal).then((r) => r.data);

const isNotFound = (error: unknown) => (error as { status?: number })?.status === 404;

/** The cards of one query: a rep's (one), a team's (the team's first, then its reps'). Out of scope answers 404. */
export function useScorecardList(q: ScorecardQuery | null) {
  return useQuery({
    queryKey: performanceKeys.scorecard(q ?? { period: '' }),
    queryFn: ({ signal }) => fetchScorecards(q as ScorecardQuery, signal),
    enabled: Boolean(q?.period && (q.repId || q.teamId)),
    staleTime: SCORECARD_STALE_MS,
    placeholderData: keepPreviousData,
    retry: (count, error) => count < 2 && !isNotFound(error),
  });
}

/** One scorecard: a rep's, or a team's (its reps' come with it, cached for the team page). */
export function useScorecard(q: ScorecardQuery | null) {
  const list = useScorecardList(q);
  return { ...list, data: list.data?.[0] };
}

/** The same subject over several periods (a trend): one request per period, each cached on its own. */
export function useScorecards(queries: readonly ScorecardQuery[]) {
  return useQueries({
    queries: queries.map((q) => ({
      queryKey: performanceKeys.scorecard(q),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchScorecards(q, signal),
      staleTime: SCORECARD_STALE_MS,
      retry: false,
      select: (cards: TScorecard[]) => cards[0],
    })),
  });
}

/** A team's reps (current, active), for the targets grid; at most 200: a team is tens of people. */
export function useTeamMembers(teamId: string | undefined) {
  return useQuery({
    queryKey: [...performanceKeys.all, 'team-members', teamId] as const,
    queryFn: ({ signal }) => api.get<Page<TUser>>('/users', { teamId, role: 'rep', active: 'true', limit: 200, sort: 'name' }, signal),
    enabled: Boolean(teamId),
    staleTime: 60_000,
  });
}

export function useLeaderboard(q: LeaderboardQuery) {
  return useQuery({
    queryKey: performanceKeys.leaderboard(q),
    queryFn: ({ signal }) =>
      api.get<{ data: TLeaderboardRow[] }>(
        '/leaderboards',
        { period: q.period, metric: q.metric, teamId: q.teamId, levelId: q.levelId, limit: q.limit ?? 100 },
        signal,
      ),
    staleTime: SCORECARD_STALE_MS,
    placeholderData: keepPreviousData,
  });
}

export function useTargets(q: TargetQuery, enabled = true) {
  return useQuery({
    queryKey: performanceKeys.targetList(q),
    queryFn: ({ signal }) => api.get<Page<TTarget>>('/targets', { ...q }, signal),
    enabled,
  });
}

/**
 * Saves the targets editor: the set values in one all-or-nothing PUT batch (each creates or replaces the same key's
 * value), then the removed ones one by one (each names its version). Scorecards change with them.
 */
export function useSaveTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ set, remove }: { set: TTargetUpsert[]; remove: TTarget[] }) => {
      if (set.length) await api.put<Page<TTarget>>('/targets', { targets: set });
      for (const target of remove) await api.delete(`/targets/${target.id}`, { version: target.version });
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: performanceKeys.targets() }),
        queryClient.invalidateQueries({ queryKey: performanceKeys.scorecards() }),
        queryClient.invalidateQueries({ queryKey: [...performanceKeys.all, 'leaderboard'] }),
      ]),
  });
}

/** Appraisal cycles, latest period first; an organisation has a handful a year, one page covers them. */
export function useCycles(enabled = true) {
  return useQuery({
    queryKey: performanceKeys.cycleList(),
    queryFn: ({ signal }) => api.get<Page<TAppraisalCycle>>('/appraisal-cycles', { limit: 200 }, signal),
    enabled,
  });
}

/** One cycle (a scorecard's grade bands come from it). */
export function useCycle(id: string | null | undefined) {
  return useQuery({
    queryKey: performanceKeys.cycle(id ?? ''),
    queryFn: ({ signal }) => api.get<TAppraisalCycle>(`/appraisal-cycles/${id}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

function useCycleChanged() {
  const queryClient = useQueryClient();
  return (cycle: TAppraisalCycle) => {
    queryClient.setQueryData(performanceKeys.cycle(cycle.id), cycle);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: performanceKeys.cycleList() }),
      queryClient.invalidateQueries({ queryKey: performanceKeys.scorecards() }),
      queryClient.invalidateQueries({ queryKey: [...performanceKeys.all, 'leaderboard'] }),
    ]);
  };
}

export function useCreateCycle() {
  const changed = useCycleChanged();
  return useMutation({
    mutationFn: (input: TAppraisalCycleCreate) => api.post<TAppraisalCycle>('/appraisal-cycles', input),
    onSuccess: changed,
  });
}

/** Sends the version the form was loaded with: a concurrent edit answers 409 rather than being overwritten. */
export function useUpdateCycle() {
  const changed = useCycleChanged();
  return useMutation({
    mutationFn: ({ id, ...body }: TAppraisalCycleUpdate & { id: string; version: number }) =>
      api.patch<TAppraisalCycle>(`/appraisal-cycles/${id}`, body),
    onSuccess: changed,
  });
}
