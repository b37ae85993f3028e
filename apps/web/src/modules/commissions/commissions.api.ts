import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCommissionPlan, TCommissionStatement, ZCommissionPlanUpsert } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import type { Infer } from '../../shared/types.ts';

export type TCommissionPlanUpsert = Infer<typeof ZCommissionPlanUpsert>;
export type { TCommissionPlan, TCommissionStatement };

export const commissionKeys = {
  all: ['commissions'] as const,
  statements: (period: string, teamId?: string) => [...commissionKeys.all, 'statements', period, teamId ?? null] as const,
  plans: () => [...commissionKeys.all, 'plans'] as const,
};

/** The statement of every rep in the caller's scope for the period, each line a payment received. */
export function useCommissionStatements(period: string, teamId?: string) {
  return useQuery({
    queryKey: commissionKeys.statements(period, teamId),
    queryFn: ({ signal }) => api.get<{ data: TCommissionStatement[] }>('/commissions/statements', { period, teamId }, signal),
  });
}

/** The plan of each level that has one (a level without a plan earns no commission). */
export function useCommissionPlans(enabled = true) {
  return useQuery({
    queryKey: commissionKeys.plans(),
    queryFn: ({ signal }) => api.get<{ data: TCommissionPlan[] }>('/commission-plans', undefined, signal),
    enabled,
  });
}

/** Creates or replaces a level's plan; statements are recomputed from it, so they are refreshed too. */
export function useSaveCommissionPlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (plan: TCommissionPlanUpsert) => api.put<TCommissionPlan>('/commission-plans', plan),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: commissionKeys.all }),
  });
}
