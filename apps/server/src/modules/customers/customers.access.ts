import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { accountTeamMembers } from '../accountTeams/accountTeams.table.ts';
import { customers } from './customers.table.ts';

/** The actor is on the customer's account team (with write access when `forWrite`). */
function onAccountTeam(actor: Actor, forWrite: boolean): SQL {
  return sql`exists (select 1 from ${accountTeamMembers} m where m.org_id = ${customers.orgId} and m.customer_id = ${customers.id} and m.user_id = ${actor.userId}${forWrite ? sql` and m.access = 'write'` : sql``})`;
}

/**
 * Which customers the actor may see: their data scope, their account teams, and the public pool
 * (a customer without an owner is there for every member of the organisation to see and claim).
 */
export function visibleCustomers(actor: Actor): SQL {
  const scope = ownedRecordScope(actor, { ownerId: customers.ownerId, teamId: customers.teamId }, onAccountTeam(actor, false));
  return sql`${customers.orgId} = ${actor.orgId}${scope ? sql` and (${scope} or ${customers.ownerId} is null)` : sql``}`;
}

/** Which customers the actor may change: their scope or a write share; a pool customer only by managers and above. */
export function writableCustomers(actor: Actor): SQL {
  if (actor.role === 'viewer') return sql`false`;
  const scope = ownedRecordScope(actor, { ownerId: customers.ownerId, teamId: customers.teamId }, onAccountTeam(actor, true));
  const pool = actor.role === 'rep' ? sql`` : sql` or ${customers.ownerId} is null`;
  return sql`${customers.orgId} = ${actor.orgId}${scope ? sql` and (${scope}${pool})` : sql``}`;
}
