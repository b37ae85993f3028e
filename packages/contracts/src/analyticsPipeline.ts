import { z } from 'zod';
import { windowChecked, ZAnalyticsFilters, ZComputedAt, ZFiguresExportOptions } from './analytics.ts';
import { ZId } from './common.ts';

/**
 * Pipeline analytics (issue 9 item 2): funnel per pipeline, cycle length by process type, win/loss and revenue.
 * Money is decimal text (2 places), rates are fractions as text with 4 places (null when the denominator is 0),
 * days are numbers with 2 decimals (null when nothing was measured).
 */

const withExport = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, ...ZFiguresExportOptions.shape });

const funnelShape = { ...ZAnalyticsFilters.shape, pipelineId: ZId };
const cycleShape = ZAnalyticsFilters.shape;
const winLossShape = { ...ZAnalyticsFilters.shape, by: z.enum(['lossReason', 'tier', 'level', 'processType']) };
const revenueShape = { ...ZAnalyticsFilters.shape, by: z.enum(['tier', 'processType', 'month']) };

export const ZFunnelQuery = windowChecked(z.object(funnelShape));
export const ZFunnelExportQuery = windowChecked(withExport(funnelShape));
export const ZCycleLengthQuery = windowChecked(z.object(cycleShape));
export const ZCycleLengthExportQuery = windowChecked(withExport(cycleShape));
export const ZWinLossQuery = windowChecked(z.object(winLossShape));
export const ZWinLossExportQuery = windowChecked(withExport(winLossShape));
export const ZRevenueQuery = windowChecked(z.object(revenueShape));
export const ZRevenueExportQuery = windowChecked(withExport(revenueShape));
export type TFunnelQuery = z.infer<typeof ZFunnelQuery>;
export type TCycleLengthQuery = z.infer<typeof ZCycleLengthQuery>;
export type TWinLossQuery = z.infer<typeof ZWinLossQuery>;
export type TRevenueQuery = z.infer<typeof ZRevenueQuery>;

const ZMoney = z.string();
const ZRate = z.string().nullable();
const ZDays = z.number().nullable();
const ZWindow = z.object({ from: z.string(), to: z.string() });
const ZProcessType = z.enum(['short', 'long', 'project']);

export const ZFunnelStage = z.object({
  stageId: ZId,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  kind: z.enum(['open', 'won', 'lost']),
  /** Deals that entered the stage in the window (once each, however often they re-entered). */
  enteredCount: z.number().int(),
  enteredAmount: ZMoney,
  /** Of those, the deals that afterwards entered a later open stage or the won stage (by now). */
  advancedCount: z.number().int(),
  /** advancedCount / enteredCount; null for the won and lost stages and when nothing entered. */
  conversionRate: ZRate,
  /** Open deals in the stage now (a snapshot, ignoring the window); null for won and lost. */
  currentCount: z.number().int().nullable(),
  currentAmount: ZMoney.nullable(),
});
export const ZFunnelTotals = z.object({
  /** Deals created in the window; of them, how many are now won and lost. */
  createdCount: z.number().int(),
  createdWonCount: z.number().int(),
  createdLostCount: z.number().int(),
  /** createdWonCount / createdCount. */
  winRate: ZRate,
  /** createdWonCount / (createdWonCount + createdLostCount): among those created in the window that have closed. */
  closedWinRate: ZRate,
  /** Deals closed in the window (whenever created). */
  wonCount: z.number().int(),
  wonAmount: ZMoney,
  lostCount: z.number().int(),
  lostAmount: ZMoney,
});
const ZFunnelFigures = z.object({ window: ZWindow, stages: z.array(ZFunnelStage), totals: ZFunnelTotals });
export const ZFunnel = ZFunnelFigures.extend({
  pipeline: z.object({ id: ZId, processType: ZProcessType, nameZh: z.string(), nameEn: z.string() }),
  previous: ZFunnelFigures.optional(),
  ...ZComputedAt.shape,
});
export type TFunnel = z.infer<typeof ZFunnel>;

export const ZCycleStage = z.object({
  stageId: ZId,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  /** Won deals (closed in the window) that spent time in the stage. */
  dealCount: z.number().int(),
  /** Mean over those deals of their total days in the stage. */
  meanDays: ZDays,
});
export const ZCycleRow = z.object({
  processType: ZProcessType,
  pipelineId: ZId,
  nameZh: z.string(),
  nameEn: z.string(),
  /** Won deals closed in the window, days from creation to close. */
  wonCount: z.number().int(),
  meanDays: ZDays,
  medianDays: ZDays,
  p90Days: ZDays,
  stages: z.array(ZCycleStage),
});
const ZCycleFigures = z.object({ window: ZWindow, rows: z.array(ZCycleRow) });
export const ZCycleLength = ZCycleFigures.extend({ previous: ZCycleFigures.optional(), ...ZComputedAt.shape });
export type TCycleLength = z.infer<typeof ZCycleLength>;

export const ZWinLossRow = z.object({
  /** The group's id (tier, level), process type, or loss reason; null: no tier/level (or "unspecified" for reasons). */
  key: z.string().nullable(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  wonCount: z.number().int(),
  wonAmount: ZMoney,
  lostCount: z.number().int(),
  lostAmount: ZMoney,
  /** wonCount / (wonCount + lostCount); null when grouping by loss reason. */
  winRate: ZRate,
  /** lostCount / all lost deals in the answer. */
  lostShare: ZRate,
});
const ZWinLossFigures = z.object({
  window: ZWindow,
  rows: z.array(ZWinLossRow),
  totals: ZWinLossRow.omit({ key: true, labelZh: true, labelEn: true }),
});
export const ZWinLoss = ZWinLossFigures.extend({ by: winLossShape.by, previous: ZWinLossFigures.optional(), ...ZComputedAt.shape });
export type TWinLoss = z.infer<typeof ZWinLoss>;
export type TWinLossRow = z.infer<typeof ZWinLossRow>;

export const ZRevenueRow = z.object({
  /** Tier id, process type, or month (YYYY-MM in the org's zone); null: deals without a customer (by tier). */
  key: z.string().nullable(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  wonCount: z.number().int(),
  wonAmount: ZMoney,
  /** wonAmount / the window's total won amount. */
  share: ZRate,
});
const ZRevenueFigures = z.object({
  window: ZWindow,
  rows: z.array(ZRevenueRow),
  totals: z.object({ wonCount: z.number().int(), wonAmount: ZMoney }),
});
export const ZRevenue = ZRevenueFigures.extend({ by: revenueShape.by, previous: ZRevenueFigures.optional(), ...ZComputedAt.shape });
export type TRevenue = z.infer<typeof ZRevenue>;
