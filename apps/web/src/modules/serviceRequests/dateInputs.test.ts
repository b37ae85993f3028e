import { describe, expect, it } from 'vitest';
import { dayStartIso, localInputToIso, openedRange, toLocalInput } from './dateInputs.ts';

describe('date inputs to instants', () => {
  it('reads a picked day as the local midnight it starts with', () => {
    expect(dayStartIso('2025-03-01')).toBe(new Date(2025, 2, 1).toISOString());
    expect(dayStartIso('2025-02-28', 1)).toBe(new Date(2025, 2, 1).toISOString());
  });
  it('ignores empty and malformed days', () => {
    expect(dayStartIso(undefined)).toBeUndefined();
    expect(dayStartIso('')).toBeUndefined();
    expect(dayStartIso('01/03/2025')).toBeUndefined();
  });
  it('includes both picked days in the half-open range the API takes', () => {
    expect(openedRange('2025-03-01', '2025-03-03')).toEqual({
      from: new Date(2025, 2, 1).toISOString(),
      to: new Date(2025, 2, 4).toISOString(),
    });
    expect(openedRange(undefined, '2025-12-31')).toEqual({ from: undefined, to: new Date(2026, 0, 1).toISOString() });
  });
  it('reads a datetime-local value in local time, and writes one back', () => {
    expect(localInputToIso('2025-03-01T09:30')).toBe(new Date(2025, 2, 1, 9, 30).toISOString());
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso(null)).toBeUndefined();
    expect(toLocalInput(new Date(2025, 0, 5, 7, 3))).toBe('2025-01-05T07:03');
  });
});
