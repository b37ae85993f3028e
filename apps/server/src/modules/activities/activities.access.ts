import { type SQL, sql } from 'drizzle-orm';
import { type Actor, dataScopeOf } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { visibleLeads, writableLeads } from '../leads/leads.access.ts';
import { leads } from '../leads/leads.table.ts';
import { activities } from './activities.table.ts';

/** The activity's customer (or lead) satisfies `customer` (or `lead`). */
function ofRecord(customer: SQL, lead: SQL): SQL {
  return sql`((${activities.customerId} is not null and exists (select 1 from ${customers} where ${customer} and ${customers.id} = ${activities.customerId}))
    or (${activities.leadId} is not null and exists (select 1 from ${leads} where ${lead} and ${leads.id} = ${activities.leadId})))`;
}

/**
 * An activity is visible with its customer (or lead): a rep sees the activities of the customers they
 * see — their own, those shared with them, the pool's — a manager their teams', directors, admins and
 * viewers all of the organisation's.
 */
export function visibleActivities(actor: Actor): SQL {
  if (dataScopeOf(actor).kind === 'org') return sql`${activities.orgId} = ${actor.orgId}`;
  return sql`${activities.orgId} = ${actor.orgId} and ${ofRecord(visibleCustomers(actor), visibleLeads(actor))}`;
}

/**
 * An activity may be changed by whom it belongs to (its owner; a manager for their teams; directors and
 * admins), while they may still change its customer or lead. A colleague's call on a shared customer is read-only.
 */
export function writableActivities(actor: Actor): SQL {
  if (actor.role === 'viewer') return sql`false`;
  const own = ownedRecordScope(actor, { ownerId: activities.ownerId, teamId: activities.teamId });
  if (!own) return sql`${activities.orgId} = ${actor.orgId}`;
  return sql`${activities.orgId} = ${actor.orgId} and ${own} and ${ofRecord(writableCustomers(actor), writableLeads(actor))}`;
}
