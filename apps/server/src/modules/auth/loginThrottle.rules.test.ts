import { describe, expect, it } from 'vitest';
import { afterFailedLogin, afterSuccessfulLogin, isLocked, type LoginThrottleState, secondsUntilUnlock } from './loginThrottle.rules.ts';

const policy = { maxFailures: 3, lockMs: 60_000 };
const t0 = new Date('2026-01-01T00:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

describe('login throttle', () => {
  it('locks the account at the Nth consecutive failure, not before', () => {
    let s = afterSuccessfulLogin();
    s = afterFailedLogin(s, at(0), policy);
    s = afterFailedLogin(s, at(1), policy);
    expect(isLocked(s, at(2))).toBe(false);
    s = afterFailedLogin(s, at(2), policy);
    expect(isLocked(s, at(3))).toBe(true);
    expect(secondsUntilUnlock(s, at(2))).toBe(60);
  });

  it('unlocks when the lock runs out, and a new mistake starts a fresh count', () => {
    let s: LoginThrottleState = { failedLogins: 3, lockedUntil: at(60) };
    expect(isLocked(s, at(59))).toBe(true);
    expect(isLocked(s, at(60))).toBe(false);
    s = afterFailedLogin(s, at(61), policy);
    expect(s).toEqual({ failedLogins: 1, lockedUntil: null });
  });
});
