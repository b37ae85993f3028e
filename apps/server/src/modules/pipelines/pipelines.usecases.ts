import type { TPipeline, ZStageInput } from '@tierline/contracts';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { type FieldError, notFound, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { deals } from '../deals/deals.table.ts';
import * as repo from './pipelines.repository.ts';
import { stages } from './pipelines.table.ts';

const view = (p: Awaited<ReturnType<typeof repo.listPipelinesWithStages>>[number]): TPipeline => ({
  id: p.id,
  processType: p.processType,
  nameZh: p.nameZh,
  nameEn: p.nameEn,
  stages: p.stages.map((s) => ({
    id: s.id,
    key: s.key,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    position: s.position,
    probability: s.probability,
    kind: s.kind,
    gate: s.gate,
  })),
});

export async function listPipelines(ctx: Ctx) {
  return (await repo.listPipelinesWithStages(ctx.db, ctx.actor.orgId)).map(view);
}

/**
 * Replaces a pipeline's stages in the order given. A stage sent with its id is kept (deals in it stay);
 * a stage left out is removed only when no deal is in it. A pipeline needs a won and a lost stage.
 */
export async function replaceStages(ctx: Ctx, pipelineId: string, input: z.infer<typeof ZStageInput>[]) {
  const errors: FieldError[] = [];
  if (!input.some((s) => s.kind === 'won')) errors.push({ path: 'stages', message: 'needs a won stage' });
  if (!input.some((s) => s.kind === 'lost')) errors.push({ path: 'stages', message: 'needs a lost stage' });
  const keys = new Set<string>();
  input.forEach((s, i) => {
    if (keys.has(s.key)) errors.push({ path: `stages.${i}.key`, message: 'duplicate key' });
    keys.add(s.key);
  });
  if (errors.length) throw unprocessable('invalid_stages', errors.map((e) => e.message).join('; '), errors);
  return inTransaction(ctx, async (tx) => {
    const all = await repo.listPipelinesWithStages(tx.db, ctx.actor.orgId);
    const before = all.find((p) => p.id === pipelineId);
    if (!before) throw notFound('Pipeline');
    const existing = new Set(before.stages.map((s) => s.id));
    input.forEach((s, i) => {
      if (s.id && !existing.has(s.id)) errors.push({ path: `stages.${i}.id`, message: 'not a stage of this pipeline' });
    });
    const keptIds = input.flatMap((s) => (s.id ? [s.id] : []));
    const removed = before.stages.filter((s) => !keptIds.includes(s.id));
    if (removed.length) {
      const [inUse] = await tx.db
        .select({ n: sql<number>`count(*)::int` })
        .from(deals)
        .where(
          and(
            eq(deals.orgId, ctx.actor.orgId),
            sql`${deals.stageId} in (${sql.join(
              removed.map((s) => sql`${s.id}`),
              sql`, `,
            )})`,
          ),
        );
      if (inUse.n > 0) errors.push({ path: 'stages', message: `${inUse.n} deal(s) are in a stage you removed; move them first` });
    }
    if (errors.length) throw unprocessable('invalid_stages', errors.map((e) => e.message).join('; '), errors);
    // Keys are unique per pipeline: park kept stages under temporary keys before renaming.
    await tx.db
      .update(stages)
      .set({ key: sql`'~' || ${stages.id}` })
      .where(and(eq(stages.orgId, ctx.actor.orgId), eq(stages.pipelineId, pipelineId)));
    if (removed.length) {
      await tx.db
        .delete(stages)
        .where(
          and(
            eq(stages.orgId, ctx.actor.orgId),
            eq(stages.pipelineId, pipelineId),
            keptIds.length ? notInArray(stages.id, keptIds) : undefined,
          ),
        );
    }
    for (const [position, s] of input.entries()) {
      const values = { key: s.key, nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, kind: s.kind, gate: s.gate, position };
      if (s.id)
        await tx.db
          .update(stages)
          .set(values)
          .where(and(eq(stages.orgId, ctx.actor.orgId), eq(stages.id, s.id)));
      else await tx.db.insert(stages).values({ ...values, orgId: ctx.actor.orgId, id: newId(), pipelineId });
    }
    const after = (await repo.listPipelinesWithStages(tx.db, ctx.actor.orgId)).find((p) => p.id === pipelineId);
    if (!after) throw notFound('Pipeline');
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'pipeline',
      entityId: pipelineId,
      before: { stages: view(before).stages },
      after: { stages: view(after).stages },
    });
    return view(after);
  });
}
