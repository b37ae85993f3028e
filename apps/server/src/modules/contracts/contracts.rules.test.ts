import { describe, expect, it } from 'vitest';
import {
  contractNumberPrefix,
  dateProblems,
  localDate,
  outstandingOf,
  paymentProblem,
  planProblems,
  statusChangeProblem,
} from './contracts.rules.ts';

describe('statusChangeProblem: draft → (pending_approval →) active → completed; cancelled from any open state', () => {
  it.each([
    ['draft', 'active', true],
    ['draft', 'pending_approval', true],
    ['draft', 'cancelled', true],
    ['draft', 'completed', false],
    ['pending_approval', 'active', true],
    ['pending_approval', 'cancelled', true],
    ['pending_approval', 'completed', false],
    ['active', 'completed', true],
    ['active', 'cancelled', true],
    ['active', 'pending_approval', false],
    ['completed', 'cancelled', false],
    ['cancelled', 'active', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(statusChangeProblem(from, to) === null).toBe(allowed);
  });
});

describe('planProblems: instalments sum to the contract amount exactly', () => {
  it.each([
    ['three thirds that add up', '100000.00', ['33333.33', '33333.33', '33333.34'], true],
    ['three equal thirds a cent short', '100000.00', ['33333.33', '33333.33', '33333.33'], false],
    ['a cent over', '100', ['50', '50.01'], false],
    ['one instalment', '1200.50', ['1200.5'], true],
    ['no plan (cleared)', '1000', [], true],
  ] as const)('%s', (_, amount, parts, ok) => {
    const problems = planProblems(
      amount,
      parts.map((a) => ({ amount: a })),
    );
    expect(problems.length === 0).toBe(ok);
    if (!ok) expect(problems[0].path).toBe('installments');
  });
});

describe('paymentProblem: more than 0, not more than the outstanding balance', () => {
  it.each([
    ['100.00', '100.00', null],
    ['0.01', '100.00', null],
    ['100.01', '100.00', 'more than the outstanding balance'],
    ['0', '100.00', 'greater than 0'],
    ['1', '0.00', 'more than the outstanding balance'],
  ] as const)('pay %s of %s owed', (amount, owed, problem) => {
    const p = paymentProblem(amount, owed);
    if (problem === null) expect(p).toBeNull();
    else expect(p?.message).toContain(problem);
  });

  it('computes what is outstanding exactly', () => {
    expect(outstandingOf('100000.00', '99999.99')).toBe('0.01');
  });
});

describe('dates and numbers', () => {
  it('refuses an end before the start', () => {
    expect(dateProblems({ startsOn: '2026-02-01', endsOn: '2026-01-31' })).toEqual([{ path: 'endsOn', message: 'ends before it starts' }]);
    expect(dateProblems({ startsOn: '2026-02-01', endsOn: null })).toEqual([]);
  });

  it('dates and numbers contracts in the organisation’s time zone', () => {
    const lateUtc = new Date('2026-01-04T17:30:00Z'); // already 01:30 on the 5th in Shanghai
    expect(localDate(lateUtc, 'Asia/Shanghai')).toBe('2026-01-05');
    expect(localDate(lateUtc, 'UTC')).toBe('2026-01-04');
    expect(contractNumberPrefix(lateUtc, 'Asia/Shanghai')).toBe('HT20260105');
  });
});
