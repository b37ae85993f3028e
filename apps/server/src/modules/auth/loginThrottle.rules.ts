/**
 * Account lockout after repeated wrong passwords. Per-IP limits live in the route's rate limit;
 * this is the per-account half, kept on the user row so it holds across server instances.
 */
export type LockoutPolicy = { maxFailures: number; lockMs: number };

export const DEFAULT_LOCKOUT: LockoutPolicy = { maxFailures: 5, lockMs: 15 * 60_000 };

export type LoginThrottleState = { failedLogins: number; lockedUntil: Date | null };

export function isLocked(state: LoginThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

export function secondsUntilUnlock(state: LoginThrottleState, now: Date): number {
  return state.lockedUntil ? Math.max(0, (state.lockedUntil.getTime() - now.getTime()) / 1000) : 0;
}

/** The state after one more wrong password: the Nth consecutive failure locks the account. */
export function afterFailedLogin(state: LoginThrottleState, now: Date, policy = DEFAULT_LOCKOUT): LoginThrottleState {
  // A lock that has run out starts a fresh count, so one more mistake does not re-lock at once.
  const failures = (state.lockedUntil && !isLocked(state, now) ? 0 : state.failedLogins) + 1;
  if (failures >= policy.maxFailures) {
    return { failedLogins: failures, lockedUntil: new Date(now.getTime() + policy.lockMs) };
  }
  return { failedLogins: failures, lockedUntil: null };
}

export const afterSuccessfulLogin = (): LoginThrottleState => ({ failedLogins: 0, lockedUntil: null });
