import type { TLevel, ZLevelCreate, ZLevelUpdate } from '@tierline/contracts';
import type { z } from 'zod';
import { recordAudit, recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { findLevel, insertLevel, type LevelRow, listLevels, lockLevels, shiftRanksFrom, updateLevelRow } from './levels.repository.ts';

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

const keyTaken = (key: string) =>
  conflict('level_key_taken', `A level with the key ${key} exists`, [{ path: 'key', message: 'already used' }]);

/**
 * Adds a level to the ladder at `rank` (1 = lowest; omitted or past the top: above the highest). The levels at
 * or above that rank move up by one, in the same transaction. A new level has no limits (null: no limit) until
 * an admin sets them; its reps, targets, plans and criteria are set where those are edited.
 */
export async function createLevel(ctx: Ctx, input: z.output<typeof ZLevelCreate>): Promise<TLevel> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const existing = await lockLevels(tx.db, ctx.actor.orgId);
      if (existing.some((l) => l.key === input.key)) throw keyTaken(input.key);
      const top = existing.reduce((max, l) => Math.max(max, l.rank), 0);
      const rank = Math.min(input.rank ?? top + 1, top + 1);
      const moved = await shiftRanksFrom(tx.db, ctx.actor.orgId, rank);
      const level = await insertLevel(tx.db, {
        orgId: ctx.actor.orgId,
        id: newId(),
        key: input.key,
        nameZh: input.nameZh,
        nameEn: input.nameEn,
        rank,
      });
      await recordAudit(tx.db, tx, { action: 'create', entity: 'level', entityId: level.id, before: null, after: levelView(level) });
      const before = new Map(existing.map((l) => [l.id, l]));
      await recordAuditMany(
        tx.db,
        tx,
        moved.map((l) => ({
          action: 'update',
          entity: 'level',
          entityId: l.id,
          before: levelView(before.get(l.id) ?? l),
          after: levelView(l),
        })),
      );
      return levelView(level);
    });
  } catch (err) {
    // Two admins adding the same key at once: the second insert meets the unique key.
    if (isUniqueViolation(err)) throw keyTaken(input.key);
    throw err;
  }
}
