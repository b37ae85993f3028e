import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../ids.ts';
import type { Ctx } from '../requestContext.ts';
import { diffRecords } from './audit.rules.ts';
import { auditLog } from './audit.table.ts';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';

/**
 * Records one change of a business record. Call it with the transaction that makes the change,
 * so the change and its audit entry commit or roll back together.
 */
export async function recordAudit(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'> | { orgId: string; actorId: null; requestId: string | null; at: Date },
  change: { action: AuditAction; entity: string; entityId: string; before: object | null; after: object | null },
): Promise<void> {
  const who = 'actor' in ctx ? { orgId: ctx.actor.orgId, actorId: ctx.actor.userId, requestId: ctx.requestId, at: ctx.clock.now() } : ctx;
  await tx.insert(auditLog).values({
    orgId: who.orgId,
    id: newId(),
    at: who.at,
    actorId: who.actorId,
    action: change.action,
    entity: change.entity,
    entityId: change.entityId,
    changes: diffRecords(change.before, change.after),
    requestId: who.requestId,
  });
}

/** Records many creates at once (batches): one multi-row insert instead of one per record. */
export async function recordAuditMany(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>,
  changes: { action: AuditAction; entity: string; entityId: string; before: object | null; after: object | null }[],
): Promise<void> {
  if (!changes.length) return;
  const at = ctx.clock.now();
  await tx.insert(auditLog).values(
    changes.map((c) => ({
      orgId: ctx.actor.orgId,
      id: newId(),
      at,
      actorId: ctx.actor.userId,
      action: c.action,
      entity: c.entity,
      entityId: c.entityId,
      changes: diffRecords(c.before, c.after),
      requestId: ctx.requestId,
    })),
  );
}
