import type { RFM_SEGMENTS } from '@tierline/contracts';

/**
 * Pure shaping for tier analytics (issue 9 item 4). The sums and counts come from SQL; these functions name the
 * definitions the SQL follows (so a reader can check one against the other) and turn rows into chartable answers.
 */

export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** A ratio as a fraction with 4 places (text), null when the denominator is 0 — exact over decimal text. */
export function rate(numerator: number | bigint, denominator: number | bigint): string | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) return null;
  // round half away from zero at 4 places, in integers
  const scaled = (n * 20000n) / d;
  const q = scaled >= 0n ? (scaled + 1n) / 2n : -((-scaled + 1n) / 2n);
  const sign = q < 0n ? '-' : '';
  const a = q < 0n ? -q : q;
  return `${sign}${a / 10000n}.${String(a % 10000n).padStart(4, '0')}`;
}

/**
 * The top p % of n ranked customers: k = ceil(p × n / 100), in integers (p whole). With n = 7: top 5 % = 1, top 20 % = 2.
 * Ranks follow revenue desc, then customer id asc (as decision 0010 ranks), so ties never make k fuzzy.
 */
export function topCount(percent: number, n: number): number {
  return Math.floor((percent * n + 99) / 100);
}

/** The Lorenz/Pareto points: every 5 % of customers from 0 to 100. */
export const LORENZ_PERCENTS = Array.from({ length: 21 }, (_, i) => i * 5);

/**
 * RFM segments from the decision-0010 scores (each 1…5 among the organisation's customers with orders in the
 * window) and the customer's order count in the window. The first rule that holds decides:
 * - champions: R ≥ 4, F ≥ 4 and M ≥ 4 — bought lately, often and much;
 * - loyal: R ≥ 3 and F ≥ 4 — buy often, not necessarily lately;
 * - new: exactly one order in the window and R ≥ 4 — a first purchase, recent
 *   (the F score cannot say "one order": a tie group of one-order customers can score 2 or 3);
 * - potential: R ≥ 4 — recent, not yet frequent;
 * - at_risk: R ≤ 2 and F ≥ 3 — used to buy often, not lately;
 * - hibernating: R ≤ 2 — rarely and not lately;
 * - needs_attention: the rest (R = 3 with F ≤ 3: middling on everything);
 * - no_purchases: no order in the window (no scores).
 */
export function rfmSegment(scores: { r: number; f: number; m: number; orders: number } | null): RfmSegment {
  if (!scores || scores.orders === 0) return 'no_purchases';
  const { r, f, m, orders } = scores;
  if (r >= 4 && f >= 4 && m >= 4) return 'champions';
  if (r >= 3 && f >= 4) return 'loyal';
  if (orders === 1 && r >= 4) return 'new';
  if (r >= 4) return 'potential';
  if (r <= 2 && f >= 3) return 'at_risk';
  if (r <= 2) return 'hibernating';
  return 'needs_attention';
}

export const RFM_SEGMENT_LABELS: Record<RfmSegment, { zh: string; en: string }> = {
  champions: { zh: '重要价值客户', en: 'Champions' },
  loyal: { zh: '忠诚客户', en: 'Loyal' },
  new: { zh: '新客户', en: 'New' },
  potential: { zh: '潜力客户', en: 'Potential' },
  at_risk: { zh: '流失风险客户', en: 'At risk' },
  hibernating: { zh: '沉睡客户', en: 'Hibernating' },
  needs_attention: { zh: '需关注客户', en: 'Needs attention' },
  no_purchases: { zh: '窗口内无购买', en: 'No purchases' },
};

/** The segment rule as SQL CASE text over columns r, f, m, orders — the same order as rfmSegment. */
export const RFM_SEGMENT_CASE = `case
  when orders is null or orders = 0 then 'no_purchases'
  when r >= 4 and f >= 4 and m >= 4 then 'champions'
  when r >= 3 and f >= 4 then 'loyal'
  when orders = 1 and r >= 4 then 'new'
  when r >= 4 then 'potential'
  when r <= 2 and f >= 3 then 'at_risk'
  when r <= 2 then 'hibernating'
  else 'needs_attention' end`;

/**
 * Churn risk: a customer with at least two purchases (orders with amount > 0: a refund is not a purchase) at
 * different instants has a usual interval = mean of the days between consecutive purchases = (last − first) /
 * (purchases − 1). At risk when the time since the last purchase is more than twice that interval (strictly).
 * Compared in exact integers of seconds: since × (purchases − 1) > 2 × (last − first).
 */
export function isChurnRisk(p: { purchases: number; firstMs: number; lastMs: number; nowMs: number }): boolean {
  if (p.purchases < 2 || p.lastMs === p.firstMs) return false;
  return (p.nowMs - p.lastMs) * (p.purchases - 1) > 2 * (p.lastMs - p.firstMs);
}

/** Days to one decimal, for display (the decision is made on exact values). */
export const days1 = (value: unknown) => Math.round(Number(value) * 10) / 10;

/** A tier's move between two dates: up (to a better rank), down, same, or new (no tier at the start). */
export function moveOf(fromRank: number | null, toRank: number): 'new' | 'up' | 'down' | 'same' {
  if (fromRank === null) return 'new';
  return toRank < fromRank ? 'up' : toRank > fromRank ? 'down' : 'same';
}

type Tier = { id: string; key: string; nameZh: string; nameEn: string; rank: number };
/** The full matrix (rows: new, then the tiers by rank; columns: the tiers by rank), zeros filled in. */
export function migrationMatrix(tiers: Tier[], counts: { fromTierId: string | null; toTierId: string; count: number }[]) {
  const ladder = [...tiers].sort((a, b) => a.rank - b.rank);
  const byKey = new Map(counts.map((c) => [`${c.fromTierId ?? 'new'}>${c.toTierId}`, c.count]));
  const rows: (Tier | null)[] = [null, ...ladder];
  const cells = rows.flatMap((from) =>
    ladder.map((to) => ({
      fromTierId: from?.id ?? null,
      fromKey: from?.key ?? 'new',
      fromNameZh: from?.nameZh ?? '新增',
      fromNameEn: from?.nameEn ?? 'New',
      toTierId: to.id,
      toKey: to.key,
      toNameZh: to.nameZh,
      toNameEn: to.nameEn,
      count: byKey.get(`${from?.id ?? 'new'}>${to.id}`) ?? 0,
    })),
  );
  const totals = { total: 0, upgraded: 0, downgraded: 0, unchanged: 0, new: 0 };
  const rankOf = new Map(ladder.map((t) => [t.id, t.rank]));
  for (const c of cells) {
    totals.total += c.count;
    const move = moveOf(c.fromTierId === null ? null : (rankOf.get(c.fromTierId) ?? null), rankOf.get(c.toTierId) as number);
    if (move === 'new') totals.new += c.count;
    else if (move === 'up') totals.upgraded += c.count;
    else if (move === 'down') totals.downgraded += c.count;
    else totals.unchanged += c.count;
  }
  return { tiers: ladder, cells, ...totals };
}
