import { fromUnits, sumDecimals, toUnits } from '../../platform/decimal.ts';
import type { FieldError } from '../../platform/errors.ts';

/** Commission plans and statements as pure functions (decision 0028). */

export type Accelerator = { minAttainment: number; rate: number };
export type PlanTerms = { baseRate: number; accelerators: Accelerator[] };

/**
 * A plan as it is kept: accelerators sorted by the attainment they start at. Two accelerators may not start at
 * the same attainment, and an accelerator accelerates: its rate is at least the base rate and the rate of every
 * accelerator below it. Paths name the accelerator as the request listed it.
 */
export function checkPlan(input: PlanTerms): { plan: PlanTerms; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const indexed = input.accelerators.map((a, i) => ({ ...a, i }));
  for (const a of indexed)
    if (indexed.some((b) => b.i < a.i && b.minAttainment === a.minAttainment))
      errors.push({ path: `accelerators.${a.i}.minAttainment`, message: `another accelerator starts at ${a.minAttainment}` });
  const sorted = [...indexed].sort((a, b) => a.minAttainment - b.minAttainment || a.i - b.i);
  let floor = input.baseRate;
  for (const a of sorted) {
    if (a.rate < floor)
      errors.push({ path: `accelerators.${a.i}.rate`, message: `${a.rate} is below the rate it accelerates from (${floor})` });
    floor = Math.max(floor, a.rate);
  }
  return { plan: { baseRate: input.baseRate, accelerators: sorted.map(({ minAttainment, rate }) => ({ minAttainment, rate })) }, errors };
}

/** Attainment at 4 decimals as an integer (1.2 → 12000), so it is compared exactly with actual and target. */
const ATTAINMENT_SCALE = 4;

/** Whether `actual / target ≥ min`, exactly; a zero target counts as met (attainment 1), as in the scorecard. */
export function reaches(actual: string, target: string, min: number): boolean {
  const t = toUnits(target, 4);
  const minUnits = toUnits(min, ATTAINMENT_SCALE);
  if (t === 0n) return 10n ** BigInt(ATTAINMENT_SCALE) >= minUnits;
  return toUnits(actual, 4) * 10n ** BigInt(ATTAINMENT_SCALE) >= minUnits * t;
}

/**
 * The rate of a period: the accelerator with the highest `minAttainment` that the payments-collected attainment
 * reaches, else the base rate; without a target, the base rate; without a plan, 0.
 */
export function selectRate(
  plan: PlanTerms | null,
  actual: string,
  target: string | null,
): { rate: number; acceleratorMinAttainment: number | null } {
  if (!plan) return { rate: 0, acceleratorMinAttainment: null };
  let chosen: Accelerator | null = null;
  if (target !== null)
    for (const a of plan.accelerators)
      if (reaches(actual, target, a.minAttainment) && (!chosen || a.minAttainment > chosen.minAttainment)) chosen = a;
  return chosen
    ? { rate: chosen.rate, acceleratorMinAttainment: chosen.minAttainment }
    : { rate: plan.baseRate, acceleratorMinAttainment: null };
}

/** Rates count to 10 decimals (0.035 → 350000000): more is not a rate anyone sets. */
const RATE_SCALE = 10;

/** amount × rate rounded to the cent, half away from zero (as SQL numeric rounds), in integers: no float touches money. */
export function commissionOf(amount: string, rate: number): string {
  const product = toUnits(amount, 2) * toUnits(rate, RATE_SCALE);
  const divisor = 10n ** BigInt(RATE_SCALE);
  const magnitude = product < 0n ? -product : product;
  let cents = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) cents += 1n;
  return fromUnits(product < 0n ? -cents : cents, 2);
}

/** A statement's figures from its payments: the amount collected, each line's commission and the total. */
export function statementFigures<L extends { amount: string }>(lines: L[], rate: number) {
  const withCommission = lines.map((l) => ({ ...l, rate, commission: commissionOf(l.amount, rate) }));
  return {
    paymentsCollected: sumDecimals(lines.map((l) => l.amount)),
    lines: withCommission,
    total: sumDecimals(withCommission.map((l) => l.commission)),
  };
}
