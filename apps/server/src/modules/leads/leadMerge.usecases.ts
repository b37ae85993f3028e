import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { staleVersion, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { scoreOf } from './leadScoring.usecases.ts';
import { writableLeads } from './leads.access.ts';
import * as repo from './leads.repository.ts';
import { leadKeys, mergeFill } from './leads.rules.ts';
import { assertLeadOpen, getWritableLead, leadView, scoreFields } from './leads.usecases.ts';

/**
 * Merges lead `id` into lead `intoId`: the kept lead gains the fields it lacks (never losing its
 * own) and the other's owner when it has none; the other becomes `merged` with `mergedIntoId`, and
 * stays readable as history. Both leads must be the caller's to change; one transaction, two audits.
 */
export async function mergeLead(ctx: Ctx, id: string, version: number, intoId: string) {
  if (id === intoId)
    throw unprocessable('invalid_merge', 'A lead cannot be merged into itself', [{ path: 'intoId', message: 'same lead' }]);
  return inTransaction(ctx, async (tx) => {
    const gone = await getWritableLead(tx, id);
    assertLeadOpen(gone);
    if (gone.deletedAt) throw unprocessable('lead_deleted', 'Restore the lead before merging it', [{ path: 'id', message: 'deleted' }]);
    const kept = await getWritableLead(tx, intoId).catch(() => {
      throw unprocessable('unknown_reference', 'No such lead that you may change', [{ path: 'intoId', message: 'no such lead' }]);
    });
    if (kept.status === 'merged' || kept.deletedAt)
      throw unprocessable('invalid_merge', 'Merge into a live lead', [
        { path: 'intoId', message: kept.deletedAt ? 'deleted' : 'itself merged' },
      ]);

    const now = ctx.clock.now();
    const fill = mergeFill(kept, gone);
    const keptNext = { ...kept, ...fill };
    const keptChange: Partial<repo.NewLeadRow> = { ...fill, updatedAt: now };
    if (!kept.ownerId && gone.ownerId) Object.assign(keptChange, { ownerId: gone.ownerId, teamId: gone.teamId });
    // A converted lead keeps the score it was converted with; a live one is rescored with its new fields.
    if (kept.status !== 'converted')
      Object.assign(keptChange, leadKeys(keptNext), scoreFields(await scoreOf(tx.db, ctx.actor.orgId, kept.id, keptNext)));
    else Object.assign(keptChange, leadKeys(keptNext));
    const keptAfter = await repo.updateLeadRow(tx.db, writableLeads(ctx.actor), kept.id, kept.version, keptChange);
    if (!keptAfter) throw staleVersion('lead', kept.version);

    const goneAfter = await repo.updateLeadRow(tx.db, writableLeads(ctx.actor), gone.id, version, {
      status: 'merged',
      mergedIntoId: kept.id,
      updatedAt: now,
    });
    if (!goneAfter) throw staleVersion('lead', gone.version);

    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'lead',
      entityId: kept.id,
      before: leadView(kept),
      after: leadView(keptAfter),
    });
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'lead',
      entityId: gone.id,
      before: leadView(gone),
      after: leadView(goneAfter),
    });
    return { kept: keptAfter, merged: goneAfter };
  });
}
