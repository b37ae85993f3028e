import type { TRepProfile } from '@tierline/contracts';
import { type Actor, dataScopeOf } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { forbidden, notFound, staleVersion } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import type { UserRow } from '../users/users.repository.ts';
import { userView } from '../users/users.usecases.ts';
import { levelSince, orgToday } from './levelHistory.repository.ts';
import { findProfileRow, levelHistoryOf, type ProfileRow, updateCapacity } from './repProfiles.repository.ts';

/** A profile is seen by the person, the managers of their team, and the organisation-wide roles (viewer included). */
function canSee(actor: Actor, user: Pick<UserRow, 'id' | 'teamId'>) {
  const scope = dataScopeOf(actor);
  if (scope.kind === 'org' || user.id === actor.userId) return true;
  return scope.kind === 'team' && user.teamId !== null && scope.teamIds.includes(user.teamId);
}

/** Capacity is set by the manager of the person's team, a director or an admin. */
function canSetCapacity(actor: Actor, user: Pick<UserRow, 'teamId'>) {
  if (actor.role === 'director' || actor.role === 'admin') return true;
  return actor.role === 'manager' && user.teamId !== null && actor.managedTeamIds.includes(user.teamId);
}

async function visibleProfileRow(ctx: Ctx, userId: string): Promise<ProfileRow> {
  const row = await findProfileRow(ctx.db, ctx.actor.orgId, userId);
  if (!row || !canSee(ctx.actor, row.user)) throw notFound('Rep');
  return row;
}

/** The profile's view: history latest first; level since the latest change in force today (organisation's calendar), else the hire. */
async function profileOf(ctx: Ctx, row: ProfileRow): Promise<TRepProfile> {
  const { orgId } = ctx.actor;
  const today = await orgToday(ctx.db, orgId, ctx.clock.now());
  const since = (await levelSince(ctx.db, orgId, [row.user.id], today)).get(row.user.id) ?? null;
  return profileView(row, since, await levelHistoryOf(ctx.db, orgId, row.user.id));
}

function profileView(row: ProfileRow, since: string | null, history: Awaited<ReturnType<typeof levelHistoryOf>>): TRepProfile {
  const { user } = row;
  const capacity = user.capacity ?? row.levelCapacity;
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    teamId: user.teamId,
    levelId: user.levelId,
    levelSince: since,
    hireDate: user.hireDate,
    capacity,
    capacitySource: user.capacity !== null ? 'rep' : row.levelCapacity !== null ? 'level' : 'none',
    openDeals: row.openDeals,
    available: user.available,
    history: history.map((h) => ({
      id: h.id,
      userId: h.userId,
      fromLevelId: h.fromLevelId,
      toLevelId: h.toLevelId,
      effectiveOn: h.effectiveOn,
      reason: h.reason,
      decisionId: h.decisionId,
      changedBy: h.changedBy,
      createdAt: h.createdAt.toISOString(),
    })),
    version: user.version,
  };
}

export async function getRepProfile(ctx: Ctx, userId: string): Promise<TRepProfile> {
  return profileOf(ctx, await visibleProfileRow(ctx, userId));
}

/**
 * Sets how many open deals this person may carry (null: their level's). Assignment reads it from the next
 * assignment on; deals they carry already stay theirs. Versioned on the person's record.
 */
export async function setRepCapacity(ctx: Ctx, userId: string, version: number, capacity: number | null): Promise<TRepProfile> {
  return inTransaction(ctx, async (tx) => {
    const before = await visibleProfileRow(tx, userId);
    if (!canSetCapacity(ctx.actor, before.user)) throw forbidden('Only the manager of their team, a director or an admin sets capacity');
    const updated = await updateCapacity(tx.db, ctx.actor.orgId, userId, version, capacity, ctx.clock.now());
    if (!updated) throw staleVersion('user', before.user.version);
    const after = await visibleProfileRow(tx, userId);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'user',
      entityId: userId,
      before: { ...userView(before.user), capacity: before.user.capacity },
      after: { ...userView(after.user), capacity: after.user.capacity },
    });
    return profileOf(tx, after);
  });
}
