import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCustomer, TCustomerCreate, TCustomerUpdate, ZCustomerSort, ZCustomerStatus } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer, Page } from '../../shared/types.ts';

export type TCustomerSort = Infer<typeof ZCustomerSort>;
export type TCustomerStatus = Infer<typeof ZCustomerStatus>;
export const CUSTOMER_STATUSES: TCustomerStatus[] = ['prospect', 'active', 'inactive'];
export const STATUS_COLORS: Record<TCustomerStatus, string> = { prospect: 'cyan', active: 'green', inactive: 'default' };

export interface CustomerFilters {
  q?: string;
  tierId?: string;
  ownerId?: string;
  teamId?: string;
  region?: string;
  industry?: string;
  status?: TCustomerStatus;
  tag?: string;
  sort?: TCustomerSort;
  deleted?: 'only';
}

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  search: (q: string) => [...customerKeys.lists(), 'search', q] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
};

export function useCustomerList(filters: CustomerFilters) {
  return useCursorList<TCustomer>(customerKeys.list(filters), '/customers', { ...filters });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: ({ signal }) => api.get<TCustomer>(`/customers/${id}`, undefined, signal),
  });
}

/** A short list of customers matching what was typed, for pickers (a deal's customer). */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: customerKeys.search(q),
    queryFn: ({ signal }) => api.get<Page<TCustomer>>('/customers', { q, limit: 20, sort: 'name' }, signal),
    placeholderData: (previous) => previous,
  });
}

/** Customers by id, for names next to ids (a deal card's customer); each fetched once and cached. */
export function useCustomersById(ids: ReadonlyArray<string | null | undefined>): Map<string, TCustomer> {
  const unique = [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: customerKeys.detail(id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<TCustomer>(`/customers/${id}`, undefined, signal),
      staleTime: 60_000,
    })),
    combine: toCustomerMap,
  });
}

function toCustomerMap(results: ReadonlyArray<{ data?: TCustomer }>): Map<string, TCustomer> {
  return new Map(results.flatMap((result) => (result.data ? [[result.data.id, result.data] as const] : [])));
}

/** Stores the changed customer and refreshes the lists it may appear in (customers, pool). */
function useCustomerSaved() {
  const queryClient = useQueryClient();
  return (customer: TCustomer) => {
    queryClient.setQueryData(customerKeys.detail(customer.id), customer);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: customerKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: ['pool'] }),
    ]);
  };
}

export function useCreateCustomer() {
  const saved = useCustomerSaved();
  return useMutation({ mutationFn: (input: TCustomerCreate) => api.post<TCustomer>('/customers', input), onSuccess: saved });
}

/** Sends the version the form was loaded with: a concurrent change answers 409, not a silent overwrite. */
export function useUpdateCustomer() {
  const saved = useCustomerSaved();
  return useMutation({
    mutationFn: ({ id, ...body }: TCustomerUpdate & { id: string }) => api.patch<TCustomer>(`/customers/${id}`, body),
    onSuccess: saved,
  });
}

/** Soft delete (restorable) or restore. */
export function useSetCustomerDeleted() {
  const saved = useCustomerSaved();
  return useMutation({
    mutationFn: ({ customer, deleted }: { customer: TCustomer; deleted: boolean }) =>
      deleted
        ? api.delete<TCustomer>(`/customers/${customer.id}`, { version: customer.version })
        : api.post<TCustomer>(`/customers/${customer.id}/restore`, { version: customer.version }),
    onSuccess: saved,
  });
}
