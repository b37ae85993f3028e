import type { TSession } from '@tierline/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, tooManyRequests, unauthenticated } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { orgs } from '../orgs/orgs.table.ts';
import {
  findUser,
  findUserByLoginEmail,
  findUserByResetTokenHash,
  setUserSecurityFields,
  type UserRow,
} from '../users/users.repository.ts';
import { users } from '../users/users.table.ts';
import * as repo from './auth.repository.ts';
import { decoyPasswordHash, hashPassword, newSecret, sha256, verifyPassword } from './credentials.ts';
import { afterFailedLogin, afterSuccessfulLogin, isLocked, type LockoutPolicy, secondsUntilUnlock } from './loginThrottle.rules.ts';

const SESSION_TTL_MS = 7 * 24 * 3600_000;
const RESET_TTL_MS = 24 * 3600_000;
/** Writing last_seen_at on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export type AuthDeps = { db: Db; clock: Clock; lockout: LockoutPolicy };

async function orgName(db: DbOrTx, orgId: string) {
  const [org] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return org?.name ?? '';
}

export async function sessionView(db: DbOrTx, user: UserRow, csrfToken: string): Promise<TSession> {
  return {
    user: {
      id: user.id,
      orgId: user.orgId,
      orgName: await orgName(db, user.orgId),
      email: user.email,
      name: user.name,
      role: user.role,
      teamId: user.teamId,
      levelId: user.levelId,
      locale: user.locale,
    },
    csrfToken,
  };
}

/** Starts a new session for the user: a fresh id and secret at every sign-in (no session fixation). */
export async function startSession(db: DbOrTx, user: UserRow, now: Date) {
  const secret = newSecret();
  const csrfToken = newSecret();
  await repo.insertSession(db, {
    orgId: user.orgId,
    id: newId(),
    userId: user.id,
    tokenHash: sha256(secret),
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
  });
  return { cookieValue: secret, session: await sessionView(db, user, csrfToken), maxAgeSeconds: SESSION_TTL_MS / 1000 };
}

const wrongCredentials = () => new AppError(401, 'invalid_credentials', 'Not signed in', 'Wrong email or password');

export async function login(deps: AuthDeps, input: { email: string; password: string }) {
  const now = deps.clock.now();
  const user = await findUserByLoginEmail(deps.db, input.email);
  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    throw wrongCredentials();
  }
  if (isLocked(user, now)) {
    throw tooManyRequests('Too many wrong passwords: this account is locked for a while', secondsUntilUnlock(user, now));
  }
  if (!(await verifyPassword(user.passwordHash, input.password)) || !user.active) {
    const next = afterFailedLogin(user, now, deps.lockout);
    await setUserSecurityFields(deps.db, user.orgId, user.id, next);
    if (isLocked(next, now)) {
      throw tooManyRequests('Too many wrong passwords: this account is locked for a while', secondsUntilUnlock(next, now));
    }
    throw wrongCredentials();
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await setUserSecurityFields(deps.db, user.orgId, user.id, afterSuccessfulLogin());
  }
  return startSession(deps.db, user, now);
}

function actorOf(user: UserRow, managed: string[], via: Actor['via'], extra: Partial<Actor> = {}): Actor {
  return {
    orgId: user.orgId,
    userId: user.id,
    role: user.role,
    teamId: user.teamId,
    levelId: user.levelId,
    managedTeamIds: managed,
    via,
    ...extra,
  };
}

export async function actorFromSessionCookie(deps: Pick<AuthDeps, 'db' | 'clock'>, secret: string): Promise<Actor | undefined> {
  const now = deps.clock.now();
  const found = await repo.findLiveSession(deps.db, sha256(secret), now);
  if (!found) return undefined;
  if (now.getTime() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchSession(deps.db, found.session.orgId, found.session.id, now);
  }
  const managed = found.user.role === 'manager' ? await repo.managedTeamIds(deps.db, found.user.orgId, found.user.id) : [];
  return actorOf(found.user, managed, 'session', { sessionId: found.session.id, csrfToken: found.session.csrfToken });
}

export async function actorFromApiToken(deps: Pick<AuthDeps, 'db' | 'clock'>, token: string): Promise<Actor | undefined> {
  const now = deps.clock.now();
  const found = await repo.findLiveApiToken(deps.db, sha256(token), now);
  if (!found) return undefined;
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await repo.touchApiToken(deps.db, found.token.orgId, found.token.id, now);
  }
  const managed = found.user.role === 'manager' ? await repo.managedTeamIds(deps.db, found.user.orgId, found.user.id) : [];
  return actorOf(found.user, managed, 'token');
}

/** The actor a durable job acts as (an import runs as the user who started it); undefined once they are deactivated. */
export async function actorOfUser(db: DbOrTx, orgId: string, userId: string): Promise<Actor | undefined> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId), eq(users.active, true)));
  if (!user) return undefined;
  const managed = user.role === 'manager' ? await repo.managedTeamIds(db, orgId, userId) : [];
  return actorOf(user, managed, 'session');
}

export async function logout(ctx: Ctx) {
  if (ctx.actor.sessionId) await repo.deleteSession(ctx.db, ctx.actor.orgId, ctx.actor.sessionId);
}

export async function currentSession(ctx: Ctx): Promise<TSession> {
  const user = await findUser(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  if (!user) throw unauthenticated();
  return sessionView(ctx.db, user, ctx.actor.csrfToken ?? '');
}

/** Changing one's password ends every other session of that user. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const user = await findUser(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(400, 'invalid_credentials', 'Bad request', 'The current password is wrong', [
      { path: 'currentPassword', message: 'wrong password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await setUserSecurityFields(tx, user.orgId, user.id, { passwordHash });
    await repo.deleteUserSessions(tx, user.orgId, user.id, ctx.actor.sessionId);
  });
}

/** A one-time reset ticket for a user (handed over by an admin, or printed by the CLI). */
export async function issuePasswordReset(db: DbOrTx, user: UserRow, now: Date) {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + RESET_TTL_MS);
  await setUserSecurityFields(db, user.orgId, user.id, { resetTokenHash: sha256(token), resetExpiresAt: expiresAt });
  return { token, expiresAt: expiresAt.toISOString() };
}

export async function resetPassword(deps: Pick<AuthDeps, 'db' | 'clock'>, input: { token: string; newPassword: string }) {
  const now = deps.clock.now();
  const user = await findUserByResetTokenHash(deps.db, sha256(input.token));
  if (!user?.resetExpiresAt || user.resetExpiresAt.getTime() <= now.getTime()) {
    throw new AppError(400, 'invalid_reset_token', 'Bad request', 'This reset link is invalid or has expired', [
      { path: 'token', message: 'invalid or expired' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setUserSecurityFields(tx, user.orgId, user.id, {
      passwordHash,
      resetTokenHash: null,
      resetExpiresAt: null,
      ...afterSuccessfulLogin(),
    });
    await repo.deleteUserSessions(tx, user.orgId, user.id);
  });
}
