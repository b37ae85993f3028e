import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api.ts';

type QueryValue = string | number | boolean | undefined | null;

/**
 * One figure: `GET /api/v1/analytics/<path>` with its filters. The previous answer stays on screen while a new
 * filter loads, so the charts do not blink; the key holds the filters, so each combination is cached on its own.
 */
/** Where a figure is cached: useFigure reads it there, and a refresh may write a fresh answer there. */
export const figureKey = (path: string, query: Record<string, QueryValue>) => ['analytics', path, query] as const;

export function useFigure<T>(path: string, query: Record<string, QueryValue>, enabled = true) {
  return useQuery({
    queryKey: figureKey(path, query),
    queryFn: ({ signal }) => api.get<T>(`/analytics/${path}`, query, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    enabled,
  });
}
