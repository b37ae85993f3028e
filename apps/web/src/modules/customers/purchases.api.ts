import { useQuery } from '@tanstack/react-query';
import type { TOrder, ZPurchaseSummary } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer } from '../../shared/types.ts';

export type TPurchaseSummary = Infer<typeof ZPurchaseSummary>;

export const purchaseKeys = {
  all: ['purchases'] as const,
  summary: (customerId: string) => [...purchaseKeys.all, 'summary', customerId] as const,
  orders: (customerId: string) => [...purchaseKeys.all, 'orders', customerId] as const,
};

/** RFM figures, intervals, top products and categories, monthly totals, as of now. */
export function usePurchaseSummary(customerId: string) {
  return useQuery({
    queryKey: purchaseKeys.summary(customerId),
    queryFn: ({ signal }) => api.get<TPurchaseSummary>(`/customers/${customerId}/purchase-summary`, undefined, signal),
  });
}

export function useCustomerOrders(customerId: string) {
  return useCursorList<TOrder>(purchaseKeys.orders(customerId), '/orders', { customerId });
}
