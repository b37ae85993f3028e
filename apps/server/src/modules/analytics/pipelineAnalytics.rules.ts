import type { TCycleLength, TFunnel, TWinLossRow } from '@tierline/contracts';
import type { Window } from './window.rules.ts';

/**
 * Pure shaping of the pipeline figures (the SQL sums; these divide counts and arrange rows for charts).
 */
type Row = Record<string, unknown>;

/** n / d as a fraction with 4 places, rounded half up in integers (no float drift at .00005); null when d is 0. */
export function rate(n: number, d: number): string | null {
  if (d === 0) return null;
  const q = Math.floor((2 * n * 10_000 + d) / (2 * d));
  return `${Math.floor(q / 10_000)}.${String(q % 10_000).padStart(4, '0')}`;
}

/** Days as the SQL gave them (decimal text, 2 places) as a number; null when nothing was measured. */
export const daysOf = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The months (YYYY-MM) a window touches, so a revenue-by-month chart has every month, empty ones at 0. */
export function monthsOf(w: Window): string[] {
  const months: string[] = [];
  let [y, m] = w.from.split('-').map(Number);
  const last = w.to.slice(8) === '01' ? w.to.slice(0, 7) : null; // `to` is exclusive: its month counts only past day 1
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key === last || key > w.to.slice(0, 7)) break;
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export function funnelFigures(rows: Row[], w: Window): Omit<TFunnel, 'pipeline' | 'previous'> {
  const t = rows[0] ?? {};
  const createdCount = Number(t.created ?? 0);
  const createdWonCount = Number(t.created_won ?? 0);
  const createdLostCount = Number(t.created_lost ?? 0);
  return {
    window: w,
    stages: rows.map((r) => {
      const open = r.kind === 'open';
      const enteredCount = Number(r.entered_count);
      const advancedCount = Number(r.advanced_count);
      return {
        stageId: String(r.stage_id),
        key: String(r.key),
        nameZh: String(r.name_zh),
        nameEn: String(r.name_en),
        position: Number(r.position),
        kind: r.kind as 'open' | 'won' | 'lost',
        enteredCount,
        enteredAmount: fixed2(String(r.entered_amount)),
        advancedCount,
        conversionRate: open ? rate(advancedCount, enteredCount) : null,
        currentCount: open ? Number(r.current_count) : null,
        currentAmount: open ? fixed2(String(r.current_amount)) : null,
      };
    }),
    totals: {
      createdCount,
      createdWonCount,
      createdLostCount,
      winRate: rate(createdWonCount, createdCount),
      closedWinRate: rate(createdWonCount, createdWonCount + createdLostCount),
      wonCount: Number(t.won ?? 0),
      wonAmount: fixed2(String(t.won_amount ?? '0')),
      lostCount: Number(t.lost ?? 0),
      lostAmount: fixed2(String(t.lost_amount ?? '0')),
    },
  };
}

/** One row per pipeline (process type) with its open stages, from the SQL's one row per (pipeline, stage). */
export function cycleFigures(rows: Row[], w: Window): Omit<TCycleLength, 'previous'> {
  const byPipeline = new Map<string, TCycleLength['rows'][number]>();
  for (const r of rows) {
    const id = String(r.pipeline_id);
    let p = byPipeline.get(id);
    if (!p) {
      p = {
        processType: r.process_type as 'short' | 'long' | 'project',
        pipelineId: id,
        nameZh: String(r.pipeline_zh),
        nameEn: String(r.pipeline_en),
        wonCount: Number(r.won_count),
        meanDays: daysOf(r.mean_days),
        medianDays: daysOf(r.median_days),
        p90Days: daysOf(r.p90_days),
        stages: [],
      };
      byPipeline.set(id, p);
    }
    p.stages.push({
      stageId: String(r.stage_id),
      key: String(r.key),
      nameZh: String(r.name_zh),
      nameEn: String(r.name_en),
      position: Number(r.position),
      dealCount: Number(r.stage_count),
      meanDays: daysOf(r.stage_mean_days),
    });
  }
  return { window: w, rows: [...byPipeline.values()] };
}

const UNSPECIFIED = { zh: '未填写', en: 'Unspecified' };
const NONE = { zh: '无', en: 'None' };

/** Win/loss rows with their rates; for loss reasons the won side is absent and the null reason is "unspecified". */
export function winLossFigures(rows: Row[], w: Window, byReason: boolean) {
  const lostTotal = rows.reduce((n, r) => n + Number(r.lost_count), 0);
  const shaped: TWinLossRow[] = rows.map((r) => {
    const wonCount = Number(r.won_count);
    const lostCount = Number(r.lost_count);
    const none = r.key === null ? (byReason ? UNSPECIFIED : NONE) : null;
    return {
      key: (r.key as string | null) ?? null,
      labelZh: none ? none.zh : (r.label_zh as string | null),
      labelEn: none ? none.en : (r.label_en as string | null),
      wonCount,
      wonAmount: fixed2(String(r.won_amount)),
      lostCount,
      lostAmount: fixed2(String(r.lost_amount)),
      winRate: byReason ? null : rate(wonCount, wonCount + lostCount),
      lostShare: rate(lostCount, lostTotal),
    };
  });
  return { window: w, rows: shaped, totals: winLossTotals(shaped, byReason) };
}

function winLossTotals(rows: TWinLossRow[], byReason: boolean) {
  const wonCount = rows.reduce((n, r) => n + r.wonCount, 0);
  const lostCount = rows.reduce((n, r) => n + r.lostCount, 0);
  return {
    wonCount,
    wonAmount: sumMoney(rows.map((r) => r.wonAmount)),
    lostCount,
    lostAmount: sumMoney(rows.map((r) => r.lostAmount)),
    winRate: byReason ? null : rate(wonCount, wonCount + lostCount),
    lostShare: rate(lostCount, lostCount),
  };
}

/** Sums decimal texts with 2 places exactly (as integer cents in BigInt): the group sums already came from SQL numeric. */
export function sumMoney(values: string[]): string {
  let cents = 0n;
  for (const v of values) {
    const neg = v.startsWith('-');
    const [i, f = ''] = v.replace('-', '').split('.');
    const c = BigInt(i || '0') * 100n + BigInt(`${f}00`.slice(0, 2));
    cents += neg ? -c : c;
  }
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Revenue rows; by month every month of the window appears (an empty month at 0). */
export function revenueFigures(rows: Row[], w: Window, byMonth: boolean) {
  let shaped = rows.map((r) => {
    const none = r.key === null ? NONE : null;
    return {
      key: (r.key as string | null) ?? null,
      labelZh: none ? none.zh : (r.label_zh as string | null),
      labelEn: none ? none.en : (r.label_en as string | null),
      wonCount: Number(r.won_count),
      wonAmount: fixed2(String(r.won_amount)),
      share: (r.won_share as string | null) ?? null,
    };
  });
  if (byMonth) {
    const seen = new Map(shaped.map((r) => [r.key, r]));
    shaped = monthsOf(w).map(
      (m) => seen.get(m) ?? { key: m, labelZh: m, labelEn: m, wonCount: 0, wonAmount: '0.00', share: shaped.length ? '0.0000' : null },
    );
  }
  return {
    window: w,
    rows: shaped,
    totals: { wonCount: shaped.reduce((n, r) => n + r.wonCount, 0), wonAmount: sumMoney(shaped.map((r) => r.wonAmount)) },
  };
}

/** "0" (an empty sum) as "0.00", so every amount has its 2 places. */
export const fixed2 = (v: string) => sumMoney([v]);
