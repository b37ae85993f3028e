import { describe, expect, it } from 'vitest';
import { accountTeam, followUpCadence, isCompliant, ownerLevel, wholeDaysBetween } from './tierPolicies.rules.ts';

const d = (iso: string) => new Date(iso);
const NOW = d('2026-03-01T12:00:00Z');
const created = d('2025-01-01T00:00:00Z');

describe('followUpCadence: days since the last contact may not exceed the cadence', () => {
  it.each([
    // lastContactAt, ownedSince, cadence → days, countedFrom, status
    ['2026-02-22T12:00:00Z', null, 7, 7, 'lastContact', 'met'], // exactly the cadence is still met
    ['2026-02-22T12:00:01Z', null, 7, 6, 'lastContact', 'met'],
    ['2026-02-22T11:59:59Z', null, 7, 7, 'lastContact', 'met'], // 7 days and a second: still 7 whole days
    ['2026-02-21T12:00:00Z', null, 7, 8, 'lastContact', 'breached'],
    [null, '2026-02-28T12:00:00Z', 7, 1, 'ownedSince', 'met'], // never contacted: counts from ownership
    [null, '2026-01-01T00:00:00Z', 30, 59, 'ownedSince', 'breached'],
    [null, null, 30, 424, 'createdAt', 'breached'], // no ownership date either: counts from creation
    ['2026-01-01T00:00:00Z', '2026-02-28T12:00:00Z', 30, 59, 'lastContact', 'breached'], // a stale contact is a breach even for a new owner
    ['2026-03-05T00:00:00Z', null, 7, 0, 'lastContact', 'met'], // a contact dated ahead counts as today
  ] as const)('last %s, owned %s, cadence %i → %i days from %s: %s', (last, owned, cadence, days, from, status) => {
    const check = followUpCadence(
      { ownerId: 'u1', lastContactAt: last ? d(last) : null, ownedSince: owned ? d(owned) : null, createdAt: created },
      cadence,
      NOW,
    );
    expect(check).toMatchObject({ status, daysSinceContact: days, countedFrom: from, cadenceDays: cadence });
  });

  it('does not apply to a customer in the pool', () => {
    expect(followUpCadence({ ownerId: null, lastContactAt: null, ownedSince: null, createdAt: created }, 7, NOW)).toMatchObject({
      status: 'not_applicable',
      daysSinceContact: null,
    });
  });

  it('counts whole days and never negative ones', () => {
    expect(wholeDaysBetween(d('2026-01-01T00:00:00Z'), d('2026-01-01T23:59:59Z'))).toBe(0);
    expect(wholeDaysBetween(d('2026-01-01T00:00:00Z'), d('2026-01-02T00:00:00Z'))).toBe(1);
    expect(wholeDaysBetween(d('2026-01-02T00:00:00Z'), d('2026-01-01T00:00:00Z'))).toBe(0);
  });
});

describe('ownerLevel: the owner’s level rank must reach the tier’s minimum', () => {
  const min = { levelId: 'senior', levelRank: 3 };
  it.each([
    [{ levelId: 'senior', levelRank: 3 }, min, 'met'],
    [{ levelId: 'lead', levelRank: 4 }, min, 'met'],
    [{ levelId: 'mid', levelRank: 2 }, min, 'breached'],
    [{ levelId: null, levelRank: null }, min, 'breached'], // an owner without a level does not reach a minimum
    [{ levelId: 'junior', levelRank: 1 }, { levelId: null, levelRank: null }, 'not_applicable'], // no minimum
  ] as const)('owner %o against minimum %o → %s', (owner, minimum, status) => {
    expect(ownerLevel({ ownerId: 'u1' }, owner, minimum)).toMatchObject({
      status,
      ownerLevelRank: owner.levelRank,
      minLevelRank: minimum.levelRank,
    });
  });

  it('does not apply to a customer in the pool', () => {
    expect(ownerLevel({ ownerId: null }, { levelId: null, levelRank: null }, min).status).toBe('not_applicable');
  });
});

describe('accountTeam: a required team has at least one member besides the owner', () => {
  it.each([
    [true, 0, 'breached'],
    [true, 1, 'met'],
    [true, 3, 'met'],
    [false, 0, 'not_applicable'],
  ] as const)('required %s with %i members → %s', (required, members, status) => {
    expect(accountTeam({ ownerId: 'u1' }, required, members)).toEqual({ check: 'accountTeam', status, required, members });
  });

  it('does not apply to a customer in the pool', () => {
    expect(accountTeam({ ownerId: null }, true, 0).status).toBe('not_applicable');
  });
});

describe('compliance as a whole', () => {
  it('is compliant when no check is breached (not applicable counts as fine)', () => {
    const met = accountTeam({ ownerId: 'u' }, true, 1);
    const na = accountTeam({ ownerId: 'u' }, false, 0);
    const breached = accountTeam({ ownerId: 'u' }, true, 0);
    expect(isCompliant([met, na])).toBe(true);
    expect(isCompliant([met, breached])).toBe(false);
    expect(isCompliant([])).toBe(true);
  });
});
