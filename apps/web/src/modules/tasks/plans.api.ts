import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFollowUpPlan, TFollowUpPlanCreate, TFollowUpPlanUpdate, TPlanEnrollment } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';

export type TPlanTarget = TFollowUpPlan['target'];
export type TEnrollmentStatus = TPlanEnrollment['status'];
export type TStopReason = NonNullable<TPlanEnrollment['stopReason']>;
export const ENROLLMENT_COLORS: Record<TEnrollmentStatus, string> = { active: 'processing', completed: 'success', stopped: 'default' };

/** Who designs the organisation's follow-up plans (the server lets only them write). */
export const PLANNER_ROLES = ['admin', 'director', 'manager'] as const;
export const isPlanner = (role: string) => (PLANNER_ROLES as readonly string[]).includes(role);

export const planKeys = {
  all: ['followUpPlans'] as const,
  list: () => [...planKeys.all, 'list'] as const,
  enrollments: (planId: string) => [...planKeys.all, 'enrollments', planId] as const,
};

export function usePlanList() {
  return useCursorList<TFollowUpPlan>(planKeys.list(), '/follow-up-plans');
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TFollowUpPlanCreate) => api.post<TFollowUpPlan>('/follow-up-plans', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.list() }),
  });
}

/**
 * Renames, re-steps, deactivates or reactivates a plan, sending the version it was read at.
 * Deactivating stops the plan's enrollments and cancels their open tasks, so task lists refresh too.
 */
export function useUpdatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TFollowUpPlanUpdate & { id: string; version: number }) =>
      api.patch<TFollowUpPlan>(`/follow-up-plans/${id}`, body),
    // Refreshed after a refusal too, so a stale version (409) is replaced by the current one.
    onSettled: (_plan, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: planKeys.list() }),
        queryClient.invalidateQueries({ queryKey: planKeys.enrollments(id) }),
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      ]),
  });
}

/** Deletes a plan nobody was enrolled in; the server answers 409 plan_in_use otherwise. */
export function useDeletePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: Pick<TFollowUpPlan, 'id' | 'version'>) => api.delete(`/follow-up-plans/${plan.id}`, { version: plan.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.list() }),
  });
}

export function useEnrollments(planId: string) {
  return useCursorList<TPlanEnrollment>(planKeys.enrollments(planId), `/follow-up-plans/${planId}/enrollments`);
}

/** Enrollment changes the plan's counts and may make tasks at once (the steps due on day 0). */
function useEnrollmentChanged(planId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.enrollments(planId) }),
      queryClient.invalidateQueries({ queryKey: planKeys.list() }),
      queryClient.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}

export function useEnroll(planId: string) {
  const changed = useEnrollmentChanged(planId);
  return useMutation({
    mutationFn: (body: { customerId: string } | { dealId: string }) =>
      api.post<TPlanEnrollment>(`/follow-up-plans/${planId}/enrollments`, body),
    onSuccess: changed,
  });
}

export function useStopEnrollment(planId: string) {
  const changed = useEnrollmentChanged(planId);
  return useMutation({
    mutationFn: (enrollmentId: string) => api.delete<TPlanEnrollment>(`/follow-up-plans/${planId}/enrollments/${enrollmentId}`),
    onSuccess: changed,
  });
}
