import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TTeam } from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Page } from '../../shared/types.ts';

export interface TeamInput {
  name: string;
  region?: string | null;
  managerId?: string | null;
}

export const teamKeys = {
  all: ['teams'] as const,
  lists: () => [...teamKeys.all, 'list'] as const,
  list: () => [...teamKeys.lists(), 'paged'] as const,
  options: () => [...teamKeys.lists(), 'options'] as const,
};

/** The teams page: cursor-paginated. */
export function useTeamList() {
  return useCursorList<TTeam>(teamKeys.list(), '/teams', { sort: 'name' });
}

/** Teams for pickers and for showing a team's name; orgs have tens of teams, one page of 200 covers them. */
export function useTeamOptions() {
  const query = useQuery({
    queryKey: teamKeys.options(),
    queryFn: ({ signal }) => api.get<Page<TTeam>>('/teams', { limit: 200, sort: 'name' }, signal),
    staleTime: 5 * 60_000,
  });
  const teams = query.data?.data ?? [];
  const byId = useMemo(() => new Map(teams.map((team) => [team.id, team])), [teams]);
  return { ...query, teams, byId };
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TeamInput) => api.post<TTeam>('/teams', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.lists() }),
  });
}

/** Sends the version the form was loaded with, so a concurrent edit is refused (409), not overwritten. */
export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TeamInput & { id: string; version: number }) => api.patch<TTeam>(`/teams/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.lists() }),
  });
}
