import type { TDeal } from '@tierline/contracts';
import { toCents } from '../../shared/format.ts';

export interface CurrencyTotal {
  currency: string;
  /** Σ amount, in cents. */
  amountCents: number;
  /** Σ amount × probability, in cents (rounded per deal). */
  weightedCents: number;
}

/**
 * A column's totals: the sum of amounts and the weighted sum (amount × the deal's probability),
 * per currency (a board may mix them), largest first. Deals without an amount count as zero.
 */
export function columnTotals(deals: readonly Pick<TDeal, 'amount' | 'currency' | 'probability'>[]): CurrencyTotal[] {
  const byCurrency = new Map<string, CurrencyTotal>();
  for (const deal of deals) {
    const cents = toCents(deal.amount);
    const total = byCurrency.get(deal.currency) ?? { currency: deal.currency, amountCents: 0, weightedCents: 0 };
    total.amountCents += cents;
    total.weightedCents += Math.round((cents * deal.probability) / 100);
    byCurrency.set(deal.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => b.amountCents - a.amountCents);
}

/** Σ quantity × unit price × (1 − discount), in cents, of a deal's product lines. */
export function linesTotalCents(
  lines: readonly { quantity: string | number; unitPrice: string | number; discountPct?: number | null }[],
): number {
  return lines.reduce((sum, line) => {
    const gross = Number(line.quantity) * toCents(line.unitPrice);
    return sum + Math.round(gross * (1 - (line.discountPct ?? 0) / 100));
  }, 0);
}
