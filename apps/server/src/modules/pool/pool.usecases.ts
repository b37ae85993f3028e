import type { TPoolEvent } from '@tierline/contracts';
import { dataScopeOf } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, forbidden, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { type CustomerSortKey, listCustomers as listCustomerRows } from '../customers/customers.repository.ts';
import { customerView, getVisibleCustomer, getWritableCustomer } from '../customers/customers.usecases.ts';
import * as repo from './pool.repository.ts';
import { type ClaimRefusal, claimLimit, coolDown } from './pool.rules.ts';

const refuse = (r: ClaimRefusal) => unprocessable(r.code, r.detail, [{ path: r.path, message: r.message }]);

export const poolEventView = (e: repo.PoolEventRow): TPoolEvent => ({
  id: e.id,
  customerId: e.customerId,
  kind: e.kind,
  userId: e.userId,
  actorId: e.actorId,
  reason: e.reason,
  at: e.at.toISOString(),
});

type PoolQuery = {
  limit: number;
  cursor?: string;
  sort: `${'-' | ''}${CustomerSortKey}`;
  q?: string;
  tierId?: string;
  region?: string;
  industry?: string;
};

/** The organisation's pool: every member sees it whole, whatever their data scope. */
export async function listPool(ctx: Ctx, query: PoolQuery) {
  const sort = parseSort<CustomerSortKey>(query.sort);
  const { limit, cursor, sort: _, ...filter } = query;
  const rows = await listCustomerRows(ctx.db, repo.inPool(ctx.actor.orgId), filter, { limit, sort, after: decodeCursor(cursor, 2) });
  const page = toPage(rows, limit, (c) => [sort.key === 'name' ? c.name : (c[sort.key]?.toISOString() ?? null), c.id]);
  return { data: page.data.map(customerView), nextCursor: page.nextCursor };
}

/**
 * Why a customer cannot be claimed. Losing a race is a 409 even when the winner's customer is now
 * outside the loser's scope: the customer was in the pool, for all to see, until that claim.
 */
async function notClaimable(ctx: Ctx, customerId: string) {
  const last = await repo.latestPoolEvent(ctx.db, ctx.actor.orgId, customerId);
  if (last?.kind === 'claim' && last.userId !== ctx.actor.userId)
    return conflict('already_claimed', 'Someone else claimed this customer first');
  await getVisibleCustomer(ctx, customerId); // 404 when it is not the actor's to see
  return conflict('not_in_pool', 'This customer is not in the pool');
}

/**
 * A rep (or anyone who sells) claims a pool customer for themself, within their level's limits and
 * outside their cool-down. The customer takes the claimer's team; its reclaim clock starts now.
 */
export async function claimCustomer(ctx: Ctx, customerId: string, reason: string | undefined) {
  const { orgId, userId } = ctx.actor;
  return inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const claimer = await repo.lockClaimer(tx, orgId, userId);
    const before = await repo.findPoolCustomer(tx, orgId, customerId);
    if (!before) throw await notClaimable(txc, customerId);
    const now = ctx.clock.now();
    const settings = await repo.orgPoolSettings(tx, orgId);
    const refusal =
      coolDown(await repo.lastLeftAt(tx, orgId, customerId, userId), settings.coolDownDays, now) ??
      claimLimit(
        {
          owned: await repo.countOwned(tx, orgId, userId),
          claimedToday: await repo.countClaimsToday(tx, orgId, userId, now, settings.timeZone),
        },
        { maxCustomers: claimer?.maxCustomers ?? null, maxClaimsPerDay: claimer?.maxClaimsPerDay ?? null },
        settings.timeZone,
      );
    if (refusal) throw refuse(refusal);
    // The conditional UPDATE (owner still null) decides a race: the second claimer updates nothing.
    const after = await repo.claimCustomerRow(tx, orgId, customerId, { userId, teamId: claimer?.teamId ?? null }, now);
    if (!after) throw conflict('already_claimed', 'Someone else claimed this customer first');
    await repo.insertPoolEvent(tx, {
      orgId,
      id: newId(),
      customerId,
      kind: 'claim',
      userId,
      actorId: userId,
      reason: reason ?? 'claimed from the pool',
      at: now,
    });
    await recordAudit(tx, txc, {
      action: 'update',
      entity: 'customer',
      entityId: customerId,
      before: customerView(before),
      after: customerView(after),
    });
    return after;
  });
}

/** The owner, or a manager of the customer's team (or a director or admin), returns the customer to the pool, saying why. */
export async function releaseCustomer(ctx: Ctx, customerId: string, reason: string) {
  const { orgId, userId } = ctx.actor;
  return inTransaction(ctx, async (txc) => {
    const tx = txc.db;
    const visible = await getVisibleCustomer(txc, customerId);
    if (visible.ownerId === null) throw conflict('not_owned', 'This customer is already in the pool');
    if (visible.deletedAt !== null) throw conflict('customer_deleted', 'Restore the customer before releasing it');
    const before = await getWritableCustomer(txc, customerId);
    const scope = dataScopeOf(ctx.actor);
    const ownerId = visible.ownerId;
    const isOwner = ownerId === userId;
    const isTheirManager =
      scope.kind === 'org' || (scope.kind === 'team' && before.teamId !== null && scope.teamIds.includes(before.teamId));
    // Write members of an account team may work the customer but not give it away.
    if (!isOwner && !isTheirManager) throw forbidden('Only the owner or their manager may release this customer');
    const now = ctx.clock.now();
    const after = await repo.releaseCustomerRow(tx, orgId, customerId, ownerId, now);
    if (!after) throw conflict('not_owned', 'The customer changed hands meanwhile; reload');
    await repo.insertPoolEvent(tx, {
      orgId,
      id: newId(),
      customerId,
      kind: 'release',
      userId: ownerId,
      actorId: userId,
      reason,
      at: now,
    });
    await recordAudit(tx, txc, {
      action: 'update',
      entity: 'customer',
      entityId: customerId,
      before: customerView(before),
      after: customerView(after),
    });
    return after;
  });
}

/** Every claim, release, reclaim and warning of a customer the actor may see, newest first. */
export async function listPoolEvents(ctx: Ctx, customerId: string, query: { limit: number; cursor?: string }) {
  await getVisibleCustomer(ctx, customerId);
  const rows = await repo.listPoolEvents(ctx.db, ctx.actor.orgId, customerId, { limit: query.limit, after: decodeCursor(query.cursor, 2) });
  const page = toPage(rows, query.limit, (e) => [e.at.toISOString(), e.id]);
  return { data: page.data.map(poolEventView), nextCursor: page.nextCursor };
}
