import type { TTeam } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, parseSort, toPage } from '../../platform/pagination.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { findUser } from '../users/users.repository.ts';
import * as repo from './teams.repository.ts';

export const teamView = (t: repo.TeamRow): TTeam => ({
  id: t.id,
  name: t.name,
  region: t.region,
  managerId: t.managerId,
  createdAt: t.createdAt.toISOString(),
  version: t.version,
});

type TeamInput = { name?: string; region?: string | null; managerId?: string | null };

/** A team's manager must be a person of the organisation who can lead it: not a rep or a viewer. */
async function checkManager(ctx: Ctx, managerId: string | null | undefined) {
  if (!managerId) return;
  const manager = await findUser(ctx.db, ctx.actor.orgId, managerId);
  if (!manager)
    throw unprocessable('unknown_reference', 'No such user in this organisation', [{ path: 'managerId', message: 'unknown user' }]);
  if (!['manager', 'director', 'admin'].includes(manager.role)) {
    throw unprocessable('invalid_manager', 'A team manager must have the manager, director or admin role', [
      { path: 'managerId', message: `role ${manager.role} cannot manage a team` },
    ]);
  }
}

function writeError(err: unknown) {
  if (isUniqueViolation(err)) return conflict('name_taken', 'A team with this name exists', [{ path: 'name', message: 'already used' }]);
  if (isForeignKeyViolation(err)) return conflict('team_has_members', 'Move this team’s members to another team first');
  return err;
}

export async function listTeams(ctx: Ctx, query: { limit: number; cursor?: string; sort: `${'-' | ''}${repo.TeamSortKey}` }) {
  const sort = parseSort<repo.TeamSortKey>(query.sort);
  const rows = await repo.listTeams(ctx.db, ctx.actor.orgId, { limit: query.limit, sort, after: decodeCursor(query.cursor, 2) });
  const page = toPage(rows, query.limit, (t) => [sort.key === 'createdAt' ? t.createdAt.toISOString() : t.name, t.id]);
  return { data: page.data.map(teamView), nextCursor: page.nextCursor };
}

export async function getTeam(ctx: Ctx, id: string) {
  const team = await repo.findTeam(ctx.db, ctx.actor.orgId, id);
  if (!team) throw notFound('Team');
  return team;
}

export async function createTeam(ctx: Ctx, input: TeamInput & { name: string }) {
  await checkManager(ctx, input.managerId);
  const now = ctx.clock.now();
  try {
    return await ctx.db.transaction(async (tx) => {
      const team = await repo.insertTeam(tx, {
        orgId: ctx.actor.orgId,
        id: newId(),
        name: input.name,
        region: input.region ?? null,
        managerId: input.managerId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, ctx, { action: 'create', entity: 'team', entityId: team.id, before: null, after: teamView(team) });
      return team;
    });
  } catch (err) {
    throw writeError(err);
  }
}

export async function updateTeam(ctx: Ctx, id: string, version: number, patch: TeamInput) {
  await checkManager(ctx, patch.managerId);
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await repo.findTeam(tx, ctx.actor.orgId, id);
      if (!before) throw notFound('Team');
      const after = await repo.updateTeamRow(tx, ctx.actor.orgId, id, version, { ...patch, updatedAt: ctx.clock.now() });
      if (!after) throw staleVersion('team', before.version);
      await recordAudit(tx, ctx, { action: 'update', entity: 'team', entityId: id, before: teamView(before), after: teamView(after) });
      return after;
    });
  } catch (err) {
    throw writeError(err);
  }
}

export async function deleteTeam(ctx: Ctx, id: string, version: number) {
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await repo.findTeam(tx, ctx.actor.orgId, id);
      if (!before) throw notFound('Team');
      if (!(await repo.deleteTeamRow(tx, ctx.actor.orgId, id, version))) throw staleVersion('team', before.version);
      await recordAudit(tx, ctx, { action: 'delete', entity: 'team', entityId: id, before: teamView(before), after: null });
    });
  } catch (err) {
    throw writeError(err);
  }
}
