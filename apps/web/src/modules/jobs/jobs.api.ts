import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZJob, ZJobSummary } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer } from '../../shared/types.ts';

export type TJob = Infer<typeof ZJob>;
export type TJobStatus = TJob['status'];
export type TJobSummary = Infer<typeof ZJobSummary>;
export const JOB_STATUSES: TJobStatus[] = ['queued', 'running', 'succeeded', 'failed'];

export type JobFilters = { status?: TJobStatus; kind?: string };

const jobKeys = {
  all: ['jobs'] as const,
  list: (filters: JobFilters) => [...jobKeys.all, 'list', filters] as const,
  summary: () => [...jobKeys.all, 'summary'] as const,
};

/** Jobs change by themselves (the worker runs them), so the page refreshes while it is open. */
const REFRESH_MS = 10_000;

export function useJobs(filters: JobFilters) {
  return useCursorList<TJob>(jobKeys.list(filters), '/jobs', { ...filters });
}

export function useJobSummary() {
  return useQuery({
    queryKey: jobKeys.summary(),
    queryFn: ({ signal }) => api.get<TJobSummary>('/jobs/summary', undefined, signal),
    refetchInterval: REFRESH_MS,
  });
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<TJob>(`/jobs/${id}/retry`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
