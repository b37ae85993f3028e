import type { TLead } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { buildConvertRequest, type ConvertFormValues, conversionPath, initialConvertValues, proposedCustomerId } from './convertRequest.ts';

const LEAD = {
  id: 'L1',
  version: 4,
  name: '王芳',
  company: '鞍山钢铁集团有限公司',
  title: '采购经理',
  email: 'wang@ansteel.cn',
  phone: '138 0000 0001',
} as TLead;

const dup = (entity: 'lead' | 'customer', id: string, matchedOn: ('email' | 'phone' | 'company')[], visible = true) => ({
  entity,
  id,
  matchedOn,
  visible,
});

describe('proposedCustomerId', () => {
  it('proposes the visible customer matching on most keys, email first on a tie', () => {
    expect(
      proposedCustomerId([
        dup('lead', 'lead-1', ['email', 'phone', 'company']),
        dup('customer', 'c-phone', ['phone']),
        dup('customer', 'c-email', ['email']),
        dup('customer', 'c-hidden', ['email', 'phone'], false),
      ]),
    ).toBe('c-email');
    expect(proposedCustomerId([dup('customer', 'c-1', ['phone']), dup('customer', 'c-2', ['email', 'phone'])])).toBe('c-2');
  });
  it('proposes none when no customer is visible (a lead duplicate is not a customer)', () => {
    expect(proposedCustomerId([dup('lead', 'l', ['email']), dup('customer', 'c', ['email'], false)])).toBeNull();
  });
});

describe('initialConvertValues', () => {
  it('reuses the matching customer and prefills the contact from the lead', () => {
    const v = initialConvertValues(LEAD, [dup('customer', 'c-1', ['email'])], { name: '鞍钢 新商机', pipelineId: 'p-short' });
    expect(v).toMatchObject({
      customerMode: 'existing',
      customerId: 'c-1',
      customer: { name: '鞍山钢铁集团有限公司' },
      contact: { name: '王芳', title: '采购经理', email: 'wang@ansteel.cn', phone: '138 0000 0001' },
      withDeal: true,
      deal: { name: '鞍钢 新商机', pipelineId: 'p-short' },
    });
  });
  it('creates a customer named after the person when the lead has no company', () => {
    const v = initialConvertValues({ ...LEAD, company: null }, [], { name: 'x' });
    expect(v.customerMode).toBe('new');
    expect(v.customer?.name).toBe('王芳');
  });
});

const form = (patch: Partial<ConvertFormValues> = {}): ConvertFormValues => ({
  customerMode: 'new',
  customerId: null,
  customer: { name: ' 鞍钢 ' },
  contact: { name: ' 王芳 ', title: '', email: 'wang@ansteel.cn', phone: null, seniority: 'manager', buyingRole: 'economic_buyer' },
  withDeal: true,
  deal: { name: ' 鞍钢二期 ', pipelineId: 'p-long', amount: '500000.50', expectedCloseDate: '2025-09-30' },
  ...patch,
});

describe('buildConvertRequest', () => {
  it('creates a customer, a contact and a deal, with trimmed text, nulls for empty fields and the amount as text', () => {
    expect(buildConvertRequest(form(), LEAD)).toEqual({
      version: 4,
      customer: { name: '鞍钢' },
      contact: { name: '王芳', title: null, email: 'wang@ansteel.cn', phone: null, seniority: 'manager', buyingRole: 'economic_buyer' },
      deal: { name: '鞍钢二期', pipelineId: 'p-long', amount: '500000.50', expectedCloseDate: '2025-09-30' },
    });
  });
  it('reuses a customer by id and sends no customer fields (the server refuses both)', () => {
    const r = buildConvertRequest(form({ customerMode: 'existing', customerId: 'c-9' }), LEAD);
    expect(r.customerId).toBe('c-9');
    expect(r).not.toHaveProperty('customer');
  });
  it('leaves the deal out when none is wanted, and optional deal fields out when empty', () => {
    expect(buildConvertRequest(form({ withDeal: false }), LEAD)).not.toHaveProperty('deal');
    const bare = buildConvertRequest(form({ deal: { name: 'd', pipelineId: 'p', amount: null, expectedCloseDate: '' } }), LEAD);
    expect(bare.deal).toEqual({ name: 'd', pipelineId: 'p' });
  });
  it('an emptied customer name lets the server name the customer after the lead', () => {
    expect(buildConvertRequest(form({ customer: { name: '  ' } }), LEAD).customer).toEqual({});
  });
});

describe('conversionPath', () => {
  it('lands on the deal when one was created, else on the customer', () => {
    expect(conversionPath({ dealId: 'd-1', customerId: 'c-1' })).toBe('/deals/d-1');
    expect(conversionPath({ dealId: null, customerId: 'c-1' })).toBe('/customers/c-1');
  });
});
