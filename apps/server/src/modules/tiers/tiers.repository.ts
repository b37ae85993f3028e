import { and, asc, desc, eq, gte, lt, max, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { customers } from '../customers/customers.table.ts';
import { tierChanges, tierPolicies, tierRuleSets, tiers } from './tiers.table.ts';

export type TierRow = typeof tiers.$inferSelect;

export const listTiers = (db: DbOrTx, orgId: string) => db.select().from(tiers).where(eq(tiers.orgId, orgId)).orderBy(asc(tiers.rank));

/** The tier a customer gets until a rule or a person says otherwise: the lowest. */
export async function lowestTier(db: DbOrTx, orgId: string): Promise<TierRow> {
  const [row] = await db.select().from(tiers).where(eq(tiers.orgId, orgId)).orderBy(desc(tiers.rank)).limit(1);
  return row;
}

export async function findTier(db: DbOrTx, orgId: string, id: string): Promise<TierRow | undefined> {
  const [row] = await db
    .select()
    .from(tiers)
    .where(and(eq(tiers.orgId, orgId), eq(tiers.id, id)));
  return row;
}

export type RuleSetRow = typeof tierRuleSets.$inferSelect;
export type TierChangeRow = typeof tierChanges.$inferSelect;

/**
 * Puts a new tier at `rank`, moving the tiers from that rank down one place, and gives it a copy of the
 * policy of the tier whose place it takes (or of the lowest, when added at the bottom) so every tier has one.
 */
export async function insertTierAt(db: DbOrTx, row: typeof tiers.$inferInsert, policyFromTierId: string) {
  // (org_id, rank) is unique and checked row by row: shift through negative ranks so no two rows ever collide.
  await db
    .update(tiers)
    .set({ rank: sql`-${tiers.rank}` })
    .where(and(eq(tiers.orgId, row.orgId), gte(tiers.rank, row.rank)));
  await db
    .update(tiers)
    .set({ rank: sql`-${tiers.rank} + 1` })
    .where(and(eq(tiers.orgId, row.orgId), lt(tiers.rank, 0)));
  const [tier] = await db.insert(tiers).values(row).returning();
  const [policy] = await db
    .select()
    .from(tierPolicies)
    .where(and(eq(tierPolicies.orgId, row.orgId), eq(tierPolicies.tierId, policyFromTierId)));
  if (policy) await db.insert(tierPolicies).values({ ...policy, tierId: tier.id, version: 1 });
  return tier;
}

/** Changes a tier only if it is still as `expected` (compare and set): a concurrent change leaves it untouched. */
export async function updateTierRow(db: DbOrTx, expected: TierRow, patch: Partial<Pick<TierRow, 'nameZh' | 'nameEn' | 'color'>>) {
  const [row] = await db
    .update(tiers)
    .set(patch)
    .where(
      and(
        eq(tiers.orgId, expected.orgId),
        eq(tiers.id, expected.id),
        eq(tiers.nameZh, expected.nameZh),
        eq(tiers.nameEn, expected.nameEn),
        eq(tiers.color, expected.color),
        eq(tiers.rank, expected.rank),
      ),
    )
    .returning();
  return row;
}

/** The rule set in force: the highest version. */
export async function currentRuleSet(db: DbOrTx, orgId: string): Promise<RuleSetRow | undefined> {
  const [row] = await db.select().from(tierRuleSets).where(eq(tierRuleSets.orgId, orgId)).orderBy(desc(tierRuleSets.version)).limit(1);
  return row;
}

export async function latestRuleVersion(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db
    .select({ version: max(tierRuleSets.version) })
    .from(tierRuleSets)
    .where(eq(tierRuleSets.orgId, orgId));
  return row?.version ?? 0;
}

export async function insertRuleSet(db: DbOrTx, row: typeof tierRuleSets.$inferInsert) {
  const [created] = await db.insert(tierRuleSets).values(row).returning();
  return created;
}

export async function insertTierChange(db: DbOrTx, row: typeof tierChanges.$inferInsert) {
  await db.insert(tierChanges).values(row);
}

/** A customer's tier history, newest first, a page at a time (keyset on effective date and id). */
export async function listTierChanges(db: DbOrTx, orgId: string, customerId: string, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? or(
        lt(tierChanges.effectiveAt, new Date(String(page.after[0]))),
        and(eq(tierChanges.effectiveAt, new Date(String(page.after[0]))), lt(tierChanges.id, String(page.after[1]))),
      )
    : undefined;
  return db
    .select()
    .from(tierChanges)
    .where(and(eq(tierChanges.orgId, orgId), eq(tierChanges.customerId, customerId), after))
    .orderBy(desc(tierChanges.effectiveAt), desc(tierChanges.id))
    .limit(page.limit + 1);
}

/**
 * Sets a customer's tier and pin when it is still at `version`; undefined otherwise.
 * Written here rather than through the customers module because it is the tier module's own field.
 */
export async function setCustomerTierRow(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  change: { tierId: string; tierPinned: boolean; at: Date },
) {
  const [row] = await db
    .update(customers)
    .set({ tierId: change.tierId, tierPinned: change.tierPinned, updatedAt: change.at, version: sql`${customers.version} + 1` })
    .where(and(eq(customers.orgId, orgId), eq(customers.id, id), eq(customers.version, version)))
    .returning();
  return row;
}
