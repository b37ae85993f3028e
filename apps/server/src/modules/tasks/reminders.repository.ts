import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { ts } from './tasks.sql.ts';
import { tasks } from './tasks.table.ts';

export type Reminded = {
  orgId: string;
  id: string;
  assigneeId: string;
  title: string;
  dueAt: Date;
  customerId: string | null;
  dealId: string | null;
};

type Raw = {
  org_id: string;
  id: string;
  assignee_id: string;
  title: string;
  due_at: Date | string;
  customer_id: string | null;
  deal_id: string | null;
};
const reminded = (rows: Raw[]): Reminded[] =>
  rows.map((r) => ({
    orgId: r.org_id,
    id: r.id,
    assigneeId: r.assignee_id,
    title: r.title,
    dueAt: new Date(r.due_at),
    customerId: r.customer_id,
    dealId: r.deal_id,
  }));

/**
 * Marks, and answers, up to `limit` open tasks falling due within `withinMs` from now (not yet due)
 * whose due reminder has not gone out; a task already overdue gets the overdue reminder instead.
 */
export async function markDueSoon(db: DbOrTx, now: Date, withinMs: number, limit: number): Promise<Reminded[]> {
  const result = await db.execute(sql`
    with picked as (
      select org_id, id from ${tasks}
      where status = 'open' and due_notified_at is null and overdue_notified_at is null
        and due_at >= ${ts(now)} and due_at <= ${ts(new Date(now.getTime() + withinMs))}
      order by due_at
      limit ${limit}
    )
    update ${tasks} t set due_notified_at = ${ts(now)}
    from picked p where t.org_id = p.org_id and t.id = p.id
    returning t.org_id, t.id, t.assignee_id, t.title, t.due_at, t.customer_id, t.deal_id`);
  return reminded(rowsOf<Raw>(result));
}

/** Marks, and answers, up to `limit` open tasks past due whose overdue reminder has not gone out. */
export async function markOverdue(db: DbOrTx, now: Date, limit: number): Promise<Reminded[]> {
  const result = await db.execute(sql`
    with picked as (
      select org_id, id from ${tasks}
      where status = 'open' and overdue_notified_at is null and due_at < ${ts(now)}
      order by due_at
      limit ${limit}
    )
    update ${tasks} t set overdue_notified_at = ${ts(now)}
    from picked p where t.org_id = p.org_id and t.id = p.id
    returning t.org_id, t.id, t.assignee_id, t.title, t.due_at, t.customer_id, t.deal_id`);
  return reminded(rowsOf<Raw>(result));
}
