import type { TUser, TUserCreate, TUserUpdate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { emitDomainEvent } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { issuePasswordReset } from '../auth/auth.usecases.ts';
import { hashPassword } from '../auth/credentials.ts';
import * as repo from './users.repository.ts';

export const userView = (u: repo.UserRow): TUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  teamId: u.teamId,
  levelId: u.levelId,
  locale: u.locale,
  active: u.active,
  available: u.available,
  hireDate: u.hireDate,
  createdAt: u.createdAt.toISOString(),
  version: u.version,
});

/** The people of one's organisation are visible to every member: owners, managers and teams are named everywhere. */
export async function listUsers(
  ctx: Ctx,
  query: {
    limit: number;
    cursor?: string;
    sort: `${'-' | ''}${repo.UserSortKey}`;
    q?: string;
    role?: TUser['role'];
    teamId?: string;
    active?: 'true' | 'false';
  },
) {
  const sort = parseSort<repo.UserSortKey>(query.sort);
  const rows = await repo.listUsers(
    ctx.db,
    ctx.actor.orgId,
    { q: query.q, role: query.role, teamId: query.teamId, active: query.active === undefined ? undefined : query.active === 'true' },
    { limit: query.limit, sort, after: decodeCursor(query.cursor, 2) },
  );
  const page = toPage(rows, query.limit, (u) => [sort.key === 'createdAt' ? u.createdAt.toISOString() : u[sort.key], u.id]);
  return { data: page.data.map(userView), nextCursor: page.nextCursor };
}

export async function getUser(ctx: Ctx, id: string) {
  const user = await repo.findUser(ctx.db, ctx.actor.orgId, id);
  if (!user) throw notFound('User');
  return user;
}

/** A team or level that is not the caller's organisation's is reported as the field that named it. */
function referenceError(err: unknown, input: { teamId?: string | null; levelId?: string | null }) {
  if (isForeignKeyViolation(err)) {
    const field = String((err as { cause?: { constraint?: string } }).cause?.constraint ?? '').includes('level') ? 'levelId' : 'teamId';
    return unprocessable('unknown_reference', `No such ${field === 'levelId' ? 'level' : 'team'} in this organisation`, [
      { path: field, message: `unknown ${field === 'levelId' ? 'level' : 'team'} ${input[field]}` },
    ]);
  }
  if (isUniqueViolation(err))
    return conflict('email_taken', 'This email is already registered', [{ path: 'email', message: 'already registered' }]);
  return err;
}

export async function createUser(ctx: Ctx, input: TUserCreate) {
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const user = await repo.insertUserRow(tx, {
        orgId: ctx.actor.orgId,
        id: newId(),
        email: input.email,
        name: input.name,
        role: input.role,
        teamId: input.teamId ?? null,
        levelId: input.levelId ?? null,
        locale: input.locale ?? 'zh-CN',
        hireDate: input.hireDate ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, { action: 'create', entity: 'user', entityId: user.id, before: null, after: userView(user) });
      return user;
    });
  } catch (err) {
    throw referenceError(err, input);
  }
}

export async function updateUser(ctx: Ctx, id: string, version: number, patch: Omit<TUserUpdate, 'version'>) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await repo.findUser(tx, ctx.actor.orgId, id);
      if (!before) throw notFound('User');
      const after = await repo.updateUserRow(tx, ctx.actor.orgId, id, version, { ...patch, updatedAt: ctx.clock.now() });
      if (!after) throw staleVersion('user', before.version);
      await recordAudit(tx, ctx, { action: 'update', entity: 'user', entityId: id, before: userView(before), after: userView(after) });
      if (after.levelId !== before.levelId)
        await emitDomainEvent(tx, ctx.clock.now(), {
          orgId: ctx.actor.orgId,
          type: 'user.level_changed',
          data: { userId: id, name: after.name, fromLevelId: before.levelId, toLevelId: after.levelId, changedBy: ctx.actor.userId },
        });
      return after;
    });
  } catch (err) {
    throw referenceError(err, patch);
  }
}

/** Away or back, as the person says themselves; no version needed (it is their own flag, last word wins). */
export async function setOwnAvailability(ctx: Ctx, available: boolean) {
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findUser(tx, ctx.actor.orgId, ctx.actor.userId);
    if (!before) throw notFound('User');
    const after = await repo.updateUserRow(tx, ctx.actor.orgId, before.id, before.version, { available, updatedAt: ctx.clock.now() });
    if (!after) throw staleVersion('user', before.version);
    await recordAudit(tx, ctx, { action: 'update', entity: 'user', entityId: before.id, before: userView(before), after: userView(after) });
    return after;
  });
}

export async function startPasswordReset(ctx: Ctx, id: string) {
  const user = await getUser(ctx, id);
  return issuePasswordReset(ctx.db, user, ctx.clock.now());
}
