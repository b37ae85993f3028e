import { describe, expect, it } from 'vitest';
import { compareDecimal, fromUnits, normaliseDecimal, subtractDecimal, sumDecimals, toUnits } from './decimal.ts';

describe('exact decimals: money never passes through floats', () => {
  it.each([
    ['0', 0n],
    ['12.5', 1250n],
    ['12.345', 1235n], // half away from zero, as numeric(…, 2) stores it
    ['12.344', 1234n],
    ['-0.005', -1n],
    ['99999999999999.99', 9999999999999999n],
    [12.5, 1250n],
    [0.1 + 0.2, 30n], // 0.30000000000000004 still means 0.30
  ] as const)('toUnits(%s) = %s', (value, units) => {
    expect(toUnits(value)).toBe(units);
  });

  it.each([
    [0n, '0.00'],
    [5n, '0.05'],
    [-5n, '-0.05'],
    [123456n, '1234.56'],
  ] as const)('fromUnits(%s) = %s', (units, text) => {
    expect(fromUnits(units)).toBe(text);
  });

  it('sums and compares exactly where floats would not', () => {
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30');
    expect(sumDecimals(Array.from({ length: 3 }, () => '33333.33'))).toBe('99999.99');
    expect(compareDecimal(sumDecimals(['33333.33', '33333.33', '33333.34']), '100000')).toBe(0);
    expect(compareDecimal('20', '20.00')).toBe(0);
    expect(compareDecimal('20.01', '20')).toBe(1);
    expect(subtractDecimal('100000.00', '0.01')).toBe('99999.99');
    expect(normaliseDecimal(15)).toBe('15.00');
    expect(sumDecimals([])).toBe('0.00');
  });

  it('refuses what is not a decimal', () => {
    expect(() => toUnits('1e3')).toThrow();
    expect(() => toUnits('abc')).toThrow();
  });
});
