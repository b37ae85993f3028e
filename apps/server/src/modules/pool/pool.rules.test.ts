import { describe, expect, it } from 'vitest';
import { claimLimit, coolDown, lastTouch, reclaimSchedule, sweepAction } from './pool.rules.ts';

const d = (iso: string) => new Date(iso);
const DAY = 86_400_000;
const plus = (date: Date, days: number, hours = 0) => new Date(date.getTime() + days * DAY + hours * 3_600_000);

describe('lastTouch: the reclaim clock starts at the later of the last contact and the ownership', () => {
  it.each([
    ['2026-01-10T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-10T00:00:00Z'],
    ['2026-01-01T00:00:00Z', '2026-01-10T00:00:00Z', '2026-01-10T00:00:00Z'], // claimed after the last contact: a fresh start
    [null, '2026-01-10T00:00:00Z', '2026-01-10T00:00:00Z'],
    ['2026-01-10T00:00:00Z', null, '2026-01-10T00:00:00Z'],
    [null, null, '2025-12-01T00:00:00Z'], // neither: creation
  ] as const)('contact %s, owned %s → %s', (contact, owned, expected) => {
    expect(
      lastTouch({ lastContactAt: contact ? d(contact) : null, ownedSince: owned ? d(owned) : null, createdAt: d('2025-12-01T00:00:00Z') }),
    ).toEqual(d(expected));
  });
});

describe('sweepAction: warn warningDays before the reclaim, reclaim after reclaimDays, never without a warning', () => {
  const touch = d('2026-01-01T00:00:00Z');
  const p = { reclaimDays: 30, warningDays: 3 };

  it.each([
    [plus(touch, 26, 23), null, 'none'],
    [plus(touch, 27), null, 'warn'], // the warning date: 30 − 3 days after the touch
    [plus(touch, 29), plus(touch, 27), 'none'], // warned, not yet due
    [plus(touch, 30), plus(touch, 27), 'reclaim'],
    [plus(touch, 45), null, 'warn'], // overdue but never warned (sweep was off): warn first
    [plus(touch, 47), plus(touch, 45), 'none'], // …and give the owner the warning days
    [plus(touch, 48), plus(touch, 45), 'reclaim'],
    [plus(touch, 40), plus(touch, -5), 'warn'], // a warning from before the last touch does not count
  ] as const)('at %s, warned %s → %s', (now, warnedAt, action) => {
    expect(sweepAction(touch, warnedAt, p, now)).toBe(action);
  });

  it('with zero warning days warns and reclaims at the same moment', () => {
    const zero = { reclaimDays: 10, warningDays: 0 };
    expect(sweepAction(touch, null, zero, plus(touch, 10))).toBe('warn');
    expect(sweepAction(touch, plus(touch, 10), zero, plus(touch, 10))).toBe('reclaim');
  });

  it('tells when the owner will be warned and lose the customer', () => {
    expect(reclaimSchedule(touch, null, p)).toEqual({ warnAt: plus(touch, 27), reclaimAt: plus(touch, 30), warnedThisTime: false });
    expect(reclaimSchedule(touch, plus(touch, 45), p).reclaimAt).toEqual(plus(touch, 48));
  });
});

describe('claimLimit: the claimer’s level caps customers owned and claims a day', () => {
  it.each([
    [{ owned: 9, claimedToday: 0 }, { maxCustomers: 10, maxClaimsPerDay: 3 }, null],
    [{ owned: 10, claimedToday: 0 }, { maxCustomers: 10, maxClaimsPerDay: 3 }, 'maxCustomers'],
    [{ owned: 11, claimedToday: 0 }, { maxCustomers: 10, maxClaimsPerDay: null }, 'maxCustomers'],
    [{ owned: 0, claimedToday: 2 }, { maxCustomers: 10, maxClaimsPerDay: 3 }, null],
    [{ owned: 0, claimedToday: 3 }, { maxCustomers: 10, maxClaimsPerDay: 3 }, 'maxClaimsPerDay'],
    [{ owned: 500, claimedToday: 500 }, { maxCustomers: null, maxClaimsPerDay: null }, null], // no limits
    [{ owned: 0, claimedToday: 0 }, { maxCustomers: 0, maxClaimsPerDay: 5 }, 'maxCustomers'], // a level that may not own any
  ] as const)('%o under %o → refused by %s', (figures, level, path) => {
    expect(claimLimit(figures, level, 'Asia/Shanghai')?.path ?? null).toBe(path);
  });

  it('names the figures', () => {
    expect(claimLimit({ owned: 0, claimedToday: 3 }, { maxCustomers: null, maxClaimsPerDay: 3 }, 'Asia/Shanghai')).toMatchObject({
      code: 'claim_limit_daily',
      message: 'claimed 3 of at most 3 today',
    });
  });
});

describe('coolDown: who gave a customer up waits D days to claim it back', () => {
  const left = d('2026-01-01T08:00:00Z');
  it.each([
    [null, 7, d('2026-01-01T08:00:00Z'), null],
    [left, 7, plus(left, 6, 23), 'cool_down'],
    [left, 7, plus(left, 7), null],
    [left, 0, left, null],
  ] as const)('left %s, %i days, now %s → %s', (at, days, now, code) => {
    expect(coolDown(at, days, now)?.code ?? null).toBe(code);
  });
});
