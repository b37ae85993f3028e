import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TActivity, TActivityCreate, TActivityKind, TContact, TDeal, TTimelineEvent, TTimelineEventKind } from '@tierline/contracts';
import { api } from '../../shared/api.ts';
import { useCursorList } from '../../shared/list.ts';
import type { Page } from '../../shared/types.ts';
import { contactKeys } from '../customers/contacts.api.ts';
import { customerKeys } from '../customers/customers.api.ts';
import { leadKeys } from '../leads/leads.api.ts';
import { tierKeys } from '../tiers/tiers.api.ts';
import type { TimelineScope } from './timelineEvents.ts';

export interface ActivityFilters {
  customerId?: string;
  dealId?: string;
  leadId?: string;
  ownerId?: string;
  kind?: TActivityKind;
}

export const activityKeys = {
  all: ['activities'] as const,
  timelines: () => [...activityKeys.all, 'timeline'] as const,
  timeline: (scope: TimelineScope, id: string) => [...activityKeys.timelines(), scope, id] as const,
  detail: (id: string) => [...activityKeys.all, 'detail', id] as const,
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (filters: ActivityFilters) => [...activityKeys.lists(), filters] as const,
  customerDeals: (customerId: string) => [...activityKeys.all, 'customer-deals', customerId] as const,
};

/** A customer's or deal's timeline, newest first, a page at a time; no kinds means every kind. */
export function useTimeline(scope: TimelineScope, id: string, kinds: readonly TTimelineEventKind[]) {
  const sorted = [...kinds].sort().join(',');
  return useCursorList<TTimelineEvent>([...activityKeys.timeline(scope, id), sorted], `/${scope}s/${id}/timeline`, {
    kinds: sorted || undefined,
  });
}

/** One activity, e.g. for the notes a timeline event does not carry; only when asked for. */
export function useActivity(id: string, enabled: boolean) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: ({ signal }) => api.get<TActivity>(`/activities/${id}`, undefined, signal),
    enabled,
  });
}

/** Activities by customer, deal, lead, owner or kind, newest first. */
export function useActivityList(filters: ActivityFilters) {
  return useCursorList<TActivity>(activityKeys.list(filters), '/activities', { ...filters });
}

/**
 * A customer's contacts for the form's picker: one page of up to 200 (a customer with more is rare, and the
 * search box of the select filters them). Under the contacts' key so saving a contact refreshes it.
 */
export function useCustomerContacts(customerId: string | null | undefined) {
  return useQuery({
    queryKey: [...contactKeys.byCustomer(customerId ?? ''), 'picker'],
    queryFn: ({ signal }) => api.get<Page<TContact>>('/contacts', { customerId, limit: 200 }, signal),
    enabled: Boolean(customerId),
    select: (page) => page.data,
  });
}

/** A customer's deals, newest first, for the form's deal picker and for naming deals on the timeline. */
export function useCustomerDeals(customerId: string | null | undefined) {
  return useQuery({
    queryKey: activityKeys.customerDeals(customerId ?? ''),
    queryFn: ({ signal }) => api.get<Page<TDeal>>('/deals', { customerId, limit: 200, sort: '-createdAt' }, signal),
    enabled: Boolean(customerId),
    select: (page) => page.data,
  });
}

/**
 * Logs an activity. A contact moves the customer's last contact (its page, the lists sorted by it, the
 * tier compliance and the pool all show it) and its cadence task; an activity on a lead rescores the lead.
 */
export function useLogActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TActivityCreate) => api.post<TActivity>('/activities', input),
    onSuccess: (activity) => {
      const refresh = (queryKey: readonly unknown[]) => queryClient.invalidateQueries({ queryKey });
      const { customerId, leadId } = activity;
      return Promise.all([
        refresh(activityKeys.timelines()),
        refresh(activityKeys.lists()),
        ...(customerId
          ? [
              refresh(customerKeys.detail(customerId)),
              refresh(customerKeys.lists()),
              refresh(tierKeys.compliance(customerId)),
              refresh(['pool']),
            ]
          : []),
        ...(leadId ? [refresh(leadKeys.detail(leadId)), refresh(leadKeys.lists())] : []),
        // The tier cadence task moves with the contact (tasks module: my day, calendar).
        refresh(['tasks']),
      ]);
    },
  });
}
