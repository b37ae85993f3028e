import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dashboardSnapshots } from './analytics.table.ts';

/** One snapshot: an organisation's figure (`kind`) for one viewer and query (`periodKey`, decision 0035). */
export type SnapshotKey = { orgId: string; kind: string; periodKey: string };

export async function readSnapshot(db: DbOrTx, k: SnapshotKey) {
  const [row] = await db
    .select({ computedAt: dashboardSnapshots.computedAt, body: dashboardSnapshots.body })
    .from(dashboardSnapshots)
    .where(and(eq(dashboardSnapshots.orgId, k.orgId), eq(dashboardSnapshots.kind, k.kind), eq(dashboardSnapshots.periodKey, k.periodKey)));
  return row;
}

/** Keeps the later of two computations: a slow one that started first must not overwrite a newer one. */
export async function saveSnapshot(db: DbOrTx, k: SnapshotKey, computedAt: Date, body: unknown) {
  await db
    .insert(dashboardSnapshots)
    .values({ ...k, computedAt, body })
    .onConflictDoUpdate({
      target: [dashboardSnapshots.orgId, dashboardSnapshots.kind, dashboardSnapshots.periodKey],
      set: { computedAt, body },
      setWhere: sql`${dashboardSnapshots.computedAt} < excluded.computed_at`,
    });
}

/** Snapshots last computed before `before` (filters tried once, a quarter gone by) are not kept. */
export async function dropSnapshotsBefore(db: DbOrTx, orgId: string, before: Date) {
  await db.delete(dashboardSnapshots).where(and(eq(dashboardSnapshots.orgId, orgId), lt(dashboardSnapshots.computedAt, before)));
}
