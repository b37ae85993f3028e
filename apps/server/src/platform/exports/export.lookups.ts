import type { TLocale } from '@tierline/contracts';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { visibleCustomers } from '../../modules/customers/customers.access.ts';
import { customers } from '../../modules/customers/customers.table.ts';
import { levels } from '../../modules/levels/levels.table.ts';
import { orgs } from '../../modules/orgs/orgs.table.ts';
import { pipelines, stages } from '../../modules/pipelines/pipelines.table.ts';
import { teams } from '../../modules/teams/teams.table.ts';
import { tiers } from '../../modules/tiers/tiers.table.ts';
import { users } from '../../modules/users/users.table.ts';
import type { Ctx } from '../requestContext.ts';

/**
 * Names an exported page shows instead of ids: one query per page and kind of name, never one per row.
 * Each reads the tables it needs by id within the caller's organisation (customers within their scope).
 */
type Ids = readonly (string | null | undefined)[];
const distinct = (ids: Ids) => [...new Set(ids.filter((id): id is string => !!id))];

/** A name in the export's language, for records named in both (tiers, pipelines, stages, levels). */
export const nameIn = (locale: TLocale, named: { nameZh: string; nameEn: string } | undefined) =>
  named ? (locale === 'en' ? named.nameEn : named.nameZh) : null;

async function byId<R extends { id: string }>(ids: Ids, load: (ids: string[]) => Promise<R[]>): Promise<Map<string, R>> {
  const wanted = distinct(ids);
  return new Map((wanted.length ? await load(wanted) : []).map((r) => [r.id, r]));
}

/** People by id: everyone in the organisation may see who owns what, so no scope beyond the org. */
export const usersById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.orgId, ctx.actor.orgId), inArray(users.id, wanted))),
  );

export const teamsById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: teams.id, name: teams.name })
      .from(teams)
      .where(and(eq(teams.orgId, ctx.actor.orgId), inArray(teams.id, wanted))),
  );

export const tiersById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: tiers.id, key: tiers.key, nameZh: tiers.nameZh, nameEn: tiers.nameEn })
      .from(tiers)
      .where(and(eq(tiers.orgId, ctx.actor.orgId), inArray(tiers.id, wanted))),
  );

export const levelsById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: levels.id, key: levels.key, nameZh: levels.nameZh, nameEn: levels.nameEn })
      .from(levels)
      .where(and(eq(levels.orgId, ctx.actor.orgId), inArray(levels.id, wanted))),
  );

export const pipelinesById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: pipelines.id, processType: pipelines.processType, nameZh: pipelines.nameZh, nameEn: pipelines.nameEn })
      .from(pipelines)
      .where(and(eq(pipelines.orgId, ctx.actor.orgId), inArray(pipelines.id, wanted))),
  );

export const stagesById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: stages.id, key: stages.key, nameZh: stages.nameZh, nameEn: stages.nameEn })
      .from(stages)
      .where(and(eq(stages.orgId, ctx.actor.orgId), inArray(stages.id, wanted))),
  );

/**
 * Customers by id, only those the caller may see: a task or activity can name a customer its reader
 * may not open, and the export must not reveal more than the customer page would.
 */
export const customersById = (ctx: Ctx, ids: Ids) =>
  byId(ids, (wanted) =>
    ctx.db
      .select({ id: customers.id, name: customers.name, externalId: customers.externalId })
      .from(customers)
      .where(and(visibleCustomers(ctx.actor), inArray(customers.id, wanted)) as SQL),
  );

/** The organisation's time zone, which decides the date in the file name. */
export async function orgTimeZone(ctx: Ctx): Promise<string> {
  const [org] = await ctx.db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, ctx.actor.orgId));
  return org?.timeZone ?? 'Asia/Shanghai';
}
