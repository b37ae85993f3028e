import { describe, expect, it } from 'vitest';
import {
  type ActivityKind,
  type ActivityOutcome,
  type ActivityState,
  checkActivity,
  checkInAfter,
  contactEffect,
  countsAsContact,
  isAnswered,
  lastContactAfter,
  participants,
} from './activities.rules.ts';

const NOW = new Date('2026-03-01T12:00:00Z');
const d = (iso: string) => new Date(iso);
const state = (a: Partial<ActivityState>): ActivityState => ({
  kind: 'call',
  outcome: null,
  occurredAt: d('2026-03-01T11:00:00Z'),
  customerId: 'c1',
  leadId: null,
  contactId: null,
  dealId: null,
  checkInAt: null,
  location: null,
  latitude: null,
  longitude: null,
  ...a,
});
const paths = (a: Partial<ActivityState>) => checkActivity(state(a), NOW).map((e) => e.path);

describe('which activities are a contact, and whether the customer answered', () => {
  it.each<[ActivityKind, ActivityOutcome | null, boolean, boolean]>([
    // kind, outcome → counts as contact, answered
    ['call', null, true, true],
    ['call', 'reached', true, true],
    ['call', 'no_answer', true, false], // an attempt: counts for the cadence and the pool, but nobody answered
    ['visit', null, true, true],
    ['visit', 'no_answer', true, false],
    ['meeting', 'interested', true, true],
    ['email', null, true, false], // sent, no reply recorded
    ['email', 'no_answer', true, false],
    ['email', 'follow_up', true, true],
    ['note', null, false, false],
    ['note', 'reached', false, false],
  ])('%s with outcome %s: contact %s, answered %s', (kind, outcome, contact, answered) => {
    expect(countsAsContact(kind)).toBe(contact);
    expect(isAnswered(kind, outcome)).toBe(answered);
  });
});

describe('checkActivity', () => {
  it('accepts a plain call and a visit with its check-in', () => {
    expect(paths({})).toEqual([]);
    expect(paths({ kind: 'visit', checkInAt: d('2026-03-01T11:00:00Z'), location: 'Pudong', latitude: 31.23, longitude: 121.47 })).toEqual(
      [],
    );
  });

  it('allows a clock a few minutes ahead but not an activity in the future', () => {
    expect(paths({ occurredAt: d('2026-03-01T12:05:00Z') })).toEqual([]);
    expect(paths({ occurredAt: d('2026-03-01T12:05:00.001Z') })).toEqual(['occurredAt']);
    expect(paths({ kind: 'visit', checkInAt: d('2026-03-02T00:00:00Z') })).toEqual(['checkInAt']);
  });

  it('keeps check-ins to visits, with latitude and longitude together', () => {
    expect(paths({ kind: 'call', location: 'Office', latitude: 1, longitude: 2 })).toEqual(['location', 'latitude', 'longitude']);
    expect(paths({ kind: 'meeting', checkInAt: NOW })).toEqual(['checkInAt']);
    expect(paths({ kind: 'visit', latitude: 31.2 })).toEqual(['longitude']);
    expect(paths({ kind: 'visit', longitude: 121.4 })).toEqual(['latitude']);
  });

  it('gives an activity on a lead no contact and no deal', () => {
    expect(paths({ customerId: null, leadId: 'l1', contactId: 'x', dealId: 'y' })).toEqual(['contactId', 'dealId']);
  });
});

describe('checkInAfter', () => {
  const none = { kind: null, checkInAt: null, location: null, latitude: null, longitude: null };
  const at = d('2026-03-01T10:00:00Z');

  it('checks a new visit in when it happened unless told otherwise', () => {
    expect(checkInAfter('visit', at, none, {}).checkInAt).toEqual(at);
    expect(checkInAfter('visit', at, none, { checkInAt: null }).checkInAt).toBeNull();
    expect(checkInAfter('visit', at, none, { checkInAt: d('2026-03-01T09:55:00Z') }).checkInAt).toEqual(d('2026-03-01T09:55:00Z'));
    expect(checkInAfter('call', at, none, {})).toEqual({ checkInAt: null, location: null, latitude: null, longitude: null });
  });

  it('keeps a visit’s check-in through other changes and drops it when the activity stops being a visit', () => {
    const visit = { kind: 'visit' as const, checkInAt: at, location: 'Site', latitude: 1, longitude: 2 };
    expect(checkInAfter('visit', d('2026-03-01T11:00:00Z'), visit, {})).toEqual({
      checkInAt: at,
      location: 'Site',
      latitude: 1,
      longitude: 2,
    });
    expect(checkInAfter('visit', at, visit, { location: null })).toMatchObject({ location: null, latitude: 1 });
    expect(checkInAfter('meeting', at, visit, {})).toEqual({ checkInAt: null, location: null, latitude: null, longitude: null });
    // Setting check-in fields on a non-visit is left for checkActivity to refuse.
    expect(checkInAfter('meeting', at, visit, { location: 'Cafe' }).location).toBe('Cafe');
  });
});

describe('participants', () => {
  it('lists each participant once, without the owner or the main contact', () => {
    expect(participants('u1', 'c1', ['c1', 'c2', 'c2', 'c3'], ['u1', 'u2', 'u2'])).toEqual({ contactIds: ['c2', 'c3'], userIds: ['u2'] });
    expect(participants('u1', null, [], [])).toEqual({ contactIds: [], userIds: [] });
  });
});

describe('contactEffect', () => {
  const call = (occurredAt: string, outcome: ActivityOutcome | null = null, kind: ActivityKind = 'call') => ({
    kind,
    outcome,
    occurredAt: d(occurredAt),
  });

  it('makes a logged contact count at its time; a note counts for nothing', () => {
    expect(contactEffect(null, call('2026-03-01T10:00:00Z'))).toEqual({ at: d('2026-03-01T10:00:00Z'), answered: true });
    expect(contactEffect(null, call('2026-03-01T10:00:00Z', 'no_answer'))).toEqual({ at: d('2026-03-01T10:00:00Z'), answered: false });
    expect(contactEffect(null, call('2026-03-01T10:00:00Z', null, 'note'))).toBeNull();
  });

  it('counts a change again only when it moves the contact later, makes a note a contact, or gets an answer', () => {
    const before = call('2026-03-01T10:00:00Z', 'no_answer');
    expect(contactEffect(before, call('2026-03-01T11:00:00Z', 'no_answer'))).toEqual({ at: d('2026-03-01T11:00:00Z'), answered: false });
    expect(contactEffect(before, call('2026-03-01T09:00:00Z', 'no_answer'))).toBeNull(); // earlier: the last contact never moves back
    expect(contactEffect(before, call('2026-03-01T10:00:00Z', 'no_answer'))).toBeNull(); // subject or notes changed: nothing new
    expect(contactEffect(before, call('2026-03-01T10:00:00Z', 'reached'))).toEqual({ at: d('2026-03-01T10:00:00Z'), answered: true });
    expect(contactEffect(call('2026-03-01T10:00:00Z', null, 'note'), call('2026-03-01T10:00:00Z'))).toEqual({
      at: d('2026-03-01T10:00:00Z'),
      answered: true,
    });
    expect(contactEffect(call('2026-03-01T10:00:00Z'), call('2026-03-01T12:00:00Z', null, 'note'))).toBeNull();
  });
});

describe('lastContactAfter', () => {
  it('moves forward, never back', () => {
    expect(lastContactAfter(null, d('2026-03-01T00:00:00Z'))).toEqual(d('2026-03-01T00:00:00Z'));
    expect(lastContactAfter(d('2026-03-02T00:00:00Z'), d('2026-03-01T00:00:00Z'))).toEqual(d('2026-03-02T00:00:00Z'));
    expect(lastContactAfter(d('2026-03-01T00:00:00Z'), d('2026-03-02T00:00:00Z'))).toEqual(d('2026-03-02T00:00:00Z'));
  });
});
