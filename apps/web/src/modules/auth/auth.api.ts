import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TSession, TSessionUser, TSetupBody, ZSetupStatus } from '@tierline/contracts';
import { api, isApiError, setCsrfToken } from '../../shared/api.ts';
import type { Infer } from '../../shared/types.ts';

export type TSetupStatus = Infer<typeof ZSetupStatus>;

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  setupStatus: () => [...authKeys.all, 'setup-status'] as const,
};

/** The signed-in session, or null when nobody is signed in (401 is an answer here, not an error). */
async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api.get<TSession>('/auth/me');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: authKeys.session(), queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

/** The signed-in user; only for components rendered behind RequireSession. */
export function useCurrentUser(): TSessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser used outside a signed-in route');
  return data.user;
}

export function useSetupStatus() {
  return useQuery({
    queryKey: authKeys.setupStatus(),
    queryFn: () => api.get<TSetupStatus>('/setup'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Starts a session: drops anything cached for a previous user, then stores the new session. */
function startSession(queryClient: QueryClient, session: TSession): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(authKeys.session(), session);
}

/** Ends the session locally: no data of the previous user stays in memory. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  queryClient.setQueryData(authKeys.session(), null);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<TSession>('/auth/login', body),
    onSuccess: (session) => startSession(queryClient, session),
  });
}

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSetupBody) => api.post<TSession>('/setup', body),
    onSuccess: (session) => {
      queryClient.setQueryData<TSetupStatus>(authKeys.setupStatus(), (old) => ({
        signupAllowed: old?.signupAllowed ?? false,
        setupRequired: false,
      }));
      startSession(queryClient, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Even if the server call fails, the user asked to leave: forget the session here.
    onSettled: () => endSession(queryClient),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/auth/change-password', body),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) => api.post<void>('/auth/password-reset', body),
  });
}
