import { useQuery } from '@tanstack/react-query';
import type { TCustomer } from '@tierline/contracts';
import { api } from '../../../shared/api.ts';
import { customerKeys } from '../../customers/customers.api.ts';
import { dealKeys, type TDealDetail } from '../../deals/deals.api.ts';
import { useLead } from '../../leads/leads.api.ts';
import { useCustomerContacts, useCustomerDeals } from '../activities.api.ts';
import type { ActivityTarget } from '../activityRequest.ts';

/**
 * What the quick form needs to know about the record it logs on: the customer (a deal's, when only the deal
 * was given), a name for the title, and the contacts and deals to pick from. Reads through the same query
 * keys as the record pages, so on those pages it costs no request.
 */
export function useActivityTarget({ customerId, dealId, leadId }: ActivityTarget, open: boolean) {
  const onLead = Boolean(leadId);
  const deal = useQuery({
    queryKey: dealKeys.detail(dealId ?? ''),
    queryFn: ({ signal }) => api.get<TDealDetail>(`/deals/${dealId}`, undefined, signal),
    enabled: open && !onLead && Boolean(dealId),
  });
  const resolvedCustomerId = onLead ? null : (customerId ?? deal.data?.customerId ?? null);
  const customer = useQuery({
    queryKey: customerKeys.detail(resolvedCustomerId ?? ''),
    queryFn: ({ signal }) => api.get<TCustomer>(`/customers/${resolvedCustomerId}`, undefined, signal),
    enabled: open && Boolean(resolvedCustomerId),
  });
  const lead = useLead(leadId ?? '', open && onLead);
  const contacts = useCustomerContacts(open ? resolvedCustomerId : null);
  // A deal given by the page is the deal; only a customer's own form offers a choice.
  const deals = useCustomerDeals(open && !dealId ? resolvedCustomerId : null);

  const all = (contacts.data ?? []).filter((c) => c.deletedAt === null);
  // On a deal, its buying committee first: those are the people the deal is worked with.
  const committee = new Set((deal.data?.contacts ?? []).map((c) => c.contactId));
  const contactOptions = committee.size ? all.filter((c) => committee.has(c.id)) : all;

  return {
    customerId: resolvedCustomerId,
    /** A deal without a customer cannot take activities: they are logged on a customer (or a lead). */
    noCustomer: Boolean(dealId) && !onLead && deal.data !== undefined && deal.data.customerId === null,
    name: onLead ? lead.data?.name : dealId ? deal.data?.name : customer.data?.name,
    contactOptions,
    contactsLoading: contacts.isFetching,
    dealOptions: (deals.data ?? []).filter((d) => d.deletedAt === null),
    dealsLoading: deals.isFetching,
  };
}
