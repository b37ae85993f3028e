import { DAY_MS } from '../tiers/tierPolicies.rules.ts';

/**
 * The public pool's rules as pure functions. The sweep (pool.sweep.ts) applies the reclaim schedule
 * in SQL over whole organisations; these functions say the same thing for one customer.
 */

/** The reclaim clock starts at the later of the last contact and the start of the current ownership. */
export function lastTouch(c: { lastContactAt: Date | null; ownedSince: Date | null; createdAt: Date }): Date {
  const candidates = [c.lastContactAt, c.ownedSince].filter((d): d is Date => d !== null);
  if (!candidates.length) return c.createdAt;
  return new Date(Math.max(...candidates.map((d) => d.getTime())));
}

export type ReclaimPolicy = { reclaimDays: number; warningDays: number };

/**
 * When the owner is warned, and when the customer returns to the pool, if nobody contacts it.
 * The customer is never taken without warning: when the warning comes late (the sweep was not running,
 * or the policy was shortened) the owner still gets `warningDays` from the warning.
 */
export function reclaimSchedule(touch: Date, warnedAt: Date | null, p: ReclaimPolicy) {
  const warnAt = new Date(touch.getTime() + (p.reclaimDays - p.warningDays) * DAY_MS);
  const dueAt = new Date(touch.getTime() + p.reclaimDays * DAY_MS);
  const warnedThisTime = warnedAt !== null && warnedAt.getTime() >= touch.getTime();
  const reclaimAt = warnedThisTime ? new Date(Math.max(dueAt.getTime(), warnedAt.getTime() + p.warningDays * DAY_MS)) : dueAt;
  return { warnAt, reclaimAt, warnedThisTime };
}

/** What the sweep does to one owned customer now: nothing, warn the owner, or return the customer to the pool. */
export function sweepAction(touch: Date, warnedAt: Date | null, p: ReclaimPolicy, now: Date): 'none' | 'warn' | 'reclaim' {
  const s = reclaimSchedule(touch, warnedAt, p);
  if (!s.warnedThisTime) return now >= s.warnAt ? 'warn' : 'none';
  return now >= s.reclaimAt ? 'reclaim' : 'none';
}

export type ClaimRefusal = { code: string; detail: string; path: string; message: string };

/** Claim limits of the claimer's level; null limits mean no limit. Returns why a claim is refused, or null. */
export function claimLimit(
  figures: { owned: number; claimedToday: number },
  level: { maxCustomers: number | null; maxClaimsPerDay: number | null },
  timeZone: string,
): ClaimRefusal | null {
  if (level.maxCustomers !== null && figures.owned >= level.maxCustomers) {
    return {
      code: 'claim_limit_customers',
      detail: `You own ${figures.owned} customers; your level allows at most ${level.maxCustomers}`,
      path: 'maxCustomers',
      message: `owned ${figures.owned} of at most ${level.maxCustomers}`,
    };
  }
  if (level.maxClaimsPerDay !== null && figures.claimedToday >= level.maxClaimsPerDay) {
    return {
      code: 'claim_limit_daily',
      detail: `You claimed ${figures.claimedToday} customers today (${timeZone}); your level allows ${level.maxClaimsPerDay} a day`,
      path: 'maxClaimsPerDay',
      message: `claimed ${figures.claimedToday} of at most ${level.maxClaimsPerDay} today`,
    };
  }
  return null;
}

/** Cool-down: whoever released or lost a customer may not claim it back until `coolDownDays` have passed. */
export function coolDown(lastLeftAt: Date | null, coolDownDays: number, now: Date): ClaimRefusal | null {
  if (!lastLeftAt) return null;
  const until = new Date(lastLeftAt.getTime() + coolDownDays * DAY_MS);
  if (now >= until) return null;
  return {
    code: 'cool_down',
    detail: `You gave this customer up on ${lastLeftAt.toISOString()}; you may claim it back after ${coolDownDays} days, from ${until.toISOString()}`,
    path: 'poolCooldownDays',
    message: `cool-down of ${coolDownDays} days until ${until.toISOString()}`,
  };
}
