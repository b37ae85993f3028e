import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TNotification, TNotificationKind, TNotificationPreference } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Page } from '../../shared/types.ts';

/** How often the bell asks for the unread count while the tab is visible. */
export const UNREAD_POLL_MS = 30_000;
/** The bell's dropdown shows this many of the newest. */
export const BELL_SIZE = 10;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  latest: () => [...notificationKeys.all, 'latest'] as const,
  list: (unread: boolean) => [...notificationKeys.all, 'list', { unread }] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
};

/**
 * The bell's number: polled every 30 s while the page is visible, and again whenever the window gets
 * focus (the app turns focus refetching off elsewhere; here coming back should show what arrived).
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => api.get<{ count: number }>('/notifications/unread-count', undefined, signal),
    refetchInterval: UNREAD_POLL_MS,
    refetchOnWindowFocus: 'always',
    staleTime: 0,
    select: (data) => data.count,
  });
}

/** The newest few, for the bell's dropdown; asked for each time it opens. */
export function useLatestNotifications(enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: ({ signal }) => api.get<Page<TNotification>>('/notifications', { limit: BELL_SIZE }, signal),
    enabled,
    staleTime: 0,
  });
}

/** The notifications page: all or only the unread ones, newest first, "load more". */
export function useNotificationList(unread: boolean) {
  return useCursorList<TNotification>(notificationKeys.list(unread), '/notifications', unread ? { unread: 'true' } : {});
}

/** After a read: the count, the dropdown and both lists change together. */
function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationKeys.all, predicate: (q) => q.queryKey[1] !== 'preferences' });
}

export function useMarkRead() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (id: string) => api.post<TNotification>(`/notifications/${id}/read`),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: () => api.post<{ updated: number }>('/notifications/read-all'),
    onSuccess: refresh,
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => api.get<{ data: TNotificationPreference[] }>('/notifications/preferences', undefined, signal),
    select: (data) => data.data,
  });
}

/**
 * Turns one kind on or off. The server replaces the whole set, so the others are sent as they are;
 * the switch moves at once and moves back if the server refuses.
 */
export function useSetPreference() {
  const queryClient = useQueryClient();
  const key = notificationKeys.preferences();
  return useMutation({
    mutationFn: ({ kind, enabled }: { kind: TNotificationKind; enabled: boolean }) => {
      const current = queryClient.getQueryData<{ data: TNotificationPreference[] }>(key)?.data ?? [];
      const preferences = current.map((p) => (p.kind === kind ? { kind, enabled } : p));
      if (!preferences.some((p) => p.kind === kind)) preferences.push({ kind, enabled });
      return api.put<{ data: TNotificationPreference[] }>('/notifications/preferences', { preferences });
    },
    onMutate: async ({ kind, enabled }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<{ data: TNotificationPreference[] }>(key);
      if (before) queryClient.setQueryData(key, { data: before.data.map((p) => (p.kind === kind ? { kind, enabled } : p)) });
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
    },
    onSuccess: (saved) => queryClient.setQueryData(key, saved),
  });
}
