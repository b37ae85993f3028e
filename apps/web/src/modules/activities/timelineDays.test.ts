import { describe, expect, it } from 'vitest';
import { dayKey, formatDayHeading, formatTimeOfDay, groupByDay, relativeDay } from './timelineDays.ts';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('dayKey', () => {
  it('is the calendar day in the reader’s zone, not in UTC', () => {
    // 16:30 UTC is half past midnight the next day in Shanghai, and still the same morning in New York.
    expect(dayKey('2025-03-01T16:30:00Z', SHANGHAI)).toBe('2025-03-02');
    expect(dayKey('2025-03-01T16:30:00Z', NEW_YORK)).toBe('2025-03-01');
    expect(dayKey('2025-03-01T16:30:00Z', 'UTC')).toBe('2025-03-01');
  });
});

describe('groupByDay', () => {
  const events = [
    { id: 'a', at: '2025-03-02T02:00:00Z' },
    { id: 'b', at: '2025-03-01T16:30:00Z' },
    { id: 'c', at: '2025-03-01T15:59:00Z' },
    { id: 'd', at: '2025-02-27T08:00:00Z' },
  ];
  it('groups consecutive events by their day in the zone, newest first as given', () => {
    expect(groupByDay(events, SHANGHAI).map((g) => [g.day, g.events.map((e) => e.id)])).toEqual([
      ['2025-03-02', ['a', 'b']],
      ['2025-03-01', ['c']],
      ['2025-02-27', ['d']],
    ]);
  });
  it('draws the line at the zone’s midnight', () => {
    expect(groupByDay(events, 'UTC').map((g) => [g.day, g.events.map((e) => e.id)])).toEqual([
      ['2025-03-02', ['a']],
      ['2025-03-01', ['b', 'c']],
      ['2025-02-27', ['d']],
    ]);
  });
  it('takes the day from the caller when an event has its own (a payment’s date)', () => {
    expect(groupByDay(events, 'UTC', (e) => (e.id === 'c' ? '2025-03-02' : '2025-03-01')).map((g) => g.events.length)).toEqual([2, 1, 1]);
  });
  it('has no groups for no events', () => {
    expect(groupByDay([], SHANGHAI)).toEqual([]);
  });
});

describe('relativeDay', () => {
  const now = new Date('2025-03-01T17:00:00Z'); // 1 am on 2 March in Shanghai
  it('says today and yesterday in the zone', () => {
    expect(relativeDay('2025-03-02', now, SHANGHAI)).toBe('today');
    expect(relativeDay('2025-03-01', now, SHANGHAI)).toBe('yesterday');
    expect(relativeDay('2025-02-28', now, SHANGHAI)).toBeNull();
    expect(relativeDay('2025-03-01', now, 'UTC')).toBe('today');
  });
  it('knows yesterday across a month and a year end', () => {
    expect(relativeDay('2024-12-31', new Date('2025-01-01T10:00:00Z'), 'UTC')).toBe('yesterday');
    expect(relativeDay('2024-02-29', new Date('2024-03-01T10:00:00Z'), 'UTC')).toBe('yesterday');
  });
});

describe('formatting', () => {
  it('heads a day in the reader’s language without shifting it', () => {
    expect(formatDayHeading('2025-03-01', 'zh-CN')).toBe('2025年3月1日周六');
    expect(formatDayHeading('2025-03-01', 'en')).toBe('Sat, Mar 1, 2025');
  });
  it('gives the time of day in the zone', () => {
    expect(formatTimeOfDay('2025-03-01T06:05:00Z', 'zh-CN', SHANGHAI)).toBe('14:05');
    expect(formatTimeOfDay('2025-03-01T06:05:00Z', 'en', SHANGHAI)).toBe('2:05 PM');
  });
});
