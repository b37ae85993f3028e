import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { copyRows } from '../../db/copy.ts';
import { rowsOf } from '../../db/rows.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { orderAmounts } from './orders.rules.ts';
import { orderLines, orders } from './orders.table.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/**
 * Inserts orders and their lines with COPY (an import writes thousands of lines per batch), each order's
 * amount computed from its lines first: Σ quantity × unit price, exact, rounded to cents as numeric rounds.
 */
export async function insertOrdersWithLines(tx: Tx, rows: (typeof orders.$inferInsert)[], lines: OrderLineRow[]) {
  if (!rows.length) return;
  const amounts = orderAmounts(lines);
  await copyRows(
    tx,
    'orders',
    ['org_id', 'id', 'external_id', 'customer_id', 'ordered_at', 'currency', 'amount', 'created_at'],
    rows.map((r) => [
      r.orgId,
      r.id,
      r.externalId ?? null,
      r.customerId,
      r.orderedAt.toISOString(),
      r.currency ?? 'CNY',
      amounts.get(r.id) ?? '0.00',
      r.createdAt.toISOString(),
    ]),
  );
  await copyRows(
    tx,
    'order_lines',
    ['org_id', 'order_id', 'line_no', 'product_code', 'product_name', 'category', 'quantity', 'unit_price'],
    lines.map((l) => [l.orgId, l.orderId, l.lineNo, l.productCode, l.productName, l.category, l.quantity, l.unitPrice]),
  );
}

async function insertLines(db: DbOrTx, lines: OrderLineRow[]) {
  for (let i = 0; i < lines.length; i += 20_000)
    await db.execute(sql`
      insert into ${orderLines} (org_id, order_id, line_no, product_code, product_name, category, quantity, unit_price)
      select * from jsonb_to_recordset(${JSON.stringify(lines.slice(i, i + 20_000))}::jsonb)
        as l("orgId" uuid, "orderId" uuid, "lineNo" int, "productCode" text, "productName" text, category text, quantity numeric, "unitPrice" numeric)`);
}

/** Each order's amount: Σ quantity × unit price of its lines, rounded to cents in SQL numeric. */
async function setAmounts(db: DbOrTx, orgId: string, orderIds: string[]) {
  await db.execute(sql`
    update ${orders} o set amount = s.amount
    from (select order_id, round(sum(quantity * unit_price), 2) as amount
          from ${orderLines} where org_id = ${orgId} and order_id = any(${sql.param(orderIds)}::uuid[])
          group by order_id) s
    where o.org_id = ${orgId} and o.id = s.order_id`);
}

/** Adds lines after an order's last one (an import's late lines of an order), and its amount follows. */
export async function appendLines(db: DbOrTx, orgId: string, orderId: string, lines: Omit<OrderLineRow, 'orgId' | 'orderId' | 'lineNo'>[]) {
  const [{ last }] = rowsOf<{ last: number }>(
    await db.execute(
      sql`select coalesce(max(line_no), 0)::int as last from ${orderLines} where org_id = ${orgId} and order_id = ${orderId}`,
    ),
  );
  await insertLines(
    db,
    lines.map((l, i) => ({ ...l, orgId, orderId, lineNo: last + i + 1 })),
  );
  await setAmounts(db, orgId, [orderId]);
}

export async function findOrder(db: DbOrTx, where: SQL, id: string) {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(where, eq(orders.id, id)));
  return row;
}

export const linesOf = (db: DbOrTx, orgId: string, orderId: string) =>
  db
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.orgId, orgId), eq(orderLines.orderId, orderId)))
    .orderBy(asc(orderLines.lineNo));

export async function listOrders(db: DbOrTx, where: SQL, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${orders.orderedAt}, ${orders.id}) < (${String(page.after[0])}::timestamptz, ${page.after[1]})`
    : undefined;
  return db
    .select()
    .from(orders)
    .where(and(where, after))
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(page.limit + 1);
}

export async function existingOrderNumbers(db: DbOrTx, orgId: string, externalIds: string[]) {
  if (!externalIds.length) return new Set<string>();
  const rows = await db
    .select({ externalId: orders.externalId })
    .from(orders)
    .where(and(eq(orders.orgId, orgId), inArray(orders.externalId, externalIds)));
  return new Set(rows.map((r) => r.externalId as string));
}

/** Order number → id of the orders matching `where` among these numbers. */
export async function ordersByNumber(db: DbOrTx, where: SQL, externalIds: string[]) {
  if (!externalIds.length) return new Map<string, string>();
  const rows = await db
    .select({ id: orders.id, externalId: orders.externalId })
    .from(orders)
    .where(and(where, inArray(orders.externalId, externalIds)));
  return new Map(rows.map((r) => [r.externalId as string, r.id]));
}

/** Deletes orders (their lines go with them), to be written again by an upsert. */
export async function deleteOrders(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length) await db.delete(orders).where(and(eq(orders.orgId, orgId), inArray(orders.id, ids)));
}
