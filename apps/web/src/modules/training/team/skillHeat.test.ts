import type { TSkillsMatrix, TTeam } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import {
  assessableTeamIds,
  assessmentBody,
  cellText,
  editableHalves,
  heatColor,
  orderedSkills,
  SKILL_LEVELS,
  skillColumnStats,
  skillGap,
} from './skillHeat.ts';

const team = (id: string, managerId: string | null): TTeam => ({ id, name: id, region: null, managerId, createdAt: '', version: 1 });
const cell = (skillId: string, self: number | null, manager: number | null, version: number | null = 1) => ({
  skillId,
  self,
  manager,
  selfAt: null,
  managerAt: null,
  version,
});

describe('skills heat map', () => {
  it('gives each level its own fill, darker as the level rises, and none to an unrated half', () => {
    const fills = SKILL_LEVELS.map((level) => heatColor(level).background);
    expect(new Set(fills).size).toBe(5);
    expect(heatColor(null).background).toBe('transparent');
    expect(heatColor(7).background).toBe('transparent');
    // Dark fills carry white text.
    expect(heatColor(5).color).toBe('#ffffff');
    expect(heatColor(1).color).not.toBe('#ffffff');
  });

  it('flags a gap of two levels or more either way, only when both are set', () => {
    expect(skillGap({ self: 2, manager: 4 })).toBe(2);
    expect(skillGap({ self: 5, manager: 2 })).toBe(-3);
    expect(skillGap({ self: 3, manager: 4 })).toBeNull();
    expect(skillGap({ self: 3, manager: 3 })).toBeNull();
    expect(skillGap({ self: null, manager: 5 })).toBeNull();
    expect(skillGap(undefined)).toBeNull();
  });

  it('writes a cell as self / manager', () => {
    expect(cellText({ self: 3, manager: 4 })).toBe('3 / 4');
    expect(cellText({ self: null, manager: 2 })).toBe('– / 2');
    expect(cellText(undefined)).toBe('– / –');
  });

  it('lets a rep set only their own self level, and the manager of the rep team (or directors, admins) the manager level', () => {
    const teams = [team('east', 'm1'), team('west', 'm2')];
    const rep = { id: 'r1', role: 'rep' as const };
    expect(editableHalves(rep, { repId: 'r1', teamId: 'east' }, assessableTeamIds(rep, teams))).toEqual({ self: true, manager: false });
    expect(editableHalves(rep, { repId: 'r2', teamId: 'east' }, assessableTeamIds(rep, teams))).toEqual({ self: false, manager: false });
    const manager = { id: 'm1', role: 'manager' as const };
    const scope = assessableTeamIds(manager, teams);
    expect(editableHalves(manager, { repId: 'r1', teamId: 'east' }, scope)).toEqual({ self: false, manager: true });
    expect(editableHalves(manager, { repId: 'r2', teamId: 'west' }, scope)).toEqual({ self: false, manager: false });
    expect(editableHalves(manager, { repId: 'r3', teamId: null }, scope)).toEqual({ self: false, manager: false });
    const director = { id: 'd', role: 'director' as const };
    expect(editableHalves(director, { repId: 'r3', teamId: null }, assessableTeamIds(director, teams))).toEqual({
      self: false,
      manager: true,
    });
    const viewer = { id: 'v', role: 'viewer' as const };
    expect(editableHalves(viewer, { repId: 'r1', teamId: 'east' }, assessableTeamIds(viewer, teams))).toEqual({
      self: false,
      manager: false,
    });
  });

  it('sends the version only when the row exists', () => {
    expect(assessmentBody('self', 3, undefined)).toEqual({ self: 3 });
    expect(assessmentBody('manager', 4, cell('s', 2, null, null))).toEqual({ manager: 4 });
    expect(assessmentBody('manager', null, cell('s', 2, 3, 7))).toEqual({ manager: null, version: 7 });
  });

  it('sums up each skill: the mean manager level and the gaps', () => {
    const matrix: TSkillsMatrix = {
      skills: [
        { id: 's1', name: 'Closing', category: '', description: '', version: 1 },
        { id: 's2', name: 'Demo', category: '', description: '', version: 1 },
      ],
      reps: [
        { repId: 'a', name: 'A', teamId: null, levelId: null, cells: [cell('s1', 1, 4), cell('s2', 3, null)] },
        { repId: 'b', name: 'B', teamId: null, levelId: null, cells: [cell('s1', 3, 3)] },
        { repId: 'c', name: 'C', teamId: null, levelId: null, cells: [cell('s1', 5, 2)] },
      ],
    };
    expect(skillColumnStats(matrix)).toEqual([
      { skillId: 's1', managerMean: 3, gaps: 2 },
      { skillId: 's2', managerMean: null, gaps: 0 },
    ]);
  });

  it('orders skills by category (uncategorised last), then name', () => {
    const skills = [
      { name: 'Zeta', category: '' },
      { name: 'Pitch', category: 'Sales' },
      { name: 'CRM', category: 'Tools' },
      { name: 'Closing', category: 'Sales' },
    ];
    expect(orderedSkills(skills, 'en').map((s) => s.name)).toEqual(['Closing', 'Pitch', 'CRM', 'Zeta']);
  });
});
