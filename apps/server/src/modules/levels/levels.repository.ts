import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { newId } from '../../platform/ids.ts';
import { DEFAULT_LEVELS } from './levels.rules.ts';
import { levels } from './levels.table.ts';

export const listLevels = (db: DbOrTx, orgId: string) => db.select().from(levels).where(eq(levels.orgId, orgId)).orderBy(asc(levels.rank));

export async function levelExists(db: DbOrTx, orgId: string, id: string) {
  const rows = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, id)));
  return rows.length > 0;
}

export async function insertDefaultLevels(db: DbOrTx, orgId: string) {
  await db.insert(levels).values(DEFAULT_LEVELS.map((l) => ({ ...l, orgId, id: newId() })));
}
