import type { TRole } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { assessmentProblems, assessorRight, matrixScope, seesRep, seesTeam } from './skills.rules.ts';

const who = (role: TRole, extra: { teamId?: string | null; managedTeamIds?: string[] } = {}) => ({
  role,
  userId: `${role}-1`,
  teamId: extra.teamId ?? null,
  managedTeamIds: extra.managedTeamIds ?? [],
});
const rep = who('rep', { teamId: 'east' });
const eastManager = who('manager', { managedTeamIds: ['east'] });

describe('whose rows of the matrix a user sees', () => {
  it('a rep their own, a manager their managed teams’ reps, everyone else the organisation’s', () => {
    expect(seesRep(matrixScope(rep), { id: 'rep-1', teamId: 'east' })).toBe(true);
    expect(seesRep(matrixScope(rep), { id: 'rep-2', teamId: 'east' })).toBe(false);
    expect(seesRep(matrixScope(eastManager), { id: 'rep-2', teamId: 'east' })).toBe(true);
    expect(seesRep(matrixScope(eastManager), { id: 'rep-3', teamId: 'west' })).toBe(false);
    expect(seesRep(matrixScope(eastManager), { id: 'rep-4', teamId: null })).toBe(false);
    for (const role of ['director', 'admin', 'viewer'] as const)
      expect(seesRep(matrixScope(who(role)), { id: 'x', teamId: null })).toBe(true);
  });

  it('a team filter: a rep only their own team, a manager only teams they manage', () => {
    expect(seesTeam(matrixScope(rep), rep, 'east')).toBe(true);
    expect(seesTeam(matrixScope(rep), rep, 'west')).toBe(false);
    expect(seesTeam(matrixScope(eastManager), eastManager, 'west')).toBe(false);
    expect(seesTeam(matrixScope(who('viewer')), who('viewer'), 'west')).toBe(true);
  });
});

describe('who sets which assessment', () => {
  it('the rep their own self level; their team’s manager, a director, an admin the manager level; nobody else', () => {
    expect(assessorRight(rep, { id: 'rep-1', teamId: 'east' })).toBe('self');
    expect(assessorRight(rep, { id: 'rep-2', teamId: 'east' })).toBe('none');
    expect(assessorRight(eastManager, { id: 'rep-1', teamId: 'east' })).toBe('manager');
    expect(assessorRight(eastManager, { id: 'rep-3', teamId: 'west' })).toBe('none');
    expect(assessorRight(who('director'), { id: 'rep-3', teamId: null })).toBe('manager');
    expect(assessorRight(who('admin'), { id: 'rep-3', teamId: 'west' })).toBe('manager');
    expect(assessorRight(who('viewer'), { id: 'rep-3', teamId: 'west' })).toBe('none');
  });

  it('names the field one may not set, and the one to send when the body sets nothing', () => {
    expect(assessmentProblems('self', { self: 3 })).toEqual({ refused: [], empty: [] });
    expect(assessmentProblems('self', { self: 3, manager: 4 }).refused.map((e) => e.path)).toEqual(['manager']);
    expect(assessmentProblems('manager', { self: null }).refused.map((e) => e.path)).toEqual(['self']);
    expect(assessmentProblems('manager', { manager: null })).toEqual({ refused: [], empty: [] }); // null clears it
    expect(assessmentProblems('manager', {}).empty).toEqual([{ path: 'manager', message: 'required' }]);
  });
});
