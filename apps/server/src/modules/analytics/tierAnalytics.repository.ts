import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../platform/access.ts';
import { orgTimeZone } from '../../platform/exports/export.lookups.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { orders } from '../orders/orders.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { tierChanges, tierRuleSets, tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import { RFM_SEGMENT_CASE } from './tierAnalytics.rules.ts';

/**
 * Tier analytics in SQL: one statement per figure, every sum in numeric, over the customers the caller may see.
 * Raw results are cast (::int, ::text) because the engines parse bigint and numeric differently.
 */

type Row = Record<string, unknown>;
export type CustomerFilters = { teamId?: string; repId?: string; region?: string; levelId?: string; tierId?: string };
export type DateWindow = { from: string; to: string };

/**
 * The customers in the caller's scope (not deleted), narrowed by the filters, as a condition on the `customers` table.
 * Orders and tasks join `customers` by primary key under this condition (no CTE of ids in between), so the planner
 * sees the customers table itself and can pick a hash join. It still needs statistics: before ANALYZE has run on a
 * freshly bulk-loaded table it may choose a nested loop (seconds on ~1,500 customers instead of milliseconds).
 */
function inScope(actor: Actor, f: CustomerFilters): SQL {
  const conditions: SQL[] = [visibleCustomers(actor), sql`${customers.deletedAt} is null`];
  if (f.teamId) conditions.push(sql`${customers.teamId} = ${f.teamId}`);
  if (f.repId) conditions.push(sql`${customers.ownerId} = ${f.repId}`);
  if (f.region) conditions.push(sql`${customers.region} = ${f.region}`);
  if (f.tierId) conditions.push(sql`${customers.tierId} = ${f.tierId}`);
  if (f.levelId)
    conditions.push(
      sql`exists (select 1 from ${users} lu where lu.org_id = ${customers.orgId} and lu.id = ${customers.ownerId} and lu.level_id = ${f.levelId})`,
    );
  return sql.join(conditions, sql` and `);
}

/** `scoped`: those customers as a CTE, for figures that list or group the customers themselves. */
function scopedCte(actor: Actor, f: CustomerFilters): SQL {
  return sql`scoped as (
    select ${customers.id} as id, ${customers.tierId} as tier_id, ${customers.ownerId} as owner_id, ${customers.name} as name,
      ${customers.createdAt} as created_at
    from ${customers} where ${inScope(actor, f)})`;
}

/** Orders `o` joined to their customer in scope (`customers`, by primary key). */
const scopedOrders = (actor: Actor, f: CustomerFilters) =>
  sql`${orders} o join ${customers} on ${customers.orgId} = o.org_id and ${customers.id} = o.customer_id and ${inScope(actor, f)}`;

/**
 * The start of a calendar date in the organisation's zone, as an instant. The zone is a parameter (read once per
 * figure), not a subquery: the planner then folds the bound to a constant and estimates the window's rows from the
 * statistics — with a subquery it guessed 2,500 of 100k orders and probed the customers once per order.
 */
const startOf = (timeZone: string, date: string) => sql`((${date}::date)::timestamp at time zone ${timeZone})`;

const tierCols = sql`t.id::text as tier_id, t.key as tier_key, t.name_zh as tier_name_zh, t.name_en as tier_name_en, t.rank as tier_rank`;

/** Per tier (all the org's tiers, by rank): customers in scope now and their order revenue in [from, to). */
export async function distributionRows(ctx: Ctx, f: CustomerFilters, w: DateWindow) {
  const orgId = ctx.actor.orgId;
  const tz = await orgTimeZone(ctx);
  return rowsOf<Row>(
    await ctx.db.execute(sql`
    with counted as (select ${customers.tierId} as tier_id, count(*) as n from ${customers} where ${inScope(ctx.actor, f)} group by 1),
    rev as (
      select ${customers.tierId} as tier_id, sum(o.amount) as amount from ${scopedOrders(ctx.actor, f)}
      where o.org_id = ${orgId} and o.ordered_at >= ${startOf(tz, w.from)} and o.ordered_at < ${startOf(tz, w.to)}
      group by 1)
    select ${tierCols}, coalesce(counted.n, 0)::int as customers, round(coalesce(rev.amount, 0), 2)::text as revenue
    from ${tiers} t
    left join counted on counted.tier_id = t.id
    left join rev on rev.tier_id = t.id
    where t.org_id = ${orgId}
    order by t.rank`),
  );
}

/**
 * Revenue concentration over [from, to): the customers with revenue > 0 ranked by revenue desc, id asc; for each
 * 5 % step p the top k = ceil(p × n / 100) and their cumulative revenue. Also the window's total over all customers in scope.
 */
export async function concentrationRows(ctx: Ctx, f: CustomerFilters, w: DateWindow) {
  const orgId = ctx.actor.orgId;
  const tz = await orgTimeZone(ctx);
  return rowsOf<Row>(
    await ctx.db.execute(sql`
    with rev as (
      select o.customer_id, sum(o.amount) as amount from ${scopedOrders(ctx.actor, f)}
      where o.org_id = ${orgId} and o.ordered_at >= ${startOf(tz, w.from)} and o.ordered_at < ${startOf(tz, w.to)}
      group by o.customer_id),
    paying as (
      select amount, row_number() over (order by amount desc, customer_id) as rnk,
        sum(amount) over (order by amount desc, customer_id rows between unbounded preceding and current row) as cum
      from rev where amount > 0),
    n as (select count(*)::int as n, coalesce(sum(amount), 0) as total from paying)
    select p.pct::int as pct, ((p.pct * n.n + 99) / 100)::int as k, round(coalesce(pa.cum, 0), 2)::text as cum, n.n,
      round(n.total, 2)::text as paying_total, (select round(coalesce(sum(amount), 0), 2)::text from rev) as total
    from generate_series(0, 100, 5) p(pct) cross join n
    left join paying pa on pa.rnk = (p.pct * n.n + 99) / 100
    order by p.pct`),
  );
}

/** The org's tiers by rank. */
export async function tierLadder(ctx: Ctx) {
  return rowsOf<Row>(
    await ctx.db.execute(sql`select id::text, key, name_zh, name_en, rank from ${tiers} where org_id = ${ctx.actor.orgId} order by rank`),
  );
}

/**
 * Each customer's tier at the start of `from` (A) and of `to` (B), counted per pair. The tier in force at an instant is
 * the `to` tier of the latest history row at or before it; a customer created after A is "new" (null), one created
 * after B is not counted. A customer older than its history (created before history was kept) has, before its first
 * row, that row's `from` tier, or its current tier when it has no history.
 */
export async function migrationRows(ctx: Ctx, f: CustomerFilters, w: DateWindow) {
  const orgId = ctx.actor.orgId;
  const tz = await orgTimeZone(ctx);
  const a = startOf(tz, w.from);
  const b = startOf(tz, w.to);
  // One pass over the history in (customer, time) order: a row is the last at or before an instant when the customer's
  // next row is after it (or there is none), the first after an instant when its previous row is not. Each condition
  // holds for one row per customer, so plain aggregates pick it (four DISTINCT ON scans before; ordered array_agg
  // sorted each customer's rows anew).
  const one = (col: SQL, cond: SQL) => sql`(array_agg(${col}) filter (where ${cond}))[1]`;
  return rowsOf<Row>(
    await ctx.db.execute(sql`
    with ${scopedCte(ctx.actor, f)},
    seq as (
      select h.customer_id, h.from_tier_id, h.to_tier_id, h.effective_at,
        lead(h.effective_at) over w as next_at, lag(h.effective_at) over w as prev_at
      from ${tierChanges} h where h.org_id = ${orgId}
      window w as (partition by h.customer_id order by h.effective_at, h.id)),
    h as (
      select customer_id,
        ${one(sql`to_tier_id`, sql`effective_at <= ${a} and (next_at is null or next_at > ${a})`)} as at_a,
        ${one(sql`to_tier_id`, sql`effective_at <= ${b} and (next_at is null or next_at > ${b})`)} as at_b,
        ${one(sql`from_tier_id`, sql`effective_at > ${a} and (prev_at is null or prev_at <= ${a})`)} as after_a,
        ${one(sql`from_tier_id`, sql`effective_at > ${b} and (prev_at is null or prev_at <= ${b})`)} as after_b
      from seq group by customer_id),
    pairs as (
      select case when s.created_at > ${a} then null else coalesce(h.at_a, h.after_a, s.tier_id) end as from_tier,
        coalesce(h.at_b, h.after_b, s.tier_id) as to_tier
      from scoped s left join h on h.customer_id = s.id
      where s.created_at <= ${b})
    select from_tier::text as from_tier_id, to_tier::text as to_tier_id, count(*)::int as count
    from pairs group by from_tier, to_tier`),
  );
}

/**
 * Follow-up compliance per tier (the KPI's definition, decision 0026): cadence tasks of customers in scope, due in
 * [from, to) and not after now, not cancelled; on time = done with completed_at ≤ due_at. Grouped by current tier.
 */
export async function complianceRows(ctx: Ctx, f: CustomerFilters, w: DateWindow) {
  const orgId = ctx.actor.orgId;
  const tz = await orgTimeZone(ctx);
  return rowsOf<Row>(
    await ctx.db.execute(sql`
    with judged as (
      select ${customers.tierId} as tier_id, count(*)::int as due,
        count(*) filter (where k.status = 'done' and k.completed_at <= k.due_at)::int as on_time
      from ${tasks} k join ${customers} on ${customers.orgId} = k.org_id and ${customers.id} = k.customer_id and ${inScope(ctx.actor, f)}
      where k.org_id = ${orgId} and k.source = 'cadence' and k.status <> 'cancelled'
        and k.due_at >= ${startOf(tz, w.from)} and k.due_at < ${startOf(tz, w.to)}
        and k.due_at <= ${ctx.clock.now().toISOString()}::timestamptz
      group by 1)
    select ${tierCols}, coalesce(j.due, 0)::int as due, coalesce(j.on_time, 0)::int as on_time
    from ${tiers} t left join judged j on j.tier_id = t.id
    where t.org_id = ${orgId} order by t.rank`),
  );
}

/**
 * Churn risk as of now: per customer in scope, purchases (orders with amount > 0, up to now), first and last.
 * Assessed: ≥ 2 purchases at different instants. At risk: since × (purchases − 1) > 2 × (last − first), in exact
 * seconds. One statement: rows of kind 'tier' (counts per tier, every tier) then kind 'customer' (the riskiest `limit`).
 */
export async function churnRows(ctx: Ctx, f: CustomerFilters, limit: number) {
  const orgId = ctx.actor.orgId;
  const now = sql`${ctx.clock.now().toISOString()}::timestamptz`;
  return rowsOf<Row>(
    await ctx.db.execute(sql`
    with bought as (
      select o.customer_id, ${customers.tierId} as tier_id, ${customers.ownerId} as owner_id, ${customers.name} as name, count(*)::int as purchases, min(o.ordered_at) as first_at, max(o.ordered_at) as last_at
      from ${scopedOrders(ctx.actor, f)}
      where o.org_id = ${orgId} and o.amount > 0 and o.ordered_at <= ${now}
      group by o.customer_id, ${customers.tierId}, ${customers.ownerId}, ${customers.name}
      having count(*) >= 2 and max(o.ordered_at) > min(o.ordered_at)),
    measured as (
      select b.*, extract(epoch from ${now} - b.last_at) as since_s, extract(epoch from b.last_at - b.first_at) as span_s
      from bought b),
    judged as (select m.*, m.since_s * (m.purchases - 1) > 2 * m.span_s as at_risk from measured m),
    per_tier as (
      select 'tier' as kind, ${tierCols}, null::text as customer_id, null::text as customer_name, null::text as owner_id,
        null::text as owner_name, null::int as purchases, null::timestamptz as last_at, null::numeric as since_days,
        null::numeric as interval_days, null::text as ratio, null::numeric as ratio_sort,
        count(j.customer_id)::int as assessed, count(j.customer_id) filter (where j.at_risk)::int as at_risk
      from ${tiers} t left join judged j on j.tier_id = t.id
      where t.org_id = ${orgId}
      group by t.id, t.key, t.name_zh, t.name_en, t.rank),
    risky as (
      select 'customer' as kind, ${tierCols}, j.customer_id::text, j.name, j.owner_id::text, u.name, j.purchases, j.last_at,
        j.since_s / 86400, j.span_s / (j.purchases - 1) / 86400,
        round(j.since_s * (j.purchases - 1) / j.span_s, 4)::text, j.since_s * (j.purchases - 1) / j.span_s,
        null::int, null::int
      from judged j
      join ${tiers} t on t.org_id = ${orgId} and t.id = j.tier_id
      left join ${users} u on u.org_id = ${orgId} and u.id = j.owner_id
      where j.at_risk
      order by j.since_s * (j.purchases - 1) / j.span_s desc, j.customer_id
      limit ${limit})
    select * from (select * from per_tier union all select * from risky) x
    order by x.kind desc, x.tier_rank, x.ratio_sort desc nulls last, x.customer_id`),
  );
}

/**
 * RFM segments as of now: the decision-0010 scores among ALL the organisation's (not deleted) customers with orders
 * in (now − windowDays, now] — a customer's score does not depend on who looks — then the customers in scope counted
 * per segment and per tier × segment (grouping sets), with their window revenue. windowDays: the query's or the tier rules'.
 */
export async function rfmRows(ctx: Ctx, f: CustomerFilters, asOf: Date, windowDays: number) {
  const orgId = ctx.actor.orgId;
  const at = sql`${asOf.toISOString()}::timestamptz`;
  const start = new Date(asOf.getTime() - windowDays * 86_400_000).toISOString();
  return rowsOf<Row>(
    await ctx.db.execute(sql`
    with win as (
      select o.customer_id as id, sum(o.amount) as monetary, count(*) as frequency, max(o.ordered_at) as last_at
      from ${orders} o join ${customers} c on c.org_id = o.org_id and c.id = o.customer_id
      where o.org_id = ${orgId} and c.deleted_at is null and o.ordered_at > ${start}::timestamptz and o.ordered_at <= ${at}
      group by o.customer_id),
    act as (select w.*, floor((extract(epoch from ${at}) - extract(epoch from w.last_at)) / 86400)::bigint as recency from win w),
    parts as (
      select id, monetary, frequency as orders,
        5 - (5 * (rank() over (order by recency asc) - 1)) / count(*) over () as r,
        5 - (5 * (rank() over (order by frequency desc) - 1)) / count(*) over () as f,
        5 - (5 * (rank() over (order by monetary desc) - 1)) / count(*) over () as m
      from act),
    segmented as (
      select ${customers.tierId} as tier_id, p.monetary, ${sql.raw(RFM_SEGMENT_CASE)} as segment
      from ${customers} left join parts p on p.id = ${customers.id} where ${inScope(ctx.actor, f)})
    select g.tier_id::text as tier_id, g.segment, count(*)::int as customers, round(coalesce(sum(g.monetary), 0), 2)::text as revenue,
      grouping(g.tier_id)::int as all_tiers
    from segmented g group by grouping sets ((g.segment), (g.tier_id, g.segment))`),
  );
}

/** The window of the organisation's tier rules in force (decision 0010), or 365 days when it has none. */
export async function ruleWindowDays(ctx: Ctx): Promise<number> {
  const [row] = rowsOf<Row>(
    await ctx.db.execute(sql`select window_days from ${tierRuleSets} where org_id = ${ctx.actor.orgId} order by version desc limit 1`),
  );
  return row ? Number(row.window_days) : 365;
}
