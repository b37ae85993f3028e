import type { TPlanStep } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { nextStepDay, sortSteps, stepProblems, stepsSummary } from './planSteps.ts';

const step = (dayOffset: number, kind: TPlanStep['kind'] = 'call', title = `step ${dayOffset}`): TPlanStep => ({ dayOffset, kind, title });
const zhLabel = (s: TPlanStep) =>
  `第${s.dayOffset}天 ${{ call: '电话', email: '邮件', visit: '拜访', meeting: '会议', note: '备注' }[s.kind]}`;

describe('stepsSummary', () => {
  it('reads as the sequence, in the UI language', () => {
    expect(stepsSummary([step(0), step(3, 'email'), step(7, 'visit')], zhLabel)).toBe('第0天 电话 → 第3天 邮件 → 第7天 拜访');
  });
  it('counts the steps beyond the first few', () => {
    const steps = Array.from({ length: 9 }, (_, i) => step(i));
    expect(stepsSummary(steps, (s) => `d${s.dayOffset}`, 3)).toBe('d0 → d1 → d2 → … +6');
  });
  it('is empty for no steps', () => {
    expect(stepsSummary([], zhLabel)).toBe('');
  });
});

describe('stepProblems', () => {
  it('accepts ascending days, two steps on one day included', () => {
    expect(stepProblems([step(0), step(0, 'email'), step(3), step(7)])).toEqual([]);
  });
  it('points at a step that comes before the one above it', () => {
    expect(stepProblems([step(0), step(7), step(3)])).toEqual([{ kind: 'order', index: 2, previousDay: 7 }]);
  });
  it('wants a whole day from 0 to 3650 and a title', () => {
    expect(stepProblems([{ kind: 'call', title: 'a' }, step(-1), step(3651), { ...step(2.5) }, step(5, 'call', '  ')])).toEqual([
      { kind: 'range', index: 0 },
      { kind: 'range', index: 1 },
      { kind: 'range', index: 2 },
      { kind: 'range', index: 3 },
      { kind: 'title', index: 4 },
    ]);
  });
  it('wants 1 to 20 steps', () => {
    expect(stepProblems([])).toEqual([{ kind: 'count' }]);
    expect(stepProblems(Array.from({ length: 21 }, () => step(1)))).toEqual([{ kind: 'count' }]);
    expect(stepProblems(Array.from({ length: 20 }, () => step(1)))).toEqual([]);
  });
});

describe('sortSteps', () => {
  it('orders by day and keeps the written order within a day', () => {
    const sorted = sortSteps([step(7, 'visit'), step(0, 'call', 'first'), step(3), step(0, 'email', 'second')]);
    expect(sorted.map((s) => `${s.dayOffset}:${s.title}`)).toEqual(['0:first', '0:second', '3:step 3', '7:step 7']);
  });
});

describe('nextStepDay', () => {
  it('is day 0 for the first step, then a few days after the last', () => {
    expect(nextStepDay([])).toBe(0);
    expect(nextStepDay([step(0), step(7)])).toBe(10);
    expect(nextStepDay([step(3649)])).toBe(3650);
  });
});
