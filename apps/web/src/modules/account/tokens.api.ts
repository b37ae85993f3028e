import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZApiToken, ZApiTokenCreated } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import type { Infer, Page } from '../../shared/types.ts';

export type TApiToken = Infer<typeof ZApiToken>;
export type TApiTokenCreated = Infer<typeof ZApiTokenCreated>;

export const tokenKeys = {
  all: ['api-tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};

/** The signed-in user's own tokens; a person has a handful, one page of 200 is all of them. */
export function useApiTokens() {
  return useQuery({
    queryKey: tokenKeys.list(),
    queryFn: ({ signal }) => api.get<Page<TApiToken>>('/api-tokens', { limit: 200 }, signal),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.post<TApiTokenCreated>('/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api-tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.list() }),
  });
}
