import type { TOrder, TOrderCreate } from '@tierline/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { AppError, type FieldError, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import * as repo from './orders.repository.ts';
import { orders } from './orders.table.ts';

export const orderView = (o: repo.OrderRow, lines?: repo.OrderLineRow[]): TOrder => ({
  id: o.id,
  externalId: o.externalId,
  customerId: o.customerId,
  orderedAt: o.orderedAt.toISOString(),
  currency: o.currency,
  amount: o.amount,
  createdAt: o.createdAt.toISOString(),
  ...(lines ? { lines: lines.map(({ orgId: _o, orderId: _i, ...l }) => l) } : {}),
});

/** Orders may be changed when their customer may be. */
const ofWritableCustomers = (ctx: Ctx) =>
  and(
    eq(orders.orgId, ctx.actor.orgId),
    sql`exists (select 1 from ${customers} where ${writableCustomers(ctx.actor)} and ${customers.id} = ${orders.customerId})`,
  ) as ReturnType<typeof sql>;

/** Orders are visible when their customer is. */
const ofVisibleCustomers = (ctx: Ctx) =>
  and(
    eq(orders.orgId, ctx.actor.orgId),
    sql`exists (select 1 from ${customers} where ${visibleCustomers(ctx.actor)} and ${customers.id} = ${orders.customerId})`,
  ) as ReturnType<typeof sql>;

/**
 * Records orders, one or up to 1,000 at once, all or nothing. A record names its customer by id or
 * externalId; the customer must be one the caller may change; order numbers are unique in the organisation.
 * In `upsert` mode (imports) an existing order number is replaced: its customer, time, currency and lines.
 */
export async function createOrders(ctx: Ctx, records: TOrderCreate[], pathPrefix: string, mode: 'create' | 'upsert' = 'create') {
  const at = (i: number, field: string) => (pathPrefix ? `${pathPrefix}.${i}.${field}` : field);
  return inTransaction(ctx, async (tx) => {
    const errors: FieldError[] = [];
    const byExternal = [...new Set(records.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])))];
    const byId = [...new Set(records.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
    const writable = await tx.db
      .select({ id: customers.id, externalId: customers.externalId })
      .from(customers)
      .where(
        and(
          writableCustomers(ctx.actor),
          sql`${customers.deletedAt} is null`,
          sql`(${byId.length ? inArray(customers.id, byId) : sql`false`} or ${byExternal.length ? inArray(customers.externalId, byExternal) : sql`false`})`,
        ),
      );
    const idSet = new Set(writable.map((c) => c.id));
    const idOfExternal = new Map(writable.map((c) => [c.externalId, c.id]));
    const numbers = records.flatMap((r) => (r.externalId ? [r.externalId] : []));
    const taken = await repo.existingOrderNumbers(tx.db, ctx.actor.orgId, numbers);
    // An order being replaced must belong to a customer the caller may change, like a new one.
    const replaced = mode === 'upsert' ? await repo.ordersByNumber(tx.db, ofWritableCustomers(ctx), [...taken]) : new Map<string, string>();
    const seen = new Map<string, number>();
    const customerOf: string[] = [];
    records.forEach((r, i) => {
      const customerId = r.customerId ?? idOfExternal.get(r.customerExternalId as string);
      if (!customerId || !idSet.has(customerId)) {
        errors.push(
          r.customerId
            ? { path: at(i, 'customerId'), message: 'no such customer that you may change' }
            : { path: at(i, 'customerExternalId'), message: 'no customer with this externalId that you may change' },
        );
      }
      customerOf.push(customerId ?? '');
      if (r.externalId) {
        if (taken.has(r.externalId) && !replaced.has(r.externalId))
          errors.push({
            path: at(i, 'externalId'),
            message: mode === 'upsert' ? 'an order with this number exists and is not yours to change' : 'an order with this number exists',
          });
        else if (seen.has(r.externalId))
          errors.push({ path: at(i, 'externalId'), message: `same order number as record ${seen.get(r.externalId)}` });
        seen.set(r.externalId, i);
      }
    });
    if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

    const now = ctx.clock.now();
    if (replaced.size) await repo.deleteOrders(tx.db, ctx.actor.orgId, [...replaced.values()]);
    const rows = records.map((r, i) => ({
      orgId: ctx.actor.orgId,
      id: (r.externalId && replaced.get(r.externalId)) || newId(),
      externalId: r.externalId ?? null,
      customerId: customerOf[i],
      orderedAt: new Date(r.orderedAt),
      currency: r.currency ?? 'CNY',
      amount: '0',
      createdAt: now,
    }));
    const lines = records.flatMap((r, i) =>
      r.lines.map((l, n) => ({
        orgId: ctx.actor.orgId,
        orderId: rows[i].id,
        lineNo: n + 1,
        productCode: l.productCode,
        productName: l.productName ?? null,
        category: l.category ?? null,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
      })),
    );
    await repo.insertOrdersWithLines(tx.db, rows, lines);
    await recordAuditMany(
      tx.db,
      tx,
      rows.map((o) => ({
        action: (o.externalId && replaced.has(o.externalId) ? 'update' : 'create') as 'create' | 'update',
        entity: 'order',
        entityId: o.id,
        before: null,
        after: { ...o, lines: records[rows.indexOf(o)].lines.length },
      })),
    );
    return { created: rows.length - replaced.size, updated: replaced.size, ids: rows.map((r) => r.id) };
  });
}

export async function getOrder(ctx: Ctx, id: string) {
  const order = await repo.findOrder(ctx.db, ofVisibleCustomers(ctx), id);
  if (!order) throw notFound('Order');
  return orderView(order, await repo.linesOf(ctx.db, ctx.actor.orgId, id));
}

export async function listOrders(ctx: Ctx, q: { limit: number; cursor?: string; customerId?: string; from?: string; to?: string }) {
  const where = and(
    ofVisibleCustomers(ctx),
    q.customerId ? eq(orders.customerId, q.customerId) : undefined,
    q.from ? sql`${orders.orderedAt} >= ${q.from}::timestamptz` : undefined,
    q.to ? sql`${orders.orderedAt} < ${q.to}::timestamptz` : undefined,
  ) as ReturnType<typeof sql>;
  const rows = await repo.listOrders(ctx.db, where, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (o) => [o.orderedAt.toISOString(), o.id]);
  return { data: page.data.map((o) => orderView(o)), nextCursor: page.nextCursor };
}

/**
 * Adds lines to orders named by number — an import's lines of an order that an earlier batch wrote (exports
 * interleave invoices). An order not there yet (a dry run rolled it back) is created instead.
 */
export async function appendOrderLines(ctx: Ctx, records: (TOrderCreate & { externalId: string })[], pathPrefix: string) {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.ordersByNumber(
      tx.db,
      ofWritableCustomers(tx),
      records.map((r) => r.externalId),
    );
    const missing = records.map((r, i) => ({ r, i })).filter(({ r }) => !found.has(r.externalId));
    let created = 0;
    if (missing.length) {
      try {
        created = (
          await createOrders(
            tx,
            missing.map(({ r }) => r),
            pathPrefix,
          )
        ).created;
      } catch (err) {
        // The subset's record numbers back to the caller's.
        if (err instanceof AppError && err.errors)
          throw new AppError(
            err.status,
            err.code,
            err.title,
            err.message,
            err.errors.map((e) => ({ ...e, path: e.path.replace(/^(\w+)\.(\d+)/, (_, p, n) => `${p}.${missing[+n].i}`) })),
          );
        throw err;
      }
    }
    for (const r of records) {
      const id = found.get(r.externalId);
      if (!id) continue;
      await repo.appendLines(
        tx.db,
        ctx.actor.orgId,
        id,
        r.lines.map((l) => ({
          productCode: l.productCode,
          productName: l.productName ?? null,
          category: l.category ?? null,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
        })),
      );
    }
    await recordAuditMany(
      tx.db,
      tx,
      [...found.values()].map((id) => ({
        action: 'update' as const,
        entity: 'order',
        entityId: id,
        before: null,
        after: { linesAdded: true },
      })),
    );
    return { created, updated: found.size };
  });
}
