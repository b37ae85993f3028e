import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { endSession } from '../modules/auth/auth.api.ts';
import { isApiError } from '../shared/api.ts';
import { antdLocale } from './i18n/index.ts';
import { theme } from './theme.ts';

/** Retry only what may succeed on a second try: network failures and server errors, not 4xx answers. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (expired, signed out in another tab):
  // forget it here, and RequireSession sends the user to the sign-in page.
  const onError = (error: Error) => {
    if (isApiError(error, 401)) endSession(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return queryClient;
}

export const queryClient = createQueryClient();

/**
 * antd speaks the UI language too: pagination, empty states, pickers, confirm buttons. antd's App (toasts, confirm
 * dialogs) is not here but around the pages that use it (layout/AntAppLayout.tsx), so the sign-in page loads without it.
 */
function AntdConfig({ children }: { children: ReactNode }) {
  // useTranslation re-renders this when the language changes; antd's texts were fetched with ours.
  useTranslation();
  return (
    <ConfigProvider locale={antdLocale()} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <AntdConfig>{children}</AntdConfig>
    </QueryClientProvider>
  );
}
