import { sql } from 'drizzle-orm';
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

/**
 * Records many changes at once (batches, imports): one insert whose rows travel as a single JSON
 * parameter — Drizzle's multi-row insert spends more time building a thousand rows' parameters than
 * PostgreSQL spends writing them.
 */
export async function recordAuditMany(
  tx: DbOrTx,
  ctx: Pick<Ctx, 'actor' | 'requestId' | 'clock'>,
  changes: { action: AuditAction; entity: string; entityId: string; before: object | null; after: object | null }[],
): Promise<void> {
  if (!changes.length) return;
  const at = ctx.clock.now().toISOString();
  const rows = changes.map((c) => ({
    id: newId(),
    action: c.action,
    entity: c.entity,
    entityId: c.entityId,
    changes: diffRecords(c.before, c.after),
  }));
  await tx.execute(sql`
    insert into ${auditLog} (org_id, id, at, actor_id, action, entity, entity_id, changes, request_id)
    select ${ctx.actor.orgId}::uuid, r.id, ${at}::timestamptz, ${ctx.actor.userId}::uuid, r.action, r.entity, r."entityId", r.changes, ${ctx.requestId}
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, action text, entity text, "entityId" text, changes jsonb)`);
}
