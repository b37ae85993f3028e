import { describe, expect, it } from 'vitest';
import { describeError, retryDelayMs, scheduleSlotKey, slotStart } from './jobs.rules.ts';

describe('retryDelayMs', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [10, 1_024_000],
    [30, 6 * 3_600_000],
  ])('attempt %i waits %i ms before jitter', (attempt, expected) => {
    expect(retryDelayMs(attempt, () => 0.5)).toBe(expected);
  });

  it('jitters by ±20%', () => {
    expect(retryDelayMs(3, () => 0)).toBe(6_400);
    expect(retryDelayMs(3, () => 1)).toBe(9_600);
  });

  it('keeps retrying for more than 24 hours over the default 10 attempts', () => {
    const total = Array.from({ length: 9 }, (_, i) => retryDelayMs(i + 1, () => 0.5)).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1_000_000);
  });
});

describe('schedule slots', () => {
  const hour = 3_600_000;
  it('puts every instant of an hour in the same slot', () => {
    const a = new Date('2026-11-27T10:00:00.000Z');
    const b = new Date('2026-11-27T10:59:59.999Z');
    expect(slotStart(a, hour)).toEqual(a);
    expect(scheduleSlotKey('pool.sweep', b, hour)).toBe('pool.sweep@2026-11-27T10:00:00.000Z');
    expect(scheduleSlotKey('pool.sweep', new Date('2026-11-27T11:00:00.000Z'), hour)).toBe('pool.sweep@2026-11-27T11:00:00.000Z');
  });
});

describe('describeError', () => {
  it('names the error and truncates long messages', () => {
    expect(describeError(new TypeError('bad'))).toBe('TypeError: bad');
    expect(describeError('x'.repeat(3000))).toHaveLength(2001);
  });
});
