import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { activities } from '../activities/activities.table.ts';
import { contracts, payments } from '../contracts/contracts.table.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { orders } from '../orders/orders.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import type { KpiAggregates } from './kpis.rules.ts';
import { forecastCommits, satisfactionScores } from './performance.table.ts';

/**
 * Whose figures: reps (each record counts for its owner — the assignee for tasks) or teams (each record counts
 * for the team stamped on it, so a rep who moved keeps their own figures and each team keeps what was done in it).
 */
export type KpiSubjects = { by: 'owner' | 'team'; ids: string[] };

export type KpiWindow = {
  /** The period as calendar dates in the organisation's zone, [from, to). */
  from: string;
  to: string;
  key: string;
  timeZone: string;
  /** Cadence tasks count once due: those due later in the period are not yet judged. */
  now: Date;
};

/**
 * Sums and counts every KPI needs, for all subjects at once: one statement, one aggregate per source table
 * (deals, payments, customers, orders, activities, satisfaction scores, cadence tasks, forecast commits), never a
 * query per rep. Every time column is bounded by a range on an indexed column, the period's dates turned into
 * instants in the org's zone once (`date::timestamp at time zone tz`), so a quarter reads only that quarter's rows.
 * Soft-deleted deals, customers (and their orders) and activities do not count.
 */
export async function kpiAggregates(db: DbOrTx, orgId: string, w: KpiWindow, subjects: KpiSubjects): Promise<Map<string, KpiAggregates>> {
  const result = new Map<string, KpiAggregates>();
  if (subjects.ids.length === 0) return result;
  const byTeam = subjects.by === 'team';
  const ids = sql`${sql.param(subjects.ids)}::uuid[]`;
  const pick = (owner: SQL, team: SQL) => (byTeam ? team : owner);
  const start = sql`((${w.from}::date)::timestamp at time zone ${w.timeZone})`;
  const end = sql`((${w.to}::date)::timestamp at time zone ${w.timeZone})`;
  const within = (col: SQL) => sql`${col} >= ${start} and ${col} < ${end}`;

  const dealBy = pick(sql`d.owner_id`, sql`d.team_id`);
  const paymentBy = pick(sql`c.owner_id`, sql`c.team_id`);
  const customerBy = pick(sql`cu.owner_id`, sql`cu.team_id`);
  const activityBy = pick(sql`a.owner_id`, sql`a.team_id`);
  const scoreBy = pick(sql`s.owner_id`, sql`s.team_id`);
  const taskBy = pick(sql`t.assignee_id`, sql`t.team_id`);
  const commitBy = pick(sql`f.rep_id`, sql`f.team_id`);

  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
    with subject(id) as (select distinct unnest(${ids})),
    closed as (
      select ${dealBy} as sid,
        count(*) filter (where s.kind = 'won')::int as won_count,
        count(*) filter (where s.kind = 'lost')::int as lost_count,
        coalesce(sum(d.amount) filter (where s.kind = 'won'), 0)::text as won_amount
      from ${deals} d
      join ${stages} s on s.org_id = d.org_id and s.id = d.stage_id
      where d.org_id = ${orgId} and ${within(sql`d.closed_at`)} and d.deleted_at is null
        and s.kind in ('won', 'lost') and ${dealBy} = any(${ids})
      group by 1),
    paid as (
      select ${paymentBy} as sid, sum(p.amount)::text as amount
      from ${payments} p
      join ${contracts} c on c.org_id = p.org_id and c.id = p.contract_id
      where p.org_id = ${orgId} and p.received_on >= ${w.from}::date and p.received_on < ${w.to}::date
        and ${paymentBy} = any(${ids})
      group by 1),
    created as (
      select ${customerBy} as sid, count(*)::int as n
      from ${customers} cu
      where cu.org_id = ${orgId} and ${within(sql`cu.created_at`)} and cu.deleted_at is null and ${customerBy} = any(${ids})
      group by 1),
    ordered as (
      select ${customerBy} as sid, count(*)::int as n
      from ${orders} o
      join ${customers} cu on cu.org_id = o.org_id and cu.id = o.customer_id
      where o.org_id = ${orgId} and ${within(sql`o.ordered_at`)} and cu.deleted_at is null and ${customerBy} = any(${ids})
      group by 1),
    acts as (
      select ${activityBy} as sid, count(*)::int as total,
        count(*) filter (where a.kind = 'call')::int as calls,
        count(*) filter (where a.kind = 'email')::int as emails,
        count(*) filter (where a.kind = 'visit')::int as visits,
        count(*) filter (where a.kind = 'meeting')::int as meetings
      from ${activities} a
      where a.org_id = ${orgId} and ${within(sql`a.occurred_at`)} and a.deleted_at is null and ${activityBy} = any(${ids})
      group by 1),
    sat as (
      select ${scoreBy} as sid, sum(s.score)::int as total, count(*)::int as n
      from ${satisfactionScores} s
      where s.org_id = ${orgId} and s.recorded_on >= ${w.from}::date and s.recorded_on < ${w.to}::date and ${scoreBy} = any(${ids})
      group by 1),
    cadence as (
      select ${taskBy} as sid, count(*)::int as due,
        count(*) filter (where t.status = 'done' and t.completed_at <= t.due_at)::int as on_time
      from ${tasks} t
      where t.org_id = ${orgId} and t.source = 'cadence' and ${within(sql`t.due_at`)} and t.due_at <= ${w.now.toISOString()}::timestamptz
        and t.status <> 'cancelled' and ${taskBy} = any(${ids})
      group by 1),
    committed as (
      select ${commitBy} as sid, sum(f.amount)::text as committed
      from ${forecastCommits} f
      where f.org_id = ${orgId} and f.period = ${w.key} and ${commitBy} = any(${ids})
      group by 1)
    select subject.id::text as id,
      closed.won_count, closed.lost_count, closed.won_amount, paid.amount as payments, created.n as new_customers,
      ordered.n as orders, acts.total, acts.calls, acts.emails, acts.visits, acts.meetings,
      sat.total as sat_total, sat.n as sat_n, cadence.due, cadence.on_time, committed.committed
    from subject
    left join closed on closed.sid = subject.id
    left join paid on paid.sid = subject.id
    left join created on created.sid = subject.id
    left join ordered on ordered.sid = subject.id
    left join acts on acts.sid = subject.id
    left join sat on sat.sid = subject.id
    left join cadence on cadence.sid = subject.id
    left join committed on committed.sid = subject.id`),
  );
  const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
  for (const r of rows) {
    result.set(String(r.id), {
      wonCount: n(r.won_count),
      lostCount: n(r.lost_count),
      wonAmount: (r.won_amount as string | null) ?? '0',
      paymentsCollected: (r.payments as string | null) ?? '0',
      newCustomers: n(r.new_customers),
      orders: n(r.orders),
      activities: { total: n(r.total), call: n(r.calls), email: n(r.emails), visit: n(r.visits), meeting: n(r.meetings) },
      satisfactionSum: n(r.sat_total),
      satisfactionCount: n(r.sat_n),
      tasksDue: n(r.due),
      tasksOnTime: n(r.on_time),
      committed: (r.committed as string | null) ?? null,
    });
  }
  return result;
}
