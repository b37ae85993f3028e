import type { TPeriodKind, TTriggerMetric } from '@tierline/contracts';
import { compareDecimal, fromUnits, toUnits } from '../../platform/decimal.ts';
import { localDate } from '../../platform/exports/export.rules.ts';
import { decimalRatio } from '../performance/kpis.rules.ts';
import { type Period, parsePeriod, periodContaining, periodsEndingWith } from '../performance/periods.rules.ts';

/**
 * Training triggered by outcomes (decision 0029): which reps a trigger fires for over a closed period, and which
 * period the hourly job evaluates. Pure: the figures come from triggers.repository.ts, the clock from the caller.
 */

/** Figures, thresholds and fire values are kept with 4 decimals (numeric(18,4)): a rate 0.2 is "0.2000". */
export const FIGURE_SCALE = 4;
export const figureText = (value: string) => fromUnits(toUnits(value, FIGURE_SCALE), FIGURE_SCALE);

/** What a trigger decides with (a stored trigger row has more). */
export type TriggerCriteria = { threshold: string; minSample: number; teamIds: string[]; levelIds: string[] };

/** One active rep's figure over the period; sample null where the metric has none (a KPI other than win rate). */
export type RepFigure = { repId: string; teamId: string | null; levelId: string | null; value: string | null; sample: number | null };

export type Fire = { repId: string; value: string; threshold: string; sample: number | null };

/** Whether the trigger watches this rep: no filter means everyone; each filter given must match (team AND level). */
export function inAudience(rep: Pick<RepFigure, 'teamId' | 'levelId'>, t: Pick<TriggerCriteria, 'teamIds' | 'levelIds'>): boolean {
  if (t.teamIds.length && !(rep.teamId !== null && t.teamIds.includes(rep.teamId))) return false;
  if (t.levelIds.length && !(rep.levelId !== null && t.levelIds.includes(rep.levelId))) return false;
  return true;
}

/**
 * Fires when there is a figure (none closed, nothing to measure → never), the sample reaches minSample where the
 * metric has one, and the figure is strictly below the threshold, compared exactly (0.2000 is not below 0.2).
 */
export function firesFor(fig: Pick<RepFigure, 'value' | 'sample'>, t: Pick<TriggerCriteria, 'threshold' | 'minSample'>): boolean {
  if (fig.value === null) return false;
  if (fig.sample !== null && fig.sample < t.minSample) return false;
  return compareDecimal(fig.value, t.threshold, FIGURE_SCALE) < 0;
}

/** The reps the trigger watches (counted as evaluated) and those it fires for, with the figure that fired it. */
export function decideFires(figures: RepFigure[], t: TriggerCriteria): { evaluated: number; fires: Fire[] } {
  const watched = figures.filter((f) => inAudience(f, t));
  const fires = watched
    .filter((f) => firesFor(f, t))
    .map((f) => ({ repId: f.repId, value: figureText(f.value as string), threshold: figureText(t.threshold), sample: f.sample }));
  return { evaluated: watched.length, fires };
}

/** won ÷ (won + lost), or moved forward ÷ left; null when the denominator is 0 (nothing to measure). */
export const shareOf = (part: number, whole: number): string | null =>
  whole === 0 ? null : decimalRatio(BigInt(part), BigInt(whole), FIGURE_SCALE);

/** Whether a metric measures over a sample (minSample applies): rates over deals, and the win-rate KPI. */
export const metricHasSample = (m: TTriggerMetric) => m.kind !== 'kpi' || m.kpi === 'winRate';

// ── Periods ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Whether the period has ended in the organisation's zone: its first day after has begun. */
export const periodClosed = (period: Period, now: Date, timeZone: string) => period.to <= localDate(now, timeZone);

/** The last closed period of `kind` at `now` in `timeZone`: the one before the period containing today. */
export function lastClosedPeriod(kind: TPeriodKind, now: Date, timeZone: string): Period {
  const current = periodContaining(localDate(now, timeZone), kind);
  return periodsEndingWith(current.key, 2)[0] as Period;
}

/**
 * Whether the period ended after the instant `at` (the trigger's creation). The period ends when its `to` day
 * begins in the org's zone, so it ended after `at` exactly when `at`'s local day is before `to`.
 */
export const endedAfter = (period: Period, at: Date, timeZone: string) => localDate(at, timeZone) < period.to;

/**
 * The period the hourly job evaluates a trigger for at `now`: the last closed period of its kind — only when it
 * ended after the trigger was created (a new rule never fires for what was over before it existed; older periods
 * are run explicitly). null: nothing to evaluate. Whether it was already run is the run table's business.
 */
export function periodForJob(t: { periodKind: TPeriodKind; createdAt: Date }, now: Date, timeZone: string): Period | null {
  const period = lastClosedPeriod(t.periodKind, now, timeZone);
  return endedAfter(period, t.createdAt, timeZone) ? period : null;
}

/** Why a period cannot be run explicitly for the trigger: another kind, or not over yet. null: it can. */
export function runProblem(
  key: string,
  t: { periodKind: TPeriodKind },
  now: Date,
  timeZone: string,
): { code: 'period_kind_mismatch' | 'period_not_closed'; message: string } | null {
  const period = parsePeriod(key);
  if (period.kind !== t.periodKind)
    return { code: 'period_kind_mismatch', message: `the trigger watches ${t.periodKind}s, not a ${period.kind}` };
  if (!periodClosed(period, now, timeZone)) return { code: 'period_not_closed', message: `${key} has not ended yet in ${timeZone}` };
  return null;
}

/** YYYY-MM-DD plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The enrolment's due date: `dueDays` after the period's last day (its `to` is the first day after). */
export const dueOnFor = (period: Period, dueDays: number) => addDays(period.to, dueDays - 1);
