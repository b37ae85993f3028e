import type { Ctx } from '../../platform/requestContext.ts';
import type { SnapshotFigure } from './dashboardSnapshots.rules.ts';
import { computeManagerDashboard, directorFigures, quarters } from './dashboards.usecases.ts';
import { computeCalibratedForecast, computeForecastPipeline } from './forecast.usecases.ts';
import { computeMarketAnalysis } from './marketAnalytics.usecases.ts';
import { computeCycleLength, computeFunnel, computeRevenue, computeWinLoss } from './pipelineAnalytics.usecases.ts';
import {
  computeTierChurnRisk,
  computeTierConcentration,
  computeTierDistribution,
  computeTierFollowUpCompliance,
  computeTierMigration,
  computeTierRfmSegments,
} from './tierAnalytics.usecases.ts';

/** Each computation takes its own query type; the query was validated by its route before the job stored it. */
type Compute = (ctx: Ctx, query: any) => Promise<object>;

/**
 * How the refresh job computes each snapshotted figure again: the same functions the requests call when a snapshot
 * is missing. A figure added to SNAPSHOT_FIGURES without an entry here does not compile.
 */
export const SNAPSHOT_COMPUTATIONS: Record<SnapshotFigure, Compute> = {
  'dashboard/director': async (ctx) => directorFigures(ctx, await quarters(ctx)),
  'dashboard/manager': computeManagerDashboard,
  funnel: computeFunnel,
  'cycle-length': computeCycleLength,
  'win-loss': computeWinLoss,
  revenue: computeRevenue,
  market: computeMarketAnalysis,
  'forecast/pipeline': computeForecastPipeline,
  'forecast/calibrated': computeCalibratedForecast,
  'tiers/distribution': computeTierDistribution,
  'tiers/concentration': computeTierConcentration,
  'tiers/follow-up-compliance': computeTierFollowUpCompliance,
  'tiers/migration': computeTierMigration,
  'tiers/churn-risk': computeTierChurnRisk,
  'tiers/rfm-segments': computeTierRfmSegments,
};
