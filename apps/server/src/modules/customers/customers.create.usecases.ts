import type { TCustomerCreate } from '@tierline/contracts';
import type { Tx } from '../../db/client.ts';
import { recordAudit, recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { type FieldError, forbidden, unprocessable } from '../../platform/errors.ts';
import { emitDomainEvent, emitDomainEvents } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { listTiers, lowestTier } from '../tiers/tiers.repository.ts';
import { tierChanges } from '../tiers/tiers.table.ts';
import { writableCustomers } from './customers.access.ts';
import * as repo from './customers.repository.ts';
import { checkOwners, checkTeams, customerUpdatedEvent, customerView, duplicateExternalId, newCustomerRow } from './customers.usecases.ts';

/**
 * Creates customers, one or a batch, all or nothing. Each record is checked (owner, tier, externalId)
 * and every problem is reported with the record's path before anything is written.
 * In `upsert` mode a record whose externalId exists updates that customer instead.
 */
export async function createCustomers(ctx: Ctx, records: TCustomerCreate[], options: { mode: 'create' | 'upsert'; pathPrefix: string }) {
  const at = (i: number, field: string) => (options.pathPrefix ? `${options.pathPrefix}.${i}.${field}` : field);
  if (ctx.actor.role === 'rep' && records.some((r) => r.tierId)) throw forbidden('Reps cannot set a tier; tier rules or a manager do');
  return ctx.db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    const owners = await checkOwners(
      tx,
      ctx.actor,
      records.flatMap((r, i) => {
        const ownerId = r.ownerId === undefined ? ctx.actor.userId : r.ownerId;
        return ownerId ? [{ path: at(i, 'ownerId'), ownerId }] : [];
      }),
    );
    errors.push(...owners.errors);
    if (ctx.actor.role === 'rep' && records.some((r) => r.ownerId === null))
      errors.push({
        path: at(
          records.findIndex((r) => r.ownerId === null),
          'ownerId',
        ),
        message: 'a rep cannot create pool customers',
      });
    errors.push(
      ...(await checkTeams(
        tx,
        ctx.actor.orgId,
        records.flatMap((r, i) => (r.teamId ? [{ path: at(i, 'teamId'), teamId: r.teamId }] : [])),
      )),
    );
    const tierIds = new Set((await listTiers(tx, ctx.actor.orgId)).map((t) => t.id));
    records.forEach((r, i) => {
      if (r.tierId && !tierIds.has(r.tierId)) errors.push({ path: at(i, 'tierId'), message: 'no such tier' });
    });
    const seen = new Map<string, number>();
    records.forEach((r, i) => {
      if (!r.externalId) return;
      if (seen.has(r.externalId))
        errors.push({ path: at(i, 'externalId'), message: `same externalId as record ${seen.get(r.externalId)}` });
      seen.set(r.externalId, i);
    });
    const existing = new Map((await repo.findByExternalIds(tx, ctx.actor.orgId, [...seen.keys()])).map((c) => [c.externalId as string, c]));
    if (options.mode === 'create') {
      records.forEach((r, i) => {
        if (r.externalId && existing.has(r.externalId))
          errors.push({ path: at(i, 'externalId'), message: 'a customer with this externalId exists' });
      });
    }
    if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

    const lowest = await lowestTier(tx, ctx.actor.orgId);
    const toInsert: repo.NewCustomerRow[] = [];
    const toUpdate: { index: number; id: string }[] = [];
    for (const [i, r] of records.entries()) {
      const match = r.externalId ? existing.get(r.externalId) : undefined;
      if (match) toUpdate.push({ index: i, id: match.id });
      else toInsert.push(await newCustomerRow(ctx, r, newId(), lowest.id, owners.teamOf));
    }
    try {
      const inserted = toInsert.length ? await repo.insertCustomers(tx, toInsert) : [];
      const now = ctx.clock.now();
      if (inserted.length) {
        await tx.insert(tierChanges).values(
          inserted.map((c) => ({
            orgId: c.orgId,
            id: newId(),
            customerId: c.id,
            effectiveAt: now,
            fromTierId: null,
            toTierId: c.tierId,
            source: 'manual' as const,
            reason: c.tierId === lowest.id ? 'initial tier: the lowest, until tier rules run' : 'initial tier set at creation',
            actorId: ctx.actor.userId,
          })),
        );
      }
      // One multi-row insert for the batch's audit entries, not one round trip per customer.
      await recordAuditMany(
        tx,
        ctx,
        inserted.map((c) => ({ action: 'create' as const, entity: 'customer', entityId: c.id, before: null, after: customerView(c) })),
      );
      await emitDomainEvents(
        tx,
        now,
        inserted.map((c) => ({ orgId: c.orgId, type: 'customer.created', data: { customer: customerView(c) } })),
      );
      const updated = [];
      for (const u of toUpdate)
        updated.push(
          await upsertExisting(ctx, tx, u.id, records[u.index], existing.get(records[u.index].externalId as string) as repo.CustomerRow),
        );
      return { created: inserted.length, updated: updated.length, ids: [...inserted.map((c) => c.id), ...updated] };
    } catch (err) {
      throw duplicateExternalId(err, at(0, 'externalId'));
    }
  });
}

/** Upsert of one customer found by externalId; the tier is left to tier rules and the tier route. */
async function upsertExisting(ctx: Ctx, tx: Tx, id: string, r: TCustomerCreate, before: repo.CustomerRow) {
  const row = await newCustomerRow(ctx, r, id, before.tierId, () => before.teamId);
  const { orgId: _o, id: _i, createdAt: _c, tierId: _t, ...patch } = row;
  const after = await repo.updateCustomerRow(tx, writableCustomers(ctx.actor), id, before.version, patch);
  if (!after)
    throw unprocessable('not_writable', `You may not change customer ${r.externalId}`, [
      { path: 'externalId', message: 'not yours to change' },
    ]);
  await recordAudit(tx, ctx, {
    action: 'update',
    entity: 'customer',
    entityId: id,
    before: customerView(before),
    after: customerView(after),
  });
  await emitDomainEvent(tx, ctx.clock.now(), customerUpdatedEvent(before, after));
  return id;
}
