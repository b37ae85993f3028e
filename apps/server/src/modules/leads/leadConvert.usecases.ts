import type { TLeadConvert } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { AppError, staleVersion, unprocessable } from '../../platform/errors.ts';
import { emitDomainEvent } from '../../platform/events/domainEvents.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { createContact } from '../contacts/contacts.usecases.ts';
import { createCustomers } from '../customers/customers.create.usecases.ts';
import { getVisibleCustomer } from '../customers/customers.usecases.ts';
import { createDeal } from '../deals/deals.usecases.ts';
import { writableLeads } from './leads.access.ts';
import * as repo from './leads.repository.ts';
import { assertLeadOpen, getWritableLead, leadView } from './leads.usecases.ts';

/**
 * Runs one step of a conversion and names its errors by where they came from in the request
 * ("deal.amount", not "amount"). A reused customer the caller cannot see or change is a bad
 * reference in this request (422 on customerId), not a missing resource.
 */
/** A field the caller left out takes the lead's value; one sent as null is cleared on purpose. */
const orLead = <T>(given: T | null | undefined, fromLead: T | null): T | null => (given === undefined ? fromLead : given);

async function step<T>(prefix: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const customerRefused = prefix === 'customerId' || (prefix === 'contact' && !err.errors?.length);
    if (customerRefused && (err.status === 404 || err.status === 403))
      throw unprocessable('unknown_reference', 'No such customer that you may change', [
        { path: 'customerId', message: 'no such customer that you may change' },
      ]);
    const errors = err.errors?.map((e) => ({ ...e, path: `${prefix}.${e.path}` }));
    throw new AppError(err.status, err.code, err.title, `${prefix}: ${err.message}`, errors, err.headers);
  }
}

/**
 * Converts a lead into a customer (created, or an existing one reused), a contact and optionally a
 * deal, and marks the lead converted — all in one transaction. The steps call the customers,
 * contacts and deals use cases inside it (their own transactions become savepoints), so their rules
 * apply unchanged and a failure in any step, the last included, leaves nothing behind.
 */
export async function convertLead(ctx: Ctx, id: string, version: number, input: Omit<TLeadConvert, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const lead = await getWritableLead(tx, id);
    assertLeadOpen(lead);
    if (lead.deletedAt) throw unprocessable('lead_deleted', 'Restore the lead before converting it', [{ path: 'id', message: 'deleted' }]);
    const ownerId = lead.ownerId ?? ctx.actor.userId;

    let customerId = input.customerId;
    const customerCreated = !customerId;
    if (customerId) {
      const reused = customerId;
      await step('customerId', () => getVisibleCustomer(tx, reused));
    } else {
      const c = input.customer ?? {};
      const { ids } = await step('customer', () =>
        createCustomers(
          tx,
          [
            {
              ...c,
              name: c.name ?? lead.company ?? lead.name,
              email: orLead(c.email, lead.email),
              phone: orLead(c.phone, lead.phone),
              region: orLead(c.region, lead.region),
              industry: orLead(c.industry, lead.industry),
              source: orLead(c.source, lead.source),
              // Someone who was a lead a moment ago has not bought yet.
              status: c.status ?? 'prospect',
              ownerId,
            },
          ],
          { mode: 'create', pathPrefix: '' },
        ),
      );
      customerId = ids[0];
    }
    const forCustomer = customerId;

    const p = input.contact ?? {};
    // A reused customer the caller may not change refuses the contact with 403/404: that is the customer's
    // fault (customerId); every other contact problem is the contact's.
    const contact = await step('contact', () =>
      createContact(tx, {
        customerId: forCustomer,
        name: p.name ?? lead.name,
        title: orLead(p.title, lead.title),
        email: orLead(p.email, lead.email),
        phone: orLead(p.phone, lead.phone),
        seniority: p.seniority ?? null,
        buyingRole: p.buyingRole ?? null,
        notes: p.notes ?? null,
      }),
    );

    let dealId: string | null = null;
    if (input.deal) {
      const d = input.deal;
      const deal = await step('deal', () =>
        createDeal(tx, {
          name: d.name,
          pipelineId: d.pipelineId,
          stageId: d.stageId,
          amount: d.amount === undefined ? undefined : String(d.amount),
          expectedCloseDate: d.expectedCloseDate,
          customerId: forCustomer,
          ownerId,
          contacts: contact.buyingRole ? [{ contactId: contact.id, role: contact.buyingRole }] : [],
        }),
      );
      dealId = deal.id;
    }

    // Last: the lead itself, against the version the caller saw. A stale version undoes every step above.
    const after = await repo.updateLeadRow(tx.db, writableLeads(ctx.actor), id, version, {
      status: 'converted',
      convertedCustomerId: forCustomer,
      convertedContactId: contact.id,
      convertedDealId: dealId,
      convertedAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw staleVersion('lead', lead.version);
    await recordAudit(tx.db, tx, { action: 'update', entity: 'lead', entityId: id, before: leadView(lead), after: leadView(after) });
    await emitDomainEvent(tx.db, ctx.clock.now(), {
      orgId: ctx.actor.orgId,
      type: 'lead.converted',
      data: { lead: leadView(after), customerId: forCustomer, customerCreated, contactId: contact.id, dealId },
    });
    return { lead: after, customerId: forCustomer, customerCreated, contactId: contact.id, dealId };
  });
}
