import { useQuery } from '@tanstack/react-query';
import type { TLevel } from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../shared/api.ts';

export const levelKeys = {
  all: ['levels'] as const,
  list: () => [...levelKeys.all, 'list'] as const,
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
