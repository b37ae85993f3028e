import { describe, expect, it } from 'vitest';
import {
  daysUntil,
  dueState,
  durationParts,
  isOpen,
  learnPath,
  localToday,
  nextStep,
  safeHref,
  sortCertifications,
  sortEnrolments,
} from './enrolmentDisplay.ts';

const TODAY = '2026-11-27';

describe('dueState', () => {
  const open = { status: 'in_progress' as const, overdue: false };
  it('is red when the server says overdue, whatever the browser’s clock', () => {
    expect(dueState({ ...open, dueOn: '2026-11-26', overdue: true }, TODAY)).toBe('overdue');
    // The org's day may already be tomorrow: the server's verdict wins.
    expect(dueState({ ...open, dueOn: '2026-11-27', overdue: true }, TODAY)).toBe('overdue');
  });
  it('warns on the due day and within three days, not before', () => {
    expect(dueState({ ...open, dueOn: '2026-11-27' }, TODAY)).toBe('today');
    expect(dueState({ ...open, dueOn: '2026-11-30' }, TODAY)).toBe('soon');
    expect(dueState({ ...open, dueOn: '2026-12-01' }, TODAY)).toBe('ok');
  });
  it('has nothing due without a date or once the enrolment is closed', () => {
    expect(dueState({ ...open, dueOn: null }, TODAY)).toBe('none');
    expect(dueState({ status: 'completed', dueOn: '2026-11-01', overdue: false }, TODAY)).toBe('none');
    expect(dueState({ status: 'cancelled', dueOn: '2026-11-01', overdue: true }, TODAY)).toBe('none');
  });
});

describe('daysUntil / localToday', () => {
  it('counts calendar days across months and a DST change', () => {
    expect(daysUntil('2026-12-01', TODAY)).toBe(4);
    expect(daysUntil('2026-11-20', TODAY)).toBe(-7);
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
  });
  it('reads today in the browser’s zone', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('sortEnrolments', () => {
  const e = (id: string, status: string, dueOn: string | null, extra: Record<string, unknown> = {}) =>
    ({ id, status, dueOn, overdue: false, createdAt: `2026-01-0${id.length}T00:00:00Z`, completedAt: null, ...extra }) as never;
  it('puts open ones first (overdue on top, then by due date, undated last), finished ones after, latest first', () => {
    const list = [
      e('done-old', 'completed', null, { completedAt: '2026-10-01T00:00:00Z' }),
      e('later', 'assigned', '2026-12-20'),
      e('undated', 'in_progress', null),
      e('late', 'in_progress', '2026-11-01', { overdue: true }),
      e('done-new', 'completed', null, { completedAt: '2026-11-20T00:00:00Z' }),
      e('sooner', 'in_progress', '2026-12-01'),
    ];
    expect(sortEnrolments(list).map((x: { id: string }) => x.id)).toEqual(['late', 'sooner', 'later', 'undated', 'done-new', 'done-old']);
  });
  it('knows which are open', () => {
    expect(isOpen({ status: 'assigned' })).toBe(true);
    expect(isOpen({ status: 'in_progress' })).toBe(true);
    expect(isOpen({ status: 'failed' })).toBe(false);
  });
});

describe('nextStep', () => {
  const base = { status: 'in_progress' as const, attemptsUsed: 0, attemptsLeft: 3, passed: null };
  it('starts an assigned enrolment first', () => {
    expect(nextStep({ ...base, status: 'assigned' }, true)).toBe('start');
  });
  it('marks a course without a quiz complete; takes, then retakes, a quiz while attempts remain', () => {
    expect(nextStep({ ...base, attemptsLeft: null }, false)).toBe('complete');
    expect(nextStep(base, true)).toBe('quiz');
    expect(nextStep({ ...base, attemptsUsed: 1, attemptsLeft: 2, passed: false }, true)).toBe('retry');
    expect(nextStep({ ...base, attemptsUsed: 5, attemptsLeft: null, passed: false }, true)).toBe('retry');
    expect(nextStep({ ...base, attemptsUsed: 3, attemptsLeft: 0, passed: false }, true)).toBe('none');
  });
  it('has nothing to do on a closed enrolment', () => {
    expect(nextStep({ ...base, status: 'completed' }, true)).toBe('none');
    expect(nextStep({ ...base, status: 'failed' }, true)).toBe('none');
    expect(nextStep({ ...base, status: 'cancelled' }, false)).toBe('none');
  });
});

describe('sortCertifications', () => {
  const c = (id: string, courseId: string, status: string, grantedOn: string, expiresOn: string | null) =>
    ({ id, courseId, status, grantedOn, expiresOn }) as never;
  it('keeps the latest per course and shows what needs attention first', () => {
    const list = [
      c('old', 'k1', 'expired', '2025-01-01', '2026-01-01'),
      c('renewed', 'k1', 'valid', '2026-01-01', '2027-01-01'),
      c('forever', 'k2', 'valid', '2026-02-01', null),
      c('lapsed', 'k3', 'expired', '2024-01-01', '2025-01-01'),
      c('soon', 'k4', 'expiring', '2025-12-10', '2026-12-10'),
      c('valid-early', 'k5', 'valid', '2026-03-01', '2026-12-31'),
    ];
    expect(sortCertifications(list).map((x: { id: string }) => x.id)).toEqual(['soon', 'lapsed', 'valid-early', 'renewed', 'forever']);
  });
});

describe('small helpers', () => {
  it('splits a duration into hours and minutes', () => {
    expect(durationParts(45)).toEqual({ hours: 0, minutes: 45 });
    expect(durationParts(90)).toEqual({ hours: 1, minutes: 30 });
    expect(durationParts(120)).toEqual({ hours: 2, minutes: 0 });
  });
  it('links only http(s) materials', () => {
    expect(safeHref('https://example.com/a?b=1')).toBe('https://example.com/a?b=1');
    expect(safeHref('http://example.com')).toBe('http://example.com/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
  it('builds the learning link of an enrolment', () => {
    expect(learnPath('e-1')).toBe('/training?learn=e-1');
  });
});
