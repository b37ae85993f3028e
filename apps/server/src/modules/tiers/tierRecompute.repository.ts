import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { notificationsFromSql } from '../notifications/notify.ts';
import {
  absoluteBound,
  centsToDecimal,
  cutoffsInOrder,
  type LadderTier,
  lowestTierOf,
  type RuleExplanation,
  type TierRules,
  tierWindow,
} from './tierRules.rules.ts';

/**
 * Tier rules in set-based SQL: one statement aggregates the window's orders per customer, ranks with window
 * functions, picks each customer's tier with a CASE over the cut-offs and, for a recompute, updates the
 * customers that move and writes their history (UPDATE … FROM, INSERT … SELECT). Nothing loops per customer,
 * so the work is a few scans, sorts and hash joins whatever the size. The rules are those of tierRules.rules.ts;
 * a database test keeps the two equal customer by customer.
 *
 * Raw results are cast (::int, ::text) because the engines parse bigint differently (PGlite: number, pg: string).
 */

export type TierPlan = {
  orgId: string;
  rules: TierRules;
  /** The organisation's tiers. */
  ladder: LadderTier[];
  asOf: Date;
};

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
/** A PostgreSQL array literal, sent as one text parameter (drizzle would spread a JS array into a tuple). */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** The metric per ranked customer as `value`, plus the RFM parts (null for the other metrics). */
function scoredSql(metric: TierRules['metric']): SQL {
  switch (metric) {
    case 'monetary':
      return sql`select id, monetary as value, null::int as r, null::int as f, null::int as m from act`;
    case 'frequency':
      return sql`select id, frequency::numeric as value, null::int as r, null::int as f, null::int as m from act`;
    case 'recency':
      return sql`select id, recency::numeric as value, null::int as r, null::int as f, null::int as m from act`;
    case 'rfm':
      // Quintile scores (docs/decisions/0010-rfm-score.md): 5 − floor(5 × (rank() − 1) / N); rank() gives ties one rank.
      return sql`select id, (r + f + m)::numeric as value, r::int, f::int, m::int from (
        select id,
          5 - (5 * (rank() over (order by recency asc) - 1)) / count(*) over () as r,
          5 - (5 * (rank() over (order by frequency desc) - 1)) / count(*) over () as f,
          5 - (5 * (rank() over (order by monetary desc) - 1)) / count(*) over () as m
        from act) parts`;
  }
}

/** The bound an absolute cut-off compares with, in the same exact unit the pure rules use. */
const boundSql = (metric: TierRules['metric'], value: number) => {
  const bound = absoluteBound(metric, value);
  return sql`${metric === 'monetary' ? centsToDecimal(bound) : String(bound)}::numeric`;
};

/**
 * The CTEs every tier query shares, ending in `assigned`: one row per customer that is not deleted, with
 * from_tier, to_tier, pinned, and for ranked customers value, rnk, n, cut (index of the deciding cut-off) and r/f/m.
 */
function assignmentCtes(plan: TierPlan): SQL {
  const { orgId, rules, ladder, asOf } = plan;
  const { from } = tierWindow(asOf, rules.windowDays);
  const cutoffs = cutoffsInOrder(rules, ladder);
  const lowest = lowestTierOf(ladder);
  const asOfTs = sql`${asOf.toISOString()}::timestamptz`;
  const better = rules.metric === 'recency' ? sql`asc` : sql`desc`;
  const conditions = cutoffs.map((c, i) => {
    const holds =
      c.kind === 'top_percent'
        ? // rank ≤ ceil(P/100 × N) in integers, as topPercentLimit does
          sql`r.rnk <= (${Math.round(c.value * 100)}::bigint * r.n + 9999) / 10000`
        : rules.metric === 'recency'
          ? sql`r.value <= ${boundSql(rules.metric, c.value)}`
          : sql`r.value >= ${boundSql(rules.metric, c.value)}`;
    return sql`when ${holds} then ${sql.raw(String(i))}`;
  });
  const cut = conditions.length ? sql`case ${sql.join(conditions, sql` `)} end` : sql`null::int`;
  return sql`with
win as (
  select o.customer_id, sum(o.amount) as monetary, count(*) as frequency, max(o.ordered_at) as last_at
  from orders o
  where o.org_id = ${orgId} and o.ordered_at > ${from.toISOString()}::timestamptz and o.ordered_at <= ${asOfTs}
  group by o.customer_id
),
act as (
  select w.customer_id as id, w.monetary, w.frequency,
    floor((extract(epoch from ${asOfTs}) - extract(epoch from w.last_at)) / 86400)::bigint as recency
  from win w join customers c on c.org_id = ${orgId} and c.id = w.customer_id
  where c.deleted_at is null
),
scored as (${scoredSql(rules.metric)}),
ranked as (
  select s.*, row_number() over (order by s.value ${better}, s.id) as rnk, count(*) over () as n from scored s
),
decided as (select r.*, ${cut} as cut from ranked r),
tot as (select count(*) as n from act),
assigned as (
  select c.id, c.name, c.tier_id as from_tier, c.tier_pinned as pinned,
    case when c.tier_pinned then c.tier_id else coalesce((${uuidArray(cutoffs.map((k) => k.tierId))})[d.cut + 1], ${lowest.id}::uuid) end as to_tier,
    d.value, d.rnk, d.cut, d.r, d.f, d.m, (select n from tot) as n
  from customers c
  left join decided d on d.id = c.id
  where c.org_id = ${orgId} and c.deleted_at is null
)`;
}

/** The explanation of one row of `assigned` (or of a CTE with its columns), as jsonb. */
function explanationSql(plan: TierPlan, a: string): SQL {
  const t = sql.raw(a);
  const cutoffs = cutoffsInOrder(plan.rules, plan.ladder);
  const base = sql`jsonb_build_object('metric', ${plan.rules.metric}::text, 'value', ${t}.value, 'cutoff', ${JSON.stringify(cutoffs)}::jsonb -> ${t}.cut,
    'rank', ${t}.rnk, 'n', ${t}.n, 'asOf', ${plan.asOf.toISOString()}::text)`;
  if (plan.rules.metric !== 'rfm') return base;
  return sql`(${base} || case when ${t}.r is null then '{}'::jsonb else jsonb_build_object('rfm', jsonb_build_object('r', ${t}.r, 'f', ${t}.f, 'm', ${t}.m)) end)`;
}

/** The summary over `assigned` and `moved` (the customers that change): counts, metric sums, moves, a sample. */
function summarySql(plan: TierPlan): SQL {
  const byRank = uuidArray([...plan.ladder].sort((x, y) => x.rank - y.rank).map((t) => t.id));
  const sum = plan.rules.metric === 'monetary' ? sql`round(coalesce(sum(a.value), 0), 2)::text` : sql`coalesce(sum(a.value), 0)::text`;
  return sql`select
  (select count(*) from assigned)::int as customers,
  (select n from tot)::int as ranked,
  (select count(*) from assigned where pinned)::int as pinned,
  (select count(*) from moved)::int as changed,
  (select coalesce(jsonb_agg(jsonb_build_object('tierId', x.id, 'count', x.cnt, 'metricSum', x.total) order by x.rank), '[]'::jsonb)
     from (select t.id, t.rank, count(a.id)::int as cnt, ${sum} as total
           from tiers t left join assigned a on a.to_tier = t.id
           where t.org_id = ${plan.orgId} group by t.id, t.rank) x) as tiers,
  (select coalesce(jsonb_agg(jsonb_build_object('fromTierId', y.from_tier, 'toTierId', y.to_tier, 'count', y.cnt) order by y.fr, y.tr), '[]'::jsonb)
     from (select from_tier, to_tier, count(*)::int as cnt,
             array_position(${byRank}, from_tier) as fr, array_position(${byRank}, to_tier) as tr
           from moved group by from_tier, to_tier) y) as moves,
  (select coalesce(jsonb_agg(jsonb_build_object('customerId', z.id, 'name', z.name, 'fromTierId', z.from_tier, 'toTierId', z.to_tier,
             'explanation', z.explanation) order by z.tr, z.rnk nulls last, z.id), '[]'::jsonb)
     from (select mv.*, ${explanationSql(plan, 'mv')} as explanation, array_position(${byRank}, mv.to_tier) as tr
           from moved mv order by tr, mv.rnk nulls last, mv.id limit 20) z) as sample`;
}

export type TierSummaryRow = {
  customers: number;
  ranked: number;
  pinned: number;
  changed: number;
  tiers: { tierId: string; count: number; metricSum: string }[];
  moves: { fromTierId: string; toTierId: string; count: number }[];
  sample: { customerId: string; name: string; fromTierId: string; toTierId: string; explanation: RuleExplanation }[];
};

/** What applying the rules would do. Reads only. */
export async function previewTiers(db: DbOrTx, plan: TierPlan): Promise<TierSummaryRow> {
  const query = sql`${assignmentCtes(plan)},
moved as (select a.* from assigned a where a.to_tier <> a.from_tier)
${summarySql(plan)}`;
  return rowsOf<TierSummaryRow>(await db.execute(query))[0];
}

/**
 * Applies the rules in one statement: moves every customer whose tier changes (not pinned, not deleted) and
 * writes one tier_changes row per move with its explanation. A customer changed by someone else since the
 * statement's snapshot (another tier, or pinned meanwhile) is left alone: the WHERE is re-checked on the new row.
 * The first time the rules decide a customer that keeps its tier, that decision is recorded too (from = to),
 * so every customer's history explains its tier; later runs that leave it where it is add nothing. The owner of
 * each customer that moves gets a `tier_change` notification (not the one who ran it). Who was
 * decided before is read once (a materialized CTE), before this statement's own inserts reach tier_changes.
 * `alsoCtes` are more CTEs for the same statement, reading `moved` (the domain events of the moves).
 * Run it after setBulkPlanning.
 */
export async function applyTiers(
  db: DbOrTx,
  plan: TierPlan,
  run: { ruleVersion: number; actorId: string | null; at: Date },
  alsoCtes?: SQL,
): Promise<TierSummaryRow> {
  const at = sql`${run.at.toISOString()}::timestamptz`;
  // A UUIDv7 per history row: milliseconds in the first 48 bits, random bits after, version 7. Wall-clock time like
  // newId(), not the injected clock, so rows written at the same effective time still sort in the order they were made.
  const uuidv7 = sql`encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(${Date.now()}::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`;
  const more = alsoCtes ? sql`, ${alsoCtes}` : sql``;
  const query = sql`${assignmentCtes(plan)},
moved as (
  update customers c set tier_id = a.to_tier, updated_at = ${at}, version = c.version + 1
  from assigned a
  where c.org_id = ${plan.orgId} and c.id = a.id and a.to_tier <> a.from_tier
    and c.tier_id = a.from_tier and not c.tier_pinned and c.deleted_at is null
  returning a.*
),
ruled as materialized (
  select distinct h.customer_id from tier_changes h where h.org_id = ${plan.orgId} and h.source = 'rule'
),
first_decided as (
  select a.* from assigned a left join ruled r on r.customer_id = a.id
  where r.customer_id is null and not a.pinned and a.to_tier = a.from_tier
),
logged as (
  insert into tier_changes (org_id, id, customer_id, effective_at, from_tier_id, to_tier_id, source, rule_version, explanation, reason, actor_id)
  select ${plan.orgId}::uuid, ${uuidv7}, m.id, ${at}, m.from_tier, m.to_tier, 'rule', ${run.ruleVersion}::int,
    ${explanationSql(plan, 'm')}, null, ${run.actorId}::uuid
  from (select * from moved union all select * from first_decided) m
),
notified as (${notificationsFromSql({
    kind: 'tier_change',
    entity: 'customer',
    at,
    source: sql`select o.org_id, o.owner_id as user_id, m.id as entity_id,
      jsonb_build_object('customerName', m.name, 'fromTierId', m.from_tier, 'toTierId', m.to_tier, 'source', 'rule') as params
    from moved m join customers o on o.org_id = ${plan.orgId} and o.id = m.id
    where o.owner_id is distinct from ${run.actorId}::uuid`,
  })})${more}
${summarySql(plan)}`;
  return rowsOf<TierSummaryRow>(await db.execute(query))[0];
}

export type AssignmentRow = {
  customerId: string;
  fromTierId: string;
  toTierId: string;
  pinned: boolean;
  /** Exact metric as text (money with its decimals); null without orders in the window. */
  metricValue: string | null;
  explanation: RuleExplanation | null;
};

/** Every customer's assignment under the plan, by customer id: for exports and for checking the SQL against the pure rules. */
export async function listAssignments(db: DbOrTx, plan: TierPlan): Promise<AssignmentRow[]> {
  const query = sql`${assignmentCtes(plan)}
select a.id as "customerId", a.from_tier as "fromTierId", a.to_tier as "toTierId", a.pinned, a.value::text as "metricValue",
  case when a.pinned then null else ${explanationSql(plan, 'a')} end as explanation
from assigned a order by a.id`;
  return rowsOf<AssignmentRow>(await db.execute(query));
}

/** Serialises recomputes of one organisation for the rest of the transaction, so two cannot interleave their history. */
export async function lockTierRecompute(db: DbOrTx, orgId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`tier-recompute:${orgId}`}))`);
}

/**
 * Planner settings for the rest of the transaction, for statements that join whole tables:
 * - no JIT: these are sorts, hashes and aggregates that JIT does not speed up, while compiling their ~120
 *   expressions cost ~5 s at a million customers (PostgreSQL 15);
 * - no nested loops: every join here is set against set, and with a stale or empty-table estimate the planner
 *   once chose a nested loop that rescanned tier_changes while the same statement filled it — quadratic,
 *   over 10 minutes at a million customers instead of seconds. Hash joins are linear whatever the estimates.
 */
export async function setBulkPlanning(db: DbOrTx) {
  await db.execute(sql`set local jit = off`);
  await db.execute(sql`set local enable_nestloop = off`);
}
