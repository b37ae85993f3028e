import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { loginEmails, users } from './users.table.ts';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;

/** Inserts the user and claims its email for sign-in; a taken email fails with a unique violation. */
export async function insertUserRow(db: DbOrTx, row: NewUserRow): Promise<UserRow> {
  const [user] = await db.insert(users).values(row).returning();
  await db.insert(loginEmails).values({ email: row.email, orgId: row.orgId, userId: row.id });
  return user;
}

export async function findUser(db: DbOrTx, orgId: string, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
  return row;
}

/** Sign-in looks a user up by email across all organisations. */
export async function findUserByLoginEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select({ user: users })
    .from(loginEmails)
    .innerJoin(users, and(eq(users.orgId, loginEmails.orgId), eq(users.id, loginEmails.userId)))
    .where(eq(loginEmails.email, email));
  return row?.user;
}

export type UserFilter = { q?: string; role?: UserRow['role']; teamId?: string; active?: boolean };
const SORTS = { name: users.name, email: users.email, createdAt: users.createdAt } as const;
export type UserSortKey = keyof typeof SORTS;

export async function listUsers(
  db: DbOrTx,
  orgId: string,
  filter: UserFilter,
  page: { limit: number; sort: { key: UserSortKey; desc: boolean }; after?: CursorValue[] },
): Promise<UserRow[]> {
  const column = SORTS[page.sort.key];
  const where: (SQL | undefined)[] = [eq(users.orgId, orgId)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
  }
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.teamId) where.push(eq(users.teamId, filter.teamId));
  if (filter.active !== undefined) where.push(eq(users.active, filter.active));
  if (page.after) {
    const [value, id] = page.after;
    const v = page.sort.key === 'createdAt' ? new Date(String(value)) : value;
    where.push(page.sort.desc ? sql`(${column}, ${users.id}) < (${v}, ${id})` : sql`(${column}, ${users.id}) > (${v}, ${id})`);
  }
  const order = page.sort.desc ? [desc(column), desc(users.id)] : [asc(column), asc(users.id)];
  return db
    .select()
    .from(users)
    .where(and(...where))
    .orderBy(...order)
    .limit(page.limit + 1);
}

/** Updates only if the row is still at `version`; returns undefined when it is not (or is gone). */
export async function updateUserRow(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  patch: Partial<NewUserRow>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1` })
    .where(and(eq(users.orgId, orgId), eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/** Security bookkeeping (lockout, password, reset token): not a business edit, so no version bump. */
export async function setUserSecurityFields(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: Pick<Partial<NewUserRow>, 'failedLogins' | 'lockedUntil' | 'passwordHash' | 'resetTokenHash' | 'resetExpiresAt'>,
) {
  await db
    .update(users)
    .set(patch)
    .where(and(eq(users.orgId, orgId), eq(users.id, id)));
}

export async function findUserByResetTokenHash(db: DbOrTx, tokenHash: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.resetTokenHash, tokenHash));
  return row;
}

export async function countAllUsers(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row.n;
}
