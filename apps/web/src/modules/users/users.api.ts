import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRole, TUser, TUserCreate, TUserUpdate, ZPasswordResetTicket } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer, Page } from '../../shared/types.ts';

export type TPasswordResetTicket = Infer<typeof ZPasswordResetTicket>;

export interface UserFilters {
  q?: string;
  role?: TRole;
  teamId?: string;
}

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filters: UserFilters) => [...userKeys.lists(), filters] as const,
  search: (q: string) => [...userKeys.lists(), 'search', q] as const,
  detail: (id: string) => [...userKeys.all, 'detail', id] as const,
};

export function useUserList(filters: UserFilters) {
  return useCursorList<TUser>(userKeys.list(filters), '/users', { ...filters, sort: 'name' });
}

/** A short list of users matching what was typed, for pickers (e.g. a team's manager). */
export function useUserSearch(q: string) {
  return useQuery({
    queryKey: userKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<TUser>>('/users', { q, limit: 20, active: 'true', sort: 'name' }, signal),
    placeholderData: (previous) => previous,
  });
}

/**
 * Users by id, for showing names next to ids (a team's manager, an audit entry's actor).
 * Each user is fetched once and cached, however many rows mention them.
 */
export function useUsersById(ids: ReadonlyArray<string | null | undefined>): Map<string, TUser> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: userKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TUser>(`/users/${id}`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
    combine: toUserMap,
  });
}

/** Outside the hook so TanStack Query can keep the map until one of the results changes. */
function toUserMap(results: ReadonlyArray<{ data?: TUser }>): Map<string, TUser> {
  return new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : [])));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUserCreate) => api.post<TUser>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}

/** Sends the record's version: if someone saved it meanwhile the server answers 409. */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TUserUpdate & { id: string }) => api.patch<TUser>(`/users/${id}`, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(user.id), user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}

/** Creates a one-time token the user can set a new password with; shown to the admin once. */
export function useCreatePasswordReset() {
  return useMutation({
    mutationFn: (userId: string) => api.post<TPasswordResetTicket>(`/users/${userId}/password-reset`),
  });
}
