import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../platform/access.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { deals } from '../deals/deals.table.ts';
import { levels } from '../levels/levels.table.ts';
import { orders } from '../orders/orders.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import type { MarketPart } from './marketAnalytics.rules.ts';

type Row = Record<string, unknown>;

/** True when the user's current level is the top rank of the organisation's ladder (senior by default). */
export async function holdsTopLevel(db: DbOrTx, orgId: string, userId: string): Promise<boolean> {
  const [row] = rowsOf<Row>(
    await db.execute(sql`
      select (u.level_id is not null and u.level_id = (
        select l.id from ${levels} l where l.org_id = ${orgId} order by l.rank desc limit 1)) as top
      from ${users} u where u.org_id = ${orgId} and u.id = ${userId}`),
  );
  return row?.top === true;
}

export async function orgTiers(db: DbOrTx, orgId: string) {
  return rowsOf<Row>(
    await db.execute(sql`select t.id, t.key, t.name_zh, t.name_en, t.rank from ${tiers} t where t.org_id = ${orgId} order by t.rank`),
  ).map((r) => ({ tierId: String(r.id), key: String(r.key), nameZh: String(r.name_zh), nameEn: String(r.name_en), rank: Number(r.rank) }));
}

export type MarketFilters = {
  by: 'industry' | 'region';
  teamId?: string;
  repId?: string;
  region?: string;
  levelId?: string;
  tierId?: string;
  pipelineId?: string;
};

/** A group key: the customer's industry or region, trimmed, empty as null. */
const groupKey = (alias: SQL, by: MarketFilters['by']) => sql`nullif(btrim(${alias}.${sql.raw(by)}), '')`;

/** The filters on a record (its owner and team stamp) and its customer (region, tier); the owner's current level. */
function recordFilters(f: MarketFilters, rec: { owner: SQL; team: SQL }, customer: SQL, orgId: string): SQL {
  const parts: SQL[] = [];
  if (f.teamId) parts.push(sql`${rec.team} = ${f.teamId}`);
  if (f.repId) parts.push(sql`${rec.owner} = ${f.repId}`);
  if (f.region) parts.push(sql`${customer}.region = ${f.region}`);
  if (f.tierId) parts.push(sql`${customer}.tier_id = ${f.tierId}`);
  if (f.levelId)
    parts.push(sql`exists (select 1 from ${users} lu where lu.org_id = ${orgId} and lu.id = ${rec.owner} and lu.level_id = ${f.levelId})`);
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}

/**
 * Market figures in one statement, three parts: won/lost deals closed in [prevFrom, to) split at `from` (deals the
 * actor may see, grouped by their customer's industry/region), orders placed in the same span (customers the actor
 * may see), and the customers in scope now per tier. The windows become instants once, in the org's zone.
 * The deals and customers tables keep their names in the SQL: the scope conditions refer to them.
 */
export async function marketParts(
  db: DbOrTx,
  actor: Actor,
  w: { prevFrom: string; from: string; to: string; timeZone: string },
  f: MarketFilters,
): Promise<MarketPart[]> {
  const orgId = actor.orgId;
  const dealCustomer = sql`c`;
  // The bounds inline, the zone a parameter: constants to the planner, so a quarter's deals and orders are estimated
  // from the statistics and the customers hashed once (bounds read from a CTE were guessed at a tenth: a probe per deal).
  const at = (date: string) => sql`((${date}::date)::timestamp at time zone ${w.timeZone})`;
  const b = { p0: at(w.prevFrom), c0: at(w.from), c1: at(w.to) };
  const result = await db.execute(sql`
    with closed as (
      select ${groupKey(sql`c`, f.by)} as key,
        count(*) filter (where s.kind = 'won' and deals.closed_at >= ${b.c0})::int as won,
        count(*) filter (where s.kind = 'lost' and deals.closed_at >= ${b.c0})::int as lost,
        coalesce(sum(deals.amount) filter (where s.kind = 'won' and deals.closed_at >= ${b.c0}), 0)::text as won_amount,
        count(*) filter (where s.kind = 'won' and deals.closed_at < ${b.c0})::int as prev_won,
        count(*) filter (where s.kind = 'lost' and deals.closed_at < ${b.c0})::int as prev_lost,
        coalesce(sum(deals.amount) filter (where s.kind = 'won' and deals.closed_at < ${b.c0}), 0)::text as prev_won_amount
      from ${deals}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
      left join ${customers} c on c.org_id = deals.org_id and c.id = deals.customer_id
      where ${visibleDeals(actor)} and deals.deleted_at is null and s.kind in ('won', 'lost')
        and deals.closed_at >= ${b.p0} and deals.closed_at < ${b.c1}
        ${f.pipelineId ? sql`and deals.pipeline_id = ${f.pipelineId}` : sql``}
        ${recordFilters(f, { owner: sql`deals.owner_id`, team: sql`deals.team_id` }, dealCustomer, orgId)}
      group by 1),
    ordered as (
      select ${groupKey(sql`customers`, f.by)} as key,
        coalesce(sum(o.amount) filter (where o.ordered_at >= ${b.c0}), 0)::text as order_amount,
        coalesce(sum(o.amount) filter (where o.ordered_at < ${b.c0}), 0)::text as prev_order_amount
      from ${orders} o
      join ${customers} on customers.org_id = o.org_id and customers.id = o.customer_id
      where o.org_id = ${orgId} and o.ordered_at >= ${b.p0} and o.ordered_at < ${b.c1}
        and ${visibleCustomers(actor)} and customers.deleted_at is null
        ${recordFilters(f, { owner: sql`customers.owner_id`, team: sql`customers.team_id` }, sql`customers`, orgId)}
      group by 1),
    booked as (
      select ${groupKey(sql`customers`, f.by)} as key, customers.tier_id, count(*)::int as n
      from ${customers}
      where ${visibleCustomers(actor)} and customers.deleted_at is null
        ${recordFilters(f, { owner: sql`customers.owner_id`, team: sql`customers.team_id` }, sql`customers`, orgId)}
      group by 1, 2)
    select 'deals' as part, key, null::uuid as tier_id, won, lost, won_amount, prev_won, prev_lost, prev_won_amount,
      null::text as order_amount, null::text as prev_order_amount, null::int as n from closed
    union all
    select 'orders', key, null, null, null, null, null, null, null, order_amount, prev_order_amount, null from ordered
    union all
    select 'customers', key, tier_id, null, null, null, null, null, null, null, null, n from booked`);
  return rowsOf<Row>(result).map((r): MarketPart => {
    const key = (r.key as string | null) ?? null;
    if (r.part === 'deals')
      return {
        part: 'deals',
        key,
        won: Number(r.won),
        lost: Number(r.lost),
        wonAmount: String(r.won_amount),
        prevWon: Number(r.prev_won),
        prevLost: Number(r.prev_lost),
        prevWonAmount: String(r.prev_won_amount),
      };
    if (r.part === 'orders')
      return { part: 'orders', key, orderAmount: String(r.order_amount), prevOrderAmount: String(r.prev_order_amount) };
    return { part: 'customers', key, tierId: String(r.tier_id), count: Number(r.n) };
  });
}
