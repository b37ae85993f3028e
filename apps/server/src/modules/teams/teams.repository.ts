import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { teams } from './teams.table.ts';

export type TeamRow = typeof teams.$inferSelect;
const SORTS = { name: teams.name, createdAt: teams.createdAt } as const;
export type TeamSortKey = keyof typeof SORTS;

export async function findTeam(db: DbOrTx, orgId: string, id: string): Promise<TeamRow | undefined> {
  const [row] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)));
  return row;
}

export async function listTeams(
  db: DbOrTx,
  orgId: string,
  page: { limit: number; sort: { key: TeamSortKey; desc: boolean }; after?: CursorValue[] },
) {
  const column = SORTS[page.sort.key];
  const after = page.after
    ? (() => {
        const [value, id] = page.after;
        const v = page.sort.key === 'createdAt' ? new Date(String(value)) : value;
        return page.sort.desc ? sql`(${column}, ${teams.id}) < (${v}, ${id})` : sql`(${column}, ${teams.id}) > (${v}, ${id})`;
      })()
    : undefined;
  return db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), after))
    .orderBy(...(page.sort.desc ? [desc(column), desc(teams.id)] : [asc(column), asc(teams.id)]))
    .limit(page.limit + 1);
}

export async function insertTeam(db: DbOrTx, row: typeof teams.$inferInsert) {
  const [team] = await db.insert(teams).values(row).returning();
  return team;
}

export async function updateTeamRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<typeof teams.$inferInsert>) {
  const [row] = await db
    .update(teams)
    .set({ ...patch, version: sql`${teams.version} + 1` })
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id), eq(teams.version, version)))
    .returning();
  return row;
}

export async function deleteTeamRow(db: DbOrTx, orgId: string, id: string, version: number) {
  const rows = await db
    .delete(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id), eq(teams.version, version)))
    .returning({ id: teams.id });
  return rows.length > 0;
}
