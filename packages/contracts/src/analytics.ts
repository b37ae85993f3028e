import { z } from 'zod';
import { ZId, ZLocale } from './common.ts';
import { ZExportFormat } from './imports.ts';

/**
 * Analytics (PRODUCT.md F, issue 9): the filters every figure takes. A window is calendar dates [from, to) in the
 * organisation's time zone; each filter narrows within the caller's data scope, never widens it.
 */
export const ZAnalyticsFilters = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  /** The records' team stamp (deals.team_id, customers.team_id). */
  teamId: ZId.optional(),
  /** The owner. */
  repId: ZId.optional(),
  /** The customer's region. */
  region: z.string().trim().min(1).max(100).optional(),
  /** The owner's current level. */
  levelId: ZId.optional(),
  /** The customer's current tier. */
  tierId: ZId.optional(),
  pipelineId: ZId.optional(),
  /** `previous`: the same figures for the window just before (the previous month, quarter or year when the window is one; else as many days). */
  compare: z.enum(['previous']).optional(),
});
export type TAnalyticsFilters = z.infer<typeof ZAnalyticsFilters>;

/** Every figure's data as a file: `GET …/export?format=csv|xlsx&locale=` with the figure's own filters. */
export const ZFiguresExportOptions = z.object({ format: ZExportFormat.default('csv'), locale: ZLocale.default('zh-CN') });
