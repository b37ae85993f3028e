import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/requestContext.ts';
import { getVisibleCustomer } from '../customers/customers.usecases.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { orderLines, orders } from './orders.table.ts';

const DAY_MS = 86_400_000;
type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[])) as Row[];

/**
 * A customer's purchase history up to `asOf` (VIP analysis): monetary (Σ quantity × unit price),
 * frequency (distinct orders), recency in days, purchase interval, favourite products and categories,
 * and monthly totals in the organisation's time zone. Money is summed in SQL numeric and returned as decimal strings.
 */
export async function purchaseSummary(ctx: Ctx, customerId: string, asOf: Date) {
  await getVisibleCustomer(ctx, customerId);
  const orgId = ctx.actor.orgId;
  const mine = sql`o.org_id = ${orgId} and o.customer_id = ${customerId} and o.ordered_at <= ${asOf.toISOString()}::timestamptz`;
  const [totals] = rowsOf(
    await ctx.db.execute(sql`
      select coalesce(sum(o.amount), 0)::text as monetary, count(*)::int as frequency,
             min(o.ordered_at) as first, max(o.ordered_at) as last
      from ${orders} o where ${mine}`),
  );
  const products = rowsOf(
    await ctx.db.execute(sql`
      select l.product_code, max(l.product_name) as product_name, round(sum(l.quantity * l.unit_price), 2)::text as amount,
             sum(l.quantity)::text as quantity, count(distinct o.id)::int as orders
      from ${orders} o join ${orderLines} l on l.org_id = o.org_id and l.order_id = o.id
      where ${mine} group by l.product_code order by sum(l.quantity * l.unit_price) desc, l.product_code limit 10`),
  );
  const categories = rowsOf(
    await ctx.db.execute(sql`
      select l.category, round(sum(l.quantity * l.unit_price), 2)::text as amount, count(distinct o.id)::int as orders
      from ${orders} o join ${orderLines} l on l.org_id = o.org_id and l.order_id = o.id
      where ${mine} and l.category is not null group by l.category order by sum(l.quantity * l.unit_price) desc, l.category limit 10`),
  );
  const monthly = rowsOf(
    await ctx.db.execute(sql`
      select to_char(o.ordered_at at time zone org.time_zone, 'YYYY-MM') as month, sum(o.amount)::text as amount, count(*)::int as orders
      from ${orders} o join ${orgs} org on org.id = o.org_id
      where ${mine} group by 1 order by 1`),
  );
  const first = totals.first ? new Date(totals.first as string) : null;
  const last = totals.last ? new Date(totals.last as string) : null;
  const frequency = Number(totals.frequency);
  return {
    asOf: asOf.toISOString(),
    monetary: Number(totals.monetary).toFixed(2),
    frequency,
    recencyDays: last ? Math.floor((asOf.getTime() - last.getTime()) / DAY_MS) : null,
    firstOrderAt: first?.toISOString() ?? null,
    lastOrderAt: last?.toISOString() ?? null,
    meanDaysBetweenOrders:
      first && last && frequency > 1 ? Math.round(((last.getTime() - first.getTime()) / DAY_MS / (frequency - 1)) * 10) / 10 : null,
    topProducts: products.map((p) => ({
      productCode: String(p.product_code),
      productName: (p.product_name as string | null) ?? null,
      amount: String(p.amount),
      quantity: String(p.quantity),
      orders: Number(p.orders),
    })),
    topCategories: categories.map((c) => ({ category: String(c.category), amount: String(c.amount), orders: Number(c.orders) })),
    monthly: monthly.map((m) => ({ month: String(m.month), amount: String(m.amount), orders: Number(m.orders) })),
  };
}
