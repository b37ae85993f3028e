import type { TMarketRow } from '@tierline/contracts';
import { fromUnits, toUnits } from '../../platform/decimal.ts';

/**
 * Pure shaping of market analysis and the dashboards (issue 9 items 1 and 5): SQL gives sums and counts per group
 * and window; these functions name the ratios and turn the parts into chartable rows.
 */

/** numerator / denominator as a fraction with 4 places (text), rounded half away from zero; null when the denominator is 0. */
export function fraction(numerator: bigint | number, denominator: bigint | number): string | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return null;
  const negative = n < 0n !== d < 0n && n !== 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (a * 20000n + b) / (2n * b); // ⌊a/b × 10⁴ + ½⌋
  return fromUnits(negative ? -q : q, 4);
}

/** won / (won + lost), null when nothing closed. */
export const winRate = (won: number, lost: number) => fraction(won, won + lost);

/** (current − previous) / previous over decimal text, null when previous is 0 (growth from nothing is not a number). */
export const growth = (current: string, previous: string) => fraction(toUnits(current) - toUnits(previous), toUnits(previous));

/** One part of the market statement: deals (won/lost per window), orders (per window) or customers (per tier). */
export type MarketPart =
  | {
      part: 'deals';
      key: string | null;
      won: number;
      lost: number;
      wonAmount: string;
      prevWon: number;
      prevLost: number;
      prevWonAmount: string;
    }
  | { part: 'orders'; key: string | null; orderAmount: string; prevOrderAmount: string }
  | { part: 'customers'; key: string | null; tierId: string; count: number };

type Acc = {
  won: number;
  lost: number;
  wonAmount: bigint;
  prevWon: number;
  prevLost: number;
  prevWonAmount: bigint;
  orderAmount: bigint;
  prevOrderAmount: bigint;
  byTier: Map<string, number>;
};
const empty = (): Acc => ({
  won: 0,
  lost: 0,
  wonAmount: 0n,
  prevWon: 0,
  prevLost: 0,
  prevWonAmount: 0n,
  orderAmount: 0n,
  prevOrderAmount: 0n,
  byTier: new Map(),
});

function add(acc: Acc, p: MarketPart) {
  if (p.part === 'deals') {
    acc.won += p.won;
    acc.lost += p.lost;
    acc.wonAmount += toUnits(p.wonAmount);
    acc.prevWon += p.prevWon;
    acc.prevLost += p.prevLost;
    acc.prevWonAmount += toUnits(p.prevWonAmount);
  } else if (p.part === 'orders') {
    acc.orderAmount += toUnits(p.orderAmount);
    acc.prevOrderAmount += toUnits(p.prevOrderAmount);
  } else acc.byTier.set(p.tierId, (acc.byTier.get(p.tierId) ?? 0) + p.count);
}

function figures(acc: Acc, tierIds: string[]): Omit<TMarketRow, 'key' | 'label'> {
  const wonDealAmount = fromUnits(acc.wonAmount);
  const orderAmount = fromUnits(acc.orderAmount);
  const prevWonDealAmount = fromUnits(acc.prevWonAmount);
  const prevOrderAmount = fromUnits(acc.prevOrderAmount);
  const customersByTier = tierIds.map((tierId) => ({ tierId, count: acc.byTier.get(tierId) ?? 0 }));
  return {
    current: { wonDealAmount, orderAmount, wonCount: acc.won, lostCount: acc.lost, winRate: winRate(acc.won, acc.lost) },
    previous: {
      wonDealAmount: prevWonDealAmount,
      orderAmount: prevOrderAmount,
      wonCount: acc.prevWon,
      lostCount: acc.prevLost,
      winRate: winRate(acc.prevWon, acc.prevLost),
    },
    growth: { wonDealAmount: growth(wonDealAmount, prevWonDealAmount), orderAmount: growth(orderAmount, prevOrderAmount) },
    customerCount: customersByTier.reduce((n, t) => n + t.count, 0),
    customersByTier,
  };
}

/**
 * The groups (one per industry or region met in any part), ordered by current revenue (won deals + orders)
 * descending, then by name with the unnamed group last; and the total over all of them.
 */
export function marketRows(parts: MarketPart[], tierIds: string[]) {
  const groups = new Map<string | null, Acc>();
  const total = empty();
  for (const p of parts) {
    const acc = groups.get(p.key) ?? empty();
    groups.set(p.key, acc);
    add(acc, p);
    add(total, p);
  }
  const revenue = (a: Acc) => a.wonAmount + a.orderAmount;
  const ordered = [...groups.entries()].sort(([ka, a], [kb, b]) => {
    const byRevenue = revenue(b) - revenue(a);
    if (byRevenue !== 0n) return byRevenue > 0n ? 1 : -1;
    if (ka === null || kb === null) return ka === kb ? 0 : ka === null ? 1 : -1;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return {
    data: ordered.map(([key, acc]) => ({ key, label: key, ...figures(acc, tierIds) })),
    total: figures(total, tierIds),
  };
}
