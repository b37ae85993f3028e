import { z } from 'zod';
import { ZDate, ZId, ZLocale, ZQueryBoolean, ZTimestamp } from './common.ts';
import { ZExportFormat } from './imports.ts';

/**
 * Every figure is served from a snapshot at most 15 minutes old (decisions 0034, 0035): `refresh=true` computes it
 * now instead.
 */
export const ZRefresh = z.object({ refresh: ZQueryBoolean.optional() });
/** When the figures were computed: the answer is a snapshot, this old at most 15 minutes (decision 0035). */
export const ZComputedAt = z.object({ computedAt: ZTimestamp.optional() });

/**
 * Analytics (PRODUCT.md F, issue 9): the filters every figure takes. A window is calendar dates [from, to) in the
 * organisation's time zone; each filter narrows within the caller's data scope, never widens it.
 */
export const ZAnalyticsFilters = z.object({
  from: ZDate,
  to: ZDate,
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
  ...ZRefresh.shape,
});
export type TAnalyticsFilters = z.infer<typeof ZAnalyticsFilters>;

/** Every figure's data as a file: `GET …/export?format=csv|xlsx&locale=` with the figure's own filters. */
export const ZFiguresExportOptions = z.object({ format: ZExportFormat.default('csv'), locale: ZLocale.default('zh-CN') });

/** Why a window cannot be read, or null: `to` after `from`, at most three calendar years later (a longer window
 * would read whole histories at once). */
export function windowProblem(w: { from: string; to: string }): string | null {
  // The refinement runs even when a date failed its own check (that check names the field).
  const from = new Date(`${w.from}T00:00:00Z`);
  const to = Date.parse(`${w.to}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to)) return null;
  if (w.to <= w.from) return 'must be after from';
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  if (to > from.setUTCFullYear(from.getUTCFullYear() + 3)) return 'the window is at most 3 years';
  return null;
}

/** A figure's query with the window checked; both refusals name `to` (a refinement, so extend the shape before). */
export function windowChecked<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.superRefine((q, ctx) => {
    const problem = windowProblem(q);
    if (problem) ctx.addIssue({ code: 'custom', path: ['to'], message: problem });
  });
}
