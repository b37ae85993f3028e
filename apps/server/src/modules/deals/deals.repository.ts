import { and, asc, desc, eq, getTableColumns, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { likeLiteral } from '../customers/customers.rules.ts';
import { stages } from '../pipelines/pipelines.table.ts';
import { dealContacts, dealLines, dealMilestones, dealStageHistory, deals, dealTasks } from './deals.table.ts';

export type DealRow = typeof deals.$inferSelect;
export type NewDealRow = typeof deals.$inferInsert;
/** A deal with what its stage says: the default probability and whether it is open, won or lost. */
export type DealWithStage = DealRow & { stageProbability: number; stageKind: 'open' | 'won' | 'lost' };

const withStage = { ...getTableColumns(deals), stageProbability: stages.probability, stageKind: stages.kind };
const stageJoin = and(eq(stages.orgId, deals.orgId), eq(stages.id, deals.stageId));

export async function findDeal(db: DbOrTx, where: SQL, id: string): Promise<DealWithStage | undefined> {
  const [row] = await db
    .select(withStage)
    .from(deals)
    .innerJoin(stages, stageJoin)
    .where(and(where, eq(deals.id, id)));
  return row;
}

export type DealFilter = {
  pipelineId?: string;
  stageId?: string;
  ownerId?: string;
  teamId?: string;
  customerId?: string;
  status?: 'open' | 'won' | 'lost';
  forecastCategory?: DealRow['forecastCategory'];
  q?: string;
};
const SORTS = { createdAt: deals.createdAt, expectedCloseDate: deals.expectedCloseDate, name: deals.name } as const;
export type DealSortKey = keyof typeof SORTS;

export async function listDeals(
  db: DbOrTx,
  visible: SQL,
  f: DealFilter,
  page: { limit: number; sort: { key: DealSortKey; desc: boolean }; after?: CursorValue[] },
) {
  const column =
    page.sort.key === 'expectedCloseDate' ? sql`coalesce(${deals.expectedCloseDate}, '9999-12-31'::date)` : SORTS[page.sort.key];
  let after: SQL | undefined;
  if (page.after) {
    const [v, id] = page.after;
    const value =
      page.sort.key === 'createdAt'
        ? sql`${String(v)}::timestamptz`
        : page.sort.key === 'expectedCloseDate'
          ? sql`${String(v ?? '9999-12-31')}::date`
          : sql`${v}`;
    after = page.sort.desc ? sql`(${column}, ${deals.id}) < (${value}, ${id})` : sql`(${column}, ${deals.id}) > (${value}, ${id})`;
  }
  return db
    .select(withStage)
    .from(deals)
    .innerJoin(stages, stageJoin)
    .where(
      and(
        visible,
        isNull(deals.deletedAt),
        f.pipelineId ? eq(deals.pipelineId, f.pipelineId) : undefined,
        f.stageId ? eq(deals.stageId, f.stageId) : undefined,
        f.ownerId ? eq(deals.ownerId, f.ownerId) : undefined,
        f.teamId ? eq(deals.teamId, f.teamId) : undefined,
        f.customerId ? eq(deals.customerId, f.customerId) : undefined,
        f.status ? eq(stages.kind, f.status) : undefined,
        f.forecastCategory ? eq(deals.forecastCategory, f.forecastCategory) : undefined,
        f.q ? sql`${deals.name} ilike ${likeLiteral(f.q)}` : undefined,
        after,
      ),
    )
    .orderBy(...(page.sort.desc ? [desc(column), desc(deals.id)] : [asc(column), asc(deals.id)]))
    .limit(page.limit + 1);
}

export async function updateDealRow(db: DbOrTx, writable: SQL, id: string, version: number, patch: Partial<NewDealRow>) {
  const [row] = await db
    .update(deals)
    .set({ ...patch, version: sql`${deals.version} + 1` })
    .where(and(writable, eq(deals.id, id), eq(deals.version, version)))
    .returning();
  return row;
}

/**
 * Everything on a deal's page besides the deal itself. One query after another: inside a
 * transaction there is one connection, and node-postgres warns about (and will refuse) queries
 * sent on it concurrently.
 */
export async function dealParts(db: DbOrTx, orgId: string, dealId: string) {
  const contacts = await db
    .select()
    .from(dealContacts)
    .where(and(eq(dealContacts.orgId, orgId), eq(dealContacts.dealId, dealId)));
  const lines = await db
    .select()
    .from(dealLines)
    .where(and(eq(dealLines.orgId, orgId), eq(dealLines.dealId, dealId)))
    .orderBy(asc(dealLines.lineNo));
  const history = await db
    .select()
    .from(dealStageHistory)
    .where(and(eq(dealStageHistory.orgId, orgId), eq(dealStageHistory.dealId, dealId)))
    .orderBy(asc(dealStageHistory.enteredAt));
  const milestones = await db
    .select()
    .from(dealMilestones)
    .where(and(eq(dealMilestones.orgId, orgId), eq(dealMilestones.dealId, dealId)))
    .orderBy(asc(dealMilestones.createdAt));
  const tasks = await db
    .select()
    .from(dealTasks)
    .where(and(eq(dealTasks.orgId, orgId), eq(dealTasks.dealId, dealId)))
    .orderBy(asc(dealTasks.createdAt));
  return { contacts, lines, history, milestones, tasks };
}

/** Closes the open stage visit and opens the next one. */
export async function recordStageVisit(
  db: DbOrTx,
  v: { orgId: string; id: string; dealId: string; stageId: string; at: Date; actorId: string | null },
) {
  await db
    .update(dealStageHistory)
    .set({ leftAt: v.at })
    .where(and(eq(dealStageHistory.orgId, v.orgId), eq(dealStageHistory.dealId, v.dealId), isNull(dealStageHistory.leftAt)));
  await db
    .insert(dealStageHistory)
    .values({ orgId: v.orgId, id: v.id, dealId: v.dealId, stageId: v.stageId, enteredAt: v.at, leftAt: null, actorId: v.actorId });
}
