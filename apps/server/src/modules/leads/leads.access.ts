import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { leads } from './leads.table.ts';

/**
 * Leads follow the owner's data scope. Unassigned leads (no owner: web forms, imports) are the
 * inbox that managers and above work through, so a manager sees them too; a rep sees only their own.
 */
export function visibleLeads(actor: Actor): SQL {
  const scope = ownedRecordScope(actor, { ownerId: leads.ownerId, teamId: leads.teamId });
  if (!scope) return sql`${leads.orgId} = ${actor.orgId}`;
  const inbox = actor.role === 'manager' ? sql` or ${leads.ownerId} is null` : sql``;
  return sql`${leads.orgId} = ${actor.orgId} and (${scope}${inbox})`;
}

export function writableLeads(actor: Actor): SQL {
  return actor.role === 'viewer' ? sql`false` : visibleLeads(actor);
}
