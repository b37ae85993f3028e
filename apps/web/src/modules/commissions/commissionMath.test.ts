import { describe, expect, it } from 'vitest';
import {
  fromPercentInput,
  fromPlanValues,
  linesAmountCents,
  linesMatchTotal,
  linesTotalCents,
  statementsSummary,
  toPercentInput,
  toPlanValues,
} from './commissionMath.ts';

const line = (amount: string, commission: string) => ({ amount, commission });

describe('commission line sums', () => {
  it('adds the lines’ commissions and amounts exactly, in cents', () => {
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is 30.
    const lines = [line('3.33', '0.10'), line('6.67', '0.20'), line('100000.00', '3500.00')];
    expect(linesTotalCents(lines)).toBe(350030);
    expect(linesAmountCents(lines)).toBe(10001000);
  });

  it('checks the lines against the statement total', () => {
    const lines = [line('100000.00', '3000.00'), line('50000.00', '1500.00')];
    expect(linesMatchTotal({ lines, total: '4500.00' })).toBe(true);
    expect(linesMatchTotal({ lines, total: '4500.01' })).toBe(false);
    expect(linesMatchTotal({ lines: [], total: '0.00' })).toBe(true);
  });

  it('sums a period over every statement, counting the reps who earned any', () => {
    expect(
      statementsSummary([
        { paymentsCollected: '150000.00', total: '4500.00' },
        { paymentsCollected: '0.00', total: '0.00' },
        { paymentsCollected: '20000.50', total: '600.02' },
      ]),
    ).toEqual({ paymentsCents: 17000050, totalCents: 510002, earning: 2 });
  });
});

describe('plan values', () => {
  it('shows rates and thresholds in percent without float noise', () => {
    expect(toPercentInput(0.035)).toBe(3.5);
    expect(toPercentInput(1.2)).toBe(120);
    expect(fromPercentInput(3.5)).toBe(0.035);
    expect(fromPercentInput(0.07)).toBe(0.0007);
  });

  it('round-trips a plan, sorting accelerators and dropping half-filled ones', () => {
    const plan = { baseRate: 0.03, accelerators: [{ minAttainment: 1, rate: 0.04 }] };
    expect(fromPlanValues(toPlanValues(plan))).toEqual(plan);
    expect(
      fromPlanValues({
        baseRate: 3,
        accelerators: [
          { minAttainment: 150, rate: 6 },
          { minAttainment: 120, rate: 5 },
          { minAttainment: 200, rate: null },
        ],
      }),
    ).toEqual({
      baseRate: 0.03,
      accelerators: [
        { minAttainment: 1.2, rate: 0.05 },
        { minAttainment: 1.5, rate: 0.06 },
      ],
    });
    expect(toPlanValues(undefined)).toEqual({ baseRate: null, accelerators: [] });
  });
});
