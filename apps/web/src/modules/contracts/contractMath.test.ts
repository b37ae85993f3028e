import { describe, expect, it } from 'vitest';
import {
  addMonths,
  centsToAmount,
  checkPlan,
  contractActions,
  installmentStatus,
  localToday,
  progressPercent,
  splitEvenly,
  suggestedPayment,
} from './contractMath.ts';

describe('centsToAmount', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123450, '1234.50'],
    [-250, '-2.50'],
  ])('%i cents → %s', (cents, text) => expect(centsToAmount(cents)).toBe(text));
});

describe('localToday', () => {
  it('writes the device’s calendar date with leading zeros', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('checkPlan', () => {
  it('matches when the instalments sum to the amount exactly, decimals included', () => {
    expect(checkPlan('0.30', [{ amount: '0.1' }, { amount: '0.2' }])).toMatchObject({ matches: true, diffCents: 0, totalCents: 30 });
  });
  it('says how much is missing when the plan is short', () => {
    expect(checkPlan('100000', [{ amount: '60000' }, { amount: 30000 }])).toMatchObject({ matches: false, diffCents: 1_000_000 });
  });
  it('says how much is too much when the plan is over (negative difference)', () => {
    expect(checkPlan('100', [{ amount: '60' }, { amount: '60' }]).diffCents).toBe(-2000);
  });
  it('counts a row without an amount as zero', () => {
    expect(checkPlan('100', [{ amount: '100' }, { amount: null }, {}])).toMatchObject({ matches: true, totalCents: 10000 });
  });
  it('accepts an empty plan: saving it clears the plan', () => {
    expect(checkPlan('100', []).matches).toBe(true);
  });
});

describe('splitEvenly', () => {
  it('gives the remainder cent to the last instalment so the parts sum exactly', () => {
    expect(splitEvenly('100', 3)).toEqual(['33.33', '33.33', '33.34']);
  });
  it('splits in two', () => {
    expect(splitEvenly('500000', 2)).toEqual(['250000.00', '250000.00']);
  });
  it('gives nothing for zero parts', () => {
    expect(splitEvenly('100', 0)).toEqual([]);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-05-10', 0, '2026-05-10'],
  ])('%s + %i months → %s', (date, n, expected) => expect(addMonths(date, n)).toBe(expected));
});

describe('installmentStatus', () => {
  const today = '2026-03-10';
  const due = (dueOn: string, amount: string, paid: string) => ({ dueOn, amount, paid });
  it('paid when the payments cover it, even if its date has passed', () => {
    expect(installmentStatus(due('2026-01-01', '100', '100.00'), 'active', today)).toBe('paid');
  });
  it('overdue when due before today and not covered, partly paid or not', () => {
    expect(installmentStatus(due('2026-03-09', '100', '0'), 'active', today)).toBe('overdue');
    expect(installmentStatus(due('2026-03-09', '100', '40'), 'completed', today)).toBe('overdue');
  });
  it('not overdue on the day it is due', () => {
    expect(installmentStatus(due(today, '100', '0'), 'active', today)).toBe('upcoming');
  });
  it('partly paid before its due date', () => {
    expect(installmentStatus(due('2026-04-01', '100', '40'), 'active', today)).toBe('partial');
  });
  it('never overdue on a contract not yet signed off (draft, pending) or cancelled', () => {
    for (const status of ['draft', 'pending_approval', 'cancelled'] as const)
      expect(installmentStatus(due('2026-01-01', '100', '0'), status, today)).toBe('upcoming');
  });
});

describe('progressPercent', () => {
  it.each([
    ['0', '100', 0],
    ['25', '100', 25],
    ['99.99', '100', 99.9],
    ['100', '100', 100],
    ['1', '3', 33.3],
    ['5', '0', 0],
  ])('%s of %s → %d %%', (paid, amount, pct) => expect(progressPercent(paid, amount)).toBe(pct));
});

describe('suggestedPayment', () => {
  it('suggests what is left of the earliest instalment not yet paid', () => {
    const installments = [
      { dueOn: '2026-06-01', position: 2, outstanding: '500.00' },
      { dueOn: '2026-03-01', position: 1, outstanding: '0.00' },
      { dueOn: '2026-04-01', position: 3, outstanding: '120.50' },
    ];
    expect(suggestedPayment({ outstanding: '620.50', installments })).toBe('120.50');
  });
  it('suggests the whole balance when there is no plan', () => {
    expect(suggestedPayment({ outstanding: '800.00', installments: [] })).toBe('800.00');
  });
});

describe('contractActions', () => {
  it('follows the life cycle; a pending contract waits for its approval, closed ones do nothing', () => {
    expect(contractActions('draft')).toEqual(['active', 'pending_approval', 'cancelled']);
    expect(contractActions('pending_approval')).toEqual(['cancelled']);
    expect(contractActions('active')).toEqual(['completed', 'cancelled']);
    expect(contractActions('completed')).toEqual([]);
    expect(contractActions('cancelled')).toEqual([]);
  });
});
