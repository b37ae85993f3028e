import { describe, expect, it } from 'vitest';
import {
  addDays,
  bucketTasks,
  dayKey,
  dayRange,
  daysBetween,
  daysOverdue,
  formatDateTimeIn,
  formatDay,
  formatTime,
  fromLocalInput,
  monthRange,
  reschedulePresets,
  toLocalInput,
  weekDays,
  weekStartFor,
  zonedTime,
} from './taskDates.ts';

const SH = 'Asia/Shanghai'; // UTC+8, no daylight saving
const NY = 'America/New_York'; // UTC-5 / UTC-4

const task = (id: string, dueAt: string, status = 'open') => ({ id, dueAt, status });

describe('dayKey', () => {
  it('names the day in the reader’s zone, not in UTC', () => {
    // 2025-03-01 17:30 UTC is already 2 March in Shanghai and still 1 March in New York.
    expect(dayKey('2025-03-01T17:30:00Z', SH)).toBe('2025-03-02');
    expect(dayKey('2025-03-01T17:30:00Z', NY)).toBe('2025-03-01');
    expect(dayKey('2025-03-01T17:30:00Z', 'UTC')).toBe('2025-03-01');
  });
});

describe('zonedTime', () => {
  it('turns a wall-clock time into the instant', () => {
    expect(zonedTime('2025-03-02', 0, 0, SH).toISOString()).toBe('2025-03-01T16:00:00.000Z');
    expect(zonedTime('2025-01-15', 9, 30, NY).toISOString()).toBe('2025-01-15T14:30:00.000Z');
  });

  it('follows daylight saving: 9:00 in New York is 13:00 UTC in summer, 14:00 in winter', () => {
    expect(zonedTime('2025-07-01', 9, 0, NY).toISOString()).toBe('2025-07-01T13:00:00.000Z');
    // The day the clocks go forward (9 March 2025) still has a 9:00.
    expect(zonedTime('2025-03-09', 9, 0, NY).toISOString()).toBe('2025-03-09T13:00:00.000Z');
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2025-01-31', 1)).toBe('2025-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('counts days between two days, negative backwards', () => {
    expect(daysBetween('2025-03-01', '2025-03-08')).toBe(7);
    expect(daysBetween('2025-03-08', '2025-03-01')).toBe(-7);
    // Across a daylight-saving change a calendar day is still one day.
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
  });
});

describe('daysOverdue', () => {
  const now = new Date('2025-03-05T04:00:00Z'); // 12:00 on 5 March in Shanghai
  it('counts calendar days, not 24-hour periods', () => {
    // Due 23:00 on 4 March (Shanghai): one day overdue at noon the next day, though only 13 hours passed.
    expect(daysOverdue('2025-03-04T15:00:00Z', now, SH)).toBe(1);
    expect(daysOverdue('2025-03-01T01:00:00Z', now, SH)).toBe(4);
  });
  it('is 0 for a time earlier today or still to come', () => {
    expect(daysOverdue('2025-03-05T01:00:00Z', now, SH)).toBe(0);
    expect(daysOverdue('2025-03-09T01:00:00Z', now, SH)).toBe(0);
  });
});

describe('bucketTasks', () => {
  const now = new Date('2025-03-05T04:00:00Z'); // Wed 5 March, 12:00 in Shanghai

  it('sorts open tasks into overdue, today, the next 7 days and later', () => {
    const b = bucketTasks(
      [
        task('later', '2025-03-13T01:00:00Z'), // 13 March: 8 days ahead
        task('upcoming-last', '2025-03-12T15:59:00Z'), // 23:59 on 12 March: day 7
        task('today-evening', '2025-03-05T11:00:00Z'), // 19:00 today
        task('overdue-this-morning', '2025-03-05T01:00:00Z'), // 9:00 today, past
        task('overdue-old', '2025-02-20T01:00:00Z'),
        task('tomorrow', '2025-03-06T01:00:00Z'),
        task('done', '2025-03-05T06:00:00Z', 'done'),
        task('cancelled', '2025-03-01T06:00:00Z', 'cancelled'),
      ],
      now,
      SH,
    );
    expect(b.overdue.map((t) => t.id)).toEqual(['overdue-old', 'overdue-this-morning']);
    expect(b.today.map((t) => t.id)).toEqual(['today-evening']);
    expect(b.upcoming.map((t) => t.id)).toEqual(['tomorrow', 'upcoming-last']);
    expect(b.later.map((t) => t.id)).toEqual(['later']);
  });

  it('decides "today" in the reader’s zone: the same task is today in Shanghai and tomorrow in New York', () => {
    const at = new Date('2025-03-05T02:00:00Z'); // 10:00 Shanghai; 21:00 on 4 March in New York
    const due = [task('t', '2025-03-05T12:00:00Z')]; // 20:00 Shanghai; 07:00 on 5 March New York
    expect(bucketTasks(due, at, SH).today).toHaveLength(1);
    expect(bucketTasks(due, at, NY).upcoming).toHaveLength(1);
  });

  it('is empty for no tasks', () => {
    expect(bucketTasks([], now, SH)).toEqual({ overdue: [], today: [], upcoming: [], later: [] });
  });
});

describe('ranges', () => {
  it('a day range runs from midnight to midnight in the zone', () => {
    expect(dayRange('2025-03-05', 1, SH)).toEqual({ from: '2025-03-04T16:00:00.000Z', to: '2025-03-05T16:00:00.000Z' });
    expect(dayRange('2025-03-05', 8, SH).to).toBe('2025-03-12T16:00:00.000Z');
  });

  it('a month range covers the grid: a week before the 1st to two weeks after the month', () => {
    expect(monthRange(2025, 3, SH)).toEqual({ from: '2025-02-21T16:00:00.000Z', to: '2025-04-14T16:00:00.000Z' });
    // December runs into January of the next year.
    expect(monthRange(2025, 12, 'UTC')).toEqual({ from: '2025-11-24T00:00:00.000Z', to: '2026-01-15T00:00:00.000Z' });
  });

  it('a week starts on Monday by default, on Sunday when asked', () => {
    expect(weekDays('2025-03-05')).toEqual([
      '2025-03-03',
      '2025-03-04',
      '2025-03-05',
      '2025-03-06',
      '2025-03-07',
      '2025-03-08',
      '2025-03-09',
    ]);
    expect(weekDays('2025-03-09')[0]).toBe('2025-03-03'); // a Sunday ends its Monday week
    expect(weekDays('2025-03-05', 0)[0]).toBe('2025-03-02');
    expect([weekStartFor('zh-CN'), weekStartFor('en')]).toEqual([1, 0]);
  });
});

describe('datetime-local values', () => {
  it('round-trips an instant through the input’s text in the zone', () => {
    expect(toLocalInput('2025-03-05T01:30:00Z', SH)).toBe('2025-03-05T09:30');
    expect(fromLocalInput('2025-03-05T09:30', SH)?.toISOString()).toBe('2025-03-05T01:30:00.000Z');
  });
  it('reads an empty or broken value as nothing', () => {
    expect(fromLocalInput('', SH)).toBeNull();
    expect(fromLocalInput(undefined, SH)).toBeNull();
    expect(fromLocalInput('tomorrow', SH)).toBeNull();
  });
});

describe('reschedulePresets', () => {
  it('offers tomorrow, in three days and next Monday, at 9:00 in the zone', () => {
    const wednesday = new Date('2025-03-05T04:00:00Z');
    expect(reschedulePresets(wednesday, SH).map((p) => [p.key, toLocalInput(p.at, SH)])).toEqual([
      ['tomorrow', '2025-03-06T09:00'],
      ['inThreeDays', '2025-03-08T09:00'],
      ['nextMonday', '2025-03-10T09:00'],
    ]);
  });
  it('on a Monday, next Monday is a week away; on a Sunday, it is tomorrow', () => {
    const monday = new Date('2025-03-10T04:00:00Z');
    const sunday = new Date('2025-03-09T04:00:00Z');
    expect(toLocalInput(reschedulePresets(monday, SH)[2].at, SH)).toBe('2025-03-17T09:00');
    expect(toLocalInput(reschedulePresets(sunday, SH)[2].at, SH)).toBe('2025-03-10T09:00');
  });
});

describe('labels', () => {
  it('words times and days in the reader’s language and zone', () => {
    expect(formatTime('2025-03-06T06:05:00Z', 'zh-CN', SH)).toBe('14:05');
    expect(formatTime('2025-03-06T06:05:00Z', 'en', SH)).toBe('2:05 PM');
    expect(formatDay('2025-03-06', 'en')).toBe('Thu, Mar 6');
    expect(formatDay('2025-03-06', 'zh-CN')).toContain('3月6日');
    expect(formatDateTimeIn('2025-03-06T06:05:00Z', 'en', SH)).toBe('Mar 6, 2025, 2:05 PM');
  });
});
