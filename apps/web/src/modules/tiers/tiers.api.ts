import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCustomer,
  TCustomerCompliance,
  TCustomerTierSet,
  TTier,
  TTierChange,
  TTierPolicy,
  TTierRules,
  TTierRulesInput,
  TTierSummary,
} from '@tierline/contracts';
import { useMemo } from 'react';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';

export type TierRulesDraft = Omit<TTierRulesInput, 'version'>;

export const tierKeys = {
  all: ['tiers'] as const,
  list: () => [...tierKeys.all, 'list'] as const,
  rules: () => [...tierKeys.all, 'rules'] as const,
  policies: () => [...tierKeys.all, 'policies'] as const,
  history: (customerId: string) => [...tierKeys.all, 'history', customerId] as const,
  compliance: (customerId: string) => [...tierKeys.all, 'compliance', customerId] as const,
};

/** A tier's name in the UI language; tiers are org data, named in both languages. */
export function tierName(tier: Pick<TTier, 'nameZh' | 'nameEn'> | undefined, locale: string): string {
  if (!tier) return '…';
  return locale.startsWith('zh') ? tier.nameZh : tier.nameEn;
}

/** The org's tier ladder, highest first (rank 1); it rarely changes. */
export function useTiers() {
  const query = useQuery({
    queryKey: tierKeys.list(),
    queryFn: ({ signal }) => api.get<{ data: TTier[] }>('/tiers', undefined, signal),
    staleTime: 10 * 60_000,
  });
  const ladder = useMemo(() => {
    const tiers = [...(query.data?.data ?? [])].sort((a, b) => a.rank - b.rank);
    return { tiers, byId: new Map(tiers.map((tier) => [tier.id, tier])), lowest: tiers.at(-1) };
  }, [query.data]);
  return { ...query, ...ladder };
}

export function useTierRules() {
  return useQuery({ queryKey: tierKeys.rules(), queryFn: ({ signal }) => api.get<TTierRules>('/tier-rules', undefined, signal) });
}

/** What rules (the proposed ones, or the current ones) would do as of a date; changes nothing. */
export function usePreviewTierRules() {
  return useMutation({
    mutationFn: (body: { rules?: TierRulesDraft; asOf: string }) => api.post<TTierSummary>('/tier-rules/preview', body),
  });
}

/** Saves the rules as a new version (when they changed), then applies them as of the date. */
export function useApplyTierRules() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ rules, basedOn, asOf }: { rules: TierRulesDraft | null; basedOn: number; asOf: string }) => {
      if (rules) {
        const saved = await api.put<TTierRules>('/tier-rules', { ...rules, version: basedOn });
        queryClient.setQueryData(tierKeys.rules(), saved);
      }
      return api.post<TTierSummary>('/tiers/recompute', { asOf });
    },
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: tierKeys.all }), queryClient.invalidateQueries({ queryKey: ['customers'] })]),
  });
}

export function useTierHistory(customerId: string) {
  return useCursorList<TTierChange>(tierKeys.history(customerId), `/customers/${customerId}/tier-history`);
}

/** Sets a customer's tier by hand (managers and above), with the reason and optionally a pin. */
export function useSetCustomerTier(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCustomerTierSet) => api.put<TCustomer>(`/customers/${customerId}/tier`, body),
    onSuccess: (customer) => {
      queryClient.setQueryData(['customers', 'detail', customer.id], customer);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: tierKeys.history(customerId) }),
        queryClient.invalidateQueries({ queryKey: tierKeys.compliance(customerId) }),
        queryClient.invalidateQueries({ queryKey: ['customers', 'list'] }),
      ]);
    },
  });
}

export function useTierPolicies() {
  const query = useQuery({
    queryKey: tierKeys.policies(),
    queryFn: ({ signal }) => api.get<{ data: TTierPolicy[] }>('/tier-policies', undefined, signal),
    staleTime: 5 * 60_000,
  });
  const byTier = useMemo(() => new Map((query.data?.data ?? []).map((p) => [p.tierId, p])), [query.data]);
  return { ...query, byTier };
}

export function useCustomerCompliance(customerId: string) {
  return useQuery({
    queryKey: tierKeys.compliance(customerId),
    queryFn: ({ signal }) => api.get<TCustomerCompliance>(`/customers/${customerId}/compliance`, undefined, signal),
  });
}
