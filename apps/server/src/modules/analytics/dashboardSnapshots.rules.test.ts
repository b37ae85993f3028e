import { describe, expect, it } from 'vitest';
import { refreshJobKey, SNAPSHOT_EXPIRES_MS, SNAPSHOT_FRESH_MS, snapshotAge } from './dashboardSnapshots.rules.ts';

const at = new Date('2026-11-28T04:00:00Z');
const ago = (ms: number) => new Date(at.getTime() - ms);

describe('snapshotAge', () => {
  it('is fresh, then stale, then expired at the limits', () => {
    expect(snapshotAge(ago(0), at)).toBe('fresh');
    expect(snapshotAge(ago(SNAPSHOT_FRESH_MS - 1), at)).toBe('fresh');
    expect(snapshotAge(ago(SNAPSHOT_FRESH_MS), at)).toBe('stale');
    expect(snapshotAge(ago(SNAPSHOT_EXPIRES_MS - 1), at)).toBe('stale');
    expect(snapshotAge(ago(SNAPSHOT_EXPIRES_MS), at)).toBe('expired');
  });
  it('takes a snapshot stamped ahead of this clock as fresh', () => {
    expect(snapshotAge(ago(-60_000), at)).toBe('fresh');
  });
});

describe('refreshJobKey', () => {
  it('is one per snapshot and minute', () => {
    const s = { orgId: 'o', kind: 'director', periodKey: '2026-Q4' };
    expect(refreshJobKey(s, at)).toBe(refreshJobKey(s, new Date(at.getTime() + 59_000)));
    expect(refreshJobKey(s, at)).not.toBe(refreshJobKey(s, new Date(at.getTime() + 60_000)));
    expect(refreshJobKey(s, at)).not.toBe(refreshJobKey({ ...s, periodKey: '2027-Q1' }, at));
  });
});
