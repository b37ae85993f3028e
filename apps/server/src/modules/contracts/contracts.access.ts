import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { contracts } from './contracts.table.ts';

/** Contracts follow their owner's data scope, like deals: a rep their own, a manager their teams', directors, admins and viewers all. */
export function visibleContracts(actor: Actor): SQL {
  const scope = ownedRecordScope(actor, { ownerId: contracts.ownerId, teamId: contracts.teamId });
  return sql`${contracts.orgId} = ${actor.orgId}${scope ? sql` and ${scope}` : sql``}`;
}

export function writableContracts(actor: Actor): SQL {
  return actor.role === 'viewer' ? sql`false` : visibleContracts(actor);
}

/** The whole organisation: for changes the system makes on a decision, whoever decided. */
export const ofOrg = (orgId: string): SQL => sql`${contracts.orgId} = ${orgId}`;
