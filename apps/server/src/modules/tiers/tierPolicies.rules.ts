import type { TComplianceCheck, TComplianceStatus } from '@tierline/contracts';

/**
 * Compliance of one customer with its tier's service policy, as pure functions.
 * The breach report (tierPolicies.breaches.ts) computes the same rules in SQL over many customers;
 * keep the two in step (the db tests compare them).
 */

export const DAY_MS = 86_400_000;

/** Whole days elapsed from `from` to `to` (never negative: a contact dated in the future counts as today). */
export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** Customers in the pool have no owner to hold to a policy: every check is not applicable to them. */
type Owned = { ownerId: string | null };

/**
 * Follow-up cadence: days since the last contact may not exceed the cadence.
 * A customer never contacted counts from when its owner took it, or else from its creation:
 * the cadence measures the customer's service, so a stale last contact is a breach even for a new owner.
 */
export function followUpCadence(
  c: Owned & { lastContactAt: Date | null; ownedSince: Date | null; createdAt: Date },
  cadenceDays: number,
  now: Date,
): Extract<TComplianceCheck, { check: 'followUpCadence' }> {
  if (!c.ownerId)
    return { check: 'followUpCadence', status: 'not_applicable', cadenceDays, daysSinceContact: null, countedFrom: null, since: null };
  const [countedFrom, since] = c.lastContactAt
    ? (['lastContact', c.lastContactAt] as const)
    : c.ownedSince
      ? (['ownedSince', c.ownedSince] as const)
      : (['createdAt', c.createdAt] as const);
  const days = wholeDaysBetween(since, now);
  return {
    check: 'followUpCadence',
    status: days > cadenceDays ? 'breached' : 'met',
    cadenceDays,
    daysSinceContact: days,
    countedFrom,
    since: since.toISOString(),
  };
}

/** Minimum owner level: the owner's level rank must reach the policy's; an owner without a level does not. */
export function ownerLevel(
  c: Owned,
  owner: { levelId: string | null; levelRank: number | null },
  min: { levelId: string | null; levelRank: number | null },
): Extract<TComplianceCheck, { check: 'ownerLevel' }> {
  const figures = {
    ownerId: c.ownerId,
    ownerLevelId: owner.levelId,
    ownerLevelRank: owner.levelRank,
    minLevelId: min.levelId,
    minLevelRank: min.levelRank,
  };
  let status: TComplianceStatus;
  if (!c.ownerId || min.levelId === null || min.levelRank === null) status = 'not_applicable';
  else status = owner.levelRank !== null && owner.levelRank >= min.levelRank ? 'met' : 'breached';
  return { check: 'ownerLevel', status, ...figures };
}

/** Account team: when the tier requires one, at least one member besides the owner. */
export function accountTeam(c: Owned, required: boolean, membersBesidesOwner: number): Extract<TComplianceCheck, { check: 'accountTeam' }> {
  const status: TComplianceStatus = !c.ownerId || !required ? 'not_applicable' : membersBesidesOwner > 0 ? 'met' : 'breached';
  return { check: 'accountTeam', status, required, members: membersBesidesOwner };
}

export const isCompliant = (checks: TComplianceCheck[]) => checks.every((c) => c.status !== 'breached');
