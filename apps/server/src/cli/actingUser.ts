import { ZEmail } from '@tierline/contracts';
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { managedTeamIds } from '../modules/auth/auth.repository.ts';
import { orgs } from '../modules/orgs/orgs.table.ts';
import { findUserByLoginEmail, type UserRow } from '../modules/users/users.repository.ts';
import { users } from '../modules/users/users.table.ts';
import type { Actor } from '../platform/access.ts';
import { UsageError } from './commands.ts';

// Who a data command (export, import) acts as: it sees and changes exactly what that user may in the app.

/** An organisation named by id or by exact name. */
export async function findOrg(db: Db, ref: string) {
  const byId = z.uuid().safeParse(ref).success ? await db.select().from(orgs).where(eq(orgs.id, ref)) : [];
  const rows = byId.length ? byId : await db.select().from(orgs).where(eq(orgs.name, ref));
  if (rows.length !== 1)
    throw new UsageError(
      rows.length ? `--org: more than one organisation is named "${ref}": use its id` : `--org: no organisation "${ref}"`,
    );
  return rows[0];
}

/** The user the command acts as: the one named by --as, or the organisation's first active admin. */
export async function findActingUser(db: Db, orgId: string, email: string | undefined): Promise<UserRow> {
  if (email) {
    const parsed = ZEmail.safeParse(email);
    const user = parsed.success ? await findUserByLoginEmail(db, parsed.data) : undefined;
    if (!user || user.orgId !== orgId) throw new UsageError(`--as: no user ${email} in this organisation`);
    if (!user.active) throw new UsageError(`--as: ${email} is deactivated`);
    return user;
  }
  const [admin] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'admin'), eq(users.active, true)))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(1);
  if (!admin) throw new UsageError('--as: the organisation has no active admin; name a user');
  return admin;
}

/** The same Actor a session of this user resolves to, so the command sees exactly what they see in the app. */
export async function actorOf(db: Db, user: UserRow): Promise<Actor> {
  return {
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    teamId: user.teamId,
    levelId: user.levelId,
    managedTeamIds: user.role === 'manager' ? await managedTeamIds(db, user.orgId, user.id) : [],
    // Not a cookie session: no CSRF token, like an API token.
    via: 'token',
  };
}
