import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TLevel,
  TLevelCriterion,
  TLevelDecision,
  TLevelEvaluation,
  TRepProfile,
  ZLevelCriteria,
  ZLevelDecisionCreate,
} from '@tierline/contracts';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../shared/api.ts';
import { levelName } from '../../shared/format.ts';
import type { Infer } from '../../shared/types.ts';

export type TLevelCriteria = Infer<typeof ZLevelCriteria>;
export type TLevelDecisionCreate = Infer<typeof ZLevelDecisionCreate>;
export type { TLevelCriterion, TLevelDecision, TLevelEvaluation, TRepProfile };

export const levelKeys = {
  all: ['levels'] as const,
  list: () => [...levelKeys.all, 'list'] as const,
  evaluations: (period: string, teamId?: string) => [...levelKeys.all, 'evaluations', period, teamId ?? null] as const,
  criteria: () => [...levelKeys.all, 'criteria'] as const,
  profile: (userId: string) => [...levelKeys.all, 'profile', userId] as const,
};

/** The org's salesperson levels (初级/中级/高级 …), ordered by rank; they rarely change. */
export function useLevels() {
  const query = useQuery({
    queryKey: levelKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: TLevel[] }>('/levels', undefined, signal),
    staleTime: 10 * 60_000,
  });
  const byId = useMemo(() => new Map((query.data?.data ?? []).map((level) => [level.id, level])), [query.data]);
  return { ...query, levels: query.data?.data ?? [], byId };
}

/** A level's name in the UI language from its id ("—" without a level, "…" while the ladder loads). */
export function useLevelName(): (levelId: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const { byId } = useLevels();
  const locale = i18n.language;
  return useCallback(
    (levelId) => {
      if (!levelId) return '—';
      const level = byId.get(levelId);
      return level ? levelName(level, locale) : '…';
    },
    [byId, locale],
  );
}

/** Every rep in the caller's scope with the recommendation for the period and the evidence of each criterion. */
export function useLevelEvaluations(period: string, teamId?: string, enabled = true) {
  return useQuery({
    queryKey: levelKeys.evaluations(period, teamId),
    queryFn: ({ signal }) => api.get<{ data: TLevelEvaluation[] }>('/level-evaluations', { period, teamId }, signal),
    enabled,
  });
}

/**
 * Accepts or rejects a rep's recommendation. An accepted change alters the rep's level (today, or on the
 * effective date), so profiles and the users list are refreshed with the board.
 */
export function useDecideLevel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TLevelDecisionCreate) => api.post<TLevelDecision>('/level-evaluations/decisions', body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...levelKeys.all, 'evaluations'] }),
        queryClient.invalidateQueries({ queryKey: [...levelKeys.all, 'profile'] }),
        queryClient.invalidateQueries({ queryKey: ['users'] }),
      ]),
  });
}

/** The steps of the ladder (the built-in ones while `isDefault`), with the org's grade bands. */
export function useLevelCriteria(enabled = true) {
  return useQuery({
    queryKey: levelKeys.criteria(),
    queryFn: ({ signal }) => api.get<TLevelCriteria>('/level-criteria', undefined, signal),
    enabled,
    staleTime: 60_000,
  });
}

/** Replaces every step at once (directors and admins); the board's recommendations follow. */
export function useReplaceLevelCriteria() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (steps: TLevelCriterion[]) => api.put<TLevelCriteria>('/level-criteria', { steps }),
    onSuccess: (criteria) => {
      queryClient.setQueryData(levelKeys.criteria(), criteria);
      return queryClient.invalidateQueries({ queryKey: [...levelKeys.all, 'evaluations'] });
    },
  });
}

/** A rep's profile: level and its history, tenure, capacity and availability. */
export function useRepProfile(userId: string | null) {
  return useQuery({
    queryKey: levelKeys.profile(userId ?? ''),
    queryFn: ({ signal }) => api.get<TRepProfile>(`/reps/${userId}/profile`, undefined, signal),
    enabled: Boolean(userId),
  });
}

/** Sets (or, with null, clears) the rep's own capacity; the version it was based on guards a concurrent edit. */
export function useUpdateRepProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, capacity, version }: { userId: string; capacity: number | null; version: number }) =>
      api.patch<TRepProfile>(`/reps/${userId}/profile`, { capacity, version }),
    onSuccess: (profile) => queryClient.setQueryData(levelKeys.profile(profile.userId), profile),
  });
}
