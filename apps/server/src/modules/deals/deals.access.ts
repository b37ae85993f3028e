import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { deals } from './deals.table.ts';

/** Deals follow the owner's data scope: a rep their own, a manager their teams', directors and admins all. */
export function visibleDeals(actor: Actor): SQL {
  const scope = ownedRecordScope(actor, { ownerId: deals.ownerId, teamId: deals.teamId });
  return sql`${deals.orgId} = ${actor.orgId}${scope ? sql` and ${scope}` : sql``}`;
}

export function writableDeals(actor: Actor): SQL {
  return actor.role === 'viewer' ? sql`false` : visibleDeals(actor);
}
