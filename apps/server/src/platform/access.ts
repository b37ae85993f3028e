import type { TRole } from '@tierline/contracts';
import { WRITER_ROLES } from '@tierline/contracts';

/** Who is calling: resolved from the session cookie or the API token before any handler runs. */
export type Actor = {
  orgId: string;
  userId: string;
  role: TRole;
  teamId: string | null;
  levelId: string | null;
  /** Teams this user manages (a manager's data scope). */
  managedTeamIds: string[];
  via: 'session' | 'token';
  sessionId?: string;
  csrfToken?: string;
};

/**
 * What every route must declare. `public` needs no sign-in; `roles` lists the roles that may call.
 * A route that declares nothing is refused (see auth.plugin.ts) and fails the route-walk test.
 */
export type RouteAccess = { kind: 'public' } | { kind: 'roles'; roles: readonly TRole[] };

const ALL_ROLES: readonly TRole[] = ['admin', 'director', 'manager', 'rep', 'viewer'];

export const access = {
  public: { kind: 'public' } as RouteAccess,
  /** Any signed-in user, the viewer included: reads, and things about oneself. */
  signedIn: { kind: 'roles', roles: ALL_ROLES } as RouteAccess,
  /** Everyone who may change business data (not the viewer). */
  writers: { kind: 'roles', roles: WRITER_ROLES } as RouteAccess,
  admin: { kind: 'roles', roles: ['admin'] } as RouteAccess,
  roles: (...roles: TRole[]): RouteAccess => ({ kind: 'roles', roles }),
};

/**
 * Data scope: which owned records a user sees and changes.
 * rep → own records (and those shared with them); manager → their teams'; director, admin, viewer → the org's.
 */
export type DataScope = { kind: 'org' } | { kind: 'team'; userId: string; teamIds: string[] } | { kind: 'own'; userId: string };

export function dataScopeOf(actor: Actor): DataScope {
  switch (actor.role) {
    case 'admin':
    case 'director':
    case 'viewer':
      return { kind: 'org' };
    case 'manager': {
      const teamIds = [...new Set([...actor.managedTeamIds, ...(actor.teamId ? [actor.teamId] : [])])];
      return { kind: 'team', userId: actor.userId, teamIds };
    }
    case 'rep':
      return { kind: 'own', userId: actor.userId };
  }
}

export const canWrite = (actor: Actor) => actor.role !== 'viewer';
