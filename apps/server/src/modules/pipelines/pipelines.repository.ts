import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { pipelines, stages } from './pipelines.table.ts';

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof stages.$inferSelect;

export async function listPipelinesWithStages(db: DbOrTx, orgId: string) {
  const [ps, ss] = await Promise.all([
    db.select().from(pipelines).where(eq(pipelines.orgId, orgId)),
    db.select().from(stages).where(eq(stages.orgId, orgId)).orderBy(asc(stages.position)),
  ]);
  const order = { short: 0, long: 1, project: 2 };
  return ps
    .sort((a, b) => order[a.processType] - order[b.processType])
    .map((p) => ({ ...p, stages: ss.filter((s) => s.pipelineId === p.id) }));
}

export async function findStage(db: DbOrTx, orgId: string, stageId: string): Promise<StageRow | undefined> {
  const [row] = await db
    .select()
    .from(stages)
    .where(and(eq(stages.orgId, orgId), eq(stages.id, stageId)));
  return row;
}

export async function stagesOf(db: DbOrTx, orgId: string, pipelineId: string) {
  return db
    .select()
    .from(stages)
    .where(and(eq(stages.orgId, orgId), eq(stages.pipelineId, pipelineId)))
    .orderBy(asc(stages.position));
}
