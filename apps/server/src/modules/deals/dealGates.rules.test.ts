import { describe, expect, it } from 'vitest';
import { cycleDays, forecastAfterMove, type GateSubject, missingForGate } from './dealGates.rules.ts';

const bare: GateSubject = { amount: null, expectedCloseDate: null, customerId: null, lineCount: 0, contactRoles: [], milestones: [] };

describe('stage gates', () => {
  it('lets any deal through an empty gate', () => expect(missingForGate({}, bare)).toEqual([]));

  it('names each missing field; a zero amount counts as missing', () => {
    const gate = { requiredFields: ['amount', 'expectedCloseDate', 'customerId', 'lines', 'contacts'] as const };
    expect(missingForGate({ requiredFields: [...gate.requiredFields] }, { ...bare, amount: '0.00' }).map((m) => m.path)).toEqual([
      'amount',
      'expectedCloseDate',
      'customerId',
      'lines',
      'contacts',
    ]);
    expect(missingForGate({ requiredFields: ['amount'] }, { ...bare, amount: '0.01' })).toEqual([]);
  });

  it('requires the buying committee roles (an economic buyer before Proposal)', () => {
    const gate = { requiredContactRoles: ['decision_maker' as const, 'economic_buyer' as const] };
    expect(missingForGate(gate, { ...bare, contactRoles: ['decision_maker'] })).toEqual([
      { path: 'contacts.economic_buyer', message: 'an economic buyer contact is required for this stage' },
    ]);
    expect(missingForGate(gate, { ...bare, contactRoles: ['economic_buyer', 'decision_maker'] })).toEqual([]);
  });

  it('requires named milestones done, or all of them with *', () => {
    const milestones = [
      { name: 'PoC', status: 'done' as const },
      { name: 'Security review', status: 'open' as const },
    ];
    expect(missingForGate({ requiredMilestones: ['PoC'] }, { ...bare, milestones })).toEqual([]);
    expect(missingForGate({ requiredMilestones: ['*'] }, { ...bare, milestones }).map((m) => m.path)).toEqual([
      'milestones.Security review',
    ]);
    expect(missingForGate({ requiredMilestones: ['*'] }, bare).map((m) => m.path)).toEqual(['milestones']);
    expect(missingForGate({ requiredMilestones: ['Sign-off'] }, { ...bare, milestones }).map((m) => m.path)).toEqual([
      'milestones.Sign-off',
    ]);
  });
});

describe('deal figures', () => {
  it('measures the cycle in days', () => {
    expect(cycleDays(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-11T12:00:00Z'))).toBe(10.5);
    expect(cycleDays(new Date('2026-01-01T00:00:00Z'), null)).toBeNull();
  });
  it('closes the forecast with the deal, and reopens it as pipeline', () => {
    expect(forecastAfterMove('won', 'commit')).toBe('closed');
    expect(forecastAfterMove('lost', 'best_case')).toBe('omitted');
    expect(forecastAfterMove('open', 'closed')).toBe('pipeline');
    expect(forecastAfterMove('open', 'commit')).toBe('commit');
  });
});
