import type { TierCutoff, TierExplanation } from './tiers.table.ts';

/**
 * Tier rules as pure functions: which tier each customer gets from its orders in a window.
 * This is the executable statement of issue 3 item 4. The set-based SQL in tierRecompute.repository.ts
 * does the same at scale, and a database test holds the two equal customer by customer.
 *
 * - The window is (asOf − windowDays, asOf]: an order exactly windowDays ago is out, one at asOf is in.
 * - N = customers (not deleted) with at least one order in the window; only they are ranked.
 *   Pinned customers are ranked too — their rank is a fact about their purchases — but keep their tier.
 * - Rank: best first (highest monetary, frequency or RFM score; fewest recency days), ties by customer id ascending.
 * - Cut-offs are checked from the highest tier down; the first that holds decides. Absolute: metric ≥ value
 *   (recency: days ≤ value). Top P %: rank ≤ ceil(P/100 × N), so relative cut-offs are cumulative.
 * - A ranked customer no cut-off admits, and every customer without an order in the window, gets the lowest tier.
 */

export type TierMetric = 'monetary' | 'frequency' | 'recency' | 'rfm';
export type TierRules = { metric: TierMetric; windowDays: number; cutoffs: TierCutoff[] };
export type LadderTier = { id: string; rank: number };

/** What one customer bought in the window (only customers with at least one order in it). */
export type WindowActivity = {
  customerId: string;
  /** Sum of the orders' amounts, a decimal string with at most 2 places (SQL numeric). */
  monetary: string;
  /** Number of orders. */
  frequency: number;
  /** Whole days from the last order to asOf. */
  recencyDays: number;
};

export type CustomerTierState = { customerId: string; tierId: string; pinned: boolean };

export type RfmScores = { r: number; f: number; m: number };
export type RuleExplanation = Omit<TierExplanation, 'metric'> & { metric: TierMetric; rfm?: RfmScores };

export type TierAssignment = {
  customerId: string;
  fromTierId: string;
  toTierId: string;
  pinned: boolean;
  /** The metric value (money in cents), null without orders in the window. Kept for pinned customers too. */
  metricValue: bigint | null;
  /** Why the customer gets `toTierId`; null for a pinned customer, which rules leave alone. */
  explanation: RuleExplanation | null;
};

export const DAY_MS = 86_400_000;

/** Start (exclusive) and end (inclusive) of the window. Computed in milliseconds, so daylight saving cannot shift it. */
export function tierWindow(asOf: Date, windowDays: number) {
  return { from: new Date(asOf.getTime() - windowDays * DAY_MS), to: asOf };
}

/** Whole days from the last order to asOf, rounded down: an order 23 hours before asOf was 0 days ago. */
export function recencyDaysAt(lastOrderAt: Date, asOf: Date): number {
  return Math.floor((asOf.getTime() - lastOrderAt.getTime()) / DAY_MS);
}

/** Per-customer totals of the orders inside the window; customers without one there are absent. */
export function activityInWindow(
  orders: { customerId: string; orderedAt: Date; amount: string }[],
  asOf: Date,
  windowDays: number,
): WindowActivity[] {
  const { from, to } = tierWindow(asOf, windowDays);
  const totals = new Map<string, { cents: bigint; count: number; last: Date }>();
  for (const o of orders) {
    if (o.orderedAt <= from || o.orderedAt > to) continue;
    const t = totals.get(o.customerId) ?? { cents: 0n, count: 0, last: o.orderedAt };
    t.cents += decimalToCents(o.amount);
    t.count++;
    if (o.orderedAt > t.last) t.last = o.orderedAt;
    totals.set(o.customerId, t);
  }
  return [...totals].map(([customerId, t]) => ({
    customerId,
    monetary: centsToDecimal(t.cents),
    frequency: t.count,
    recencyDays: recencyDaysAt(t.last, asOf),
  }));
}

/** "1234.5" → 123450n. Exact: money never passes through a float. */
export function decimalToCents(value: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{0,2})0*)?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal with at most 2 places: ${value}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function centsToDecimal(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** ceil(P/100 × N) in integers: P carries at most 2 decimals (validated), so P × 100 is whole and no float rounding can move a boundary. */
export function topPercentLimit(percent: number, n: number): number {
  const hundredths = Math.round(percent * 100);
  return Math.floor((hundredths * n + 9_999) / 10_000);
}

const lowerIsBetter = (metric: TierMetric) => metric === 'recency';

/**
 * Quintile scores 1–5 for one dimension (see docs/decisions/0010-rfm-score.md):
 * score = 5 − floor(5 × (r − 1) / N), r = 1 + the number of customers strictly better.
 * Equal values share r, so a tie never splits across scores.
 */
export function quintileScores(values: bigint[], lowerBetter: boolean): number[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => (values[a] === values[b] ? 0 : values[a] < values[b] === lowerBetter ? -1 : 1));
  const scores = new Array<number>(n);
  let competitionRank = 1;
  order.forEach((index, position) => {
    if (position > 0 && values[index] !== values[order[position - 1]]) competitionRank = position + 1;
    scores[index] = 5 - Math.floor((5 * (competitionRank - 1)) / n);
  });
  return scores;
}

/** The customer's metric as an exact integer: money in cents, the rest as they are. */
function metricValues(metric: TierMetric, activity: WindowActivity[]): { values: bigint[]; rfm?: RfmScores[] } {
  if (metric === 'monetary') return { values: activity.map((a) => decimalToCents(a.monetary)) };
  if (metric === 'frequency') return { values: activity.map((a) => BigInt(a.frequency)) };
  if (metric === 'recency') return { values: activity.map((a) => BigInt(a.recencyDays)) };
  const r = quintileScores(
    activity.map((a) => BigInt(a.recencyDays)),
    true,
  );
  const f = quintileScores(
    activity.map((a) => BigInt(a.frequency)),
    false,
  );
  const m = quintileScores(
    activity.map((a) => decimalToCents(a.monetary)),
    false,
  );
  const rfm = activity.map((_, i) => ({ r: r[i], f: f[i], m: m[i] }));
  return { values: rfm.map((s) => BigInt(s.r + s.f + s.m)), rfm };
}

/** An absolute cut-off in the metric's exact unit; a bound between whole units rounds toward the stricter side. */
export function absoluteBound(metric: TierMetric, value: number): bigint {
  if (metric === 'monetary') return BigInt(Math.round(value * 100));
  return BigInt(lowerIsBetter(metric) ? Math.floor(value) : Math.ceil(value));
}

function admits(metric: TierMetric, cutoff: TierCutoff, value: bigint, rank: number, n: number): boolean {
  if (cutoff.kind === 'top_percent') return rank <= topPercentLimit(cutoff.value, n);
  const bound = absoluteBound(metric, cutoff.value);
  return lowerIsBetter(metric) ? value <= bound : value >= bound;
}

/** The cut-offs in the order they are checked: highest tier first; cut-offs of unknown tiers are ignored. */
export function cutoffsInOrder(rules: TierRules, ladder: LadderTier[]): TierCutoff[] {
  const rankOf = new Map(ladder.map((t) => [t.id, t.rank]));
  return rules.cutoffs.filter((c) => rankOf.has(c.tierId)).sort((a, b) => (rankOf.get(a.tierId) ?? 0) - (rankOf.get(b.tierId) ?? 0));
}

export function lowestTierOf(ladder: LadderTier[]): LadderTier {
  return ladder.reduce((low, t) => (t.rank > low.rank ? t : low));
}

/** The explanation's number: money back in currency units. Only for display; decisions use the exact integer. */
const displayValue = (metric: TierMetric, value: bigint) => (metric === 'monetary' ? Number(centsToDecimal(value)) : Number(value));

/** Every customer's tier under `rules` as of `asOf`. `customers` are the organisation's customers that are not deleted. */
export function assignTiers(input: {
  rules: TierRules;
  ladder: LadderTier[];
  customers: CustomerTierState[];
  activity: WindowActivity[];
  asOf: Date;
}): TierAssignment[] {
  const { rules, ladder, asOf } = input;
  const lowest = lowestTierOf(ladder);
  const cutoffs = cutoffsInOrder(rules, ladder);
  const known = new Set(input.customers.map((c) => c.customerId));
  const activity = input.activity.filter((a) => known.has(a.customerId));
  const n = activity.length;
  const { values, rfm } = metricValues(rules.metric, activity);
  const lowerBetter = lowerIsBetter(rules.metric);
  const order = activity
    .map((_, i) => i)
    .sort((a, b) => {
      if (values[a] !== values[b]) return values[a] < values[b] === lowerBetter ? -1 : 1;
      const ida = activity[a].customerId;
      const idb = activity[b].customerId;
      return ida < idb ? -1 : ida > idb ? 1 : 0; // code-unit order of lowercase UUIDs is PostgreSQL's uuid order
    });
  const ranked = new Map<string, { value: bigint; rank: number; rfm?: RfmScores }>();
  order.forEach((i, position) => {
    ranked.set(activity[i].customerId, { value: values[i], rank: position + 1, rfm: rfm?.[i] });
  });
  const asOfIso = asOf.toISOString();
  return input.customers.map((c) => {
    const r = ranked.get(c.customerId);
    const base = { customerId: c.customerId, fromTierId: c.tierId, pinned: c.pinned, metricValue: r?.value ?? null };
    if (c.pinned) return { ...base, toTierId: c.tierId, explanation: null };
    if (!r) {
      return {
        ...base,
        toTierId: lowest.id,
        explanation: { metric: rules.metric, value: null, cutoff: null, rank: null, n, asOf: asOfIso },
      };
    }
    const cutoff = cutoffs.find((k) => admits(rules.metric, k, r.value, r.rank, n)) ?? null;
    const explanation: RuleExplanation = {
      metric: rules.metric,
      value: displayValue(rules.metric, r.value),
      cutoff,
      rank: r.rank,
      n,
      asOf: asOfIso,
      ...(r.rfm ? { rfm: r.rfm } : {}),
    };
    return { ...base, toTierId: cutoff ? cutoff.tierId : lowest.id, explanation };
  });
}

export type TierSummaryCore = {
  customers: number;
  ranked: number;
  pinned: number;
  changed: number;
  tiers: { tierId: string; count: number; metricSum: string }[];
  moves: { fromTierId: string; toTierId: string; count: number }[];
};

/**
 * What the assignments amount to: customers per tier after the change (pinned ones where they are),
 * the rule metric summed per tier, and the moves from → to, ordered by tier rank.
 */
export function summarizeAssignments(metric: TierMetric, ladder: LadderTier[], assignments: TierAssignment[]): TierSummaryCore {
  const byRank = [...ladder].sort((a, b) => a.rank - b.rank);
  const rankOf = new Map(byRank.map((t) => [t.id, t.rank]));
  const tiers = new Map(byRank.map((t) => [t.id, { tierId: t.id, count: 0, sum: 0n }]));
  const moves = new Map<string, { fromTierId: string; toTierId: string; count: number }>();
  for (const a of assignments) {
    const tier = tiers.get(a.toTierId);
    if (tier) {
      tier.count++;
      tier.sum += a.metricValue ?? 0n;
    }
    if (a.toTierId === a.fromTierId) continue;
    const key = `${a.fromTierId}>${a.toTierId}`;
    const move = moves.get(key) ?? { fromTierId: a.fromTierId, toTierId: a.toTierId, count: 0 };
    move.count++;
    moves.set(key, move);
  }
  const format = (sum: bigint) => (metric === 'monetary' ? centsToDecimal(sum) : String(sum));
  return {
    customers: assignments.length,
    ranked: assignments.filter((a) => a.metricValue !== null).length,
    pinned: assignments.filter((a) => a.pinned).length,
    changed: assignments.filter((a) => a.toTierId !== a.fromTierId).length,
    tiers: [...tiers.values()].map((t) => ({ tierId: t.tierId, count: t.count, metricSum: format(t.sum) })),
    moves: [...moves.values()].sort(
      (a, b) =>
        (rankOf.get(a.fromTierId) ?? 0) - (rankOf.get(b.fromTierId) ?? 0) || (rankOf.get(a.toTierId) ?? 0) - (rankOf.get(b.toTierId) ?? 0),
    ),
  };
}
