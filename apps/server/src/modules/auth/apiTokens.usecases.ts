import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import * as repo from './auth.repository.ts';
import { newSecret, sha256 } from './credentials.ts';

const TOKEN_PREFIX = 'tl_';

const view = (t: repo.ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
});

/** Creates a token acting with the caller's rights. The token is returned here once and never again. */
export async function createApiToken(ctx: Ctx, input: { name: string; expiresAt?: string }) {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const row: repo.ApiTokenRow = {
    orgId: ctx.actor.orgId,
    id: newId(),
    userId: ctx.actor.userId,
    name: input.name,
    prefix: token.slice(0, 7),
    tokenHash: sha256(token),
    createdAt: ctx.clock.now(),
    lastUsedAt: null,
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    revokedAt: null,
  };
  await repo.insertApiToken(ctx.db, row);
  return { ...view(row), token };
}

export async function listApiTokens(ctx: Ctx) {
  const rows = await repo.listUserApiTokens(ctx.db, ctx.actor.orgId, ctx.actor.userId);
  return rows.map(view);
}

export async function revokeApiToken(ctx: Ctx, id: string) {
  if (!(await repo.revokeApiToken(ctx.db, ctx.actor.orgId, ctx.actor.userId, id, ctx.clock.now()))) {
    throw notFound('API token');
  }
}
