import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TTrainingTrigger, TTriggerFire, ZTrainingTriggerUpdate, ZTrainingTriggerWrite, ZTriggerRunResult } from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../../shared/api.ts';
import { useCursorList } from '../../../shared/list.ts';
import type { Infer } from '../../../shared/types.ts';

export type TTrainingTriggerWrite = Infer<typeof ZTrainingTriggerWrite>;
export type TTrainingTriggerUpdate = Infer<typeof ZTrainingTriggerUpdate>;
export type TTriggerRunResult = Infer<typeof ZTriggerRunResult>;

export interface FireFilters {
  triggerId?: string;
  repId?: string;
  period?: string;
}

export const triggerKeys = {
  all: ['training', 'triggers'] as const,
  list: () => [...triggerKeys.all, 'list'] as const,
  fires: () => [...triggerKeys.all, 'fires'] as const,
  fireList: (filters: FireFilters) => [...triggerKeys.fires(), filters] as const,
};

/** Every outcome trigger of the organisation (tens at most: one page). */
export function useTriggers() {
  const query = useQuery({
    queryKey: triggerKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: TTrainingTrigger[] }>('/training-triggers', { limit: 200 }, signal),
  });
  const triggers = query.data?.data ?? [];
  const byId = useMemo(() => new Map(triggers.map((tr) => [tr.id, tr])), [triggers]);
  return { ...query, triggers, byId };
}

export function useCreateTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TTrainingTriggerWrite) => api.post<TTrainingTrigger>('/training-triggers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triggerKeys.list() }),
  });
}

/** Sends the version the form was loaded with: a trigger edited meanwhile is refused (409), not overwritten. */
export function useUpdateTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TTrainingTriggerUpdate & { id: string }) => api.put<TTrainingTrigger>(`/training-triggers/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: triggerKeys.list() }),
  });
}

/** Evaluates one closed period now; the reps it fires for are enrolled and logged (a period already run changes nothing). */
export function useRunTrigger() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, period }: { id: string; period: string }) => api.post<TTriggerRunResult>(`/training-triggers/${id}/run`, { period }),
    // The fire log, and the new enrolments on the learning and compliance pages (every training query is under 'training').
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}

/** The fire log: one row per rep a trigger fired for, with the figure, the threshold and the sample; newest first. */
export function useTriggerFires(filters: FireFilters) {
  return useCursorList<TTriggerFire>(triggerKeys.fireList(filters), '/training-trigger-fires', { ...filters });
}
