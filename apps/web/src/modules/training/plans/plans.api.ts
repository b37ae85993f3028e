import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCourse,
  TDevelopmentPlan,
  TDevelopmentPlanDetail,
  TSkill,
  TUser,
  ZDevelopmentPlanUpdate,
  ZDevelopmentPlanWrite,
} from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../../shared/api.ts';
import { useCursorList } from '../../../shared/list.ts';
import type { Infer, Page } from '../../../shared/types.ts';

export type TDevelopmentPlanWrite = Infer<typeof ZDevelopmentPlanWrite>;
export type TDevelopmentPlanUpdate = Infer<typeof ZDevelopmentPlanUpdate>;
export type TPlanStatus = TDevelopmentPlan['status'];
export const PLAN_STATUSES: readonly TPlanStatus[] = ['active', 'completed', 'cancelled'];

export interface PlanFilters {
  teamId?: string;
  repId?: string;
  status?: TPlanStatus;
}

export const planKeys = {
  // Under the training pages' common root: a change elsewhere in training (a course passed, a curriculum edited) refreshes plans too.
  all: ['training', 'plans'] as const,
  lists: () => [...planKeys.all, 'list'] as const,
  list: (filters: PlanFilters) => [...planKeys.lists(), filters] as const,
  details: () => [...planKeys.all, 'detail'] as const,
  detail: (id: string, period: string | undefined) => [...planKeys.details(), id, period ?? null] as const,
  courses: () => [...planKeys.all, 'courses'] as const,
  skills: () => [...planKeys.all, 'skills'] as const,
  reps: (q: string) => [...planKeys.all, 'reps', q] as const,
};

/** The plans in the caller's scope (a rep: their own; the server decides), newest first, a page at a time. */
export function useDevelopmentPlans(filters: PlanFilters) {
  return useCursorList<TDevelopmentPlan>(planKeys.list(filters), '/development-plans', { ...filters });
}

/**
 * One plan with its level gap, evaluated for `period` (the server's default, the last closed quarter, when none).
 * Switching periods keeps the previous gap on screen until the next one arrives.
 */
export function useDevelopmentPlan(id: string, period: string | undefined) {
  return useQuery({
    queryKey: planKeys.detail(id, period),
    queryFn: ({ signal }) => api.get<TDevelopmentPlanDetail>(`/development-plans/${id}`, { period }, signal),
    placeholderData: keepPreviousData,
    retry: (count, error) => count < 2 && (error as { status?: number })?.status !== 404,
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TDevelopmentPlanWrite) => api.post<TDevelopmentPlan>('/development-plans', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.lists() }),
  });
}

/** Sends the version the form was loaded with: a plan edited meanwhile is refused (409), not overwritten. */
export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TDevelopmentPlanUpdate & { id: string }) => api.put<TDevelopmentPlan>(`/development-plans/${id}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: planKeys.details() }),
      ]),
  });
}

/** The catalogue's active courses, for a goal's picker and for naming a course goal (one page covers a catalogue). */
export function useCourseOptions() {
  const query = useQuery({
    queryKey: planKeys.courses(),
    queryFn: ({ signal }) => api.get<Page<TCourse>>('/courses', { limit: 200 }, signal),
    staleTime: 5 * 60_000,
  });
  const courses = query.data?.data ?? [];
  const byId = useMemo(() => new Map(courses.map((c) => [c.id, c])), [courses]);
  return { ...query, courses, byId };
}

/** The skills of the matrix, for a skill goal. */
export function useSkillOptions() {
  const query = useQuery({
    queryKey: planKeys.skills(),
    queryFn: ({ signal }) => api.get<{ data: TSkill[] }>('/skills', undefined, signal),
    staleTime: 5 * 60_000,
  });
  const skills = query.data?.data ?? [];
  const byId = useMemo(() => new Map(skills.map((s) => [s.id, s])), [skills]);
  return { ...query, skills, byId };
}

/** Active reps matching what was typed (the server searches; a manager's scope is checked again on save). */
export function useRepSearch(q: string) {
  return useQuery({
    queryKey: planKeys.reps(q),
    queryFn: ({ signal }) => api.get<Page<TUser>>('/users', { q, role: 'rep', active: 'true', limit: 50, sort: 'name' }, signal),
    placeholderData: (previous) => previous,
  });
}
