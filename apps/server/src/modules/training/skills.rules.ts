import type { TRole } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';

/**
 * Pure rules of the skills matrix (decision 0029): whose rows a user sees, and which of the two assessments of a
 * rep's skill they may set — the rep their own `self`, the manager of the rep's team, a director or an admin
 * the `manager` one.
 */

type Who = { role: TRole; userId: string; teamId: string | null; managedTeamIds: string[] };

/** Rows of the matrix a user sees: a rep their own; a manager the reps of the teams they manage; the rest the org's. */
export type MatrixScope = { kind: 'org' } | { kind: 'teams'; teamIds: string[] } | { kind: 'self'; repId: string };

export function matrixScope(actor: Who): MatrixScope {
  switch (actor.role) {
    case 'rep':
      return { kind: 'self', repId: actor.userId };
    case 'manager':
      return { kind: 'teams', teamIds: actor.managedTeamIds };
    default:
      return { kind: 'org' };
  }
}

/** Whether a rep (by id and current team) is a row the user sees. */
export function seesRep(scope: MatrixScope, rep: { id: string; teamId: string | null }): boolean {
  if (scope.kind === 'org') return true;
  if (scope.kind === 'self') return rep.id === scope.repId;
  return rep.teamId !== null && scope.teamIds.includes(rep.teamId);
}

/** Whether a team filter is one the user may ask for (someone else's team reads as not found). */
export function seesTeam(scope: MatrixScope, actor: Who, teamId: string): boolean {
  if (scope.kind === 'org') return true;
  if (scope.kind === 'self') return actor.teamId === teamId;
  return scope.teamIds.includes(teamId);
}

/**
 * Which assessment the user may set on this rep: `self` (the rep themselves), `manager` (their team's manager, a
 * director, an admin) or `none` — a rep outside what the user sees, answered 404 so it is not revealed.
 */
export function assessorRight(actor: Who, rep: { id: string; teamId: string | null }): 'self' | 'manager' | 'none' {
  switch (actor.role) {
    case 'rep':
      return rep.id === actor.userId ? 'self' : 'none';
    case 'manager':
      return rep.teamId !== null && actor.managedTeamIds.includes(rep.teamId) ? 'manager' : 'none';
    case 'director':
    case 'admin':
      return 'manager';
    default:
      return 'none';
  }
}

/** The fields of an assessment the user may not set (403 naming them); sending neither is a 400 naming theirs. */
export function assessmentProblems(right: 'self' | 'manager', body: { self?: number | null; manager?: number | null }) {
  const refused: FieldError[] = [];
  if (right === 'self' && body.manager !== undefined) {
    refused.push({ path: 'manager', message: 'only the manager of the rep’s team, a director or an admin sets this' });
  }
  if (right === 'manager' && body.self !== undefined) refused.push({ path: 'self', message: 'only the rep assesses themselves' });
  const empty: FieldError[] = body[right] === undefined && !refused.length ? [{ path: right, message: 'required' }] : [];
  return { refused, empty };
}
