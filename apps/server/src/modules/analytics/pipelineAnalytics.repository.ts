import type { TAnalyticsFilters } from '@tierline/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../platform/access.ts';
import { customers } from '../customers/customers.table.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { dealStageHistory, deals } from '../deals/deals.table.ts';
import { levels } from '../levels/levels.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { tiers } from '../tiers/tiers.table.ts';
import { users } from '../users/users.table.ts';
import type { Window } from './window.rules.ts';

/**
 * Pipeline analytics in SQL: one statement per figure and window, every sum over `numeric`, every deal within the
 * caller's scope (`visibleDeals`, which names the `deals` table itself, so `deals` is never aliased here).
 * The window's calendar dates become instants in the org's zone (`date::timestamp at time zone tz`, tz a parameter).
 */
type Row = Record<string, unknown>;
export type DealFilters = Omit<TAnalyticsFilters, 'from' | 'to' | 'compare'>;

/** A window in the org's zone: its dates as instants, written as expressions of parameters so the planner can use range scans. */
export type ZonedWindow = Window & { timeZone: string };
const instants = (w: ZonedWindow) => ({
  t0: sql`((${w.from}::date)::timestamp at time zone ${w.timeZone})`,
  t1: sql`((${w.to}::date)::timestamp at time zone ${w.timeZone})`,
});
const within = (col: SQL, w: ZonedWindow) => {
  const { t0, t1 } = instants(w);
  return sql`${col} >= ${t0} and ${col} < ${t1}`;
};

/**
 * The deals a figure counts: visible to the actor, not deleted, narrowed by the filters (team stamp, owner, the
 * customer's region and current tier, the owner's current level, the pipeline). Joins `cu` (customer) and `ow`
 * (owner) only when a filter or grouping needs them.
 */
function dealSource(actor: Actor, f: DealFilters, need: { customer?: boolean; owner?: boolean } = {}) {
  const customer = need.customer || f.region !== undefined || f.tierId !== undefined;
  const owner = need.owner || f.levelId !== undefined;
  const joins = sql.join(
    [
      customer ? sql`left join ${customers} cu on cu.org_id = deals.org_id and cu.id = deals.customer_id` : undefined,
      owner ? sql`join ${users} ow on ow.org_id = deals.org_id and ow.id = deals.owner_id` : undefined,
    ].filter((s): s is SQL => !!s),
    sql` `,
  );
  const where = sql.join(
    [
      visibleDeals(actor),
      sql`deals.deleted_at is null`,
      f.teamId ? sql`deals.team_id = ${f.teamId}` : undefined,
      f.repId ? sql`deals.owner_id = ${f.repId}` : undefined,
      f.pipelineId ? sql`deals.pipeline_id = ${f.pipelineId}` : undefined,
      f.region ? sql`cu.region = ${f.region}` : undefined,
      f.tierId ? sql`cu.tier_id = ${f.tierId}` : undefined,
      f.levelId ? sql`ow.level_id = ${f.levelId}` : undefined,
    ].filter((s): s is SQL => !!s),
    sql` and `,
  );
  return { joins, where };
}

/**
 * Funnel of one pipeline. entered: deals with a stage-history entry of the stage in the window (their first such
 * entry); advanced: of those, the ones with a later entry (after that first one) of an open stage further on by
 * position, or of the won stage. current: open deals in the stage now. totals: deals created in the window (and
 * how many of them are now won / lost), and deals won / lost with their close in the window.
 */
export async function funnelRows(db: DbOrTx, actor: Actor, pipelineId: string, f: DealFilters, w: ZonedWindow) {
  const src = dealSource(actor, { ...f, pipelineId });
  const org = actor.orgId;
  // Open deals by their stage alone (a deal's pipeline is its stage's): the open-deals index answers without the heap.
  const open = dealSource(actor, { ...f, pipelineId: undefined });
  const { t0 } = instants(w);
  // One pass over the stage history from the window's start: the window's entries, and every later entry a deal
  // entered in the window can have made (later than its first entry, so after the window's start too). Per entry, a
  // window function gives the furthest stage the deal entered strictly later (won above every open stage; lost and
  // other pipelines' stages count for nothing), so "advanced" needs no probe of the history per entry (44k at scale M).
  const result = await db.execute(sql`
    with st as (select id, position, kind from ${stages} where org_id = ${org} and pipeline_id = ${pipelineId}),
    hist as (
      select h.deal_id, h.stage_id, h.entered_at, s.position, s.kind,
        row_number() over (partition by h.deal_id, h.stage_id order by h.entered_at) as nth,
        max(case when s.kind = 'won' then 2147483647 when s.kind = 'open' then s.position end) over (
          partition by h.deal_id order by h.entered_at range between current row and unbounded following exclude group) as later
      from ${dealStageHistory} h join st s on s.id = h.stage_id
      where h.org_id = ${org} and h.entered_at >= ${t0}),
    entered as (
      select h.stage_id, count(*)::int as n, coalesce(sum(deals.amount), 0)::text as amount,
        count(*) filter (where h.kind = 'open' and h.later > h.position)::int as advanced
      from hist h
      join ${deals} on deals.org_id = ${org} and deals.id = h.deal_id
      ${src.joins}
      where h.nth = 1 and ${within(sql`h.entered_at`, w)} and ${src.where}
      group by h.stage_id),
    current as (
      select deals.stage_id, count(*)::int as n, coalesce(sum(deals.amount), 0)::text as amount
      from ${deals} ${open.joins}
      join st s on s.id = deals.stage_id and s.kind = 'open'
      where deals.org_id = ${org} and deals.closed_at is null and ${open.where}
      group by deals.stage_id),
    created as (
      select count(*)::int as created,
        count(*) filter (where s.kind = 'won')::int as created_won,
        count(*) filter (where s.kind = 'lost')::int as created_lost
      from ${deals} ${src.joins}
      join st s on s.id = deals.stage_id
      where deals.org_id = ${org} and ${within(sql`deals.created_at`, w)} and ${src.where}),
    closed as (
      select count(*) filter (where s.kind = 'won')::int as won,
        coalesce(sum(deals.amount) filter (where s.kind = 'won'), 0)::text as won_amount,
        count(*) filter (where s.kind = 'lost')::int as lost,
        coalesce(sum(deals.amount) filter (where s.kind = 'lost'), 0)::text as lost_amount
      from ${deals} ${src.joins}
      join st s on s.id = deals.stage_id and s.kind <> 'open'
      where deals.org_id = ${org} and ${within(sql`deals.closed_at`, w)} and ${src.where})
    select s.id as stage_id, s.key, s.name_zh, s.name_en, s.position, s.kind,
      coalesce(en.n, 0) as entered_count, coalesce(en.amount, '0') as entered_amount, coalesce(en.advanced, 0) as advanced_count,
      coalesce(cur.n, 0) as current_count, coalesce(cur.amount, '0') as current_amount,
      cr.created, cr.created_won, cr.created_lost, cl.won, cl.won_amount, cl.lost, cl.lost_amount
    from ${stages} s
    left join entered en on en.stage_id = s.id
    left join current cur on cur.stage_id = s.id
    cross join created cr cross join closed cl
    where s.org_id = ${org} and s.pipeline_id = ${pipelineId}
    order by s.position`);
  return rowsOf<Row>(result);
}

/** The pipeline a funnel is for, if it is the caller's organisation's. */
export async function pipelineOf(db: DbOrTx, orgId: string, pipelineId: string) {
  const rows = rowsOf<Row>(
    await db.execute(sql`select id, process_type, name_zh, name_en from ${pipelines} where org_id = ${orgId} and id = ${pipelineId}`),
  );
  return rows[0];
}

/**
 * Cycle length: won deals closed in the window, days from creation to close per pipeline (mean, median and p90 by
 * percentile_cont), and per open stage the mean over those deals of each deal's total days in the stage (its
 * finished visits). One row per (pipeline, open stage), the pipeline's figures repeated on each.
 */
export async function cycleRows(db: DbOrTx, actor: Actor, f: DealFilters, w: ZonedWindow) {
  const src = dealSource(actor, f);
  const org = actor.orgId;
  const result = await db.execute(sql`
    with won as (
      select deals.id, deals.pipeline_id, extract(epoch from deals.closed_at - deals.created_at) / 86400.0 as days
      from ${deals} ${src.joins}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id and s.kind = 'won'
      where deals.org_id = ${org} and ${within(sql`deals.closed_at`, w)} and ${src.where}),
    per_pipeline as (
      select pipeline_id, count(*)::int as n, round(avg(days)::numeric, 2)::text as mean_days,
        round((percentile_cont(0.5) within group (order by days))::numeric, 2)::text as median_days,
        round((percentile_cont(0.9) within group (order by days))::numeric, 2)::text as p90_days
      from won group by pipeline_id),
    in_stage as (
      select h.stage_id, h.deal_id, sum(extract(epoch from h.left_at - h.entered_at)) / 86400.0 as days
      from won join ${dealStageHistory} h on h.org_id = ${org} and h.deal_id = won.id
      where h.left_at is not null
      group by h.stage_id, h.deal_id),
    per_stage as (
      select stage_id, count(*)::int as n, round(avg(days)::numeric, 2)::text as mean_days from in_stage group by stage_id)
    select p.id as pipeline_id, p.process_type, p.name_zh as pipeline_zh, p.name_en as pipeline_en,
      coalesce(pp.n, 0) as won_count, pp.mean_days, pp.median_days, pp.p90_days,
      s.id as stage_id, s.key, s.name_zh, s.name_en, s.position, coalesce(ps.n, 0) as stage_count, ps.mean_days as stage_mean_days
    from ${pipelines} p
    join ${stages} s on s.org_id = p.org_id and s.pipeline_id = p.id and s.kind = 'open'
    left join per_pipeline pp on pp.pipeline_id = p.id
    left join per_stage ps on ps.stage_id = s.id
    where p.org_id = ${org} ${f.pipelineId ? sql`and p.id = ${f.pipelineId}` : sql``}
    order by case p.process_type when 'short' then 1 when 'long' then 2 else 3 end, s.position`);
  return rowsOf<Row>(result);
}

export type WinLossBy = 'lossReason' | 'tier' | 'level' | 'processType';
export type RevenueBy = 'tier' | 'processType' | 'month';

/** What a grouping reads: its key, labels and order, and the joins they need. */
function grouping(by: WinLossBy | RevenueBy, timeZone: string) {
  switch (by) {
    case 'tier':
      return {
        need: { customer: true },
        join: sql`left join ${tiers} g on g.org_id = deals.org_id and g.id = cu.tier_id`,
        key: sql`g.id::text`,
        zh: sql`g.name_zh`,
        en: sql`g.name_en`,
        order: sql`g.rank`,
      };
    case 'level':
      return {
        need: { owner: true },
        join: sql`left join ${levels} g on g.org_id = deals.org_id and g.id = ow.level_id`,
        key: sql`g.id::text`,
        zh: sql`g.name_zh`,
        en: sql`g.name_en`,
        order: sql`g.rank`,
      };
    case 'processType':
      return {
        need: {},
        join: sql`join ${pipelines} g on g.org_id = deals.org_id and g.id = deals.pipeline_id`,
        key: sql`g.process_type`,
        zh: sql`g.name_zh`,
        en: sql`g.name_en`,
        order: sql`case g.process_type when 'short' then 1 when 'long' then 2 else 3 end`,
      };
    case 'lossReason':
      return { need: {}, join: sql``, key: sql`deals.loss_reason`, zh: sql`deals.loss_reason`, en: sql`deals.loss_reason`, order: sql`1` };
    case 'month':
      return {
        need: {},
        join: sql``,
        key: sql`to_char(deals.closed_at at time zone ${timeZone}, 'YYYY-MM')`,
        zh: sql`to_char(deals.closed_at at time zone ${timeZone}, 'YYYY-MM')`,
        en: sql`to_char(deals.closed_at at time zone ${timeZone}, 'YYYY-MM')`,
        order: sql`1`,
      };
  }
}

/**
 * Deals closed in the window (won, lost, or both), counted and summed per group. Grouping by loss reason counts
 * the lost deals only (a null reason is its own group).
 */
export async function closedByGroup(db: DbOrTx, actor: Actor, by: WinLossBy | RevenueBy, f: DealFilters, w: ZonedWindow, wonOnly: boolean) {
  const g = grouping(by, w.timeZone);
  const src = dealSource(actor, f, g.need);
  const kinds = wonOnly ? sql`('won')` : by === 'lossReason' ? sql`('lost')` : sql`('won', 'lost')`;
  const result = await db.execute(sql`
    with grouped as (
      select ${g.key} as key, min(${g.zh}) as label_zh, min(${g.en}) as label_en, min(${g.order}) as ord,
        count(*) filter (where s.kind = 'won')::int as won_count,
        coalesce(sum(deals.amount) filter (where s.kind = 'won'), 0) as won_amount,
        count(*) filter (where s.kind = 'lost')::int as lost_count,
        coalesce(sum(deals.amount) filter (where s.kind = 'lost'), 0) as lost_amount
      from ${deals} ${src.joins}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id and s.kind in ${kinds}
      ${g.join}
      where deals.org_id = ${actor.orgId} and ${within(sql`deals.closed_at`, w)} and ${src.where}
      group by 1)
    select key, label_zh, label_en, won_count, won_amount::text, lost_count, lost_amount::text,
      round(won_amount / nullif(sum(won_amount) over (), 0), 4)::text as won_share
    from grouped
    order by ord nulls last, lost_count desc, key nulls last`);
  return rowsOf<Row>(result);
}
