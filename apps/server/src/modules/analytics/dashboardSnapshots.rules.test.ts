import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access.ts';
import {
  canonicalQuery,
  refreshJobKey,
  SNAPSHOT_EXPIRES_MS,
  SNAPSHOT_FRESH_MS,
  snapshotAge,
  snapshotVariant,
  viewerKey,
} from './dashboardSnapshots.rules.ts';

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

const actor = (role: Actor['role'], more: Partial<Actor> = {}): Actor => ({
  orgId: 'o',
  userId: `${role}-1`,
  role,
  teamId: null,
  levelId: null,
  managedTeamIds: [],
  via: 'session',
  ...more,
});

describe('viewerKey', () => {
  it('is one for the organisation’s directors, admins and viewers', () => {
    expect(new Set(['director', 'admin', 'viewer'].map((r) => viewerKey(actor(r as Actor['role']))))).toEqual(new Set(['org']));
  });
  it('is a manager’s own, with their teams in any order, so losing or gaining a team changes it', () => {
    const m = actor('manager', { managedTeamIds: ['t2', 't1'] });
    expect(viewerKey(m)).toBe('team:manager-1:t1,t2');
    expect(viewerKey({ ...m, managedTeamIds: ['t1', 't2'] })).toBe(viewerKey(m));
    expect(viewerKey({ ...m, managedTeamIds: ['t1'] })).not.toBe(viewerKey(m));
    expect(viewerKey({ ...m, userId: 'manager-2' })).not.toBe(viewerKey(m));
  });
  it('is a rep’s own', () => {
    expect(viewerKey(actor('rep', { teamId: 't1' }))).toBe('own:rep-1');
  });
});

describe('canonicalQuery', () => {
  it('sorts the names, leaves out what is unset and what only says how to answer', () => {
    const page = { to: '2026-10-01', from: '2026-07-01', teamId: undefined, refresh: true, compare: 'previous' };
    const file = { from: '2026-07-01', compare: 'previous', to: '2026-10-01', format: 'xlsx', locale: 'en', region: null };
    expect(canonicalQuery(page)).toBe('compare=previous&from=2026-07-01&to=2026-10-01');
    expect(canonicalQuery(file)).toBe(canonicalQuery(page));
  });
  it('escapes values, so a filter cannot pose as another', () => {
    expect(canonicalQuery({ region: '华东&tierId=x' })).toBe('region=%E5%8D%8E%E4%B8%9C%26tierId%3Dx');
  });
  it('keys a snapshot by whose figures and which query', () => {
    expect(snapshotVariant(actor('director'), { by: 'region' })).toBe('org?by=region');
    expect(snapshotVariant(actor('rep'), {})).toBe('own:rep-1?');
  });
});
