import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { customers } from '../customers/customers.table.ts';
import { users } from '../users/users.table.ts';
import { contracts, installments, payments } from './contracts.table.ts';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[])) as Row[];

/**
 * Overdue instalments as of a date, all in SQL numeric. Per contract, the payments received up to asOf
 * are applied to its instalments in due-date order (then position): an instalment's uncovered part is
 * least(amount, due so far − paid) when positive. It is overdue when due before asOf and not covered.
 * Only signed business counts: active and completed contracts, within `visible` (the caller's scope;
 * it names the contracts table itself, so the table keeps its own name in this query).
 */
function overdueItems(visible: SQL, orgId: string, asOf: string) {
  return sql`
    with scoped as (
      select contracts.id, contracts.customer_id, contracts.owner_id, contracts.currency from ${contracts}
      where ${visible} and contracts.status in ('active', 'completed')
    ), paid as (
      select p.contract_id, sum(p.amount) as total from ${payments} p
      join scoped s on s.id = p.contract_id
      where p.org_id = ${orgId} and p.received_on <= ${asOf}::date
      group by p.contract_id
    ), plan as (
      select s.customer_id, s.owner_id, s.currency, i.due_on, i.amount, coalesce(paid.total, 0) as paid,
        sum(i.amount) over (partition by i.contract_id order by i.due_on, i.position, i.id
                            rows between unbounded preceding and current row) as due_so_far
      from ${installments} i
      join scoped s on s.id = i.contract_id
      left join paid on paid.contract_id = i.contract_id
      where i.org_id = ${orgId}
    )
    select customer_id, owner_id, currency, due_on, least(amount, due_so_far - paid) as uncovered
    from plan
    where due_on < ${asOf}::date and due_so_far - paid > 0`;
}

const figures = (asOf: string) => sql`
  currency, round(sum(uncovered), 2)::text as amount, count(*)::int as installments,
  min(due_on)::text as oldest_due_on, (${asOf}::date - min(due_on))::int as max_days_overdue`;

export async function overdueReport(db: DbOrTx, visible: SQL, orgId: string, asOf: string) {
  const items = overdueItems(visible, orgId, asOf);
  const [byCustomer, byRep, totals] = await Promise.all([
    db.execute(sql`
      with items as (${items})
      select items.customer_id, c.name as customer_name, ${figures(asOf)}
      from items join ${customers} c on c.org_id = ${orgId} and c.id = items.customer_id
      group by items.customer_id, c.name, currency
      order by sum(uncovered) desc, c.name, items.customer_id`),
    db.execute(sql`
      with items as (${items})
      select items.owner_id, u.name as owner_name, count(distinct items.customer_id)::int as customers, ${figures(asOf)}
      from items join ${users} u on u.org_id = ${orgId} and u.id = items.owner_id
      group by items.owner_id, u.name, currency
      order by sum(uncovered) desc, u.name, items.owner_id`),
    db.execute(sql`
      with items as (${items})
      select currency, round(sum(uncovered), 2)::text as amount, count(*)::int as installments
      from items group by currency order by currency`),
  ]);
  const common = (r: Row) => ({
    currency: String(r.currency),
    amount: String(r.amount),
    installments: Number(r.installments),
    oldestDueOn: String(r.oldest_due_on),
    maxDaysOverdue: Number(r.max_days_overdue),
  });
  return {
    byCustomer: rowsOf(byCustomer).map((r) => ({ customerId: String(r.customer_id), customerName: String(r.customer_name), ...common(r) })),
    byRep: rowsOf(byRep).map((r) => ({
      ownerId: String(r.owner_id),
      ownerName: String(r.owner_name),
      customers: Number(r.customers),
      ...common(r),
    })),
    totals: rowsOf(totals).map((r) => ({ currency: String(r.currency), amount: String(r.amount), installments: Number(r.installments) })),
  };
}
