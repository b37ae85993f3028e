import { type InfiniteData, type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './api.ts';
import type { Page } from './types.ts';

export const PAGE_SIZE = 50;

type Filters = Record<string, string | number | boolean | undefined>;

/**
 * A cursor-paginated list ("load more"): each page asks for the next one with the cursor of the last.
 * The query key must include the filters, so changing a filter starts again from the first page.
 */
export function useCursorList<T>(queryKey: QueryKey, path: string, filters: Filters = {}) {
  const query = useInfiniteQuery<Page<T>, Error, InfiniteData<Page<T>>, QueryKey, string | undefined>({
    queryKey,
    queryFn: ({ pageParam, signal }) => api.get<Page<T>>(path, { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  return { ...query, rows };
}
