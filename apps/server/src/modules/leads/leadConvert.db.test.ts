import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, seedOrg, seedUser } from '../../../test/testApp.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { contacts, customers } from '../customers/customers.table.ts';
import { dealStageHistory, deals } from '../deals/deals.table.ts';

const t = await createTestApp();
const acme = await seedOrg(t, 'Acme Convert');
const globex = await seedOrg(t, 'Globex Convert');
let rep: Caller;
let otherRep: Caller;
let outsider: Caller;
let pipelines: { id: string; processType: string; stages: { id: string; key: string }[] }[];
const pipeline = (type: string) => pipelines.find((p) => p.processType === type)!;
const stage = (type: string, key: string) => pipeline(type).stages.find((s) => s.key === key)!.id;

/** Rows of everything a conversion writes, to prove a failed one wrote none of it. */
async function footprint() {
  const n = async (table: typeof customers | typeof contacts | typeof deals | typeof dealStageHistory | typeof auditLog) =>
    (await t.db.select({ n: count() }).from(table).where(eq(table.orgId, acme.orgId)))[0].n;
  return {
    customers: await n(customers),
    contacts: await n(contacts),
    deals: await n(deals),
    history: await n(dealStageHistory),
    audit: await n(auditLog),
  };
}

beforeAll(async () => {
  rep = await seedUser(t, acme.orgId, 'rep');
  otherRep = await seedUser(t, acme.orgId, 'rep');
  outsider = await seedUser(t, globex.orgId, 'rep');
  pipelines = (await rep.get('/api/v1/pipelines')).json().data;
});

const newLead = async (who: Caller = rep) =>
  (
    await who.post('/api/v1/leads', {
      name: 'Chen Jing',
      title: 'CFO',
      company: 'Shenzhen Volt 有限公司',
      email: 'chen@volt.cn',
      phone: '+86 135 0000 0005',
      region: 'South',
      industry: 'Energy',
      source: 'expo',
    })
  ).json();

describe('converting a lead', () => {
  it('creates the customer, the contact and the deal from the lead, and marks it converted', async () => {
    const lead = await newLead();
    const res = await rep.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      contact: { buyingRole: 'economic_buyer' },
      deal: { name: 'Volt storage', pipelineId: pipeline('long').id, amount: 880000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ customerCreated: true, lead: { status: 'converted', version: 2 } });
    expect(r.lead).toMatchObject({ convertedCustomerId: r.customerId, convertedContactId: r.contactId, convertedDealId: r.dealId });
    expect((await rep.get(`/api/v1/customers/${r.customerId}`)).json()).toMatchObject({
      name: 'Shenzhen Volt 有限公司',
      email: 'chen@volt.cn',
      region: 'South',
      industry: 'Energy',
      source: 'expo',
      status: 'prospect',
      ownerId: rep.userId,
    });
    expect((await rep.get(`/api/v1/contacts/${r.contactId}`)).json()).toMatchObject({
      name: 'Chen Jing',
      title: 'CFO',
      customerId: r.customerId,
    });
    expect((await rep.get(`/api/v1/deals/${r.dealId}`)).json()).toMatchObject({
      customerId: r.customerId,
      amount: '880000.00',
      ownerId: rep.userId,
      contacts: [{ contactId: r.contactId, role: 'economic_buyer' }],
    });
    // converted is final: no second conversion, no edits
    expect((await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 2 })).statusCode).toBe(422);
  });

  it('reuses an existing customer, and may create no deal', async () => {
    const customer = (await rep.post('/api/v1/customers', { name: 'Existing Volt' })).json();
    const lead = await newLead();
    const before = await footprint();
    const r = (await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customerId: customer.id })).json();
    expect(r).toMatchObject({ customerId: customer.id, customerCreated: false, dealId: null });
    const after = await footprint();
    expect(after).toMatchObject({ customers: before.customers, contacts: before.contacts + 1, deals: before.deals });
  });

  it('takes a left-out field from the lead, and clears one sent as null', async () => {
    const lead = await newLead();
    const r = (
      await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, contact: { email: null }, customer: { phone: null } })
    ).json();
    const [contact] = await t.db.select().from(contacts).where(eq(contacts.id, r.contactId));
    expect(contact).toMatchObject({ email: null, phone: '+86 135 0000 0005', title: 'CFO' });
    const [customer] = await t.db.select().from(customers).where(eq(customers.id, r.customerId));
    expect(customer).toMatchObject({ phone: null, email: 'chen@volt.cn' });
  });

  it('leaves nothing behind when the deal — the last record created — breaks its stage gate', async () => {
    const lead = await newLead();
    const before = await footprint();
    // Proposal needs an amount and an economic buyer: the customer and contact are written first, then this fails.
    const res = await rep.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      deal: { name: 'Too far', pipelineId: pipeline('long').id, stageId: stage('long', 'proposal') },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['deal.amount', 'deal.contacts.economic_buyer']);
    expect(await footprint()).toEqual(before);
    expect((await rep.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({ status: 'new', version: 1, convertedCustomerId: null });
  });

  it('leaves nothing behind when the lead changed meanwhile (the final step fails on its version)', async () => {
    const lead = await newLead();
    await rep.patch(`/api/v1/leads/${lead.id}`, { title: 'CEO', version: 1 });
    const before = await footprint();
    const res = await rep.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      deal: { name: 'Stale', pipelineId: pipeline('short').id, amount: '1000.50' },
    });
    expect(res.statusCode).toBe(409);
    expect(await footprint()).toEqual(before);
  });

  it('names the bad part of the request: an unknown pipeline, a customer not yours, a malformed contact', async () => {
    const lead = await newLead();
    const before = await footprint();
    const badPipeline = await rep.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1,
      deal: { name: 'x', pipelineId: '01900000-0000-7000-8000-000000000000' },
    });
    expect(badPipeline.statusCode).toBe(422);
    expect(badPipeline.json().errors[0].path).toBe('deal.pipelineId');
    const theirs = (await otherRep.post('/api/v1/customers', { name: 'Not yours' })).json();
    const foreign = (await outsider.post('/api/v1/customers', { name: 'Foreign' })).json();
    for (const customerId of [theirs.id, foreign.id]) {
      const res = await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customerId });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].path).toBe('customerId');
    }
    const malformed = await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, contact: { email: 'nope' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].path).toBe('contact.email');
    const both = await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customerId: theirs.id, customer: { name: 'x' } });
    expect(both.statusCode).toBe(400);
    expect(await footprint()).toEqual({ ...before, customers: before.customers + 1, audit: before.audit + 1 }); // only `theirs`
  });

  it('is refused on another rep’s lead (404) and another organisation’s (404)', async () => {
    const lead = await newLead(otherRep);
    expect((await rep.post(`/api/v1/leads/${lead.id}/convert`, { version: 1 })).statusCode).toBe(404);
    expect((await outsider.post(`/api/v1/leads/${lead.id}/convert`, { version: 1 })).statusCode).toBe(404);
  });
});
