import { describe, expect, it } from 'vitest';
import { addCalendarMonths, addDays, certificationStatus, daysBetween, expiryOf } from './certifications.rules.ts';

describe('certification expiry', () => {
  it('adds calendar months, clamped to the end of the month reached', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addCalendarMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-12-31', 12)).toBe('2027-12-31');
    expect(addCalendarMonths('2026-05-10', 120)).toBe('2036-05-10');
  });

  it('never expires without valid months', () => {
    expect(expiryOf('2026-01-31', null)).toBeNull();
    expect(expiryOf('2026-01-31', 12)).toBe('2027-01-31');
  });

  it('status: valid, expiring within 30 days (inclusive), expired after the expiry day', () => {
    expect(certificationStatus(null, '2026-06-01')).toBe('valid');
    expect(certificationStatus('2026-07-02', '2026-06-01')).toBe('valid'); // 31 days
    expect(certificationStatus('2026-07-01', '2026-06-01')).toBe('expiring'); // 30 days
    expect(certificationStatus('2026-06-01', '2026-06-01')).toBe('expiring'); // last day
    expect(certificationStatus('2026-05-31', '2026-06-01')).toBe('expired');
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02');
  });
});
