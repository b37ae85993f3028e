import type { TStageSnapshot } from '@tierline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../platform/access.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { deals } from '../deals/deals.table.ts';
import { orders } from '../orders/orders.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { visibleTasks } from '../tasks/tasks.access.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { teams } from '../teams/teams.table.ts';
import { tierPolicies, tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';

/**
 * The dashboards' set-based reads (issue 9 item 1): each one statement over all the reps or teams asked, within the
 * actor's data scope. The deals, customers and tasks tables keep their names in the SQL: the scope conditions refer to them.
 */

type Row = Record<string, unknown>;
const ids = (list: string[]) => sql`${sql.param(list)}::uuid[]`;
const money = (v: unknown) => String(v ?? '0.00');

export type Person = { id: string; name: string; teamId: string | null; levelId: string | null };

export async function personOf(db: DbOrTx, orgId: string, userId: string): Promise<Person | undefined> {
  const [r] = rowsOf<Row>(
    await db.execute(sql`select u.id, u.name, u.team_id, u.level_id from ${users} u where u.org_id = ${orgId} and u.id = ${userId}`),
  );
  return (
    r && {
      id: String(r.id),
      name: String(r.name),
      teamId: (r.team_id as string | null) ?? null,
      levelId: (r.level_id as string | null) ?? null,
    }
  );
}

/** The teams asked, by name (unknown ids left out). */
export async function teamsByIds(db: DbOrTx, orgId: string, teamIds: string[]) {
  if (!teamIds.length) return [];
  return rowsOf<Row>(
    await db.execute(
      sql`select t.id, t.name from ${teams} t where t.org_id = ${orgId} and t.id = any(${ids(teamIds)}) order by t.name, t.id`,
    ),
  ).map((r) => ({ id: String(r.id), name: String(r.name) }));
}

/** The active reps whose current team is one of these, by name. */
export async function repsOfTeams(db: DbOrTx, orgId: string, teamIds: string[]): Promise<Person[]> {
  if (!teamIds.length) return [];
  return rowsOf<Row>(
    await db.execute(sql`select u.id, u.name, u.team_id, u.level_id from ${users} u
      where u.org_id = ${orgId} and u.role = 'rep' and u.active and u.team_id = any(${ids(teamIds)}) order by u.name, u.id`),
  ).map((r) => ({
    id: String(r.id),
    name: String(r.name),
    teamId: (r.team_id as string | null) ?? null,
    levelId: (r.level_id as string | null) ?? null,
  }));
}

/**
 * Open deals now per open stage of every pipeline (stages without deals listed with zeros), of one owner or of
 * deals stamped with one of the teams. weighted = Σ amount × (the deal's probability, else the stage's) / 100.
 */
export async function openByStage(db: DbOrTx, actor: Actor, of: { ownerId: string } | { teamIds: string[] }): Promise<TStageSnapshot[]> {
  const subject: SQL = 'ownerId' in of ? sql`deals.owner_id = ${of.ownerId}` : sql`deals.team_id = any(${ids(of.teamIds)})`;
  const result = await db.execute(sql`
    with open as (
      select deals.stage_id, count(*)::int as n, sum(deals.amount) as amount,
        sum(deals.amount * coalesce(deals.probability, s.probability) / 100.0) as weighted
      from ${deals}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
      where ${visibleDeals(actor)} and deals.deleted_at is null and deals.closed_at is null and s.kind = 'open' and ${subject}
      group by 1)
    select p.id as pipeline_id, p.process_type, p.name_zh as p_zh, p.name_en as p_en, s.id as stage_id, s.key, s.name_zh, s.name_en,
      s.position, coalesce(open.n, 0) as n, coalesce(open.amount, 0)::numeric(18, 2)::text as amount,
      round(coalesce(open.weighted, 0), 2)::numeric(18, 2)::text as weighted
    from ${stages} s
    join ${pipelines} p on p.org_id = s.org_id and p.id = s.pipeline_id
    left join open on open.stage_id = s.id
    where s.org_id = ${actor.orgId} and s.kind = 'open'
    order by array_position(array['short', 'long', 'project'], p.process_type::text), p.id, s.position`);
  return rowsOf<Row>(result).map((r) => ({
    pipelineId: String(r.pipeline_id),
    processType: String(r.process_type),
    pipelineNameZh: String(r.p_zh),
    pipelineNameEn: String(r.p_en),
    stageId: String(r.stage_id),
    stageKey: String(r.key),
    stageNameZh: String(r.name_zh),
    stageNameEn: String(r.name_en),
    position: Number(r.position),
    count: Number(r.n),
    amount: money(r.amount),
    weightedAmount: money(r.weighted),
  }));
}

/** A rep's open tasks: all, due on today's date in the org's zone, and due before now. */
export async function taskCounts(db: DbOrTx, actor: Actor, assigneeId: string, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const [r] = rowsOf<Row>(
    await db.execute(sql`
      with z as (select o.time_zone as tz from ${orgs} o where o.id = ${actor.orgId}),
      d as (select ((${at} at time zone z.tz)::date::timestamp at time zone z.tz) as d0,
        (((${at} at time zone z.tz)::date + 1)::timestamp at time zone z.tz) as d1 from z)
      select count(*)::int as open,
        count(*) filter (where tasks.due_at >= d.d0 and tasks.due_at < d.d1)::int as due_today,
        count(*) filter (where tasks.due_at < ${at})::int as overdue
      from ${tasks} cross join d
      where ${visibleTasks(actor)} and tasks.assignee_id = ${assigneeId} and tasks.status = 'open'`),
  );
  return { open: Number(r?.open ?? 0), dueToday: Number(r?.due_today ?? 0), overdue: Number(r?.overdue ?? 0) };
}

/** Open tasks past due per assignee (the reps given), with the oldest due date. */
export async function overdueByAssignee(db: DbOrTx, actor: Actor, repIds: string[], now: Date) {
  if (!repIds.length) return new Map<string, { overdue: number; oldestDueAt: string | null }>();
  const rows = rowsOf<Row>(
    await db.execute(sql`
      select tasks.assignee_id as id, count(*)::int as n, min(tasks.due_at) as oldest
      from ${tasks}
      where ${visibleTasks(actor)} and tasks.status = 'open' and tasks.due_at < ${now.toISOString()}::timestamptz
        and tasks.assignee_id = any(${ids(repIds)})
      group by 1`),
  );
  return new Map(rows.map((r) => [String(r.id), { overdue: Number(r.n), oldestDueAt: new Date(r.oldest as string).toISOString() }]));
}

/**
 * Customers owned by these reps that have reached their warning date and are not yet back in the pool — the
 * pool sweep's schedule (pool.rules.ts `reclaimSchedule`): the clock starts at the later of the last contact and the
 * start of the ownership; warned at reclaim − warning days; due back at reclaim days, or warning days after a late
 * warning. The 50 due back first, and how many in all.
 */
export async function poolWarnings(db: DbOrTx, actor: Actor, repIds: string[], now: Date) {
  if (!repIds.length) return { count: 0, customers: [] };
  const at = sql`${now.toISOString()}::timestamptz`;
  const touch = sql`coalesce(greatest(customers.last_contact_at, customers.owned_since), customers.created_at)`;
  const days = (n: SQL) => sql`make_interval(hours => 24 * (${n}))`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with due as (
        select customers.id, customers.name, customers.owner_id, customers.tier_id, customers.pool_warned_at, ${touch} as touch,
          case when customers.pool_warned_at is not null and customers.pool_warned_at >= ${touch}
            then greatest(${touch} + ${days(sql`p.pool_reclaim_days`)}, customers.pool_warned_at + ${days(sql`p.pool_warning_days`)})
            else ${touch} + ${days(sql`p.pool_reclaim_days`)} end as reclaim_at
        from ${customers}
        join ${tierPolicies} p on p.org_id = customers.org_id and p.tier_id = customers.tier_id
        where ${visibleCustomers(actor)} and customers.deleted_at is null and customers.owner_id = any(${ids(repIds)})
          and p.pool_reclaim_days is not null
          and ${at} >= ${touch} + ${days(sql`p.pool_reclaim_days - p.pool_warning_days`)})
      select due.*, u.name as owner_name, count(*) over () as total
      from due join ${users} u on u.org_id = ${actor.orgId} and u.id = due.owner_id
      order by due.reclaim_at, due.id
      limit 50`),
  );
  const iso = (v: unknown) => new Date(v as string).toISOString();
  return {
    count: Number(rows[0]?.total ?? 0),
    customers: rows.map((r) => ({
      customerId: String(r.id),
      name: String(r.name),
      ownerId: String(r.owner_id),
      ownerName: String(r.owner_name),
      tierId: String(r.tier_id),
      lastTouchAt: iso(r.touch),
      warnedAt: r.pool_warned_at ? iso(r.pool_warned_at) : null,
      reclaimAt: iso(r.reclaim_at),
    })),
  };
}

type Windows = { prevFrom: string; from: string; to: string; timeZone: string };
/**
 * The windows' bounds as instants in the org's zone, written inline with the zone as a parameter: the planner folds
 * them to constants and estimates a quarter's rows from the statistics (bounds read from a CTE were guessed at a
 * tenth, and the customers were then probed once per deal instead of hashed once).
 */
const bounds = (w: Windows) => {
  const at = (date: string) => sql`((${date}::date)::timestamp at time zone ${w.timeZone})`;
  return { p0: at(w.prevFrom), c0: at(w.from), c1: at(w.to) };
};

/**
 * Revenue per current tier of the customer, this window and the previous: won deals closed (a deal without a
 * customer under a null tier) and orders placed. Every tier listed, by rank.
 */
export async function revenueByTier(db: DbOrTx, actor: Actor, w: Windows) {
  const b = bounds(w);
  // Three statements side by side on the pool (won deals and orders each read a half-year of rows); joined here.
  const [wonRows, boughtRows, tierRows] = await Promise.all([
    db.execute(sql`
      select c.tier_id, coalesce(sum(deals.amount) filter (where deals.closed_at >= ${b.c0}), 0)::numeric(18, 2)::text as cur,
        coalesce(sum(deals.amount) filter (where deals.closed_at < ${b.c0}), 0)::numeric(18, 2)::text as prev
      from ${deals}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
      left join ${customers} c on c.org_id = deals.org_id and c.id = deals.customer_id
      where ${visibleDeals(actor)} and deals.deleted_at is null and s.kind = 'won'
        and deals.closed_at >= ${b.p0} and deals.closed_at < ${b.c1}
      group by 1`),
    db.execute(sql`
      select customers.tier_id, coalesce(sum(o.amount) filter (where o.ordered_at >= ${b.c0}), 0)::numeric(18, 2)::text as cur,
        coalesce(sum(o.amount) filter (where o.ordered_at < ${b.c0}), 0)::numeric(18, 2)::text as prev
      from ${orders} o
      join ${customers} on customers.org_id = o.org_id and customers.id = o.customer_id
      where o.org_id = ${actor.orgId} and o.ordered_at >= ${b.p0} and o.ordered_at < ${b.c1}
        and ${visibleCustomers(actor)} and customers.deleted_at is null
      group by 1`),
    db.execute(sql`select t.id as tier_id, t.key, t.name_zh, t.name_en from ${tiers} t where t.org_id = ${actor.orgId} order by t.rank`),
  ]);
  const byTier = (rows: Row[]) => new Map(rows.map((r) => [(r.tier_id as string | null) ?? null, r]));
  const won = byTier(rowsOf<Row>(wonRows));
  const bought = byTier(rowsOf<Row>(boughtRows));
  const keys = rowsOf<Row>(tierRows);
  // Won deals without a customer (or one without a tier) get a row of their own, after the tiers.
  if (won.has(null)) keys.push({ tier_id: null, key: null, name_zh: null, name_en: null });
  const money = (r: Row | undefined, k: 'cur' | 'prev') => (r ? String(r[k]) : '0.00');
  return keys.map((k) => {
    const tierId = (k.tier_id as string | null) ?? null;
    const wonRow = won.get(tierId);
    const boughtRow = tierId === null ? undefined : bought.get(tierId);
    return {
      tierId,
      key: (k.key as string | null) ?? null,
      nameZh: (k.name_zh as string | null) ?? null,
      nameEn: (k.name_en as string | null) ?? null,
      won: { current: money(wonRow, 'cur'), previous: money(wonRow, 'prev') },
      orders: { current: money(boughtRow, 'cur'), previous: money(boughtRow, 'prev') },
    };
  });
}

/** Won deal amounts per pipeline process type (short, long, project), this window and the previous. */
export async function revenueByProcessType(db: DbOrTx, actor: Actor, w: Windows) {
  const b = bounds(w);
  const rows = rowsOf<Row>(
    await db.execute(sql`
      with won as (
        select deals.pipeline_id, coalesce(sum(deals.amount) filter (where deals.closed_at >= ${b.c0}), 0) as cur,
          coalesce(sum(deals.amount) filter (where deals.closed_at < ${b.c0}), 0) as prev
        from ${deals}
        join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
        where ${visibleDeals(actor)} and deals.deleted_at is null and s.kind = 'won'
          and deals.closed_at >= ${b.p0} and deals.closed_at < ${b.c1}
        group by 1)
      select p.process_type, coalesce(sum(won.cur), 0)::numeric(18, 2)::text as cur, coalesce(sum(won.prev), 0)::numeric(18, 2)::text as prev
      from ${pipelines} p left join won on won.pipeline_id = p.id
      where p.org_id = ${actor.orgId}
      group by 1
      order by array_position(array['short', 'long', 'project'], p.process_type::text)`),
  );
  return rows.map((r) => ({ processType: String(r.process_type), current: String(r.cur), previous: String(r.prev) }));
}

/** Every open deal in scope now: count, Σ amount, Σ weighted amount. */
export async function openPipelineTotal(db: DbOrTx, actor: Actor) {
  const [r] = rowsOf<Row>(
    await db.execute(sql`
      select count(*)::int as n, coalesce(sum(deals.amount), 0)::numeric(18, 2)::text as amount,
        round(coalesce(sum(deals.amount * coalesce(deals.probability, s.probability) / 100.0), 0), 2)::numeric(18, 2)::text as weighted
      from ${deals}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
      where ${visibleDeals(actor)} and deals.deleted_at is null and deals.closed_at is null and s.kind = 'open'`),
  );
  return { count: Number(r?.n ?? 0), amount: money(r?.amount), weightedAmount: money(r?.weighted) };
}
