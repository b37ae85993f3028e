import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCustomer, TPoolEvent } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';

export interface PoolFilters {
  q?: string;
  tierId?: string;
  region?: string;
  industry?: string;
}

export const poolKeys = {
  all: ['pool'] as const,
  list: (filters: PoolFilters) => [...poolKeys.all, 'list', filters] as const,
  events: (customerId: string) => [...poolKeys.all, 'events', customerId] as const,
};

/** The public pool (公海): customers without an owner, for everyone in the organisation to see. */
export function usePoolList(filters: PoolFilters) {
  return useCursorList<TCustomer>(poolKeys.list(filters), '/pool', { ...filters });
}

/** A customer's claims, releases, reclaims and warnings, newest first. */
export function usePoolEvents(customerId: string) {
  return useCursorList<TPoolEvent>(poolKeys.events(customerId), `/customers/${customerId}/pool-events`);
}

function useOwnerChanged() {
  const queryClient = useQueryClient();
  return (customer: TCustomer) => {
    queryClient.setQueryData(['customers', 'detail', customer.id], customer);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: poolKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['customers', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['tiers', 'compliance', customer.id] }),
    ]);
  };
}

/** Claims a pool customer for the signed-in user; refused with 422 over a limit or in a cool-down. */
export function useClaimCustomer() {
  const changed = useOwnerChanged();
  return useMutation({
    mutationFn: (customerId: string) => api.post<TCustomer>(`/customers/${customerId}/claim`, {}),
    onSuccess: changed,
  });
}

/** Returns a customer to the pool with the reason the next claimer will read. */
export function useReleaseCustomer() {
  const changed = useOwnerChanged();
  return useMutation({
    mutationFn: ({ customerId, reason }: { customerId: string; reason: string }) =>
      api.post<TCustomer>(`/customers/${customerId}/release`, { reason }),
    onSuccess: changed,
  });
}
