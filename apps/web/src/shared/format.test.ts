import { describe, expect, it } from 'vitest';
import { formatAuditValue, formatDate, formatMoney, levelName, shortId } from './format.ts';

describe('shortId', () => {
  it('keeps the first 8 and last 4 characters of a UUID', () => {
    expect(shortId('01a21c2b-0d98-7275-aaa2-81cfe4c77206')).toBe('01a21c2b…7206');
  });
  it('leaves short ids alone', () => {
    expect(shortId('u-42')).toBe('u-42');
  });
});

describe('formatAuditValue', () => {
  it('shows a missing value as ∅', () => {
    expect(formatAuditValue(null, 'en')).toBe('∅');
    expect(formatAuditValue(undefined, 'en')).toBe('∅');
  });
  it('shortens ids and cuts long text', () => {
    expect(formatAuditValue('01a21c2b-0d98-7275-aaa2-81cfe4c77206', 'en')).toBe('01a21c2b…7206');
    expect(formatAuditValue('x'.repeat(80), 'en')).toBe(`${'x'.repeat(60)}…`);
  });
  it('writes timestamps in the reader’s language', () => {
    expect(formatAuditValue('2025-03-01T06:05:00Z', 'en')).toMatch(/2025/);
    expect(formatAuditValue('2025-03-01T06:05:00Z', 'zh-CN')).toMatch(/2025年3月1日/);
  });
  it('shows other JSON as JSON', () => {
    expect(formatAuditValue(true, 'en')).toBe('true');
    expect(formatAuditValue({ a: 1 }, 'en')).toBe('{"a":1}');
  });
});

describe('levelName', () => {
  const senior = { nameZh: '高级', nameEn: 'Senior' };
  it('uses the Chinese name for zh-CN and the English name otherwise', () => {
    expect(levelName(senior, 'zh-CN')).toBe('高级');
    expect(levelName(senior, 'en')).toBe('Senior');
  });
});

describe('formatDate', () => {
  it('reads a bare date as a calendar day, never shifted by the time zone', () => {
    expect(formatDate('2025-03-01', 'en')).toBe('Mar 1, 2025');
    expect(formatDate('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
  });
  it('is empty for no date', () => {
    expect(formatDate(null, 'en')).toBe('');
  });
});

describe('formatMoney', () => {
  it('formats in the currency, in full or compact', () => {
    expect(formatMoney('1234.5', 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatMoney(500000, 'CNY', 'zh-CN', true)).toBe('¥50万');
    expect(formatMoney(1500, 'USD', 'en', true)).toBe('$1.5K');
  });
  it('shows a dash for no amount, and the code for an unknown currency', () => {
    expect(formatMoney(null, 'CNY', 'en')).toBe('—');
    expect(formatMoney('10', 'XXXX', 'en')).toBe('10 XXXX');
  });
});
