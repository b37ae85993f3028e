import type { ZDealBatchRecord } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/requestContext.ts';
import { moveDeal } from '../../deals/dealMoves.usecases.ts';
import { deals } from '../../deals/deals.table.ts';
import { updateDeal } from '../../deals/deals.usecases.ts';

type DealRecord = z.output<typeof ZDealBatchRecord> & { customerId?: string | null };
type DealRow = typeof deals.$inferSelect;
type DealPatch = Parameters<typeof updateDeal>[3];

/** The organisation's deals with the batch's externalIds (one query), by externalId. */
export async function existingDeals(ctx: Ctx, records: DealRecord[]): Promise<Map<string, DealRow>> {
  const ids = [...new Set(records.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
  if (!ids.length) return new Map();
  const rows = await ctx.db
    .select()
    .from(deals)
    .where(and(eq(deals.orgId, ctx.actor.orgId), inArray(deals.externalId, ids)));
  return new Map(rows.map((d) => [d.externalId as string, d]));
}

/** What the record changes of the deal: only what it gives, only where it differs. */
function patchOf(r: DealRecord, d: DealRow): DealPatch {
  const patch: DealPatch = {};
  if (r.name !== d.name) patch.name = r.name;
  if (r.customerId !== undefined && r.customerId !== d.customerId) patch.customerId = r.customerId;
  if (r.ownerId !== undefined && r.ownerId !== d.ownerId) patch.ownerId = r.ownerId;
  if (r.amount != null && (d.amount === null || Number(r.amount) !== Number(d.amount))) patch.amount = r.amount;
  if (r.currency != null && r.currency !== d.currency) patch.currency = r.currency;
  if (r.expectedCloseDate != null && r.expectedCloseDate !== d.expectedCloseDate) patch.expectedCloseDate = r.expectedCloseDate;
  if (r.probability != null && r.probability !== d.probability) patch.probability = r.probability;
  if (r.forecastCategory != null && r.forecastCategory !== d.forecastCategory) patch.forecastCategory = r.forecastCategory;
  return patch;
}

/** A use case's refusal of record `i`, named by the record's fields; a deal one may not change is named by its externalId. */
function refusal(err: unknown, i: number): FieldError[] {
  if (!(err instanceof AppError) || err.status >= 500) throw err;
  if (err.status === 403 || err.status === 404)
    return [{ path: `records.${i}.externalId`, message: 'a deal with this externalId exists that you may not change' }];
  const named = (err.errors ?? []).map((e) => ({ path: `records.${i}.${e.path}`, message: e.message }));
  return named.length ? named : [{ path: `records.${i}`, message: err.message }];
}

/**
 * Re-imported deals change as they would by hand: their fields through `updateDeal` (an owner only by
 * managers and above, within their scope), a new stage through `moveDeal` — a move, so the stage's gate
 * applies and a lost deal needs its loss reason; history is for new deals (the batch create). A deal
 * stays in its pipeline. An unchanged deal is not written (no new version, no audit entry).
 * Each deal changes in a savepoint of its own; the problems of all of them are answered together.
 */
export async function updateExistingDeals(ctx: Ctx, records: DealRecord[], existing: Map<string, DealRow>) {
  const errors: FieldError[] = [];
  for (const [i, r] of records.entries()) {
    const d = r.externalId ? existing.get(r.externalId) : undefined;
    if (!d) continue;
    if (r.pipelineId && r.pipelineId !== d.pipelineId) {
      errors.push({ path: `records.${i}.pipelineId`, message: 'a deal does not change pipeline' });
      continue;
    }
    try {
      let version = d.version;
      const patch = patchOf(r, d);
      if (Object.keys(patch).length) version = (await updateDeal(ctx, d.id, version, patch)).version;
      if (r.stageId && r.stageId !== d.stageId)
        await moveDeal(ctx, d.id, version, { stageId: r.stageId, lossReason: r.lossReason ?? undefined });
    } catch (err) {
      errors.push(...refusal(err, i));
    }
  }
  return errors;
}
