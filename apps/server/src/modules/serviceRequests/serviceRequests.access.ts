import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { visibleCustomers, writableCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { serviceRequests } from './serviceRequests.table.ts';

/** The request's customer satisfies `condition` (a customers-scope condition, evaluated on that customer's row). */
const customerIn = (condition: SQL) =>
  sql`exists (select 1 from ${customers} where ${customers.orgId} = ${serviceRequests.orgId} and ${customers.id} = ${serviceRequests.customerId} and ${condition})`;

/**
 * Service requests a user sees: those in their data scope by the request's owner and team (a rep their own,
 * a manager their teams'), and every request of a customer they see (their customers, account-team shares,
 * the pool). Directors, admins and viewers see the organisation's.
 */
export function visibleServiceRequests(actor: Actor): SQL {
  const owned = ownedRecordScope(actor, { ownerId: serviceRequests.ownerId, teamId: serviceRequests.teamId });
  const org = sql`${serviceRequests.orgId} = ${actor.orgId}`;
  return owned ? sql`${org} and (${owned} or ${customerIn(visibleCustomers(actor))})` : org;
}

/** Those they may answer, resolve, reopen and edit: their scope by owner and team, or a customer they may change. Not viewers. */
export function writableServiceRequests(actor: Actor): SQL {
  if (actor.role === 'viewer') return sql`false`;
  const owned = ownedRecordScope(actor, { ownerId: serviceRequests.ownerId, teamId: serviceRequests.teamId });
  const org = sql`${serviceRequests.orgId} = ${actor.orgId}`;
  return owned ? sql`${org} and (${owned} or ${customerIn(writableCustomers(actor))})` : org;
}

/** The whole organisation: to read a request back after a write the caller was allowed to make. */
export const ofOrg = (orgId: string): SQL => sql`${serviceRequests.orgId} = ${orgId}`;
