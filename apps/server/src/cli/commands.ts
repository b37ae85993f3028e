import { ZEmail, ZName, ZPassword, ZRole } from '@tierline/contracts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { deleteUserSessions } from '../modules/auth/auth.repository.ts';
import { issuePasswordReset } from '../modules/auth/auth.usecases.ts';
import { hashPassword } from '../modules/auth/credentials.ts';
import { orgs } from '../modules/orgs/orgs.table.ts';
import { createOrganisation } from '../modules/orgs/orgs.usecases.ts';
import { findUserByLoginEmail, insertUserRow, setUserSecurityFields } from '../modules/users/users.repository.ts';
import { userView } from '../modules/users/users.usecases.ts';
import { recordAudit } from '../platform/audit/audit.writer.ts';
import { newId } from '../platform/ids.ts';

/** The CLI's own input errors: printed as one line, exit code 2. */
export class UsageError extends Error {}

function parse<T extends z.ZodType>(schema: T, value: unknown, flag: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new UsageError(`--${flag}: ${r.error.issues[0].message}`);
  return r.data;
}

/** An organisation named by id or by exact name. */
async function findOrgId(db: Db, ref: string) {
  const byId = z.uuid().safeParse(ref).success ? await db.select().from(orgs).where(eq(orgs.id, ref)) : [];
  const rows = byId.length ? byId : await db.select().from(orgs).where(eq(orgs.name, ref));
  if (rows.length !== 1)
    throw new UsageError(rows.length ? `more than one organisation is named "${ref}": use its id` : `no organisation "${ref}"`);
  return rows[0].id;
}

const cliAudit = (orgId: string) => ({ orgId, actorId: null, requestId: 'cli', at: new Date() });

export async function orgCreate(db: Db, o: { name: string; adminEmail: string; adminPassword: string; adminName: string }) {
  const input = {
    orgName: parse(ZName, o.name, 'name'),
    admin: {
      email: parse(ZEmail, o.adminEmail, 'admin-email'),
      password: parse(ZPassword, o.adminPassword, 'admin-password'),
      name: parse(ZName, o.adminName, 'admin-name'),
    },
  };
  if (await findUserByLoginEmail(db, input.admin.email)) throw new UsageError(`--admin-email: ${input.admin.email} is already registered`);
  const { orgId, admin } = await db.transaction((tx) => createOrganisation(tx, input, new Date()));
  return `created organisation ${input.orgName} (${orgId}) with admin ${admin.email}`;
}

export async function userCreate(db: Db, o: { org: string; email: string; name: string; role: string; password: string }) {
  const orgId = await findOrgId(db, o.org);
  const email = parse(ZEmail, o.email, 'email');
  if (await findUserByLoginEmail(db, email)) throw new UsageError(`--email: ${email} is already registered`);
  const now = new Date();
  const row = {
    orgId,
    id: newId(),
    email,
    name: parse(ZName, o.name, 'name'),
    role: parse(ZRole, o.role, 'role'),
    passwordHash: await hashPassword(parse(ZPassword, o.password, 'password')),
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    const user = await insertUserRow(tx, row);
    await recordAudit(tx, cliAudit(orgId), { action: 'create', entity: 'user', entityId: user.id, before: null, after: userView(user) });
  });
  return `created ${row.role} ${email} (${row.id})`;
}

/** Sets a new password when one is given; otherwise prints a one-time reset token. Either way, ends the user's sessions and lockout. */
export async function userResetPassword(db: Db, o: { email: string; password?: string }) {
  const user = await findUserByLoginEmail(db, parse(ZEmail, o.email, 'email'));
  if (!user) throw new UsageError(`--email: no user ${o.email}`);
  if (!o.password) {
    const ticket = await issuePasswordReset(db, user, new Date());
    return `reset token for ${user.email} (valid until ${ticket.expiresAt}):\n${ticket.token}\nuse it with POST /api/v1/auth/password-reset`;
  }
  const passwordHash = await hashPassword(parse(ZPassword, o.password, 'password'));
  await db.transaction(async (tx) => {
    await setUserSecurityFields(tx, user.orgId, user.id, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
      resetTokenHash: null,
      resetExpiresAt: null,
    });
    await deleteUserSessions(tx, user.orgId, user.id);
  });
  return `password of ${user.email} changed; their sessions were ended`;
}
