import { describe, expect, it } from 'vitest';
import { formatAsOf } from './asOf.ts';

const ZONE = 'Asia/Shanghai';
// 2025-03-06 14:05 in Shanghai
const NOW = new Date('2025-03-06T06:05:00Z');

describe('formatAsOf', () => {
  it('shows only the time (24-hour) when the figures are from today', () => {
    expect(formatAsOf('2025-03-06T05:52:00Z', 'zh-CN', NOW, ZONE)).toBe('13:52');
    expect(formatAsOf('2025-03-06T01:02:00Z', 'en', NOW, ZONE)).toBe('09:02');
  });

  it('adds the day when they are from another day of the reader’s calendar', () => {
    // 23:55 the day before in Shanghai, though the same UTC day as NOW
    const justBeforeMidnight = '2025-03-05T15:55:00Z';
    expect(formatAsOf(justBeforeMidnight, 'zh-CN', NOW, ZONE)).toBe('3月5日 23:55');
    expect(formatAsOf(justBeforeMidnight, 'en', NOW, ZONE)).toBe('Mar 5, 23:55');
  });

  it('judges "today" in the reader’s time zone, not UTC', () => {
    // 00:10 on March 6 in Shanghai is still March 5 in UTC
    expect(formatAsOf('2025-03-05T16:10:00Z', 'en', NOW, ZONE)).toBe('00:10');
  });

  it('adds the year across New Year', () => {
    const newYear = new Date('2025-12-31T16:05:00Z'); // 00:05 on 1 January 2026 in Shanghai
    expect(formatAsOf('2025-12-31T15:55:00Z', 'en', newYear, ZONE)).toBe('Dec 31, 2025, 23:55');
    expect(formatAsOf('2025-12-31T15:55:00Z', 'zh-CN', newYear, ZONE)).toBe('2025年12月31日 23:55');
  });

  it('leaves text that is not a timestamp as it is', () => {
    expect(formatAsOf('soon', 'en', NOW, ZONE)).toBe('soon');
  });
});
