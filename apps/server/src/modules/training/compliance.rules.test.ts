import { describe, expect, it } from 'vitest';
import { cellState, complianceOf, repCells } from './compliance.rules.ts';

const today = '2026-06-10';

describe('compliance cell state', () => {
  it('a valid holding is completed, even with a re-certification open', () => {
    const held = { completedOn: '2026-01-01', expiresOn: '2026-07-01', valid: true };
    expect(cellState({ status: 'completed', dueOn: null }, held, today)).toBe('completed');
    expect(cellState({ status: 'assigned', dueOn: '2026-07-01' }, held, today)).toBe('completed');
  });

  it('open work: overdue when the due date passed, else in progress or assigned', () => {
    expect(cellState({ status: 'assigned', dueOn: '2026-06-09' }, null, today)).toBe('overdue');
    expect(cellState({ status: 'in_progress', dueOn: '2026-06-10' }, null, today)).toBe('in_progress');
    expect(cellState({ status: 'assigned', dueOn: null }, null, today)).toBe('assigned');
  });

  it('a lapsed certification is expired unless work is open; a failed attempt is failed; never taken is missing', () => {
    const lapsed = { completedOn: '2025-01-01', expiresOn: '2026-01-01', valid: false };
    expect(cellState({ status: 'completed', dueOn: null }, lapsed, today)).toBe('expired');
    expect(cellState({ status: 'failed', dueOn: null }, lapsed, today)).toBe('expired');
    expect(cellState({ status: 'in_progress', dueOn: '2026-01-01' }, lapsed, today)).toBe('overdue');
    expect(cellState({ status: 'failed', dueOn: null }, null, today)).toBe('failed');
    expect(cellState(null, null, today)).toBe('missing');
  });
});

describe('a rep’s row', () => {
  it('has a cell per required or assigned course, in column order, and the share completed', () => {
    const cells = repCells({
      courseIds: ['c1', 'c2', 'c3', 'c4'],
      required: new Set(['c1', 'c3']),
      latest: new Map([
        ['c2', { status: 'completed' as const, dueOn: '2026-05-01' }],
        ['c3', { status: 'in_progress' as const, dueOn: '2026-07-01' }],
      ]),
      holdings: new Map([['c2', { completedOn: '2026-04-20', expiresOn: null, valid: true }]]),
      today,
    });
    expect(cells).toEqual([
      { courseId: 'c1', required: true, state: 'missing', dueOn: null, completedOn: null, expiresOn: null },
      { courseId: 'c2', required: false, state: 'completed', dueOn: '2026-05-01', completedOn: '2026-04-20', expiresOn: null },
      { courseId: 'c3', required: true, state: 'in_progress', dueOn: '2026-07-01', completedOn: null, expiresOn: null },
    ]);
    expect(complianceOf(cells)).toBe(33);
    expect(complianceOf([])).toBeNull();
    expect(complianceOf([{ state: 'completed' }, { state: 'expired' }])).toBe(50);
  });
});
