import { and, desc, eq, gt, isNull, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { apiTokens, sessions } from './auth.table.ts';

export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export async function insertSession(db: DbOrTx, row: SessionRow) {
  await db.insert(sessions).values(row);
}

/** The live session with this token hash, with its (active) user. */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, and(eq(users.orgId, sessions.orgId), eq(users.id, sessions.userId)))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row;
}

export async function touchSession(db: DbOrTx, orgId: string, id: string, now: Date) {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

export async function deleteSession(db: DbOrTx, orgId: string, id: string) {
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.id, id)));
}

/** Ends every session of a user but the one given (after a password change) or all of them. */
export async function deleteUserSessions(db: DbOrTx, orgId: string, userId: string, exceptId?: string) {
  const mine = and(eq(sessions.orgId, orgId), eq(sessions.userId, userId));
  await db.delete(sessions).where(exceptId ? and(mine, ne(sessions.id, exceptId)) : mine);
}

export async function managedTeamIds(db: DbOrTx, orgId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.managerId, userId)));
  return rows.map((r) => r.id);
}

export async function insertApiToken(db: DbOrTx, row: ApiTokenRow) {
  await db.insert(apiTokens).values(row);
}

export async function findLiveApiToken(db: DbOrTx, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, and(eq(users.orgId, apiTokens.orgId), eq(users.id, apiTokens.userId)))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now)),
        eq(users.active, true),
      ),
    );
  return row;
}

export async function touchApiToken(db: DbOrTx, orgId: string, id: string, now: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, id)));
}

export const listUserApiTokens = (db: DbOrTx, orgId: string, userId: string) =>
  db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));

/** Revokes the user's own token; false when there is no such live token of theirs. */
export async function revokeApiToken(db: DbOrTx, orgId: string, userId: string, id: string, now: Date) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.userId, userId), eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
