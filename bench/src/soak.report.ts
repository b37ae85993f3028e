/** The soak's verdict: per request kind n, errors, 409s, p50/p95 against its budget; the server's RSS growth; a table. */
import type { EngineName, ScaleName } from './scales.ts';
import type { BudgetClass, Recorder } from './soak.client.ts';
import { median, summarise } from './stats.ts';

/**
 * p95 budgets by class, ms, on PostgreSQL: issue 10's list/search 20 and record page 10, issue 9's dashboards 150,
 * issue 5's timeline page 50, issue 7's scorecards 2 s. PGlite 3× (as the benchmark), scale L lists 50 ms.
 */
const BUDGET_MS: Partial<Record<BudgetClass, number>> = { list: 20, record: 10, timeline: 50, dashboard: 150, scorecard: 2000 };

export function budgetOf(budget: BudgetClass, engine: EngineName, scale: ScaleName): number | undefined {
  const base = BUDGET_MS[budget];
  if (base === undefined) return undefined;
  if (scale === 'L' && budget === 'list') return 50;
  return engine === 'pglite' ? base * 3 : base;
}

export type RssSample = { atSec: number; rssMb: number };

/**
 * Warm-up is the first 20 % of the run; growth = (median of the last minute − median after warm-up) ÷ median after
 * warm-up. A run shorter than five minutes compares its last fifth instead of its last minute.
 */
export function rssGrowth(samples: RssSample[], durationSec: number) {
  const warmupSec = durationSec * 0.2;
  const lastSec = Math.min(60, durationSec * 0.2);
  const after = samples.filter((s) => s.atSec >= warmupSec).map((s) => s.rssMb);
  const last = samples.filter((s) => s.atSec >= durationSec - lastSec).map((s) => s.rssMb);
  if (!after.length || !last.length) return { warmupSec, lastSec, afterWarmupMb: Number.NaN, lastMb: Number.NaN, growthPct: Number.NaN };
  const afterWarmupMb = median(after);
  const lastMb = median(last);
  return { warmupSec, lastSec, afterWarmupMb, lastMb, growthPct: Math.round(((lastMb - afterWarmupMb) / afterWarmupMb) * 1000) / 10 };
}

export type KindResult = {
  kind: string;
  budgetClass: BudgetClass;
  n: number;
  errors: number;
  conflicts: number;
  statuses: Record<string, number>;
  /** Over the expected answers after the warm-up (all of them when there were none after it). */
  p50: number;
  p95: number;
  max: number;
  budgetP95Ms?: number;
  withinBudget?: boolean;
  errorSamples: string[];
};

export function kindResults(recorder: Recorder, engine: EngineName, scale: ScaleName): KindResult[] {
  return [...recorder.kinds.entries()]
    .map(([kind, k]) => {
      const s = summarise(k.steadyTimes.length ? k.steadyTimes : k.times);
      const budgetP95Ms = budgetOf(k.budget, engine, scale);
      return {
        kind,
        budgetClass: k.budget,
        n: k.n,
        errors: k.errors,
        conflicts: k.conflicts,
        statuses: k.statuses,
        p50: s.p50,
        p95: s.p95,
        max: s.max,
        ...(budgetP95Ms === undefined ? {} : { budgetP95Ms, withinBudget: s.n > 0 && s.p95 <= budgetP95Ms }),
        errorSamples: k.samples,
      };
    })
    .sort((a, b) => a.budgetClass.localeCompare(b.budgetClass) || a.kind.localeCompare(b.kind));
}

const ms = (x: number) => (!Number.isFinite(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export function printKinds(rows: KindResult[], log: (line: string) => void) {
  const table: string[][] = [['request kind', 'class', 'n', 'errors', '409s', 'p50', 'p95', 'max', 'p95 budget', '']];
  for (const r of rows)
    table.push([
      r.kind,
      r.budgetClass,
      String(r.n),
      String(r.errors),
      String(r.conflicts),
      ms(r.p50),
      ms(r.p95),
      ms(r.max),
      r.budgetP95Ms === undefined ? '' : String(r.budgetP95Ms),
      r.withinBudget === undefined ? '' : r.withinBudget ? 'ok' : 'OVER',
    ]);
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  for (const row of table) log(row.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  for (const r of rows) for (const s of r.errorSamples) log(`  ${r.kind} unexpected ${s}`);
}

/** Per minute of the run: requests, unexpected answers, p50 and p95 over every kind — a drift shows here. */
export function minuteResults(recorder: Recorder) {
  return recorder.minutes.map((m, minute) => {
    const s = summarise(m?.times ?? []);
    return { minute: minute + 1, n: m?.n ?? 0, errors: m?.errors ?? 0, p50: s.p50, p95: s.p95 };
  });
}

export function printMinutes(rows: ReturnType<typeof minuteResults>, log: (line: string) => void) {
  log(
    `\nper minute (all kinds): ${rows.map((r) => `${r.minute}: ${r.n} req, ${r.errors} err, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}`).join(' · ')}`,
  );
}
