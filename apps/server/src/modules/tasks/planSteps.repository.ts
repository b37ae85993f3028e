import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { customers } from '../customers/customers.table.ts';
import { deals } from '../deals/deals.table.ts';
import { users } from '../users/users.table.ts';
import { countOf, days, newIdAt, ts } from './tasks.sql.ts';
import { followUpPlans, planEnrollments, tasks } from './tasks.table.ts';

/**
 * Follow-up plans, set-based: enrolling the customers and deals a plan targets, turning the steps
 * whose time has come into tasks (`stepsDue` of tasks.rules.ts in SQL), and stopping enrollments.
 * Each statement handles at most `limit` enrollments over all organisations.
 */

export type StopReason = 'answered' | 'deal_closed' | 'manual' | 'plan_deactivated';

/**
 * Stops the active enrollments matching `where` (on plan_enrollments aliased `e`) and cancels their
 * open tasks, in one statement.
 */
export async function stopEnrollments(db: DbOrTx, where: SQL, reason: StopReason, now: Date) {
  const at = ts(now);
  const result = await db.execute(sql`
    with stopped as (
      update ${planEnrollments} e set status = 'stopped', stop_reason = ${reason}, ended_at = ${at}
      where e.status = 'active' and ${where}
      returning e.org_id, e.id
    ), cancelled as (
      update ${tasks} t set status = 'cancelled', updated_at = ${at}, version = t.version + 1
      from stopped s where t.org_id = s.org_id and t.enrollment_id = s.id and t.status = 'open'
      returning 1
    )
    select (select count(*) from stopped)::int as n, (select count(*) from cancelled)::int as cancelled`);
  const [row] = rowsOf<{ n: number; cancelled: number }>(result);
  return { stopped: Number(row?.n ?? 0), cancelledTasks: Number(row?.cancelled ?? 0) };
}

/** `e` is an active enrollment of a deal that closed (won or lost) or was deleted. */
export const ofClosedDeal = (limit: number, extra: SQL = sql`true`) => sql`(e.org_id, e.id) in (
  select e2.org_id, e2.id from ${planEnrollments} e2
  join ${deals} d on d.org_id = e2.org_id and d.id = e2.deal_id
  where e2.status = 'active' and (d.closed_at is not null or d.deleted_at is not null) and ${extra}
  limit ${limit})`;

/**
 * Enrolls, once per plan, the owned customers now in an active customer plan's tier and the open
 * deals now in an active deal plan's stage. The unique indexes keep it once even under a race.
 */
export async function enrollTargets(db: DbOrTx, now: Date, limit: number): Promise<number> {
  const at = ts(now);
  const result = await db.execute(sql`
    with candidates as (
      select p.org_id, p.id as plan_id, c.id as customer_id, null::uuid as deal_id
      from ${followUpPlans} p
      join ${customers} c on c.org_id = p.org_id and c.tier_id = p.tier_id
      where p.active and p.target = 'customer' and c.owner_id is not null and c.deleted_at is null
        and not exists (select 1 from ${planEnrollments} e where e.org_id = p.org_id and e.plan_id = p.id and e.customer_id = c.id)
      union all
      select p.org_id, p.id, null::uuid, d.id
      from ${followUpPlans} p
      join ${deals} d on d.org_id = p.org_id and d.stage_id = p.stage_id
      where p.active and p.target = 'deal' and d.closed_at is null and d.deleted_at is null
        and not exists (select 1 from ${planEnrollments} e where e.org_id = p.org_id and e.plan_id = p.id and e.deal_id = d.id)
      limit ${limit}
    ), enrolled as (
      insert into ${planEnrollments} (org_id, id, plan_id, customer_id, deal_id, started_at, next_step, status)
      select org_id, ${newIdAt(at)}, plan_id, customer_id, deal_id, ${at}, 0, 'active' from candidates
      on conflict do nothing
      returning 1
    )
    select count(*)::int as n from enrolled`);
  return countOf(result);
}

/**
 * Turns every step whose time has come (started_at + dayOffset days ≤ now) of active enrollments
 * into a task for the customer's or the deal's owner, due at the step's time; advances `next_step`
 * and completes the enrollment after its last step. A step that comes due while the customer has no
 * owner (in the pool, or deleted) is passed over without a task: nobody could do it.
 */
export async function createDueStepTasks(db: DbOrTx, now: Date, limit: number): Promise<{ tasks: number; advanced: number }> {
  const at = ts(now);
  const stepAt = (startedAt: SQL, step: SQL) => sql`${startedAt} + ${days(sql`(${step} ->> 'dayOffset')::int`)}`;
  const result = await db.execute(sql`
    with batch as (
      select e.org_id, e.id, e.customer_id, e.deal_id, e.started_at, e.next_step, p.steps
      from ${planEnrollments} e
      join ${followUpPlans} p on p.org_id = e.org_id and p.id = e.plan_id
      where e.status = 'active' and e.next_step < jsonb_array_length(p.steps)
        and ${stepAt(sql`e.started_at`, sql`(p.steps -> e.next_step)`)} <= ${at}
      limit ${limit}
    ), due as (
      select b.org_id, b.id as enrollment_id, b.customer_id, b.deal_id, (s.ord - 1)::int as step_index,
        s.step ->> 'title' as title, s.step ->> 'kind' as kind, ${stepAt(sql`b.started_at`, sql`s.step`)} as due_at,
        jsonb_array_length(b.steps) as total
      from batch b
      cross join lateral jsonb_array_elements(b.steps) with ordinality as s(step, ord)
      where s.ord - 1 >= b.next_step and ${stepAt(sql`b.started_at`, sql`s.step`)} <= ${at}
    ), targets as (
      select due.*, coalesce(due.customer_id, d.customer_id) as link_customer_id,
        case when due.deal_id is not null then d.owner_id when c.deleted_at is null then c.owner_id end as assignee_id
      from due
      left join ${customers} c on c.org_id = due.org_id and c.id = due.customer_id
      left join ${deals} d on d.org_id = due.org_id and d.id = due.deal_id
    ), created as (
      insert into ${tasks} (org_id, id, title, due_at, assignee_id, team_id, priority, status, source, activity_kind,
        customer_id, deal_id, enrollment_id, step_index, created_at, updated_at, version)
      select t.org_id, ${newIdAt(at)}, t.title, t.due_at, t.assignee_id, u.team_id, 'normal', 'open', 'plan', t.kind,
        t.link_customer_id, t.deal_id, t.enrollment_id, t.step_index, ${at}, ${at}, 1
      from targets t join ${users} u on u.org_id = t.org_id and u.id = t.assignee_id
      on conflict do nothing
      returning 1
    ), advanced as (
      update ${planEnrollments} e set next_step = a.next_step,
        status = case when a.next_step >= a.total then 'completed' else 'active' end,
        ended_at = case when a.next_step >= a.total then ${at} end
      from (select org_id, enrollment_id, max(step_index) + 1 as next_step, max(total) as total from due group by org_id, enrollment_id) a
      where e.org_id = a.org_id and e.id = a.enrollment_id
      returning 1
    )
    select (select count(*) from created)::int as n, (select count(*) from advanced)::int as advanced`);
  const [row] = rowsOf<{ n: number; advanced: number }>(result);
  return { tasks: Number(row?.n ?? 0), advanced: Number(row?.advanced ?? 0) };
}

/** Completes active enrollments with no step left (their plan was shortened under them). */
export async function completeExhaustedEnrollments(db: DbOrTx, now: Date, limit: number, extra: SQL = sql`true`): Promise<number> {
  const result = await db.execute(sql`
    with done as (
      update ${planEnrollments} e set status = 'completed', ended_at = ${ts(now)}
      where (e.org_id, e.id) in (
        select e2.org_id, e2.id from ${planEnrollments} e2
        join ${followUpPlans} p on p.org_id = e2.org_id and p.id = e2.plan_id
        where e2.status = 'active' and e2.next_step >= jsonb_array_length(p.steps) and ${extra}
        limit ${limit})
      returning 1
    )
    select count(*)::int as n from done`);
  return countOf(result);
}
