import { describe, expect, it } from 'vitest';
import {
  actionProblem,
  applyAction,
  firstResponseMinutes,
  isBreached,
  isHighlighted,
  openedAtProblem,
  slaDueAtOf,
  slaRemainingMinutes,
} from './serviceRequests.rules.ts';

const d = (iso: string) => new Date(iso);
const OPENED = d('2026-01-05T09:00:00+08:00');

describe('the SLA deadline', () => {
  it.each([
    [4, '2026-01-05T13:00:00+08:00'],
    [12, '2026-01-05T21:00:00+08:00'],
    [24, '2026-01-06T09:00:00+08:00'],
    [72, '2026-01-08T09:00:00+08:00'],
  ])('opened 09:00 with %i hours is due at %s', (hours, due) => {
    expect(slaDueAtOf(OPENED, hours)?.toISOString()).toBe(d(due).toISOString());
  });

  it('counts exact hours across a daylight-saving change (no business hours)', () => {
    expect(slaDueAtOf(d('2026-03-28T12:00:00Z'), 24)?.toISOString()).toBe('2026-03-29T12:00:00.000Z');
  });

  it('is null when the tier promises no SLA', () => {
    expect(slaDueAtOf(OPENED, null)).toBeNull();
  });
});

describe('breach and remaining minutes', () => {
  const due = d('2026-01-05T13:00:00+08:00');
  it.each([
    // unanswered: measured against now
    ['unanswered, an hour to go', null, '2026-01-05T12:00:00+08:00', false, 60],
    ['unanswered, 30 s to go', null, '2026-01-05T12:59:30+08:00', false, 0],
    ['unanswered, exactly at the deadline', null, '2026-01-05T13:00:00+08:00', false, 0],
    ['unanswered, 1 ms late', null, '2026-01-05T13:00:00.001+08:00', true, -1],
    ['unanswered, 90 minutes late', null, '2026-01-05T14:30:00+08:00', true, -90],
    // answered: measured against the first answer, whatever now is
    ['answered 10 minutes early, read much later', '2026-01-05T12:50:00+08:00', '2026-02-01T00:00:00+08:00', false, 10],
    ['answered exactly at the deadline', '2026-01-05T13:00:00+08:00', '2026-02-01T00:00:00+08:00', false, 0],
    ['answered 61 s late', '2026-01-05T13:01:01+08:00', '2026-01-05T13:01:01+08:00', true, -2],
  ])('%s', (_name, answered, now, breached, remaining) => {
    const r = { slaDueAt: due, firstAnsweredAt: answered ? d(answered) : null };
    expect(isBreached(r, d(now))).toBe(breached);
    expect(slaRemainingMinutes(r, d(now))).toBe(remaining);
  });

  it('never breaches without an SLA, and has no remaining time', () => {
    const r = { slaDueAt: null, firstAnsweredAt: null };
    expect(isBreached(r, d('2030-01-01T00:00:00Z'))).toBe(false);
    expect(slaRemainingMinutes(r, d('2030-01-01T00:00:00Z'))).toBeNull();
  });

  it('measures the first response in whole minutes, rounded down', () => {
    expect(firstResponseMinutes(OPENED, d('2026-01-05T09:45:59+08:00'))).toBe(45);
    expect(firstResponseMinutes(OPENED, OPENED)).toBe(0);
    expect(firstResponseMinutes(OPENED, null)).toBeNull();
  });
});

describe('highlight', () => {
  it.each([
    [1, 3, true], // KA
    [2, 3, true], // VIP
    [3, 3, false], // SMB, the lowest
    [1, 1, false], // a single tier
    [null, 3, false],
    [2, null, false],
  ])('tier rank %s with lowest rank %s → %s', (rank, lowest, expected) => {
    expect(isHighlighted(rank, lowest)).toBe(expected);
  });
});

describe('opening time', () => {
  it('accepts now and the past, refuses the future naming openedAt', () => {
    expect(openedAtProblem(OPENED, OPENED)).toBeNull();
    expect(openedAtProblem(d('2026-01-05T08:00:00+08:00'), OPENED)).toBeNull();
    expect(openedAtProblem(d('2026-01-05T09:00:01+08:00'), OPENED)).toMatchObject({ path: 'openedAt' });
  });
});

describe('the life of a request', () => {
  const now = d('2026-01-05T10:00:00+08:00');
  const earlier = d('2026-01-05T09:30:00+08:00');

  it.each([
    ['answer', 'open', true],
    ['answer', 'answered', false],
    ['answer', 'resolved', false],
    ['answer', 'closed', false],
    ['resolve', 'open', true],
    ['resolve', 'answered', true],
    ['resolve', 'resolved', false],
    ['reopen', 'resolved', true],
    ['reopen', 'open', false],
    ['reopen', 'answered', false],
    ['reopen', 'closed', false],
  ] as const)('%s from %s allowed: %s', (action, status, allowed) => {
    const problem = actionProblem(action, status, null);
    expect(problem === null).toBe(allowed);
    if (problem) expect(problem.path).toBe('status');
  });

  it('says when a request was already answered', () => {
    expect(actionProblem('answer', 'answered', earlier)?.message).toContain(earlier.toISOString());
  });

  it('sets the first answer once: answering, resolving and reopening never move it', () => {
    expect(applyAction('answer', { firstAnsweredAt: null }, now)).toEqual({ status: 'answered', firstAnsweredAt: now, resolvedAt: null });
    expect(applyAction('answer', { firstAnsweredAt: earlier }, now).firstAnsweredAt).toBe(earlier);
    expect(applyAction('resolve', { firstAnsweredAt: earlier }, now, 'fixed')).toEqual({
      status: 'resolved',
      firstAnsweredAt: earlier,
      resolvedAt: now,
      resolution: 'fixed',
    });
    expect(applyAction('reopen', { firstAnsweredAt: earlier }, now)).toEqual({
      status: 'open',
      firstAnsweredAt: earlier,
      resolvedAt: null,
      resolution: null,
    });
  });

  it('answers an unanswered request when it is resolved', () => {
    expect(applyAction('resolve', { firstAnsweredAt: null }, now, 'done').firstAnsweredAt).toBe(now);
  });
});
