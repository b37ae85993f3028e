import type { TTeamCompliance } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { testT } from '../../performance/testI18n.ts';
import { COMPLIANCE_STATES, complianceColumns, complianceRows, complianceSummary, complianceTone, STATE_COLORS } from './complianceGrid.ts';

type Cell = TTeamCompliance['reps'][number]['cells'][number];
const cell = (courseId: string, state: Cell['state'], required = false): Cell => ({
  courseId,
  required,
  state,
  dueOn: null,
  completedOn: null,
  expiresOn: null,
});

const data: TTeamCompliance = {
  courses: [
    { id: 'c-neg', title: 'Negotiation', category: 'negotiation' },
    { id: 'c-prod', title: 'Product basics', category: 'product' },
    { id: 'c-comp', title: 'Anti-bribery', category: 'compliance' },
    { id: 'c-none', title: 'Unused', category: 'industry' },
  ],
  reps: [
    {
      repId: 'r1',
      name: 'Wu',
      teamId: 't',
      levelId: 'l',
      compliance: 50,
      cells: [cell('c-prod', 'completed', true), cell('c-comp', 'overdue', true)],
    },
    {
      repId: 'r2',
      name: 'Chen',
      teamId: 't',
      levelId: 'l',
      compliance: 100,
      cells: [cell('c-prod', 'completed', true), cell('c-neg', 'completed')],
    },
    { repId: 'r3', name: 'Li', teamId: 't', levelId: null, compliance: null, cells: [] },
    {
      repId: 'r4',
      name: 'An',
      teamId: 't',
      levelId: 'l',
      compliance: 0,
      cells: [cell('c-prod', 'missing', true), cell('c-comp', 'overdue', true), cell('c-neg', 'overdue'), cell('c-none', 'expired')],
    },
  ],
};

describe('compliance grid', () => {
  it('puts courses required of anyone first, most reps first, then the rest by title', () => {
    const columns = complianceColumns(data, 'en');
    expect(columns.map((c) => c.id)).toEqual(['c-prod', 'c-comp', 'c-neg', 'c-none']);
    expect(columns[0]).toMatchObject({ requiredFor: 3, concerned: 3 });
    expect(columns[2]).toMatchObject({ requiredFor: 0, concerned: 2 });
  });

  it('lists the least compliant reps first, those asked nothing last, and counts what needs attention', () => {
    const rows = complianceRows(data, 'en');
    expect(rows.map((r) => r.repId)).toEqual(['r4', 'r1', 'r2', 'r3']);
    expect(rows[0]?.attention).toBe(4);
    expect(rows[0]?.byCourse.get('c-neg')?.state).toBe('overdue');
    expect(rows[2]?.byCourse.has('c-comp')).toBe(false);
  });

  it('sums up: overdue cells and reps, missing required, the mean compliance of reps asked something', () => {
    expect(complianceSummary(data)).toEqual({
      reps: 4,
      overdue: 3,
      repsOverdue: 2,
      missingRequired: 1,
      averageCompliance: 50,
      fullyCompliant: 1,
    });
  });

  it('has no average when nobody is asked anything', () => {
    expect(complianceSummary({ courses: [], reps: [] }).averageCompliance).toBeNull();
    expect(complianceSummary({ courses: [], reps: [{ ...data.reps[2]!, compliance: null }] }).averageCompliance).toBeNull();
  });

  it('rounds the mean half up like the server rounds percents', () => {
    const reps = [33, 34].map((compliance, i) => ({ ...data.reps[0]!, repId: `x${i}`, compliance }));
    expect(complianceSummary({ courses: [], reps }).averageCompliance).toBe(34);
  });

  it('tones a figure: 100 green, from 60 normal, below red, none grey', () => {
    expect([100, 60, 59, 0, null].map(complianceTone)).toEqual(['success', 'normal', 'exception', 'exception', 'none']);
  });

  it('has a colour and words in both languages for every state the server sends', () => {
    const zh = testT('zh-CN');
    const en = testT('en');
    for (const state of COMPLIANCE_STATES) {
      expect(STATE_COLORS[state]).toBeTruthy();
      expect(zh(`trainingTeam.compliance.states.${state}`)).not.toContain('trainingTeam');
      expect(en(`trainingTeam.compliance.states.${state}`)).not.toContain('trainingTeam');
    }
    expect(en('trainingTeam.compliance.states.missing')).toBe('Missing');
    expect(zh('trainingTeam.compliance.states.overdue')).toBe('已逾期');
  });
});
