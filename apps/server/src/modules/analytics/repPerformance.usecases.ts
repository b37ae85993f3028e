import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/requestContext.ts';
import { visibleDeals } from '../deals/deals.access.ts';
import { deals } from '../deals/deals.table.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => ((r as { rows?: Row[] }).rows ?? (r as Row[])) as Row[];

/**
 * Per rep, team or region (the deals table keeps its own name in the SQL: the scope condition refers to it), over [from, to): deals won and lost count in the period of their closedAt;
 * open deals are those open at `to` (created before it, not closed before it).
 * win rate = won / (won + lost), null when both are 0; mean cycle = mean days from creation to close of the won deals.
 * Everything is summed in SQL numeric, within the caller's data scope.
 */
export async function repPerformance(ctx: Ctx, q: { from: string; to: string; pipelineId?: string; groupBy: 'rep' | 'team' | 'region' }) {
  const from = sql`${q.from}::timestamptz`;
  const to = sql`${q.to}::timestamptz`;
  const key = q.groupBy === 'rep' ? sql`deals.owner_id::text` : q.groupBy === 'team' ? sql`deals.team_id::text` : sql`t.region`;
  const label = q.groupBy === 'rep' ? sql`max(u.name)` : q.groupBy === 'team' ? sql`max(t.name)` : sql`t.region`;
  const won = sql`s.kind = 'won' and deals.closed_at >= ${from} and deals.closed_at < ${to}`;
  const lost = sql`s.kind = 'lost' and deals.closed_at >= ${from} and deals.closed_at < ${to}`;
  const openAtTo = sql`deals.created_at < ${to} and (deals.closed_at is null or deals.closed_at >= ${to})`;
  const result = await ctx.db.execute(sql`
    select ${key} as key, ${label} as label,
      count(*) filter (where ${won})::int as won_count,
      coalesce(sum(deals.amount) filter (where ${won}), 0)::text as won_amount,
      count(*) filter (where ${lost})::int as lost_count,
      count(*) filter (where ${openAtTo})::int as open_count,
      coalesce(sum(deals.amount) filter (where ${openAtTo}), 0)::text as open_amount,
      coalesce(round(sum(deals.amount * coalesce(deals.probability, s.probability) / 100.0) filter (where ${openAtTo}), 2), 0)::text as weighted_open_amount,
      avg(extract(epoch from deals.closed_at - deals.created_at) / 86400.0) filter (where ${won}) as mean_cycle_days
    from ${deals}
    join ${stages} s on s.org_id = deals.org_id and s.id = deals.stage_id
    join ${users} u on u.org_id = deals.org_id and u.id = deals.owner_id
    left join ${teams} t on t.org_id = deals.org_id and t.id = deals.team_id
    where ${visibleDeals(ctx.actor)} and deals.deleted_at is null
      ${q.pipelineId ? sql`and deals.pipeline_id = ${q.pipelineId}` : sql``}
      and (${won} or ${lost} or ${openAtTo})
    group by ${key}
    order by 4 desc, 1`);
  return rowsOf(result).map((r) => {
    const wonCount = Number(r.won_count);
    const lostCount = Number(r.lost_count);
    return {
      key: (r.key as string | null) ?? null,
      label: (r.label as string | null) ?? null,
      wonCount,
      wonAmount: String(r.won_amount),
      lostCount,
      openCount: Number(r.open_count),
      openAmount: String(r.open_amount),
      weightedOpenAmount: String(r.weighted_open_amount),
      winRate: wonCount + lostCount === 0 ? null : wonCount / (wonCount + lostCount),
      meanCycleDays: r.mean_cycle_days === null ? null : Math.round(Number(r.mean_cycle_days) * 10) / 10,
    };
  });
}
