import type { TCustomer, TCustomerCreate, TCustomerUpdate } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/access.ts';
import { diffRecords } from '../../platform/audit/audit.rules.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { emitDomainEvent } from '../../platform/events/domainEvents.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { visibleCustomers, writableCustomers } from './customers.access.ts';
import * as repo from './customers.repository.ts';
import { phoneDigits } from './customers.rules.ts';

export const customerView = (c: repo.CustomerRow): TCustomer => ({
  id: c.id,
  name: c.name,
  tierId: c.tierId,
  tierPinned: c.tierPinned,
  ownerId: c.ownerId,
  teamId: c.teamId,
  industry: c.industry,
  region: c.region,
  source: c.source,
  phone: c.phone,
  email: c.email,
  address: c.address,
  tags: c.tags,
  externalId: c.externalId,
  lastContactAt: c.lastContactAt?.toISOString() ?? null,
  status: c.status,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  deletedAt: c.deletedAt?.toISOString() ?? null,
  version: c.version,
});

/** `customer.updated`: the customer as the API shows it now, and the names of the fields that changed. */
export function customerUpdatedEvent(before: repo.CustomerRow, after: repo.CustomerRow) {
  const changedFields = Object.keys(diffRecords(customerView(before), customerView(after)));
  return { orgId: after.orgId, type: 'customer.updated' as const, data: { customer: customerView(after), changedFields } };
}

/** The customer if the actor may see it; 404 otherwise (another rep's or org's customer does not exist for them). */
export async function getVisibleCustomer(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findCustomer(ctx.db, visibleCustomers(ctx.actor), id);
  if (!row) throw notFound('Customer');
  return row;
}

/** The customer if the actor may change it: 404 when invisible, 403 when visible but read-only. */
export async function getWritableCustomer(ctx: Pick<Ctx, 'db' | 'actor'>, id: string, db: DbOrTx = ctx.db) {
  const row = await repo.findCustomer(db, writableCustomers(ctx.actor), id);
  if (row) return row;
  await getVisibleCustomer({ db, actor: ctx.actor }, id);
  throw forbidden('You may read this customer but not change it');
}

/**
 * Who may be made owner by whom: a rep only themself; a manager themself or a member of their teams;
 * directors and admins anyone active who can own (not a viewer). Returns owner and team per path.
 */
export async function checkOwners(db: DbOrTx, actor: Actor, wanted: { path: string; ownerId: string }[]) {
  const errors: FieldError[] = [];
  const ids = [...new Set(wanted.map((w) => w.ownerId))];
  const rows = ids.length
    ? await db
        .select({ id: users.id, teamId: users.teamId, role: users.role, active: users.active })
        .from(users)
        .where(and(eq(users.orgId, actor.orgId), inArray(users.id, ids)))
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const teams = new Set([...actor.managedTeamIds, ...(actor.teamId ? [actor.teamId] : [])]);
  for (const w of wanted) {
    const owner = byId.get(w.ownerId);
    if (!owner?.active || owner.role === 'viewer') errors.push({ path: w.path, message: 'no such active user who can own customers' });
    else if (actor.role === 'rep' && owner.id !== actor.userId)
      errors.push({ path: w.path, message: 'a rep can only own customers themself' });
    else if (actor.role === 'manager' && owner.id !== actor.userId && !(owner.teamId && teams.has(owner.teamId)))
      errors.push({ path: w.path, message: 'not a member of your teams' });
  }
  return { errors, teamOf: (ownerId: string) => byId.get(ownerId)?.teamId ?? null };
}

/** A team named in a write must be one of the organisation's (else its foreign key fails as a 500). */
export async function checkTeams(db: DbOrTx, orgId: string, wanted: { path: string; teamId: string }[]): Promise<FieldError[]> {
  const ids = [...new Set(wanted.map((w) => w.teamId))];
  if (!ids.length) return [];
  const known = new Set(
    (
      await db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.orgId, orgId), inArray(teams.id, ids)))
    ).map((r) => r.id),
  );
  return wanted.filter((w) => !known.has(w.teamId)).map((w) => ({ path: w.path, message: 'no such team in this organisation' }));
}

export async function listCustomers(
  ctx: Ctx,
  q: { limit: number; cursor?: string; sort: `${'-' | ''}${repo.CustomerSortKey}` } & Omit<repo.CustomerFilter, 'phoneDigits'> & {
      phone?: string;
    },
) {
  const sort = parseSort<repo.CustomerSortKey>(q.sort);
  const filter = { ...q, phoneDigits: phoneDigits(q.phone) ?? undefined };
  const rows = await repo.listCustomers(ctx.db, visibleCustomers(ctx.actor), filter, {
    limit: q.limit,
    sort,
    after: decodeCursor(q.cursor, 2),
  });
  const page = toPage(rows, q.limit, (c) => [sort.key === 'name' ? c.name : (c[sort.key]?.toISOString() ?? null), c.id]);
  return { data: page.data.map(customerView), nextCursor: page.nextCursor };
}

/** Turns a create request into a row: owner defaults to the caller, team to the owner's, tier to the lowest. */
export async function newCustomerRow(
  ctx: Ctx,
  input: TCustomerCreate,
  id: string,
  lowestTierId: string,
  teamOf: (ownerId: string) => string | null,
): Promise<repo.NewCustomerRow> {
  const now = ctx.clock.now();
  const ownerId = input.ownerId === undefined ? ctx.actor.userId : input.ownerId;
  return {
    orgId: ctx.actor.orgId,
    id,
    name: input.name,
    tierId: input.tierId ?? lowestTierId,
    ownerId,
    teamId: input.teamId !== undefined ? input.teamId : ownerId ? teamOf(ownerId) : null,
    industry: input.industry ?? null,
    region: input.region ?? null,
    source: input.source ?? null,
    phone: input.phone ?? null,
    phoneDigits: phoneDigits(input.phone),
    email: input.email?.toLowerCase() ?? null,
    address: input.address ?? null,
    tags: [...new Set(input.tags ?? [])],
    externalId: input.externalId ?? null,
    lastContactAt: input.lastContactAt ? new Date(input.lastContactAt) : null,
    status: input.status ?? 'active',
    ownedSince: ownerId ? now : null,
    createdAt: now,
    updatedAt: now,
  };
}

export function duplicateExternalId(err: unknown, path = 'externalId') {
  if (isUniqueViolation(err))
    return conflict('external_id_taken', 'Another customer has this externalId', [{ path, message: 'already used' }]);
  return err;
}

export async function updateCustomer(ctx: Ctx, id: string, version: number, patch: Omit<TCustomerUpdate, 'version'>) {
  if (patch.ownerId !== undefined && ctx.actor.role === 'rep')
    throw forbidden('Only managers reassign customers; a rep releases them to the pool');
  // Into the pool only through POST /customers/{id}/release, which logs the move with its reason.
  if (patch.ownerId === null) {
    throw unprocessable('use_release', 'To put a customer in the pool, release it with a reason', [
      { path: 'ownerId', message: 'use POST /api/v1/customers/{id}/release' },
    ]);
  }
  try {
    return await inTransaction(ctx, async (txc) => {
      const tx = txc.db;
      const before = await getWritableCustomer(txc, id);
      const { lastContactAt, ...fields } = patch;
      const change: Partial<repo.NewCustomerRow> = { ...fields, updatedAt: ctx.clock.now() };
      if (patch.phone !== undefined) change.phoneDigits = phoneDigits(patch.phone);
      if (patch.email) change.email = patch.email.toLowerCase();
      if (patch.tags) change.tags = [...new Set(patch.tags)];
      if (lastContactAt !== undefined) change.lastContactAt = lastContactAt ? new Date(lastContactAt) : null;
      const teamErrors = patch.teamId ? await checkTeams(tx, ctx.actor.orgId, [{ path: 'teamId', teamId: patch.teamId }]) : [];
      if (teamErrors.length) throw unprocessable('invalid_team', 'No such team in this organisation', teamErrors);
      if (patch.ownerId) {
        const owners = await checkOwners(tx, ctx.actor, [{ path: 'ownerId', ownerId: patch.ownerId }]);
        if (owners.errors.length) throw unprocessable('invalid_owner', owners.errors[0].message, owners.errors);
        if (patch.teamId === undefined) change.teamId = owners.teamOf(patch.ownerId);
        if (patch.ownerId !== before.ownerId) change.ownedSince = ctx.clock.now();
      }
      const after = await repo.updateCustomerRow(tx, writableCustomers(ctx.actor), id, version, change);
      if (!after) throw staleVersion('customer', before.version);
      await recordAudit(tx, ctx, {
        action: 'update',
        entity: 'customer',
        entityId: id,
        before: customerView(before),
        after: customerView(after),
      });
      await emitDomainEvent(tx, ctx.clock.now(), customerUpdatedEvent(before, after));
      return after;
    });
  } catch (err) {
    throw duplicateExternalId(err);
  }
}

/** Soft delete and restore: the record stays, hidden from lists, and comes back whole. */
export async function setCustomerDeleted(ctx: Ctx, id: string, version: number, deleted: boolean) {
  return inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const before = await getWritableCustomer(txc, id);
    if ((before.deletedAt !== null) === deleted)
      throw conflict(
        deleted ? 'already_deleted' : 'not_deleted',
        deleted ? 'The customer is already deleted' : 'The customer is not deleted',
      );
    const now = ctx.clock.now();
    const after = await repo.updateCustomerRow(tx, writableCustomers(ctx.actor), id, version, {
      deletedAt: deleted ? now : null,
      updatedAt: now,
    });
    if (!after) throw staleVersion('customer', before.version);
    await recordAudit(tx, ctx, {
      action: deleted ? 'delete' : 'restore',
      entity: 'customer',
      entityId: id,
      before: customerView(before),
      after: customerView(after),
    });
    return after;
  });
}
