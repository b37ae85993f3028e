import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { claimErrorText } from './poolErrors.ts';

/** A stand-in for t(): the key with its values, so the test sees what was chosen and with which figures. */
const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

const refusal = (code: string, message: string, detail = '') =>
  new ApiError({ type: 'about:blank', title: 'Unprocessable', status: 422, code, detail, errors: [{ path: 'x', message }] });

describe('claimErrorText', () => {
  it('names the owned count and the level limit', () => {
    expect(claimErrorText(refusal('claim_limit_customers', 'owned 3 of at most 3'), t, 'en')).toBe(
      'pool.limitCustomers {"owned":3,"max":3}',
    );
  });
  it('names the claims made today and the daily limit', () => {
    expect(claimErrorText(refusal('claim_limit_daily', 'claimed 5 of at most 5 today'), t, 'en')).toBe(
      'pool.limitDaily {"claimed":5,"max":5}',
    );
  });
  it('names the day the cool-down ends, in the reader’s format', () => {
    const text = claimErrorText(refusal('cool_down', 'cool-down of 7 days until 2025-03-08T10:00:00.000Z'), t, 'en');
    expect(text).toMatch(/^pool\.coolDown /);
    expect(text).toContain('"days":"7"');
    expect(text).toContain('2025');
  });
  it('falls back to plain words when the figures are missing', () => {
    expect(claimErrorText(refusal('cool_down', 'cooling down'), t, 'en')).toBe('pool.coolDownPlain');
    expect(claimErrorText(refusal('claim_limit_daily', 'over'), t, 'en')).toBe('pool.limitDailyPlain');
  });
});
