import type { TCustomerTierSet, TTierChange } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, staleVersion, unprocessable } from '../../platform/errors.ts';
import { emitDomainEvent } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { customerView, getVisibleCustomer, getWritableCustomer } from '../customers/customers.usecases.ts';
import { notifyUsers } from '../notifications/notify.ts';
import * as repo from './tiers.repository.ts';

export const tierChangeView = (c: repo.TierChangeRow): TTierChange => ({
  id: c.id,
  effectiveAt: c.effectiveAt.toISOString(),
  fromTierId: c.fromTierId,
  toTierId: c.toTierId,
  source: c.source,
  ruleVersion: c.ruleVersion,
  explanation: c.explanation as TTierChange['explanation'],
  reason: c.reason,
  actorId: c.actorId,
});

/**
 * Sets a customer's tier by hand, with a reason, optionally pinning it so tier rules leave it alone.
 * The caller must be allowed to change the customer; the change goes to the tier history and the audit log.
 */
export async function setCustomerTier(ctx: Ctx, customerId: string, version: number, input: Omit<TCustomerTierSet, 'version'>) {
  return ctx.db.transaction(async (tx) => {
    // The transaction as the context's db too: its 404/403 fallback must not wait on a second connection (PGlite has one).
    const before = await getWritableCustomer({ ...ctx, db: tx }, customerId, tx);
    if (before.deletedAt) throw conflict('customer_deleted', 'The customer is deleted; restore it first');
    if (!(await repo.findTier(tx, ctx.actor.orgId, input.tierId))) {
      throw unprocessable('unknown_reference', 'No such tier in this organisation', [{ path: 'tierId', message: 'no such tier' }]);
    }
    if (before.version !== version) throw staleVersion('customer', before.version);
    const pinned = input.pinned ?? before.tierPinned;
    if (input.tierId === before.tierId && pinned === before.tierPinned) return before; // nothing to change, nothing to record
    const now = ctx.clock.now();
    const after = await repo.setCustomerTierRow(tx, ctx.actor.orgId, customerId, version, {
      tierId: input.tierId,
      tierPinned: pinned,
      at: now,
    });
    if (!after) throw staleVersion('customer', before.version);
    // A history row also when only the pin changes (from = to): the reason is why rules now leave it alone, or not.
    await repo.insertTierChange(tx, {
      orgId: ctx.actor.orgId,
      id: newId(),
      customerId,
      effectiveAt: now,
      fromTierId: before.tierId,
      toTierId: input.tierId,
      source: 'manual',
      ruleVersion: null,
      explanation: null,
      reason: input.reason,
      actorId: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'update',
      entity: 'customer',
      entityId: customerId,
      before: customerView(before),
      after: customerView(after),
    });
    if (input.tierId !== before.tierId)
      await emitDomainEvent(tx, now, {
        orgId: ctx.actor.orgId,
        type: 'customer.tier_changed',
        data: {
          customerId,
          customerName: before.name,
          fromTierId: before.tierId,
          toTierId: input.tierId,
          source: 'manual',
          reason: input.reason,
          changedBy: ctx.actor.userId,
        },
      });
    // The owner hears of a new tier set by someone else (a pin alone is no tier change).
    if (before.ownerId && before.ownerId !== ctx.actor.userId && input.tierId !== before.tierId)
      await notifyUsers(tx, now, [
        {
          orgId: ctx.actor.orgId,
          userId: before.ownerId,
          kind: 'tier_change',
          params: { customerName: before.name, fromTierId: before.tierId, toTierId: input.tierId, source: 'manual' },
          entity: 'customer',
          entityId: customerId,
        },
      ]);
    return after;
  });
}

/** A customer's tier history, newest first; 404 when the caller may not see the customer. */
export async function listTierHistory(ctx: Ctx, customerId: string, query: { limit: number; cursor?: string }) {
  await getVisibleCustomer(ctx, customerId);
  const rows = await repo.listTierChanges(ctx.db, ctx.actor.orgId, customerId, {
    limit: query.limit,
    after: decodeCursor(query.cursor, 2),
  });
  const page = toPage(rows, query.limit, (c) => [c.effectiveAt.toISOString(), c.id]);
  return { data: page.data.map(tierChangeView), nextCursor: page.nextCursor };
}
