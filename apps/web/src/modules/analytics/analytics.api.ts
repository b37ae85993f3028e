import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';

type QueryValue = string | number | boolean | undefined | null;

/** One figure as the page asks for it: its path under /analytics and its filters. */
export type FigureRef = { path: string; query: Record<string, QueryValue> };

/** Where a figure is cached: useFigure reads it there, and a refresh writes the fresh answer there. */
export const figureKey = (path: string, query: Record<string, QueryValue>) => ['analytics', path, query] as const;

/**
 * One figure: `GET /api/v1/analytics/<path>` with its filters. The previous answer stays on screen while a new
 * filter loads, so the charts do not blink; the key holds the filters, so each combination is cached on its own.
 */
export function useFigure<T>(path: string, query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: figureKey(path, query),
    queryFn: ({ signal }) => api.get<T>(`/analytics/${path}`, query, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}

/**
 * 刷新: the server serves figures from snapshots up to 15 minutes old (decisions 0034, 0035); `refresh=true`
 * computes them now. Each fresh answer goes where useFigure reads it, so the page shows it without a second call.
 */
export function useRefreshFigures(figures: FigureRef[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      Promise.all(
        figures.map(async ({ path, query }) => {
          queryClient.setQueryData(figureKey(path, query), await api.get<unknown>(`/analytics/${path}`, { ...query, refresh: true }));
        }),
      ),
  });
}
