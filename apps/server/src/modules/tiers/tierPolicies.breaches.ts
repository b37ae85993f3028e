import type { TBreachReport } from '@tierline/contracts';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { accountTeamMembers } from '../accountTeams/accountTeams.table.ts';
import { customers } from '../customers/customers.table.ts';
import { levels } from '../levels/levels.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { tierPolicies } from './tiers.table.ts';

type Row = {
  g_owner: number;
  g_team: number;
  owner_id: string | null;
  team_id: string | null;
  customers: number;
  in_breach: number;
  follow_up_cadence: number;
  owner_level: number;
  account_team: number;
  user_name: string | null;
  user_team_id: string | null;
  team_name: string | null;
};

const counts = (r: Row) => ({
  customers: r.customers,
  inBreach: r.in_breach,
  followUpCadence: r.follow_up_cadence,
  ownerLevel: r.owner_level,
  accountTeam: r.account_team,
});

const worstFirst = <T extends { inBreach: number; customers: number }>(a: T, b: T) => b.inBreach - a.inBreach || b.customers - a.customers;

/**
 * Breaches of the tier policies over every owned customer in the actor's data scope (reps their own,
 * managers their teams', directors and admins the organisation's), counted per rep, per team and in total
 * by one statement with GROUPING SETS. The checks mirror tierPolicies.rules.ts.
 */
export async function breachReport(db: DbOrTx, actor: Actor, now: Date, filter: { tierId?: string }): Promise<TBreachReport> {
  const scope = ownedRecordScope(actor, { ownerId: customers.ownerId, teamId: customers.teamId });
  const at = sql`${now.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    with per_customer as (
      select ${customers.ownerId} as owner_id, ${customers.teamId} as team_id,
        floor(extract(epoch from (${at} - coalesce(${customers.lastContactAt}, ${customers.ownedSince}, ${customers.createdAt}))) / 86400)
          > ${tierPolicies.cadenceDays} as cadence_breach,
        (${tierPolicies.minLevelId} is not null and coalesce(ol.rank < ml.rank, true)) as level_breach,
        (${tierPolicies.accountTeamRequired} and not exists (
          select 1 from ${accountTeamMembers} m
          where m.org_id = ${customers.orgId} and m.customer_id = ${customers.id} and m.user_id <> ${customers.ownerId}
        )) as team_breach
      from ${customers}
      join ${tierPolicies} on ${tierPolicies.orgId} = ${customers.orgId} and ${tierPolicies.tierId} = ${customers.tierId}
      left join ${users} u on u.org_id = ${customers.orgId} and u.id = ${customers.ownerId}
      left join ${levels} ol on ol.org_id = u.org_id and ol.id = u.level_id
      left join ${levels} ml on ml.org_id = ${tierPolicies.orgId} and ml.id = ${tierPolicies.minLevelId}
      where ${customers.orgId} = ${actor.orgId} and ${customers.ownerId} is not null and ${customers.deletedAt} is null
        ${scope ? sql`and ${scope}` : sql``}
        ${filter.tierId ? sql`and ${customers.tierId} = ${filter.tierId}` : sql``}
    ), grouped as (
      select grouping(owner_id) as g_owner, grouping(team_id) as g_team, owner_id, team_id,
        count(*)::int as customers,
        (count(*) filter (where cadence_breach or level_breach or team_breach))::int as in_breach,
        (count(*) filter (where cadence_breach))::int as follow_up_cadence,
        (count(*) filter (where level_breach))::int as owner_level,
        (count(*) filter (where team_breach))::int as account_team
      from per_customer
      group by grouping sets ((owner_id), (team_id), ())
    )
    select g.*, ru.name as user_name, ru.team_id as user_team_id, t.name as team_name
    from grouped g
    left join ${users} ru on g.g_owner = 0 and ru.org_id = ${actor.orgId} and ru.id = g.owner_id
    left join ${teams} t on g.g_owner = 1 and g.g_team = 0 and t.org_id = ${actor.orgId} and t.id = g.team_id
  `);
  const rows = (result as unknown as { rows: Row[] }).rows.map((r) => ({ ...r, g_owner: Number(r.g_owner), g_team: Number(r.g_team) }));
  const total = rows.find((r) => r.g_owner === 1 && r.g_team === 1);
  return {
    asOf: now.toISOString(),
    total: total ? counts(total) : { customers: 0, inBreach: 0, followUpCadence: 0, ownerLevel: 0, accountTeam: 0 },
    byRep: rows
      .filter((r) => r.g_owner === 0)
      .map((r) => ({ userId: r.owner_id as string, name: r.user_name ?? '', teamId: r.user_team_id, ...counts(r) }))
      .sort((a, b) => worstFirst(a, b) || a.name.localeCompare(b.name)),
    byTeam: rows
      .filter((r) => r.g_owner === 1 && r.g_team === 0)
      .map((r) => ({ teamId: r.team_id, name: r.team_name, ...counts(r) }))
      .sort((a, b) => worstFirst(a, b) || (a.name ?? '').localeCompare(b.name ?? '')),
  };
}
