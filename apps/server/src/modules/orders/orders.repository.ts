import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { orderLines, orders } from './orders.table.ts';

export type OrderRow = typeof orders.$inferSelect;
export type OrderLineRow = typeof orderLines.$inferSelect;

/** Inserts orders and their lines, then sets each order's amount from its lines — summed in SQL numeric. */
export async function insertOrdersWithLines(db: DbOrTx, rows: (typeof orders.$inferInsert)[], lines: OrderLineRow[]) {
  if (!rows.length) return;
  await db.insert(orders).values(rows);
  for (let i = 0; i < lines.length; i += 5000) await db.insert(orderLines).values(lines.slice(i, i + 5000));
  const orgId = rows[0].orgId;
  await db.execute(sql`
    update ${orders} o set amount = s.amount
    from (select order_id, round(sum(quantity * unit_price), 2) as amount
          from ${orderLines} where org_id = ${orgId} and order_id in (${sql.join(
            rows.map((r) => sql`${r.id}`),
            sql`, `,
          )})
          group by order_id) s
    where o.org_id = ${orgId} and o.id = s.order_id`);
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
