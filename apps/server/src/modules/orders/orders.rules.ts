import { fromUnits, toUnits } from '../../platform/decimal.ts';

/** Quantity is numeric(14,3) and unit price numeric(14,4): their product has 7 decimals. */
const PRODUCT_SCALE = 7n;
const CENTS = 2n;

/**
 * Each order's amount from its lines: Σ quantity × unit price, exact (bigint), rounded half away from
 * zero to cents — what `round(sum(quantity * unit_price), 2)` gives in SQL, without the round trip.
 */
export function orderAmounts(lines: { orderId: string; quantity: string; unitPrice: string }[]): Map<string, string> {
  const sums = new Map<string, bigint>();
  for (const l of lines) sums.set(l.orderId, (sums.get(l.orderId) ?? 0n) + toUnits(l.quantity, 3) * toUnits(l.unitPrice, 4));
  const divisor = 10n ** (PRODUCT_SCALE - CENTS);
  const amounts = new Map<string, string>();
  for (const [orderId, sum] of sums) {
    const magnitude = sum < 0n ? -sum : sum;
    const rounded = (magnitude + divisor / 2n) / divisor;
    amounts.set(orderId, fromUnits(sum < 0n ? -rounded : rounded, 2));
  }
  return amounts;
}
