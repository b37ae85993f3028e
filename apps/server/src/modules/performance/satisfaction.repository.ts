import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { customers } from '../customers/customers.table.ts';
import { satisfactionScores } from './performance.table.ts';

export type ScoreRow = typeof satisfactionScores.$inferSelect;
export type NewScoreRow = typeof satisfactionScores.$inferInsert;

export type ScoreFilter = { customerId?: string; ownerId?: string };

const ofCustomer = and(eq(customers.orgId, satisfactionScores.orgId), eq(customers.id, satisfactionScores.customerId));

/** Scores of the customers within `visible` (a condition on customers), latest recorded first by (recordedOn, id). */
export async function listScores(db: DbOrTx, visible: SQL, f: ScoreFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${satisfactionScores.recordedOn}, ${satisfactionScores.id}) < (${String(page.after[0])}::date, ${String(page.after[1])}::uuid)`
    : undefined;
  const rows = await db
    .select({ score: satisfactionScores })
    .from(satisfactionScores)
    .innerJoin(customers, ofCustomer)
    .where(
      and(
        visible,
        f.customerId ? eq(satisfactionScores.customerId, f.customerId) : undefined,
        f.ownerId ? eq(satisfactionScores.ownerId, f.ownerId) : undefined,
        after,
      ),
    )
    .orderBy(desc(satisfactionScores.recordedOn), desc(satisfactionScores.id))
    .limit(page.limit + 1);
  return rows.map((r) => r.score);
}

/** The customers within `visible` among `ids`: their owner and team now (what a new score is stamped with). */
export function customersByIds(db: DbOrTx, visible: SQL, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: customers.id, ownerId: customers.ownerId, teamId: customers.teamId, deletedAt: customers.deletedAt })
    .from(customers)
    .where(and(visible, inArray(customers.id, ids)));
}

/** Recorded scores with these externalIds, and whether their customer is within `visible`. */
export function scoresByExternalIds(db: DbOrTx, orgId: string, visible: SQL, externalIds: string[]) {
  if (!externalIds.length) return Promise.resolve([]);
  return db
    .select({ score: satisfactionScores, visible: sql<boolean>`(case when ${visible} then true else false end)` })
    .from(satisfactionScores)
    .innerJoin(customers, ofCustomer)
    .where(and(eq(satisfactionScores.orgId, orgId), inArray(satisfactionScores.externalId, externalIds)))
    .for('update', { of: satisfactionScores });
}

export async function insertScores(db: DbOrTx, rows: NewScoreRow[]): Promise<ScoreRow[]> {
  if (!rows.length) return [];
  return db.insert(satisfactionScores).values(rows).returning();
}

export async function updateScore(db: DbOrTx, orgId: string, id: string, patch: Pick<NewScoreRow, 'score' | 'recordedOn' | 'comment'>) {
  const [row] = await db
    .update(satisfactionScores)
    .set(patch)
    .where(and(eq(satisfactionScores.orgId, orgId), eq(satisfactionScores.id, id)))
    .returning();
  return row as ScoreRow;
}
