import type { TRole } from '@tierline/contracts';

/**
 * Every role, in the order of the ladder. Written as a record so a role added to the contracts
 * fails the build here until it gets a place (and a label in both languages).
 */
const ROLE_ORDER: Record<TRole, number> = { admin: 0, director: 1, manager: 2, rep: 3, viewer: 4 };

export const ROLES = (Object.keys(ROLE_ORDER) as TRole[]).sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]);

/** Tag colours, so roles are told apart at a glance in tables. */
export const ROLE_COLORS: Record<TRole, string> = {
  admin: 'red',
  director: 'purple',
  manager: 'blue',
  rep: 'green',
  viewer: 'default',
};

/** May change business data (everyone but a viewer); the server checks again. */
export const canWrite = (role: TRole): boolean => role !== 'viewer';

/** Sets a customer's tier by hand. */
export const canSetTier = (role: TRole): boolean => role === 'admin' || role === 'director' || role === 'manager';

/** Shapes the tier rules and applies them to the organisation. */
export const TIER_RULE_ROLES: readonly TRole[] = ['admin', 'director'];

/** Edits the lead scoring rules (the server lets only these roles read or replace them). */
export const LEAD_SCORING_ROLES: readonly TRole[] = ['admin', 'director'];

/** Imports files of customers, deals, orders…; the users import is the admin's alone (the server checks). */
export const IMPORT_ROLES: readonly TRole[] = ['admin', 'director', 'manager'];
