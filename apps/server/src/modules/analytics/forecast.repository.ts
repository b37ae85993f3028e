import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { Actor } from '../../platform/access.ts';
import { customers } from '../customers/customers.table.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { deals } from '../deals/deals.table.ts';
import { forecastCommits } from '../performance/performance.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

type Row = Record<string, unknown>;

export type PipelineFilters = {
  from: string;
  to: string;
  timeZone: string;
  teamId?: string;
  repId?: string;
  region?: string;
  levelId?: string;
  tierId?: string;
  pipelineId?: string;
};

export type PipelineRow = {
  part: 'open' | 'won';
  month: string | null;
  category: string | null;
  count: number;
  amount: string;
  weighted: string | null;
};

/**
 * The weighted pipeline in one statement: open deals now (stage kind `open`) whose expected close date is in
 * [from, to), grouped by grouping sets (month × category, month, category, all); and deals won with closed_at in
 * the window (the dates as instants in the org's zone), by the month of closed_at in that zone and in all. The
 * deals table keeps its own name: the scope condition refers to it. Weighted = amount × (deal probability, else
 * the stage's) ÷ 100 in numeric: Σ amount × probability, exact, then ÷ 100 and rounded once.
 */
export async function pipelineFigures(db: DbOrTx, actor: Actor, f: PipelineFilters): Promise<PipelineRow[]> {
  const start = sql`((${f.from}::date)::timestamp at time zone ${f.timeZone})`;
  const end = sql`((${f.to}::date)::timestamp at time zone ${f.timeZone})`;
  const filters = sql.join(
    [
      sql`${visibleDeals(actor)} and deals.deleted_at is null`,
      f.teamId ? sql`deals.team_id = ${f.teamId}` : undefined,
      f.repId ? sql`deals.owner_id = ${f.repId}` : undefined,
      f.pipelineId ? sql`deals.pipeline_id = ${f.pipelineId}` : undefined,
      f.region ? sql`c.region = ${f.region}` : undefined,
      f.tierId ? sql`c.tier_id = ${f.tierId}` : undefined,
      f.levelId ? sql`u.level_id = ${f.levelId}` : undefined,
    ].filter((c): c is SQL => c !== undefined),
    sql` and `,
  );
  // The owner and the customer are joined only when a filter reads them: the figure is otherwise read from deals alone.
  const from = sql`${deals}
      join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
      ${f.levelId ? sql`join ${users} u on u.org_id = deals.org_id and u.id = deals.owner_id` : sql``}
      ${f.region || f.tierId ? sql`join ${customers} c on c.org_id = deals.org_id and c.id = deals.customer_id` : sql``}`;
  const result = await db.execute(sql`
    with open_deals as (
      select date_trunc('month', deals.expected_close_date::timestamp) as month, deals.forecast_category as category,
        coalesce(deals.amount, 0) as amount,
        coalesce(deals.amount, 0) * coalesce(deals.probability, s.probability) as weighted_cents
      from ${from}
      where ${filters} and deals.closed_at is null and s.kind = 'open'
        and deals.expected_close_date >= ${f.from}::date and deals.expected_close_date < ${f.to}::date),
    won_deals as (
      select date_trunc('month', deals.closed_at at time zone ${f.timeZone}) as month, coalesce(deals.amount, 0) as amount
      from ${from}
      where ${filters} and s.kind = 'won' and deals.closed_at >= ${start} and deals.closed_at < ${end})
    select 'open' as part, to_char(month, 'YYYY-MM') as month, category, count(*)::int as n, sum(amount)::text as amount, round(sum(weighted_cents) / 100.0, 2)::text as weighted
    from open_deals
    group by grouping sets ((open_deals.month, category), (open_deals.month), (category), ())
    union all
    select 'won', to_char(month, 'YYYY-MM'), null, count(*)::int, sum(amount)::text, null
    from won_deals
    group by grouping sets ((won_deals.month), ())`);
  return rowsOf<Row>(result).map((r) => ({
    part: r.part as 'open' | 'won',
    month: (r.month as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    count: Number(r.n),
    amount: (r.amount as string | null) ?? '0',
    weighted: (r.weighted as string | null) ?? null,
  }));
}

// ——— Calibrated forecast ———

export type RepRow = { id: string; name: string; teamId: string | null; teamName: string | null };

/** Active reps of the organisation, narrowed by team(s) or person, by name. */
export function activeReps(db: DbOrTx, orgId: string, f: { teamIds?: string[]; teamId?: string; repId?: string }): Promise<RepRow[]> {
  const conditions: SQL[] = [eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true)];
  if (f.teamIds) conditions.push(f.teamIds.length ? inArray(users.teamId, f.teamIds) : sql`false`);
  if (f.teamId) conditions.push(eq(users.teamId, f.teamId));
  if (f.repId) conditions.push(eq(users.id, f.repId));
  return db
    .select({ id: users.id, name: users.name, teamId: users.teamId, teamName: teams.name })
    .from(users)
    .leftJoin(teams, and(eq(teams.orgId, users.orgId), eq(teams.id, users.teamId)))
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id));
}

export async function teamExists(db: DbOrTx, orgId: string, id: string) {
  const [row] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return row !== undefined;
}

export type CommitRow = { repId: string; period: string; amount: string };

/**
 * The reps' commits of `period`, and of their last `history` periods of the same kind (keys matching `pattern`)
 * below `bound` (keys of one kind sort as text, compared byte-wise) — one statement, a window function picking
 * each rep's most recent ones.
 */
export async function commitsOf(
  db: DbOrTx,
  orgId: string,
  q: { repIds: string[]; period: string; pattern: string; bound: string; history: number },
): Promise<{ current: CommitRow[]; past: CommitRow[] }> {
  if (q.repIds.length === 0) return { current: [], past: [] };
  const ids = sql`${sql.param(q.repIds)}::uuid[]`;
  const rows = rowsOf<Row>(
    await db.execute(sql`
    select rep_id::text as rep_id, period, amount::text as amount, period = ${q.period} as is_current
    from (
      select f.rep_id, f.period, f.amount,
        row_number() over (partition by f.rep_id order by f.period collate "C" desc) as recency
      from ${forecastCommits} f
      where f.org_id = ${orgId} and f.rep_id = any(${ids}) and f.period ~ ${q.pattern} and f.period collate "C" < ${q.bound}) past
    where recency <= ${q.history}
    union all
    select f.rep_id::text, f.period, f.amount::text, true
    from ${forecastCommits} f
    where f.org_id = ${orgId} and f.rep_id = any(${ids}) and f.period = ${q.period}`),
  );
  const view = (r: Row): CommitRow => ({ repId: String(r.rep_id), period: String(r.period), amount: String(r.amount) });
  return { current: rows.filter((r) => r.is_current === true).map(view), past: rows.filter((r) => r.is_current !== true).map(view) };
}

/**
 * Σ amount of deals won per owner and period — the forecastAccuracy KPI's revenueWon (the owner's deals in a won
 * stage, closed_at in the period in the org's zone, not deleted) — for all the periods given at once.
 */
export async function wonByRepAndPeriod(
  db: DbOrTx,
  orgId: string,
  q: { repIds: string[]; periods: { key: string; from: string; to: string }[]; timeZone: string },
): Promise<Map<string, string>> {
  const won = new Map<string, string>();
  if (q.repIds.length === 0 || q.periods.length === 0) return won;
  const rows = rowsOf<Row>(
    await db.execute(sql`
    with p as (
      select k as key, ((f::date)::timestamp at time zone ${q.timeZone}) as starts, ((t::date)::timestamp at time zone ${q.timeZone}) as ends
      from unnest(${sql.param(q.periods.map((p) => p.key))}::text[], ${sql.param(q.periods.map((p) => p.from))}::text[],
        ${sql.param(q.periods.map((p) => p.to))}::text[]) as u(k, f, t))
    select d.owner_id::text as rep_id, p.key, sum(d.amount)::text as won
    from p
    join ${deals} d on d.org_id = ${orgId} and d.closed_at >= p.starts and d.closed_at < p.ends
    join ${stages} s on s.org_id = d.org_id and s.id = d.stage_id
    where s.kind = 'won' and d.deleted_at is null and d.owner_id = any(${sql.param(q.repIds)}::uuid[])
    group by 1, 2`),
  );
  for (const r of rows) won.set(`${r.rep_id}|${r.key}`, (r.won as string | null) ?? '0');
  return won;
}
