import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { dashboardSnapshots } from './analytics.table.ts';

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
