import type { TAppraisalCycle, TScoringScheme } from '@tierline/contracts';
import { recordAudit, recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import * as repo from './appraisal.repository.ts';
import { cycleChangeProblem, schemeProblems, schemeWithDefaults } from './appraisal.rules.ts';
import { reviewView } from './reviews.usecases.ts';

/**
 * Appraisal cycles (考核周期, decision 0026): one per period, with how the period is scored. Everyone signed in
 * reads them (scorecards show their scheme); directors and admins create and change them. Closing a cycle locks
 * its submitted reviews, and a closed cycle no longer changes.
 */

export const cycleView = (c: repo.CycleRow): TAppraisalCycle => ({
  id: c.id,
  name: c.name,
  period: c.period,
  status: c.status,
  quantitativeWeight: c.quantitativeWeight,
  attainmentCap: c.attainmentCap,
  gradeBands: c.gradeBands,
  levels: c.levelSchemes,
  createdAt: c.createdAt.toISOString(),
  version: c.version,
});

const periodHasCycle = () =>
  conflict('period_has_cycle', 'This period has an appraisal cycle', [{ path: 'period', message: 'already has a cycle' }]);

/** The cycle of the organisation; 404 for another organisation's. */
export async function getCycle(ctx: Pick<Ctx, 'db' | 'actor'>, id: string, lock?: 'update' | 'share') {
  const row = await repo.findCycle(ctx.db, ctx.actor.orgId, id, lock);
  if (!row) throw notFound('Appraisal cycle');
  return row;
}

export async function listCycles(ctx: Ctx, q: { limit: number; cursor?: string } & repo.CycleFilter) {
  const rows = await repo.listCycles(ctx.db, ctx.actor.orgId, q, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (c) => [c.period, c.id]);
  return { data: page.data.map(cycleView), nextCursor: page.nextCursor };
}

async function checkScheme(tx: Ctx, scheme: TScoringScheme) {
  const errors = schemeProblems(scheme, await repo.orgLevelIds(tx.db, tx.actor.orgId));
  if (errors.length) throw unprocessable('invalid_scheme', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** A cycle for a period that has none (409 naming `period`); what the scheme leaves out is the built-in default. */
export async function createCycle(ctx: Ctx, input: Partial<TScoringScheme> & { name: string; period: string }) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const { name, period, ...given } = input;
      const scheme = schemeWithDefaults(given);
      await checkScheme(tx, scheme);
      if ((await repo.cycleWithPeriod(tx.db, ctx.actor.orgId, period)).length) throw periodHasCycle();
      const now = ctx.clock.now();
      const row = await repo.insertCycle(tx.db, {
        orgId: ctx.actor.orgId,
        id: newId(),
        name,
        period,
        status: 'open',
        quantitativeWeight: scheme.quantitativeWeight,
        attainmentCap: scheme.attainmentCap,
        gradeBands: scheme.gradeBands,
        levelSchemes: scheme.levels,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx.db, tx, { action: 'create', entity: 'appraisal_cycle', entityId: row.id, before: null, after: cycleView(row) });
      return row;
    });
  } catch (err) {
    // Two directors creating the period's cycle at once: the unique key decides.
    throw isUniqueViolation(err) ? periodHasCycle() : err;
  }
}

/**
 * Changes a cycle's name or scheme, or closes it (status `closed`), with its version. Closing locks every
 * submitted review of the cycle in the same transaction; drafts stay drafts (they were never submitted and do
 * not count), and like everything else in a closed cycle they no longer change.
 */
export async function updateCycle(
  ctx: Ctx,
  id: string,
  version: number,
  patch: Partial<TScoringScheme> & { name?: string; status?: 'open' | 'closed' },
) {
  return inTransaction(ctx, async (tx) => {
    const before = await getCycle(tx, id, 'update');
    const closed = cycleChangeProblem(before.status);
    if (closed) throw conflict('cycle_closed', 'The cycle is closed; it no longer changes', [closed]);
    if (before.version !== version) throw staleVersion('appraisal cycle', before.version);
    const scheme: TScoringScheme = {
      quantitativeWeight: patch.quantitativeWeight ?? before.quantitativeWeight,
      attainmentCap: patch.attainmentCap ?? before.attainmentCap,
      gradeBands: patch.gradeBands ?? before.gradeBands,
      levels: patch.levels ?? before.levelSchemes,
    };
    await checkScheme(tx, scheme);
    const now = ctx.clock.now();
    const after = await repo.updateCycleRow(tx.db, ctx.actor.orgId, id, version, {
      name: patch.name ?? before.name,
      status: patch.status ?? before.status,
      quantitativeWeight: scheme.quantitativeWeight,
      attainmentCap: scheme.attainmentCap,
      gradeBands: scheme.gradeBands,
      levelSchemes: scheme.levels,
      updatedAt: now,
    });
    if (!after) throw staleVersion('appraisal cycle', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'appraisal_cycle',
      entityId: id,
      before: cycleView(before),
      after: cycleView(after),
    });
    if (after.status === 'closed') {
      const locked = await repo.lockSubmittedReviews(tx.db, ctx.actor.orgId, id, now);
      const beforeOf = new Map(locked.before.map((r) => [r.id, r]));
      await recordAuditMany(
        tx.db,
        tx,
        locked.after.map((r) => ({
          action: 'update' as const,
          entity: 'review',
          entityId: r.id,
          before: reviewView(beforeOf.get(r.id) as repo.ReviewRow),
          after: reviewView(r),
        })),
      );
    }
    return after;
  });
}
