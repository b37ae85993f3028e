import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.ts';
import { accountTeamMembers } from '../accountTeams/accountTeams.table.ts';
import { levels } from '../levels/levels.table.ts';
import { users } from '../users/users.table.ts';
import { tierPolicies, tiers } from './tiers.table.ts';

export type TierPolicyRow = typeof tierPolicies.$inferSelect & {
  tierKey: string;
  tierNameZh: string;
  tierNameEn: string;
  tierRank: number;
};

const policyColumns = {
  orgId: tierPolicies.orgId,
  tierId: tierPolicies.tierId,
  cadenceDays: tierPolicies.cadenceDays,
  minLevelId: tierPolicies.minLevelId,
  responseSlaHours: tierPolicies.responseSlaHours,
  maxDiscountPct: tierPolicies.maxDiscountPct,
  accountTeamRequired: tierPolicies.accountTeamRequired,
  poolReclaimDays: tierPolicies.poolReclaimDays,
  poolWarningDays: tierPolicies.poolWarningDays,
  version: tierPolicies.version,
  tierKey: tiers.key,
  tierNameZh: tiers.nameZh,
  tierNameEn: tiers.nameEn,
  tierRank: tiers.rank,
};

const withTier = (db: DbOrTx) =>
  db
    .select(policyColumns)
    .from(tierPolicies)
    .innerJoin(tiers, and(eq(tiers.orgId, tierPolicies.orgId), eq(tiers.id, tierPolicies.tierId)));

export const listPolicies = (db: DbOrTx, orgId: string): Promise<TierPolicyRow[]> =>
  withTier(db).where(eq(tierPolicies.orgId, orgId)).orderBy(asc(tiers.rank));

export async function findPolicy(db: DbOrTx, orgId: string, tierId: string): Promise<TierPolicyRow | undefined> {
  const [row] = await withTier(db).where(and(eq(tierPolicies.orgId, orgId), eq(tierPolicies.tierId, tierId)));
  return row;
}

/** Replaces a policy when still at `version`; false when someone changed it first. */
export async function updatePolicyRow(
  db: DbOrTx,
  orgId: string,
  tierId: string,
  version: number,
  patch: Partial<typeof tierPolicies.$inferInsert>,
) {
  const rows = await db
    .update(tierPolicies)
    .set({ ...patch, version: sql`${tierPolicies.version} + 1` })
    .where(and(eq(tierPolicies.orgId, orgId), eq(tierPolicies.tierId, tierId), eq(tierPolicies.version, version)))
    .returning({ tierId: tierPolicies.tierId });
  return rows.length > 0;
}

export async function findLevel(db: DbOrTx, orgId: string, levelId: string) {
  const [row] = await db
    .select({ id: levels.id, rank: levels.rank })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)));
  return row;
}

const ownerLevel = alias(levels, 'owner_level');

/** The owner's level (id and rank) for the owner-level check; nulls when there is no owner or no level. */
export async function findOwnerLevel(db: DbOrTx, orgId: string, ownerId: string | null) {
  if (!ownerId) return { levelId: null, levelRank: null };
  const [row] = await db
    .select({ levelId: users.levelId, levelRank: ownerLevel.rank })
    .from(users)
    .leftJoin(ownerLevel, and(eq(ownerLevel.orgId, users.orgId), eq(ownerLevel.id, users.levelId)))
    .where(and(eq(users.orgId, orgId), eq(users.id, ownerId)));
  return row ?? { levelId: null, levelRank: null };
}

/** Account-team members other than the owner: what "an account team is present" counts. */
export async function countTeamMembersBesides(db: DbOrTx, orgId: string, customerId: string, ownerId: string | null) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accountTeamMembers)
    .where(
      and(
        eq(accountTeamMembers.orgId, orgId),
        eq(accountTeamMembers.customerId, customerId),
        ownerId ? ne(accountTeamMembers.userId, ownerId) : undefined,
      ),
    );
  return row?.n ?? 0;
}
