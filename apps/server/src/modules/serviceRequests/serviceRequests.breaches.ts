import type { TServiceBreachReport } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/requestContext.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { visibleServiceRequests } from './serviceRequests.access.ts';
import { breachedSql } from './serviceRequests.repository.ts';
import { serviceRequests } from './serviceRequests.table.ts';

type Row = {
  g: number | string;
  key: string | null;
  label: string | null;
  requests: number;
  answered: number;
  answered_in_sla: number;
  breached: number;
  pending: number;
  mean_minutes: number | string | null;
};

const countsOf = (r: Row) => ({
  requests: Number(r.requests),
  answered: Number(r.answered),
  answeredInSla: Number(r.answered_in_sla),
  breached: Number(r.breached),
  pending: Number(r.pending),
  meanFirstResponseMinutes: r.mean_minutes === null ? null : Math.round(Number(r.mean_minutes) * 10) / 10,
});

const EMPTY = { requests: 0, answered: 0, answeredInSla: 0, breached: 0, pending: 0, meanFirstResponseMinutes: null };

/**
 * The response SLA per rep (the request's owner) or per team (the team it was opened in), over the requests
 * the caller sees that were opened in [from, to): how many, answered, answered within the SLA, breached
 * (answered late, or unanswered past the deadline as of now), still pending, and the mean minutes to the
 * first answer. One statement with GROUPING SETS gives the groups and the total.
 */
export async function serviceBreachReport(
  ctx: Ctx,
  q: { groupBy: 'rep' | 'team'; from?: string; to?: string; tierId?: string },
): Promise<TServiceBreachReport> {
  const now = ctx.clock.now();
  const breached = breachedSql(now);
  const key = q.groupBy === 'rep' ? sql`${serviceRequests.ownerId}` : sql`${serviceRequests.teamId}`;
  const label =
    q.groupBy === 'rep'
      ? sql`(select ${users.name} from ${users} where ${users.orgId} = ${ctx.actor.orgId} and ${users.id} = grouped.key)`
      : sql`(select ${teams.name} from ${teams} where ${teams.orgId} = ${ctx.actor.orgId} and ${teams.id} = grouped.key)`;
  const result = await ctx.db.execute(sql`
    with grouped as (
      select grouping(${key}) as g, ${key} as key,
        count(*)::int as requests,
        (count(*) filter (where ${serviceRequests.firstAnsweredAt} is not null))::int as answered,
        (count(*) filter (where ${serviceRequests.firstAnsweredAt} is not null and not ${breached}))::int as answered_in_sla,
        (count(*) filter (where ${breached}))::int as breached,
        (count(*) filter (where ${serviceRequests.firstAnsweredAt} is null and not ${breached}))::int as pending,
        avg(extract(epoch from (${serviceRequests.firstAnsweredAt} - ${serviceRequests.openedAt})) / 60.0) as mean_minutes
      from ${serviceRequests}
      where ${visibleServiceRequests(ctx.actor)}
        ${q.from ? sql`and ${serviceRequests.openedAt} >= ${q.from}::timestamptz` : sql``}
        ${q.to ? sql`and ${serviceRequests.openedAt} < ${q.to}::timestamptz` : sql``}
        ${q.tierId ? sql`and ${serviceRequests.tierId} = ${q.tierId}` : sql``}
      group by grouping sets ((${key}), ())
    )
    select grouped.*, case when grouped.g = 0 then ${label} end as label from grouped`);
  const rows = (result as unknown as { rows: Row[] }).rows;
  const total = rows.find((r) => Number(r.g) === 1);
  const groups = rows
    .filter((r) => Number(r.g) === 0)
    .map((r) => ({ key: r.key, label: r.label, ...countsOf(r) }))
    .sort((a, b) => b.breached - a.breached || b.requests - a.requests || (a.label ?? '').localeCompare(b.label ?? ''));
  return {
    asOf: now.toISOString(),
    groupBy: q.groupBy,
    from: q.from ?? null,
    to: q.to ?? null,
    total: total ? countsOf(total) : EMPTY,
    groups,
  };
}
