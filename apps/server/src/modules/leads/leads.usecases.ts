import type { TLead, TLeadCreate, TLeadUpdate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { checkOwners } from '../customers/customers.usecases.ts';
import { scoreOf } from './leadScoring.usecases.ts';
import { visibleLeads, writableLeads } from './leads.access.ts';
import * as repo from './leads.repository.ts';
import { type LeadKeys, leadKeys, type MatchedOn, phoneDigitVariants, sharedKeys } from './leads.rules.ts';

export const leadView = (l: repo.LeadRow): TLead => ({
  id: l.id,
  name: l.name,
  company: l.company,
  title: l.title,
  email: l.email,
  phone: l.phone,
  source: l.source,
  region: l.region,
  industry: l.industry,
  status: l.status,
  score: l.score,
  scoreBreakdown: l.scoreBreakdown,
  ownerId: l.ownerId,
  teamId: l.teamId,
  mergedIntoId: l.mergedIntoId,
  convertedCustomerId: l.convertedCustomerId,
  convertedContactId: l.convertedContactId,
  convertedDealId: l.convertedDealId,
  convertedAt: l.convertedAt?.toISOString() ?? null,
  externalId: l.externalId,
  createdAt: l.createdAt.toISOString(),
  updatedAt: l.updatedAt.toISOString(),
  deletedAt: l.deletedAt?.toISOString() ?? null,
  version: l.version,
});

export async function getVisibleLead(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const lead = await repo.findLead(ctx.db, visibleLeads(ctx.actor), id);
  if (!lead) throw notFound('Lead');
  return lead;
}

/** 404 when the caller cannot see the lead, 403 when they can only read it. */
export async function getWritableLead(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const lead = await repo.findLead(ctx.db, writableLeads(ctx.actor), id);
  if (lead) return lead;
  await getVisibleLead(ctx, id);
  throw forbidden('You may read this lead but not change it');
}

/** Converted and merged leads are history: they are read, not edited. */
export function assertLeadOpen(lead: repo.LeadRow, path = 'status') {
  if (lead.status === 'converted' || lead.status === 'merged')
    throw unprocessable('lead_closed', `The lead is ${lead.status}; it can no longer change`, [
      { path, message: `lead is ${lead.status}` },
    ]);
}

export async function listLeads(ctx: Ctx, q: { limit: number; cursor?: string; sort: `${'-' | ''}${repo.LeadSortKey}` } & repo.LeadFilter) {
  const sort = parseSort<repo.LeadSortKey>(q.sort);
  const rows = await repo.listLeads(ctx.db, visibleLeads(ctx.actor), q, { limit: q.limit, sort, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (l) => [
    sort.key === 'createdAt' ? l.createdAt.toISOString() : sort.key === 'score' ? l.score : l.name,
    l.id,
  ]);
  return { data: page.data.map(leadView), nextCursor: page.nextCursor };
}

export type LeadDuplicate = { entity: 'lead' | 'customer'; id: string; matchedOn: MatchedOn[]; visible: boolean };

/**
 * Other leads (not merged, not deleted) sharing a normalised email, phone or company, and customers
 * with the same email or phone. Duplicates outside the caller's scope are named but not opened:
 * two reps unknowingly working one person is exactly what this is meant to surface.
 */
export async function findDuplicates(ctx: Pick<Ctx, 'db' | 'actor'>, lead: repo.LeadRow): Promise<LeadDuplicate[]> {
  const keys: LeadKeys = { emailKey: lead.emailKey, phoneKey: lead.phoneKey, companyKey: lead.companyKey };
  const [others, customers] = await Promise.all([
    repo.findDuplicateLeads(ctx.db, ctx.actor.orgId, keys, lead.id, visibleLeads(ctx.actor)),
    repo.findDuplicateCustomers(
      ctx.db,
      ctx.actor.orgId,
      { email: lead.email, emailKey: lead.emailKey, phoneVariants: phoneDigitVariants(lead.phoneKey) },
      visibleCustomers(ctx.actor),
    ),
  ]);
  return [
    ...others.map((o) => ({ entity: 'lead' as const, id: o.id, matchedOn: sharedKeys(keys, o), visible: o.visible })),
    ...customers.map((c) => ({
      entity: 'customer' as const,
      id: c.id,
      matchedOn: [...(c.emailHit ? ['email' as const] : []), ...(c.phoneHit ? ['phone' as const] : [])],
      visible: c.visible,
    })),
  ];
}

export async function getLeadDuplicates(ctx: Ctx, id: string) {
  return { data: await findDuplicates(ctx, await getVisibleLead(ctx, id)) };
}

const externalIdTaken = (err: unknown) =>
  isUniqueViolation(err)
    ? conflict('external_id_taken', 'Another lead has this externalId', [{ path: 'externalId', message: 'already used' }])
    : err;

/** Owner and team for a lead: a rep owns their own; managers and above may assign or leave it unassigned. */
async function resolveOwner(ctx: Ctx, ownerId: string | null) {
  if (ownerId === null) {
    if (ctx.actor.role === 'rep')
      throw unprocessable('invalid_owner', 'A rep cannot leave a lead unassigned', [
        { path: 'ownerId', message: 'a rep owns the leads they add' },
      ]);
    return { ownerId: null, teamId: null };
  }
  const owners = await checkOwners(ctx.db, ctx.actor, [{ path: 'ownerId', ownerId }]);
  if (owners.errors.length) throw unprocessable('invalid_owner', owners.errors[0].message, owners.errors);
  return { ownerId, teamId: owners.teamOf(ownerId) };
}

/** Creates a lead; likely duplicates are returned with it, never refused. */
export async function createLead(ctx: Ctx, input: TLeadCreate) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const owner = await resolveOwner(tx, input.ownerId === undefined ? ctx.actor.userId : input.ownerId);
      const id = newId();
      const fields = {
        company: input.company ?? null,
        title: input.title ?? null,
        email: input.email?.trim() ?? null,
        phone: input.phone ?? null,
        source: input.source ?? null,
        region: input.region ?? null,
        industry: input.industry ?? null,
      };
      const { score, breakdown } = await scoreOf(tx.db, ctx.actor.orgId, id, fields);
      const now = ctx.clock.now();
      const lead = await repo.insertLead(tx.db, {
        orgId: ctx.actor.orgId,
        id,
        name: input.name,
        ...fields,
        ...leadKeys(fields),
        ...owner,
        status: input.status ?? 'new',
        score,
        scoreBreakdown: breakdown,
        externalId: input.externalId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx.db, tx, { action: 'create', entity: 'lead', entityId: id, before: null, after: leadView(lead) });
      return { lead, duplicates: await findDuplicates(tx, lead) };
    });
  } catch (err) {
    throw externalIdTaken(err);
  }
}

export async function updateLead(ctx: Ctx, id: string, version: number, patch: Omit<TLeadUpdate, 'version'>) {
  if (patch.ownerId !== undefined && ctx.actor.role === 'rep') throw forbidden('Only managers reassign leads');
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await getWritableLead(tx, id);
      assertLeadOpen(before);
      const { ownerId, ...fields } = patch;
      const change: Partial<repo.NewLeadRow> = { ...fields, updatedAt: ctx.clock.now() };
      if (fields.email) change.email = fields.email.trim();
      if (ownerId !== undefined) Object.assign(change, await resolveOwner(tx, ownerId));
      const next = { ...before, ...change } as repo.LeadRow;
      Object.assign(change, leadKeys(next), await scoreOf(tx.db, ctx.actor.orgId, id, next).then(scoreFields));
      const after = await repo.updateLeadRow(tx.db, writableLeads(ctx.actor), id, version, change);
      if (!after) throw staleVersion('lead', before.version);
      await recordAudit(tx.db, tx, { action: 'update', entity: 'lead', entityId: id, before: leadView(before), after: leadView(after) });
      return after;
    });
  } catch (err) {
    throw externalIdTaken(err);
  }
}

export const scoreFields = (s: { score: number; breakdown: repo.LeadRow['scoreBreakdown'] }) => ({
  score: s.score,
  scoreBreakdown: s.breakdown,
});

/** Soft delete and restore: the lead stays, hidden from lists and from duplicate checks. */
export async function setLeadDeleted(ctx: Ctx, id: string, version: number, deleted: boolean) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableLead(tx, id);
    if ((before.deletedAt !== null) === deleted)
      throw conflict(deleted ? 'already_deleted' : 'not_deleted', deleted ? 'The lead is already deleted' : 'The lead is not deleted');
    const now = ctx.clock.now();
    const after = await repo.updateLeadRow(tx.db, writableLeads(ctx.actor), id, version, {
      deletedAt: deleted ? now : null,
      updatedAt: now,
    });
    if (!after) throw staleVersion('lead', before.version);
    await recordAudit(tx.db, tx, {
      action: deleted ? 'delete' : 'restore',
      entity: 'lead',
      entityId: id,
      before: leadView(before),
      after: leadView(after),
    });
    return after;
  });
}

/** Gives a lead to an owner chosen by assignment rules (the owner's team comes along), audited. */
export async function assignLeadOwner(ctx: Ctx, lead: repo.LeadRow, ownerId: string) {
  return inTransaction(ctx, async (tx) => {
    const owner = await resolveOwner(tx, ownerId);
    const after = await repo.updateLeadRow(tx.db, writableLeads(ctx.actor), lead.id, lead.version, {
      ...owner,
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw staleVersion('lead', lead.version);
    await recordAudit(tx.db, tx, { action: 'update', entity: 'lead', entityId: lead.id, before: leadView(lead), after: leadView(after) });
    return after;
  });
}
