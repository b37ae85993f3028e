import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TContact,
  TServiceBreachReport,
  TServiceRequest,
  TServiceRequestCreate,
  TServiceRequestStatus,
  TServiceRequestUpdate,
  ZServiceRequestChannel,
  ZServiceRequestPriority,
} from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Infer, Page } from '../../shared/types.ts';
import { openedRange } from './dateInputs.ts';
import type { ServiceAction } from './sla.ts';

export type TServiceChannel = Infer<typeof ZServiceRequestChannel>;
export type TServicePriority = Infer<typeof ZServiceRequestPriority>;

export const SERVICE_STATUSES: TServiceRequestStatus[] = ['open', 'answered', 'resolved', 'closed'];
export const SERVICE_CHANNELS: TServiceChannel[] = ['phone', 'email', 'wechat', 'visit', 'portal', 'other'];
export const SERVICE_PRIORITIES: TServicePriority[] = ['low', 'normal', 'high', 'urgent'];
export const STATUS_COLORS: Record<TServiceRequestStatus, string> = {
  open: 'blue',
  answered: 'cyan',
  resolved: 'green',
  closed: 'default',
};
export const PRIORITY_COLORS: Record<TServicePriority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

/** The list's filters as the URL keeps them: days as "YYYY-MM-DD", breached as "true". */
export interface ServiceFilters {
  status?: TServiceRequestStatus;
  breached?: 'true';
  ownerId?: string;
  tierId?: string;
  customerId?: string;
  from?: string;
  to?: string;
}

export const serviceKeys = {
  all: ['service-requests'] as const,
  lists: () => [...serviceKeys.all, 'list'] as const,
  list: (filters: ServiceFilters) => [...serviceKeys.lists(), filters] as const,
  detail: (id: string) => [...serviceKeys.all, 'detail', id] as const,
  breaches: (q: BreachQuery) => [...serviceKeys.all, 'breaches', q] as const,
  contacts: (customerId: string) => [...serviceKeys.all, 'contacts', customerId] as const,
};

export function useServiceRequestList(filters: ServiceFilters) {
  const { from, to, ...rest } = filters;
  return useCursorList<TServiceRequest>(serviceKeys.list(filters), '/service-requests', { ...rest, ...openedRange(from, to) });
}

export function useServiceRequest(id: string) {
  return useQuery({
    queryKey: serviceKeys.detail(id),
    queryFn: ({ signal }) => api.get<TServiceRequest>(`/service-requests/${id}`, undefined, signal),
  });
}

export interface BreachQuery {
  groupBy: 'rep' | 'team';
  from?: string;
  to?: string;
}

export function useBreachReport(q: BreachQuery) {
  return useQuery({
    queryKey: serviceKeys.breaches(q),
    queryFn: ({ signal }) =>
      api.get<TServiceBreachReport>('/service-requests/breaches', { groupBy: q.groupBy, ...openedRange(q.from, q.to) }, signal),
    placeholderData: (previous) => previous,
  });
}

/** A customer's contacts, for the request's contact picker; nothing is asked until a customer is chosen. */
export function useCustomerContacts(customerId: string | null | undefined) {
  return useQuery({
    queryKey: serviceKeys.contacts(customerId ?? ''),
    queryFn: ({ signal }) => api.get<Page<TContact>>('/contacts', { customerId, limit: 200 }, signal),
    enabled: Boolean(customerId),
    select: (page) => page.data,
    staleTime: 60_000,
  });
}

/** Stores the changed request and refreshes the lists and the report, which count it. */
function useSaved() {
  const queryClient = useQueryClient();
  return (request: TServiceRequest) => {
    queryClient.setQueryData(serviceKeys.detail(request.id), request);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: serviceKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: [...serviceKeys.all, 'breaches'] }),
    ]);
  };
}

export function useCreateServiceRequest() {
  const saved = useSaved();
  return useMutation({
    mutationFn: (input: TServiceRequestCreate) => api.post<TServiceRequest>('/service-requests', input),
    onSuccess: saved,
  });
}

/** Sends the version the form was loaded with: a concurrent edit answers 409 instead of being overwritten. */
export function useUpdateServiceRequest() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, ...body }: TServiceRequestUpdate & { id: string }) => api.patch<TServiceRequest>(`/service-requests/${id}`, body),
    onSuccess: saved,
  });
}

/**
 * Answer, resolve or reopen. No version is sent: the server's status rules already serialise these
 * (a second "answer" is refused), and an unrelated edit of the title should not block answering.
 */
export function useServiceAction() {
  const saved = useSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, resolution }: { id: string; action: ServiceAction; resolution?: string }) =>
      api.post<TServiceRequest>(`/service-requests/${id}/${action}`, action === 'resolve' ? { resolution } : {}),
    onSuccess: saved,
    // Refused because someone else moved it first: show what it is now.
    onError: (_error, { id }) => queryClient.invalidateQueries({ queryKey: serviceKeys.detail(id) }),
  });
}
