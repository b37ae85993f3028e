import { describe, expect, it } from 'vitest';
import { formatPercent, growth, rateChange } from './figures.ts';

describe('figure formatting', () => {
  it('shows fractions as percentages, and nothing as a dash', () => {
    expect(formatPercent('0.4567', 'en')).toBe('45.7%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(null, 'en')).toBe('—');
  });

  it('computes growth against the previous figure, with none when it was zero or absent', () => {
    expect(growth('150', '100')).toBe(0.5);
    expect(growth(50, 100)).toBe(-0.5);
    expect(growth(10, 0)).toBeNull();
    expect(growth(10, undefined)).toBeNull();
  });
});

describe('rate change', () => {
  it('is the difference in points, none without both rates', () => {
    expect(rateChange('0.6', '0.5')).toBe(0.1);
    expect(rateChange('0.5', null)).toBeNull();
  });
});
