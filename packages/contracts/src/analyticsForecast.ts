import { z } from 'zod';
import { windowChecked, ZAnalyticsFilters, ZComputedAt, ZFiguresExportOptions, ZRefresh } from './analytics.ts';
import { ZId } from './common.ts';
import { ZForecastCategory } from './deals.ts';
import { ZPeriod } from './performance.ts';

/**
 * Forecast analytics (issue 9 item 3): the weighted open pipeline by expected close month and forecast category, and
 * each rep's commit calibrated by their past forecast accuracy. Money is decimal text with 2 places, rates 4.
 */

const ZMoney = z.string();
const ZRate = z.string().nullable();

// ——— Weighted pipeline ———

/** The window of expected close dates; `compare` is accepted and ignored (the open pipeline is a snapshot of now). */
export const ZForecastPipelineQuery = windowChecked(ZAnalyticsFilters);
export type TForecastPipelineQuery = z.infer<typeof ZForecastPipelineQuery>;
export const ZForecastPipelineExportQuery = windowChecked(ZAnalyticsFilters.extend(ZFiguresExportOptions.shape));

const openFigures = {
  /** Open deals (stage kind `open`) now. */
  count: z.number().int(),
  /** Σ amount (a deal without an amount counts 0). */
  amount: ZMoney,
  /** Σ amount × (deal probability, else its stage's) ÷ 100, summed exactly then rounded to 2 places. */
  weightedAmount: ZMoney,
};

/** One cell: open deals expected to close in `month` (YYYY-MM) with this forecast category. */
export const ZForecastPipelineCell = z.object({ month: z.string(), category: ZForecastCategory, ...openFigures });
export type TForecastPipelineCell = z.infer<typeof ZForecastPipelineCell>;

const wonFigures = {
  /** Deals in a won stage whose closed_at falls in the month (org zone) and the window. */
  wonCount: z.number().int(),
  wonAmount: ZMoney,
};

export const ZForecastPipelineMonth = z.object({ month: z.string(), ...openFigures, ...wonFigures });
export type TForecastPipelineMonth = z.infer<typeof ZForecastPipelineMonth>;
export const ZForecastPipelineCategory = z.object({ category: ZForecastCategory, ...openFigures });
export type TForecastPipelineCategory = z.infer<typeof ZForecastPipelineCategory>;

export const ZForecastPipeline = z.object({
  from: z.string(),
  to: z.string(),
  /** The instant the open pipeline was read. */
  asOf: z.string(),
  /** Every month of the window × every category, zeros included, months ascending. */
  cells: z.array(ZForecastPipelineCell),
  months: z.array(ZForecastPipelineMonth),
  categories: z.array(ZForecastPipelineCategory),
  total: z.object({ ...openFigures, ...wonFigures }),
  ...ZComputedAt.shape,
});
export type TForecastPipeline = z.infer<typeof ZForecastPipeline>;

// ——— Calibrated forecast ———

export const ZCalibratedForecastQuery = z.object({
  period: ZPeriod,
  teamId: ZId.optional(),
  repId: ZId.optional(),
  /** How many past closed periods with a commit make the accuracy (most recent first). */
  history: z.coerce.number().int().min(1).max(12).default(4),
  ...ZRefresh.shape,
});
export type TCalibratedForecastQuery = z.infer<typeof ZCalibratedForecastQuery>;
export const ZCalibratedForecastExportQuery = ZCalibratedForecastQuery.extend(ZFiguresExportOptions.shape);

export const ZPastForecast = z.object({
  period: z.string(),
  committed: ZMoney,
  won: ZMoney,
  /** max(0, 1 − |won − committed| ÷ committed), as the forecastAccuracy KPI. */
  accuracy: z.string(),
});
export type TPastForecast = z.infer<typeof ZPastForecast>;

export const ZCalibratedForecastRep = z.object({
  repId: z.string(),
  repName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  /** The rep's forecast commit of the period; null when none. */
  committed: ZMoney.nullable(),
  /** Σ amount of the rep's deals won (closed_at) in the period so far. */
  wonSoFar: ZMoney,
  /** Mean accuracy over `history`; null when the rep has no past closed period with a commit. */
  accuracy: ZRate,
  history: z.array(ZPastForecast),
  /** won so far + max(0, committed − won so far) × accuracy (see explanation). */
  calibrated: ZMoney,
  explanation: z.array(z.string()),
});
export type TCalibratedForecastRep = z.infer<typeof ZCalibratedForecastRep>;

const totals = {
  reps: z.number().int(),
  /** Reps with a commit for the period. */
  repsCommitted: z.number().int(),
  committed: ZMoney,
  wonSoFar: ZMoney,
  calibrated: ZMoney,
};
export const ZCalibratedForecastTeam = z.object({ teamId: z.string().nullable(), teamName: z.string().nullable(), ...totals });
export type TCalibratedForecastTeam = z.infer<typeof ZCalibratedForecastTeam>;

export const ZCalibratedForecast = z.object({
  period: z.string(),
  from: z.string(),
  to: z.string(),
  history: z.number().int(),
  reps: z.array(ZCalibratedForecastRep),
  /** By the reps' current team (reps in no team: teamId null). */
  teams: z.array(ZCalibratedForecastTeam),
  total: z.object(totals),
  ...ZComputedAt.shape,
});
export type TCalibratedForecast = z.infer<typeof ZCalibratedForecast>;
