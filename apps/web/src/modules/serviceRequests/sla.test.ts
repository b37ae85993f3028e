import { describe, expect, it } from 'vitest';
import { availableActions, breachRate, durationParts, isEditable, slaState } from './sla.ts';

const now = new Date('2025-03-10T12:00:00Z');
const at = (minutesFromNow: number) => new Date(now.getTime() + minutesFromNow * 60_000).toISOString();

describe('slaState', () => {
  it('has nothing to say without an SLA', () => {
    expect(slaState({ slaDueAt: null, firstAnsweredAt: null, slaRemainingMinutes: null }, now)).toEqual({ kind: 'none' });
  });

  it('counts down an unanswered request against the clock, in whole minutes rounded down', () => {
    expect(slaState({ slaDueAt: at(125.9), firstAnsweredAt: null, slaRemainingMinutes: 999 }, now)).toEqual({
      kind: 'remaining',
      minutes: 125,
    });
  });

  it('is still in time exactly at the deadline', () => {
    expect(slaState({ slaDueAt: at(0), firstAnsweredAt: null, slaRemainingMinutes: 0 }, now)).toEqual({ kind: 'remaining', minutes: 0 });
  });

  it('is overdue past the deadline, by at least one minute', () => {
    expect(slaState({ slaDueAt: at(-0.2), firstAnsweredAt: null, slaRemainingMinutes: -1 }, now)).toEqual({ kind: 'overdue', minutes: 1 });
    expect(slaState({ slaDueAt: at(-180), firstAnsweredAt: null, slaRemainingMinutes: -180 }, now)).toEqual({
      kind: 'overdue',
      minutes: 180,
    });
  });

  it('keeps the margin of an answered request, whatever the time now', () => {
    expect(slaState({ slaDueAt: at(-600), firstAnsweredAt: at(-700), slaRemainingMinutes: 100 }, now)).toEqual({
      kind: 'met',
      minutes: 100,
    });
    expect(slaState({ slaDueAt: at(-600), firstAnsweredAt: at(-420), slaRemainingMinutes: -180 }, now)).toEqual({
      kind: 'late',
      minutes: 180,
    });
  });

  it('works the margin out from the times when the server gave none', () => {
    expect(slaState({ slaDueAt: at(-600), firstAnsweredAt: at(-660), slaRemainingMinutes: null }, now)).toEqual({
      kind: 'met',
      minutes: 60,
    });
  });
});

describe('durationParts', () => {
  it('gives minutes under an hour', () => {
    expect(durationParts(0)).toEqual([{ unit: 'minute', count: 0 }]);
    expect(durationParts(59)).toEqual([{ unit: 'minute', count: 59 }]);
  });
  it('gives hours and minutes under a day, leaving out zero minutes', () => {
    expect(durationParts(200)).toEqual([
      { unit: 'hour', count: 3 },
      { unit: 'minute', count: 20 },
    ]);
    expect(durationParts(180)).toEqual([{ unit: 'hour', count: 3 }]);
  });
  it('gives days and hours from a day on', () => {
    expect(durationParts(1500)).toEqual([
      { unit: 'day', count: 1 },
      { unit: 'hour', count: 1 },
    ]);
    expect(durationParts(2 * 1440 + 59)).toEqual([{ unit: 'day', count: 2 }]);
  });
  it('measures negative spans and fractions by their whole size', () => {
    expect(durationParts(-61)).toEqual([
      { unit: 'hour', count: 1 },
      { unit: 'minute', count: 1 },
    ]);
    expect(durationParts(35.7)).toEqual([{ unit: 'minute', count: 35 }]);
  });
});

describe('availableActions', () => {
  it('follows the server’s life of a request', () => {
    expect(availableActions('open')).toEqual(['answer', 'resolve']);
    expect(availableActions('answered')).toEqual(['resolve']);
    expect(availableActions('resolved')).toEqual(['reopen']);
    expect(availableActions('closed')).toEqual([]);
  });
  it('lets every request but a closed one be edited', () => {
    expect(isEditable('resolved')).toBe(true);
    expect(isEditable('closed')).toBe(false);
  });
});

describe('breachRate', () => {
  it('is a whole percentage, null without requests', () => {
    expect(breachRate({ requests: 3, breached: 1 })).toBe(33);
    expect(breachRate({ requests: 0, breached: 0 })).toBeNull();
  });
});
