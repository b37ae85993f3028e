import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAccountPlan, TAccountPlanPut, TAccountTeamMember, TAccountTeamMemberPut } from '@tierline/contracts';
import { api } from '../../shared/api.ts';

export type TAccountTeamRole = TAccountTeamMember['role'];
export type TAccountTeamAccess = TAccountTeamMember['access'];
export const ACCOUNT_TEAM_ROLES: TAccountTeamRole[] = ['owner', 'co_owner', 'service', 'member'];
export const ACCOUNT_TEAM_ACCESS: TAccountTeamAccess[] = ['read', 'write'];

export const accountTeamKeys = {
  all: ['account-teams'] as const,
  team: (customerId: string) => [...accountTeamKeys.all, 'team', customerId] as const,
  plan: (customerId: string) => [...accountTeamKeys.all, 'plan', customerId] as const,
};

export function useAccountTeam(customerId: string) {
  return useQuery({
    queryKey: accountTeamKeys.team(customerId),
    queryFn: ({ signal }) => api.get<{ data: TAccountTeamMember[] }>(`/customers/${customerId}/account-team`, undefined, signal),
  });
}

/** Adds a member, or changes a member's role and access. */
export function usePutTeamMember(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: TAccountTeamMemberPut & { userId: string }) =>
      api.put<TAccountTeamMember>(`/customers/${customerId}/account-team/${userId}`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountTeamKeys.team(customerId) }),
        queryClient.invalidateQueries({ queryKey: ['tiers', 'compliance', customerId] }),
      ]),
  });
}

export function useRemoveTeamMember(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/customers/${customerId}/account-team/${userId}`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: accountTeamKeys.team(customerId) }),
        queryClient.invalidateQueries({ queryKey: ['tiers', 'compliance', customerId] }),
      ]),
  });
}

/** The account plan; version 0 means none has been written yet. */
export function useAccountPlan(customerId: string) {
  return useQuery({
    queryKey: accountTeamKeys.plan(customerId),
    queryFn: ({ signal }) => api.get<TAccountPlan>(`/customers/${customerId}/account-plan`, undefined, signal),
  });
}

export function useSaveAccountPlan(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAccountPlanPut) => api.put<TAccountPlan>(`/customers/${customerId}/account-plan`, body),
    onSuccess: (plan) => queryClient.setQueryData(accountTeamKeys.plan(customerId), plan),
  });
}
