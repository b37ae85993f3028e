import type { TLevel, ZLevelUpdate } from '@tierline/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { notFound, staleVersion } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { findLevel, type LevelRow, listLevels, updateLevelRow } from './levels.repository.ts';

export const levelView = ({ orgId: _, ...l }: LevelRow): TLevel => l;

export async function getLevels(ctx: Ctx): Promise<TLevel[]> {
  return (await listLevels(ctx.db, ctx.actor.orgId)).map(levelView);
}

/**
 * Renames a level or changes its limits (pool, assignment capacity, contract approval). The new
 * limits apply to the next claim, assignment or contract; nothing already granted is taken back.
 */
export async function updateLevel(ctx: Ctx, id: string, version: number, patch: Omit<z.output<typeof ZLevelUpdate>, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await findLevel(tx.db, ctx.actor.orgId, id);
    if (!before) throw notFound('Level');
    const after = await updateLevelRow(tx.db, ctx.actor.orgId, id, version, patch);
    if (!after) throw staleVersion('level', before.version);
    await recordAudit(tx.db, tx, { action: 'update', entity: 'level', entityId: id, before: levelView(before), after: levelView(after) });
    return levelView(after);
  });
}
