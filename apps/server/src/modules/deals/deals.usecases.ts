import type { TDeal, TDealCreate } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { assertDiscountsWithinCap } from '../approvals/discountGuard.usecases.ts';
import { contacts } from '../customers/customers.table.ts';
import { checkOwners, getVisibleCustomer } from '../customers/customers.usecases.ts';
import { stagesOf } from '../pipelines/pipelines.repository.ts';
import { cycleDays, missingForGate } from './dealGates.rules.ts';
import { visibleDeals, writableDeals } from './deals.access.ts';
import * as repo from './deals.repository.ts';
import { dealContacts, dealLines, deals } from './deals.table.ts';

export const dealView = (d: repo.DealWithStage): TDeal => ({
  id: d.id,
  name: d.name,
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  customerId: d.customerId,
  ownerId: d.ownerId,
  teamId: d.teamId,
  amount: d.amount,
  currency: d.currency,
  expectedCloseDate: d.expectedCloseDate,
  probability: d.probability ?? d.stageProbability,
  probabilityOverridden: d.probability !== null,
  forecastCategory: d.forecastCategory,
  lossReason: d.lossReason,
  externalId: d.externalId,
  stageEnteredAt: d.stageEnteredAt.toISOString(),
  closedAt: d.closedAt?.toISOString() ?? null,
  cycleDays: cycleDays(d.createdAt, d.closedAt),
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  deletedAt: d.deletedAt?.toISOString() ?? null,
  version: d.version,
});

export async function getVisibleDeal(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const deal = await repo.findDeal(ctx.db, visibleDeals(ctx.actor), id);
  if (!deal) throw notFound('Deal');
  return deal;
}

/** 404 when the caller cannot see the deal, 403 when they can only read it. */
export async function getWritableDeal(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const deal = await repo.findDeal(ctx.db, writableDeals(ctx.actor), id);
  if (deal) return deal;
  await getVisibleDeal(ctx, id);
  throw forbidden('You may read this deal but not change it');
}

export async function getDealDetail(ctx: Ctx, id: string) {
  const deal = await getVisibleDeal(ctx, id);
  const parts = await repo.dealParts(ctx.db, ctx.actor.orgId, id);
  const now = ctx.clock.now();
  return {
    ...dealView(deal),
    contacts: parts.contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
    lines: parts.lines.map((l) => ({
      lineNo: l.lineNo,
      productCode: l.productCode,
      productName: l.productName,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discountPct: Number(l.discountPct),
    })),
    stageHistory: parts.history.map((h) => ({
      stageId: h.stageId,
      enteredAt: h.enteredAt.toISOString(),
      leftAt: h.leftAt?.toISOString() ?? null,
      days: Math.round((((h.leftAt ?? now).getTime() - h.enteredAt.getTime()) / 86_400_000) * 10) / 10,
    })),
    milestones: parts.milestones.map((m) => ({
      id: m.id,
      name: m.name,
      dueDate: m.dueDate,
      status: m.status,
      ownerId: m.ownerId,
      version: m.version,
    })),
    tasks: parts.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      department: t.department,
      assigneeId: t.assigneeId,
      dueDate: t.dueDate,
      status: t.status,
      version: t.version,
    })),
  };
}

export async function listDeals(ctx: Ctx, q: { limit: number; cursor?: string; sort: `${'-' | ''}${repo.DealSortKey}` } & repo.DealFilter) {
  const sort = parseSort<repo.DealSortKey>(q.sort);
  const rows = await repo.listDeals(ctx.db, visibleDeals(ctx.actor), q, { limit: q.limit, sort, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (d) => [
    sort.key === 'createdAt' ? d.createdAt.toISOString() : sort.key === 'name' ? d.name : d.expectedCloseDate,
    d.id,
  ]);
  return { data: page.data.map(dealView), nextCursor: page.nextCursor };
}

/** The contacts given must be people of the deal's customer. */
export async function checkDealContacts(
  db: DbOrTx,
  orgId: string,
  customerId: string | null,
  roles: { contactId: string }[],
): Promise<FieldError[]> {
  if (!roles.length) return [];
  if (!customerId) return [{ path: 'contacts', message: 'a deal needs a customer before it has contacts' }];
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.orgId, orgId),
        eq(contacts.customerId, customerId),
        inArray(
          contacts.id,
          roles.map((r) => r.contactId),
        ),
      ),
    );
  const known = new Set(rows.map((r) => r.id));
  return roles.flatMap((r, i) =>
    known.has(r.contactId) ? [] : [{ path: `contacts.${i}.contactId`, message: 'not a contact of this deal’s customer' }],
  );
}

export const externalIdTaken = (err: unknown) =>
  isUniqueViolation(err)
    ? conflict('external_id_taken', 'Another deal has this externalId', [{ path: 'externalId', message: 'already used' }])
    : err;

export async function createDeal(ctx: Ctx, input: TDealCreate) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const stageList = await stagesOf(tx.db, ctx.actor.orgId, input.pipelineId);
      if (!stageList.length)
        throw unprocessable('unknown_reference', 'No such pipeline', [{ path: 'pipelineId', message: 'no such pipeline' }]);
      const stage = input.stageId ? stageList.find((s) => s.id === input.stageId) : stageList.find((s) => s.kind === 'open');
      if (stage?.kind !== 'open')
        throw unprocessable('invalid_stage', 'A new deal starts in an open stage of its pipeline', [
          { path: 'stageId', message: 'not an open stage of this pipeline' },
        ]);
      const ownerId = input.ownerId ?? ctx.actor.userId;
      const owners = await checkOwners(tx.db, ctx.actor, [{ path: 'ownerId', ownerId }]);
      const errors = [...owners.errors];
      if (input.customerId)
        await getVisibleCustomer(tx, input.customerId).catch(() =>
          errors.push({ path: 'customerId', message: 'no such customer that you may see' }),
        );
      errors.push(...(await checkDealContacts(tx.db, ctx.actor.orgId, input.customerId ?? null, input.contacts ?? [])));
      const missing = missingForGate(stage.gate, {
        amount: input.amount ?? null,
        expectedCloseDate: input.expectedCloseDate ?? null,
        customerId: input.customerId ?? null,
        lineCount: input.lines?.length ?? 0,
        contactRoles: (input.contacts ?? []).map((c) => c.role),
        milestones: [],
      });
      errors.push(...missing);
      if (errors.length)
        throw unprocessable(missing.length ? 'gate_not_met' : 'invalid_deal', errors.map((e) => e.message).join('; '), errors);
      // A new deal has no approvals yet: its discounts must be within the tier's cap.
      if (input.lines?.length) await assertDiscountsWithinCap(tx, input.customerId ?? null, input.lines);
      const now = ctx.clock.now();
      const id = newId();
      await tx.db.insert(deals).values({
        orgId: ctx.actor.orgId,
        id,
        name: input.name,
        pipelineId: input.pipelineId,
        stageId: stage.id,
        customerId: input.customerId ?? null,
        ownerId,
        teamId: owners.teamOf(ownerId),
        amount: input.amount ?? null,
        currency: input.currency ?? 'CNY',
        expectedCloseDate: input.expectedCloseDate ?? null,
        probability: input.probability ?? null,
        forecastCategory: input.forecastCategory ?? 'pipeline',
        externalId: input.externalId ?? null,
        stageEnteredAt: now,
        createdAt: now,
        updatedAt: now,
      });
      if (input.lines?.length) {
        await tx.db.insert(dealLines).values(
          input.lines.map((l, n) => ({
            orgId: ctx.actor.orgId,
            dealId: id,
            lineNo: n + 1,
            productCode: l.productCode,
            productName: l.productName ?? null,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            discountPct: String(l.discountPct ?? 0),
          })),
        );
      }
      if (input.contacts?.length)
        await tx.db.insert(dealContacts).values(input.contacts.map((c) => ({ orgId: ctx.actor.orgId, dealId: id, ...c })));
      await repo.recordStageVisit(tx.db, {
        orgId: ctx.actor.orgId,
        id: newId(),
        dealId: id,
        stageId: stage.id,
        at: now,
        actorId: ctx.actor.userId,
      });
      const deal = await getVisibleDeal(tx, id);
      await recordAudit(tx.db, tx, { action: 'create', entity: 'deal', entityId: id, before: null, after: dealView(deal) });
      return deal;
    });
  } catch (err) {
    throw externalIdTaken(err);
  }
}

export async function updateDeal(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<
    Pick<
      repo.NewDealRow,
      'name' | 'customerId' | 'amount' | 'currency' | 'expectedCloseDate' | 'probability' | 'forecastCategory' | 'externalId' | 'ownerId'
    >
  >,
) {
  if (patch.ownerId !== undefined && ctx.actor.role === 'rep') throw forbidden('Only managers reassign deals');
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await getWritableDeal(tx, id);
      const change: Partial<repo.NewDealRow> = { ...patch, updatedAt: ctx.clock.now() };
      if (patch.ownerId) {
        const owners = await checkOwners(tx.db, ctx.actor, [{ path: 'ownerId', ownerId: patch.ownerId }]);
        if (owners.errors.length) throw unprocessable('invalid_owner', owners.errors[0].message, owners.errors);
        change.teamId = owners.teamOf(patch.ownerId);
      }
      if (patch.customerId)
        await getVisibleCustomer(tx, patch.customerId).catch(() => {
          throw unprocessable('unknown_reference', 'No such customer that you may see', [
            { path: 'customerId', message: 'no such customer' },
          ]);
        });
      const after = await repo.updateDealRow(tx.db, writableDeals(ctx.actor), id, version, change);
      if (!after) throw staleVersion('deal', before.version);
      const view = await getVisibleDeal(tx, id);
      await recordAudit(tx.db, tx, { action: 'update', entity: 'deal', entityId: id, before: dealView(before), after: dealView(view) });
      return view;
    });
  } catch (err) {
    throw externalIdTaken(err);
  }
}

export async function setDealDeleted(ctx: Ctx, id: string, version: number, deleted: boolean) {
  return inTransaction(ctx, async (tx) => {
    const before = await getWritableDeal(tx, id);
    if ((before.deletedAt !== null) === deleted)
      throw conflict(deleted ? 'already_deleted' : 'not_deleted', deleted ? 'The deal is already deleted' : 'The deal is not deleted');
    const now = ctx.clock.now();
    if (!(await repo.updateDealRow(tx.db, writableDeals(ctx.actor), id, version, { deletedAt: deleted ? now : null, updatedAt: now })))
      throw staleVersion('deal', before.version);
    const after = await getVisibleDeal(tx, id);
    await recordAudit(tx.db, tx, {
      action: deleted ? 'delete' : 'restore',
      entity: 'deal',
      entityId: id,
      before: dealView(before),
      after: dealView(after),
    });
    return after;
  });
}
