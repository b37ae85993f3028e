import { describe, expect, it } from 'vitest';
import { outcomeOf, parseMatched, reasonCounts, reasonKey, sortCandidates, type TCandidate, type TExplanation } from './explanation.ts';

const rep = (userId: string, load: number, passedOver?: string): TCandidate => ({
  userId,
  load,
  capacity: 10,
  ...(passedOver ? { passedOver } : {}),
});

const explanation = (patch: Partial<TExplanation>): TExplanation => ({
  ruleId: 'r1',
  ruleName: 'KA customers → senior',
  matched: ['tier KA'],
  candidates: [],
  chosen: null,
  strategy: 'least_loaded',
  ...patch,
});

describe('reasonKey', () => {
  it('keeps the reasons it knows and calls the rest "unknown"', () => {
    expect(reasonKey('at_capacity')).toBe('at_capacity');
    expect(reasonKey('same_load_later_id')).toBe('same_load_later_id');
    expect(reasonKey('on_strike')).toBe('unknown');
  });
});

describe('sortCandidates', () => {
  it('puts the chosen rep first, then those nearest to winning, then by load and id', () => {
    const sorted = sortCandidates(
      [
        rep('a', 1, 'wrong_level'),
        rep('b', 5, 'higher_load'),
        rep('c', 2),
        rep('d', 9, 'at_capacity'),
        rep('e', 3, 'higher_load'),
        rep('f', 0, 'mystery'),
        rep('g', 2, 'same_load_later_id'),
      ],
      'c',
    );
    expect(sorted.map((c) => c.userId)).toEqual(['c', 'g', 'e', 'b', 'd', 'a', 'f']);
  });

  it('leaves reps without a reason (no rule matched) in load order', () => {
    expect(sortCandidates([rep('b', 2), rep('a', 2), rep('c', 1)], null).map((c) => c.userId)).toEqual(['c', 'a', 'b']);
  });
});

describe('reasonCounts', () => {
  it('counts the passed-over reps per reason, nearest to winning first; the chosen one is not counted', () => {
    expect(
      reasonCounts([rep('a', 0, 'wrong_level'), rep('b', 0, 'at_capacity'), rep('c', 0, 'wrong_level'), rep('d', 0), rep('e', 0, '??')]),
    ).toEqual([
      { reason: 'at_capacity', n: 1 },
      { reason: 'wrong_level', n: 2 },
      { reason: 'unknown', n: 1 },
    ]);
  });

  it('is empty when nobody was passed over', () => {
    expect(reasonCounts([rep('a', 0)])).toEqual([]);
  });
});

describe('outcomeOf', () => {
  it('names the chosen rep', () => {
    expect(outcomeOf(explanation({ chosen: 'u1', candidates: [rep('u1', 0)] }))).toEqual({ kind: 'assigned', userId: 'u1' });
  });

  it('tells "no rule matched" from "no reps at all" from "nobody eligible"', () => {
    expect(outcomeOf(explanation({ ruleId: null, ruleName: null, candidates: [rep('u1', 0)] }))).toEqual({ kind: 'noRule' });
    expect(outcomeOf(explanation({ candidates: [] }))).toEqual({ kind: 'noReps' });
    expect(outcomeOf(explanation({ candidates: [rep('u1', 10, 'at_capacity')] }))).toEqual({
      kind: 'noneEligible',
      ruleName: 'KA customers → senior',
    });
  });
});

describe('parseMatched', () => {
  it.each([
    ['any record', { kind: 'any' }],
    ['tier KA', { kind: 'tier', value: 'KA' }],
    ['process type long', { kind: 'processType', value: 'long' }],
    ['region East China', { kind: 'region', value: 'East China' }],
    ['industry 制造业', { kind: 'industry', value: '制造业' }],
    ['amount ≥ 100000.00', { kind: 'amountAtLeast', value: '100000.00' }],
    ['amount ≤ 99.50', { kind: 'amountAtMost', value: '99.50' }],
    ['process type barter', { kind: 'raw', value: 'process type barter' }],
    ['moon phase full', { kind: 'raw', value: 'moon phase full' }],
  ])('reads %s', (text, expected) => {
    expect(parseMatched(text)).toEqual(expected);
  });
});
