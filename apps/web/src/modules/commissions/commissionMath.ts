import type { TCommissionPlan, TCommissionStatement } from '@tierline/contracts';
import { toCents } from '../../shared/format.ts';

/**
 * Commission statements and plans as the page shows them, pure (decision 0028). Money stays in whole cents
 * (read from the API's decimal text) so a sum of many lines is exact.
 */

/** Σ of the lines' commissions, in cents. */
export function linesTotalCents(lines: readonly Pick<TCommissionStatement['lines'][number], 'commission'>[]): number {
  return lines.reduce((sum, line) => sum + toCents(line.commission), 0);
}

/** Σ of the lines' payment amounts, in cents (what the rate applied to). */
export function linesAmountCents(lines: readonly Pick<TCommissionStatement['lines'][number], 'amount'>[]): number {
  return lines.reduce((sum, line) => sum + toCents(line.amount), 0);
}

/**
 * Whether the lines add up to the statement's total. Each line is rounded to the cent, and the total is
 * their sum (decision 0028), so anything else is a fault to show, not to hide.
 */
export function linesMatchTotal(statement: {
  lines: readonly Pick<TCommissionStatement['lines'][number], 'commission'>[];
  total: string;
}): boolean {
  return linesTotalCents(statement.lines) === toCents(statement.total);
}

/** The period's totals over every statement shown: payments, commission, and how many reps earned any. */
export function statementsSummary(statements: readonly Pick<TCommissionStatement, 'paymentsCollected' | 'total'>[]) {
  return {
    paymentsCents: statements.reduce((sum, s) => sum + toCents(s.paymentsCollected), 0),
    totalCents: statements.reduce((sum, s) => sum + toCents(s.total), 0),
    earning: statements.filter((s) => toCents(s.total) > 0).length,
  };
}

/** A fraction as a percent for inputs (0.035 → 3.5, 1.2 → 120), without float noise. */
export const toPercentInput = (fraction: number): number => Math.round(fraction * 1_000_000) / 10_000;
/** A percent typed in an input as the API's fraction (3.5 → 0.035). */
export const fromPercentInput = (percent: number): number => Math.round(percent * 10_000) / 1_000_000;

export interface PlanValues {
  baseRate: number | null;
  accelerators: { minAttainment?: number | null; rate?: number | null }[];
}

export function toPlanValues(plan: Pick<TCommissionPlan, 'baseRate' | 'accelerators'> | undefined): PlanValues {
  if (!plan) return { baseRate: null, accelerators: [] };
  return {
    baseRate: toPercentInput(plan.baseRate),
    accelerators: plan.accelerators.map((a) => ({ minAttainment: toPercentInput(a.minAttainment), rate: toPercentInput(a.rate) })),
  };
}

/** The plan as the API takes it; accelerator rows left half empty are dropped, the rest sorted by threshold. */
export function fromPlanValues(values: PlanValues): { baseRate: number; accelerators: { minAttainment: number; rate: number }[] } {
  return {
    baseRate: fromPercentInput(values.baseRate ?? 0),
    accelerators: (values.accelerators ?? [])
      .flatMap((a) =>
        a.minAttainment === null || a.minAttainment === undefined || a.rate === null || a.rate === undefined
          ? []
          : [{ minAttainment: fromPercentInput(a.minAttainment), rate: fromPercentInput(a.rate) }],
      )
      .sort((a, b) => a.minAttainment - b.minAttainment),
  };
}
