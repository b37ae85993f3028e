import type { TActivity, TActivityCreate, TActivityUpdate } from '@tierline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import { checkOwners, getVisibleCustomer } from '../customers/customers.usecases.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { rescoreLead } from '../leads/leadScoring.usecases.ts';
import { visibleLeads, writableLeads } from '../leads/leads.access.ts';
import { findLead } from '../leads/leads.repository.ts';
import { onCustomerContacted } from '../tasks/followUp.hooks.ts';
import { visibleActivities, writableActivities } from './activities.access.ts';
import * as repo from './activities.repository.ts';
import {
  type ActivityState,
  checkActivity,
  checkInAfter,
  contactEffect,
  countsAsContact,
  isAnswered,
  participants,
} from './activities.rules.ts';
import { activities } from './activities.table.ts';

const num = (v: string | null) => (v === null ? null : Number(v));
const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

export const activityView = (a: repo.ActivityRow): TActivity => ({
  id: a.id,
  kind: a.kind,
  subject: a.subject,
  notes: a.notes,
  outcome: a.outcome,
  occurredAt: a.occurredAt.toISOString(),
  durationMinutes: a.durationMinutes,
  customerId: a.customerId,
  contactId: a.contactId,
  dealId: a.dealId,
  leadId: a.leadId,
  ownerId: a.ownerId,
  teamId: a.teamId,
  contactIds: a.contactIds,
  userIds: a.userIds,
  checkInAt: a.checkInAt?.toISOString() ?? null,
  location: a.location,
  latitude: num(a.latitude),
  longitude: num(a.longitude),
  isContact: countsAsContact(a.kind),
  answered: isAnswered(a.kind, a.outcome),
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  deletedAt: a.deletedAt?.toISOString() ?? null,
  version: a.version,
});

export async function getVisibleActivity(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findActivity(ctx.db, visibleActivities(ctx.actor), id);
  if (!row) throw notFound('Activity');
  return row;
}

/** 404 when the caller cannot see the activity, 403 when they may only read it. */
export async function getWritableActivity(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findActivity(ctx.db, writableActivities(ctx.actor), id);
  if (row) return row;
  await getVisibleActivity(ctx, id);
  throw forbidden('You may read this activity but not change it');
}

export async function listActivities(ctx: Ctx, q: { limit: number; cursor?: string } & repo.ActivityFilter) {
  const rows = await repo.listActivities(ctx.db, await listVisibility(ctx, q), q, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (a) => [a.occurredAt.toISOString(), a.id]);
  return { data: page.data.map(activityView), nextCursor: page.nextCursor };
}

/**
 * Which activities the list may show. For one customer's (or lead's) activities, visibility is the
 * record's: checked once here rather than per row (the per-row check scans the customers the caller
 * sees, which grows with the organisation). An invisible record lists nothing.
 */
async function listVisibility(ctx: Ctx, q: repo.ActivityFilter): Promise<SQL> {
  const ofOrg = sql`${activities.orgId} = ${ctx.actor.orgId}`;
  if (q.customerId) return (await findCustomer(ctx.db, visibleCustomers(ctx.actor), q.customerId)) ? ofOrg : sql`false`;
  if (q.leadId) return (await findLead(ctx.db, visibleLeads(ctx.actor), q.leadId)) ? ofOrg : sql`false`;
  return visibleActivities(ctx.actor);
}

/**
 * The record an activity is logged against, which the caller must be allowed to change: logging moves
 * its last contact (or its score). Unknown or invisible → 422 naming the field; visible but read-only → 403.
 */
async function checkParent(tx: Ctx, input: { customerId?: string; leadId?: string }, errors: FieldError[]) {
  if (input.customerId) {
    const customer = await findCustomer(tx.db, writableCustomers(tx.actor), input.customerId);
    if (!customer) {
      const visible = await getVisibleCustomer(tx, input.customerId).catch(() => null);
      if (visible) throw forbidden('You may read this customer but not log activities on it');
      errors.push({ path: 'customerId', message: 'no such customer that you may see' });
    } else if (customer.deletedAt) errors.push({ path: 'customerId', message: 'the customer is deleted' });
  }
  if (input.leadId) {
    const lead = await findLead(tx.db, writableLeads(tx.actor), input.leadId);
    if (!lead) {
      if (await findLead(tx.db, visibleLeads(tx.actor), input.leadId))
        throw forbidden('You may read this lead but not log activities on it');
      errors.push({ path: 'leadId', message: 'no such lead that you may see' });
    } else if (lead.deletedAt) errors.push({ path: 'leadId', message: 'the lead is deleted' });
    else if (lead.status === 'converted' || lead.status === 'merged')
      errors.push({ path: 'leadId', message: `the lead is ${lead.status}; log activities on what it became` });
  }
}

/** The contact and deal must be the customer's; participants people of the organisation. */
async function checkLinks(
  tx: Ctx,
  customerId: string | null,
  links: { contactId: string | null; dealId: string | null; contactIds: string[]; userIds: string[] },
  changed: { contactId: boolean; dealId: boolean; contactIds: boolean; userIds: boolean },
) {
  const orgId = tx.actor.orgId;
  const errors: FieldError[] = [];
  if (changed.contactId && links.contactId && customerId) {
    const known = await repo.existingContacts(tx.db, orgId, [links.contactId], customerId);
    if (!known.has(links.contactId)) errors.push({ path: 'contactId', message: 'not a contact of this activity’s customer' });
  }
  if (changed.dealId && links.dealId && customerId) {
    if (!(await repo.findCustomerDeal(tx.db, visibleDeals(tx.actor), customerId, links.dealId)))
      errors.push({ path: 'dealId', message: 'no deal of this activity’s customer that you may see' });
  }
  if (changed.contactIds) {
    const known = await repo.existingContacts(tx.db, orgId, links.contactIds);
    links.contactIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `contactIds.${i}`, message: 'no such contact' });
    });
  }
  if (changed.userIds) {
    const known = await repo.existingUsers(tx.db, orgId, links.userIds);
    links.userIds.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `userIds.${i}`, message: 'no such user' });
    });
  }
  return errors;
}

const stateOf = (a: repo.NewActivityRow): ActivityState => ({
  kind: a.kind,
  outcome: a.outcome ?? null,
  occurredAt: a.occurredAt,
  customerId: a.customerId ?? null,
  leadId: a.leadId ?? null,
  contactId: a.contactId ?? null,
  dealId: a.dealId ?? null,
  checkInAt: a.checkInAt ?? null,
  location: a.location ?? null,
  latitude: num(a.latitude ?? null),
  longitude: num(a.longitude ?? null),
});

const fail = (errors: FieldError[]) => {
  if (errors.length) throw unprocessable('invalid_activity', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
};

/**
 * What an activity does beyond itself, in its transaction: a contact moves the customer's last contact
 * forward (never back; which resets the pool clock) and tells the follow-up module; an activity on a lead rescores it.
 */
async function applyEffects(tx: Ctx, before: repo.ActivityRow | null, after: repo.ActivityRow) {
  const orgId = tx.actor.orgId;
  const effect = after.deletedAt ? null : contactEffect(before, after);
  if (effect && after.customerId) {
    await repo.touchCustomerContact(tx.db, orgId, after.customerId, effect.at);
    await onCustomerContacted(tx.db as Tx, {
      orgId,
      customerId: after.customerId,
      dealId: after.dealId,
      ...effect,
      loggedAt: tx.clock.now(),
    });
  }
  if (after.leadId && (before === null || before.kind !== after.kind || (before.deletedAt === null) !== (after.deletedAt === null)))
    await rescoreLead(tx.db, orgId, after.leadId);
}

/** Logs an activity. Runs in the caller's transaction when there is one (a task completed with its activity). */
export async function createActivity(ctx: Ctx, input: TActivityCreate) {
  return inTransaction(ctx, async (tx) => {
    const errors: FieldError[] = [];
    await checkParent(tx, input, errors);
    const ownerId = input.ownerId ?? ctx.actor.userId;
    const owners = await checkOwners(tx.db, ctx.actor, [{ path: 'ownerId', ownerId }]);
    errors.push(...owners.errors);
    const now = ctx.clock.now();
    const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
    const contactId = input.contactId ?? null;
    const people = participants(ownerId, contactId, input.contactIds ?? [], input.userIds ?? []);
    const checkIn = checkInAfter(
      input.kind,
      occurredAt,
      { kind: null, checkInAt: null, location: null, latitude: null, longitude: null },
      { ...input, checkInAt: toDate(input.checkInAt) },
    );
    const row: repo.NewActivityRow = {
      orgId: ctx.actor.orgId,
      id: newId(),
      kind: input.kind,
      subject: input.subject,
      notes: input.notes ?? null,
      outcome: input.outcome ?? null,
      occurredAt,
      durationMinutes: input.durationMinutes ?? null,
      customerId: input.customerId ?? null,
      contactId,
      dealId: input.dealId ?? null,
      leadId: input.leadId ?? null,
      ownerId,
      teamId: owners.teamOf(ownerId),
      ...people,
      checkInAt: checkIn.checkInAt,
      location: checkIn.location,
      latitude: checkIn.latitude === null ? null : String(checkIn.latitude),
      longitude: checkIn.longitude === null ? null : String(checkIn.longitude),
      createdAt: now,
      updatedAt: now,
    };
    errors.push(...checkActivity(stateOf(row), now));
    const all = { contactId: true, dealId: true, contactIds: true, userIds: true };
    errors.push(...(await checkLinks(tx, row.customerId ?? null, { contactId, dealId: row.dealId ?? null, ...people }, all)));
    fail(errors);
    const created = await repo.insertActivity(tx.db, row);
    await recordAudit(tx.db, tx, {
      action: 'create',
      entity: 'activity',
      entityId: created.id,
      before: null,
      after: activityView(created),
    });
    await applyEffects(tx, null, created);
    return created;
  });
}

export async function updateActivity(ctx: Ctx, id: string, version: number, patch: Omit<TActivityUpdate, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableActivity(tx, id);
    if (before.deletedAt) throw conflict('activity_deleted', 'The activity is deleted');
    if (before.version !== version) throw staleVersion('activity', before.version);
    const now = ctx.clock.now();
    const kind = patch.kind ?? before.kind;
    const occurredAt = patch.occurredAt ? new Date(patch.occurredAt) : before.occurredAt;
    const contactId = patch.contactId !== undefined ? patch.contactId : before.contactId;
    const people = participants(before.ownerId, contactId, patch.contactIds ?? before.contactIds, patch.userIds ?? before.userIds);
    const checkIn = checkInAfter(
      kind,
      occurredAt,
      { ...before, latitude: num(before.latitude), longitude: num(before.longitude) },
      { ...patch, checkInAt: toDate(patch.checkInAt) },
    );
    const change: Partial<repo.NewActivityRow> = {
      kind,
      subject: patch.subject ?? before.subject,
      notes: patch.notes !== undefined ? patch.notes : before.notes,
      outcome: patch.outcome !== undefined ? patch.outcome : before.outcome,
      occurredAt,
      durationMinutes: patch.durationMinutes !== undefined ? patch.durationMinutes : before.durationMinutes,
      contactId,
      dealId: patch.dealId !== undefined ? patch.dealId : before.dealId,
      ...people,
      checkInAt: checkIn.checkInAt,
      location: checkIn.location,
      latitude: checkIn.latitude === null ? null : String(checkIn.latitude),
      longitude: checkIn.longitude === null ? null : String(checkIn.longitude),
      updatedAt: now,
    };
    const errors = checkActivity(stateOf({ ...before, ...change }), now);
    errors.push(
      ...(await checkLinks(
        tx,
        before.customerId,
        { contactId, dealId: change.dealId ?? null, ...people },
        {
          contactId: contactId !== before.contactId,
          dealId: change.dealId !== before.dealId,
          contactIds: patch.contactIds !== undefined,
          userIds: patch.userIds !== undefined,
        },
      )),
    );
    fail(errors);
    const after = await repo.updateActivityRow(tx.db, writableActivities(ctx.actor), id, version, change);
    if (!after) throw staleVersion('activity', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'activity',
      entityId: id,
      before: activityView(before),
      after: activityView(after),
    });
    await applyEffects(tx, before, after);
    return after;
  });
}

/**
 * Soft delete. The customer's last contact stays where it is: it records that contact happened, and
 * moving it back would make the pool take a customer someone did talk to.
 */
export async function deleteActivity(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableActivity(tx, id);
    if (before.deletedAt) throw conflict('already_deleted', 'The activity is already deleted');
    const now = ctx.clock.now();
    const after = await repo.updateActivityRow(tx.db, writableActivities(ctx.actor), id, version, { deletedAt: now, updatedAt: now });
    if (!after) throw staleVersion('activity', before.version);
    await recordAudit(tx.db, tx, {
      action: 'delete',
      entity: 'activity',
      entityId: id,
      before: activityView(before),
      after: activityView(after),
    });
    await applyEffects(tx, before, after);
    return after;
  });
}
