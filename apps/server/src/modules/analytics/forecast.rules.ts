import type { TForecastPipelineCell } from '@tierline/contracts';
import { fromUnits, toUnits } from '../../platform/decimal.ts';
import { forecastAccuracyOf } from '../performance/kpis.rules.ts';
import { parsePeriod, periodContaining } from '../performance/periods.rules.ts';

/**
 * Forecast analytics, the pure part (issue 9 item 3): the month grid of the weighted pipeline, and the calibration
 * of a rep's commit by their past forecast accuracy, with the lines that explain it.
 */

export const FORECAST_CATEGORY_ORDER = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
type Category = (typeof FORECAST_CATEGORY_ORDER)[number];

const DAY = 86_400_000;
/** The calendar months (YYYY-MM) the dates [from, to) touch, ascending. */
export function monthsOfWindow(from: string, to: string): string[] {
  const last = new Date(Date.parse(`${to}T00:00:00Z`) - DAY).toISOString().slice(0, 7);
  const months: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let key = from.slice(0, 7); key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    months.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return months;
}

type OpenFigures = { count: number; amount: string; weightedAmount: string };
const EMPTY: OpenFigures = { count: 0, amount: '0.00', weightedAmount: '0.00' };

/** Every month × category, zeros where SQL found no deal, so a chart's series all have the same months. */
export function pipelineGrid(months: string[], found: TForecastPipelineCell[]): TForecastPipelineCell[] {
  const byKey = new Map(found.map((c) => [`${c.month}|${c.category}`, c]));
  return months.flatMap((month) =>
    FORECAST_CATEGORY_ORDER.map((category: Category) => byKey.get(`${month}|${category}`) ?? { month, category, ...EMPTY }),
  );
}

// ——— Calibration ———

/**
 * The periods whose accuracy counts: of the same kind as `period`, before it, and already ended on `today` (org
 * zone). Period keys of one kind sort as text (2025-Q4 < 2026-Q1), so this is the key every counted period is below.
 */
export function historyBound(period: string, today: string): string {
  const p = parsePeriod(period);
  const current = periodContaining(today, p.kind).key;
  return [current, p.key].sort()[0];
}

/** The SQL pattern of period keys of the kind of `period` (2026-Q3 → quarters). */
export function periodKeyPattern(period: string): string {
  const kind = parsePeriod(period).kind;
  return kind === 'quarter' ? '^[0-9]{4}-Q[1-4]$' : kind === 'month' ? '^[0-9]{4}-[0-9]{2}$' : '^[0-9]{4}$';
}

export type PastForecast = { period: string; committed: string; won: string; accuracy: string };

/** One past period: its accuracy by the forecastAccuracy KPI's formula. */
export function pastForecast(period: string, committed: string, won: string): PastForecast {
  return {
    period,
    committed: fromUnits(toUnits(committed)),
    won: fromUnits(toUnits(won)),
    accuracy: forecastAccuracyOf(won, committed) as string,
  };
}

/** The mean of 4-place accuracies, rounded half up to 4 places; null for none. */
export function meanAccuracy(accuracies: string[]): string | null {
  if (accuracies.length === 0) return null;
  const sum = accuracies.reduce((s, a) => s + toUnits(a, 4), 0n);
  const n = BigInt(accuracies.length);
  return fromUnits((2n * sum + n) / (2n * n), 4);
}

/**
 * The calibrated forecast of a rep's period. What is won is certain; the rest of the commit still to win is
 * weighted by the rep's past accuracy: calibrated = won so far + max(0, committed − won so far) × accuracy, the
 * product rounded half up to 2 places. No history: the commit stands (calibrated = max(committed, won so far)).
 * No commit: only what is won counts.
 * Why this and not a won ÷ committed ratio: the issue asks for the commit weighted by the KPI's accuracy, which the
 * scorecards already show, so the figure is reproducible from them; it never exceeds max(commit, won so far). Its
 * known limit: accuracy is symmetric, so a rep who habitually over-delivers is discounted like one who under-delivers.
 */
export function calibrate(input: { committed: string | null; wonSoFar: string; history: PastForecast[] }) {
  const won = toUnits(input.wonSoFar);
  const lines: string[] = [];
  const accuracy = meanAccuracy(input.history.map((h) => h.accuracy));
  for (const h of input.history)
    lines.push(
      `${h.period}: committed ${h.committed}, won ${h.won} → accuracy = max(0, 1 − |${h.won} − ${h.committed}| ÷ ${h.committed}) = ${h.accuracy}`,
    );
  if (accuracy !== null)
    lines.push(
      `accuracy = mean of ${input.history.length} past period${input.history.length === 1 ? '' : 's'} (${input.history.map((h) => h.accuracy).join(', ')}) = ${accuracy}`,
    );
  else lines.push('accuracy: no past closed period with a commit, so none');
  lines.push(`won so far = ${fromUnits(won)}`);
  if (input.committed === null) {
    lines.push(`no commit for the period: calibrated = won so far = ${fromUnits(won)}`);
    return { accuracy, calibrated: fromUnits(won), explanation: lines };
  }
  const committed = toUnits(input.committed);
  const remaining = committed > won ? committed - won : 0n;
  lines.push(
    `committed = ${fromUnits(committed)}; still to win = max(0, ${fromUnits(committed)} − ${fromUnits(won)}) = ${fromUnits(remaining)}`,
  );
  if (accuracy === null) {
    const calibrated = won + remaining;
    lines.push(`no history: the commit stands, calibrated = ${fromUnits(won)} + ${fromUnits(remaining)} = ${fromUnits(calibrated)}`);
    return { accuracy, calibrated: fromUnits(calibrated), explanation: lines };
  }
  // remaining (2 places) × accuracy (4 places) has 6 places; round half up to 2.
  const weighted = (remaining * toUnits(accuracy, 4) + 5_000n) / 10_000n;
  const calibrated = won + weighted;
  lines.push(
    `calibrated = ${fromUnits(won)} + ${fromUnits(remaining)} × ${accuracy} = ${fromUnits(won)} + ${fromUnits(weighted)} = ${fromUnits(calibrated)}`,
  );
  return { accuracy, calibrated: fromUnits(calibrated), explanation: lines };
}

/** Σ of money texts, exactly, with 2 places. */
export const sumMoney = (values: string[]) => fromUnits(values.reduce((s, v) => s + toUnits(v), 0n));
