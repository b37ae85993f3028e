import type { TLevelHistoryEntry, TUser, TUserCreate, TUserUpdate } from '@tierline/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { emitDomainEvent } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { issuePasswordReset } from '../auth/auth.usecases.ts';
import { hashPassword } from '../auth/credentials.ts';
import { insertLevelHistory, orgToday } from '../levels/levelHistory.repository.ts';
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
      if (user.levelId) {
        // The level holds from the hire (or from today, the first the organisation knows of them).
        const effectiveOn = user.hireDate ?? (await orgToday(tx, user.orgId, now));
        await insertLevelHistory(tx, [
          { ...levelEntry(user, null, { effectiveOn, reason: 'manual', changedBy: ctx.actor.userId }), createdAt: now },
        ]);
      }
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
      if (after.levelId !== before.levelId) {
        const effectiveOn = await orgToday(tx, ctx.actor.orgId, ctx.clock.now());
        await levelChanged(tx, ctx.clock.now(), before, after, { effectiveOn, reason: 'manual', changedBy: ctx.actor.userId });
      }
      return after;
    });
  } catch (err) {
    throw referenceError(err, patch);
  }
}

type LevelChange = Pick<TLevelHistoryEntry, 'effectiveOn' | 'reason' | 'changedBy'> & { decisionId?: string | null };

/** The history entry of a person's level change (decision 0027). */
export const levelEntry = (after: repo.UserRow, fromLevelId: string | null, change: LevelChange) => ({
  orgId: after.orgId,
  userId: after.id,
  fromLevelId,
  toLevelId: after.levelId,
  effectiveOn: change.effectiveOn,
  reason: change.reason,
  decisionId: change.decisionId ?? null,
  changedBy: change.changedBy,
});

/** What follows every change of a person's level, in its transaction: the `user.level_changed` event and the history entry. */
async function levelChanged(tx: DbOrTx, at: Date, before: repo.UserRow, after: repo.UserRow, change: LevelChange) {
  await emitDomainEvent(tx, at, {
    orgId: after.orgId,
    type: 'user.level_changed',
    data: { userId: after.id, name: after.name, fromLevelId: before.levelId, toLevelId: after.levelId, changedBy: change.changedBy },
  });
  await insertLevelHistory(tx, [{ ...levelEntry(after, before.levelId, change), createdAt: at }]);
}

/**
 * Sets a person's level as the users page does — the row (its version moves), the audit entry, the
 * `user.level_changed` event and the history entry — in the caller's transaction, for an accepted level
 * evaluation dated `effectiveOn` (decision 0027). `who` is the decider, or the system when the daily job applies
 * a decision dated in the future. Undefined when the person is not (or no longer) at `fromLevelId`.
 */
export async function setUserLevel(
  tx: DbOrTx,
  who: Parameters<typeof recordAudit>[1],
  userId: string,
  level: { fromLevelId: string | null; toLevelId: string },
  change: LevelChange,
) {
  const [orgId, at] = 'actor' in who ? [who.actor.orgId, who.clock.now()] : [who.orgId, who.at];
  const before = await repo.findUser(tx, orgId, userId);
  if (!before || before.levelId !== level.fromLevelId) return undefined;
  const after = await repo.updateUserRow(tx, orgId, userId, before.version, { levelId: level.toLevelId, updatedAt: at });
  if (!after) throw staleVersion('user', before.version);
  await recordAudit(tx, who, { action: 'update', entity: 'user', entityId: userId, before: userView(before), after: userView(after) });
  await levelChanged(tx, at, before, after, change);
  return after;
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
