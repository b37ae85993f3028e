import type { TLead, TLeadConvert } from '@tierline/contracts';
import type { TBuyingRole, TSeniority } from '../customers/contacts.api.ts';
import type { TLeadConversion, TLeadDuplicate } from './leads.api.ts';

/**
 * The convert dialog's form. Names follow the request's paths, so the server's field errors land on
 * them. A section the form does not show (the new customer when reusing one, the deal when none is
 * wanted) is absent from what the form submits.
 */
export interface ConvertFormValues {
  customerMode: 'new' | 'existing';
  customerId?: string | null;
  customer?: { name?: string };
  contact: {
    name: string;
    title?: string | null;
    email?: string | null;
    phone?: string | null;
    seniority?: TSeniority | null;
    buyingRole?: TBuyingRole | null;
  };
  withDeal: boolean;
  deal?: { name?: string; pipelineId?: string; amount?: string | number | null; expectedCloseDate?: string | null };
}

/** Every field of the form, as the server names them in `errors[].path`. */
export const CONVERT_FIELDS = [
  'customerId',
  'customer.name',
  'contact.name',
  'contact.title',
  'contact.email',
  'contact.phone',
  'contact.seniority',
  'contact.buyingRole',
  'deal.name',
  'deal.pipelineId',
  'deal.amount',
  'deal.expectedCloseDate',
] as const;

/**
 * The customer the lead most likely already is: a visible customer duplicate, the one matching on
 * most keys (email before phone on a tie, as an email names a person more surely). Null when none.
 */
export function proposedCustomerId(duplicates: readonly TLeadDuplicate[]): string | null {
  const rank = (d: TLeadDuplicate) => d.matchedOn.length * 2 + (d.matchedOn.includes('email') ? 1 : 0);
  const candidates = duplicates.filter((d) => d.entity === 'customer' && d.visible).sort((a, b) => rank(b) - rank(a));
  return candidates[0]?.id ?? null;
}

/**
 * The form as it opens: the contact prefilled from the lead, the customer reused when the lead
 * matches one (else a new one named after the lead's company), and a deal proposed.
 */
export function initialConvertValues(
  lead: TLead,
  duplicates: readonly TLeadDuplicate[],
  deal: { name: string; pipelineId?: string },
): ConvertFormValues {
  const customerId = proposedCustomerId(duplicates);
  return {
    customerMode: customerId ? 'existing' : 'new',
    customerId,
    customer: { name: lead.company ?? lead.name },
    contact: { name: lead.name, title: lead.title, email: lead.email, phone: lead.phone, seniority: null, buyingRole: null },
    withDeal: true,
    deal: { name: deal.name, pipelineId: deal.pipelineId, amount: null, expectedCloseDate: null },
  };
}

const text = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/**
 * The request from the form: either `customerId` or `customer` (never both, the server refuses
 * that), the contact, and the deal only when one is wanted. Money travels as text, never as a float.
 * An emptied contact field is sent as null, which the server fills from the lead again (see the report).
 */
export function buildConvertRequest(v: ConvertFormValues, lead: Pick<TLead, 'version'>): TLeadConvert {
  const customerName = text(v.customer?.name);
  const customer =
    v.customerMode === 'existing' && v.customerId ? { customerId: v.customerId } : { customer: customerName ? { name: customerName } : {} };
  const c = v.contact;
  const contact = {
    name: c.name.trim(),
    title: text(c.title),
    email: text(c.email),
    phone: text(c.phone),
    seniority: c.seniority ?? null,
    buyingRole: c.buyingRole ?? null,
  };
  const request: TLeadConvert = { version: lead.version, ...customer, contact };
  const d = v.deal;
  if (v.withDeal && d?.pipelineId) {
    const amount = d.amount === null || d.amount === undefined ? '' : String(d.amount).trim();
    const close = text(d.expectedCloseDate);
    request.deal = {
      name: (d.name ?? '').trim(),
      pipelineId: d.pipelineId,
      ...(amount ? { amount } : {}),
      ...(close ? { expectedCloseDate: close } : {}),
    };
  }
  return request;
}

/** Where a conversion lands: the deal when one was created, else the customer. */
export function conversionPath(result: Pick<TLeadConversion, 'dealId' | 'customerId'>): string {
  return result.dealId ? `/deals/${result.dealId}` : `/customers/${result.customerId}`;
}
