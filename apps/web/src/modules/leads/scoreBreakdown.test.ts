import { describe, expect, it } from 'vitest';
import { formatPoints, scoreBand, summariseScore } from './scoreBreakdown.ts';

const line = (label: string, points: number) => ({ ruleId: label, label, points });

describe('formatPoints', () => {
  it.each([
    [30, '+30'],
    [-10, '−10'],
    [0, '0'],
  ])('%i reads %s', (points, text) => expect(formatPoints(points)).toBe(text));
});

describe('scoreBand', () => {
  it.each([
    [100, 'hot'],
    [70, 'hot'],
    [69, 'warm'],
    [40, 'warm'],
    [39, 'cold'],
    [0, 'cold'],
  ])('a score of %i is %s', (score, band) => expect(scoreBand(score)).toBe(band));
});

describe('summariseScore', () => {
  it('lists the lines in rule order with their signed points and adds them up', () => {
    const s = summariseScore({ score: 55, scoreBreakdown: [line('Referral', 30), line('Energy', 25)] });
    expect(s.lines.map((l) => [l.label, l.text])).toEqual([
      ['Referral', '+30'],
      ['Energy', '+25'],
    ]);
    expect(s).toMatchObject({ sum: 55, score: 55, clamped: null });
  });

  it('says when the score was cut to 100', () => {
    expect(summariseScore({ score: 100, scoreBreakdown: [line('a', 80), line('b', 40)] })).toMatchObject({ sum: 120, clamped: 'max' });
  });

  it('says when the score was raised to 0', () => {
    expect(summariseScore({ score: 0, scoreBreakdown: [line('a', 10), line('No email', -30)] })).toMatchObject({
      sum: -20,
      clamped: 'min',
    });
  });

  it('an empty breakdown is a score of 0 with nothing to explain', () => {
    expect(summariseScore({ score: 0, scoreBreakdown: [] })).toEqual({ lines: [], sum: 0, score: 0, clamped: null });
  });
});
