import { ZEmail, ZName, ZPassword, ZRole } from '@tierline/contracts';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { createDemoOrganisation, DEMO_PASSWORD } from '../demo/demo.ts';
import { DemoTime } from '../demo/demoTime.ts';
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

const ZSeed = z.coerce.number().int().min(0).max(0xffffffff);
const ZScale = z.coerce.number().gt(0).max(5);
const ZAsOf = (today: string) => z.iso.date().refine((d) => d <= today, `must not be after today (${today})`);

type DemoFlags = { orgName: string; adminEmail: string; adminPassword: string; seed: string; asOf?: string; scale: string };

/**
 * Creates the demo organisation (see docs/decisions/0023-demo-organisation.md), printing a line per step,
 * then who can sign in. An organisation of the same name is refused (DemoRefused: exit code 1).
 */
export async function demo(db: Db, o: DemoFlags) {
  const today = DemoTime.today();
  const options = {
    orgName: parse(ZName, o.orgName, 'org-name'),
    adminEmail: parse(ZEmail, o.adminEmail, 'admin-email'),
    adminPassword: parse(ZPassword, o.adminPassword, 'admin-password'),
    seed: parse(ZSeed, o.seed, 'seed'),
    asOf: parse(ZAsOf(today), o.asOf ?? today, 'as-of'),
    scale: parse(ZScale, o.scale, 'scale'),
  };
  console.log(`creating the demo organisation ${options.orgName} (seed ${options.seed}, as of ${options.asOf}, scale ${options.scale})`);
  const { counts, people, seconds } = await createDemoOrganisation(db, options, (line) => console.log(`  ${line}`));
  const n = (x: number) => x.toLocaleString('en-US');
  return [
    `created ${options.orgName} in ${seconds.toFixed(1)} s:`,
    `  ${n(counts.users)} users in ${counts.teams} teams, ${n(counts.customers)} customers (KA ${counts.tiers.ka ?? 0}, VIP ${counts.tiers.vip ?? 0}, SMB ${counts.tiers.smb ?? 0}), ${n(counts.contacts)} contacts`,
    `  ${n(counts.orders)} orders, ${n(counts.deals)} deals, ${n(counts.leads)} leads, ${n(counts.contracts)} contracts with ${n(counts.payments)} payments, ${n(counts.approvals)} approvals`,
    `  ${n(counts.activities)} activities, ${n(counts.tasks)} tasks, ${n(counts.service_requests)} service requests, ${n(counts.pool_events)} pool events`,
    `sign in as ${options.adminEmail} with the password ${options.adminPassword}`,
    `every demo user has the same password, for example:`,
    ...people.map((p) => `  ${p.email.padEnd(32)} ${p.label}`),
    ...(options.adminPassword === DEMO_PASSWORD ? ['(the demo password is public: do not use this organisation for real data)'] : []),
  ].join('\n');
}
