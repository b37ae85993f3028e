import { describe, expect, it } from 'vitest';
import {
  assignmentRefusal,
  cadenceDueAt,
  cadenceTitle,
  isOverdue,
  nextStepAt,
  planProblems,
  stepsDue,
  taskChangeProblems,
} from './tasks.rules.ts';

const d = (s: string) => new Date(s);

describe('the due time of a cadence task', () => {
  const c = { lastContactAt: d('2026-03-01T10:00:00Z'), ownedSince: d('2026-02-01T00:00:00Z'), createdAt: d('2026-01-01T00:00:00Z') };
  it.each([
    ['the last contact plus the cadence', c, 7, '2026-03-08T10:00:00.000Z'],
    ['never contacted: from when the owner took it', { ...c, lastContactAt: null }, 14, '2026-02-15T00:00:00.000Z'],
    ['never contacted nor owned: from creation', { ...c, lastContactAt: null, ownedSince: null }, 30, '2026-01-31T00:00:00.000Z'],
    ['a stale contact counts even for a new owner', { ...c, ownedSince: d('2026-04-01T00:00:00Z') }, 7, '2026-03-08T10:00:00.000Z'],
  ])('%s', (_, customer, cadence, due) => {
    expect(cadenceDueAt(customer, cadence).toISOString()).toBe(due);
  });

  it('counts days of 24 hours, across a daylight-saving change too', () => {
    expect(cadenceDueAt({ lastContactAt: d('2026-03-28T12:00:00+01:00'), ownedSince: null, createdAt: d('2026-01-01') }, 2)).toEqual(
      d('2026-03-30T11:00:00Z'),
    );
  });

  it('titles the task in its assignee’s language', () => {
    expect(cadenceTitle('Acme', 'en')).toBe('Follow up: Acme');
    expect(cadenceTitle('华为', 'zh-CN')).toBe('跟进：华为');
  });
});

describe('the steps of a plan that are due', () => {
  const start = d('2026-01-05T09:00:00Z');
  const steps = [{ dayOffset: 0 }, { dayOffset: 3 }, { dayOffset: 7 }];
  const at = (days: number, ms = 0) => new Date(start.getTime() + days * 86_400_000 + ms);
  it.each([
    ['day 0: the first step at once', 0, at(0), [0]],
    ['day 2: nothing new', 1, at(2), []],
    ['a millisecond before day 3: not yet', 1, at(3, -1), []],
    ['day 3 exactly', 1, at(3), [1]],
    ['a job that did not run for a week makes the missed steps together', 1, at(8), [1, 2]],
    ['all done', 3, at(30), []],
    ['before the start: nothing', 0, at(0, -1), []],
  ])('%s', (_, next, now, due) => {
    expect(stepsDue(start, steps, next, now)).toEqual(due);
  });

  it('two steps on one day come together', () => {
    expect(stepsDue(start, [{ dayOffset: 0 }, { dayOffset: 0 }, { dayOffset: 1 }], 0, at(0))).toEqual([0, 1]);
  });

  it('says when the next step comes, and null after the last', () => {
    expect(nextStepAt(start, steps, 1)).toEqual(at(3));
    expect(nextStepAt(start, steps, 3)).toBeNull();
  });
});

describe('plan validation', () => {
  const step = (dayOffset: number, title = 'Call') => ({ dayOffset, title });
  const paths = (p: Parameters<typeof planProblems>[0]) => planProblems(p).map((e) => e.path);
  it('accepts a customer plan with its tier and a deal plan with its stage', () => {
    expect(paths({ target: 'customer', tierId: 't', steps: [step(0), step(3), step(7)] })).toEqual([]);
    expect(paths({ target: 'deal', stageId: 's', steps: [step(0), step(0), step(2)] })).toEqual([]);
  });
  it('names each problem', () => {
    expect(paths({ target: 'customer', stageId: 's', steps: [step(3), step(1), step(-1), step(2, ' ')] })).toEqual([
      'tierId',
      'stageId',
      'steps.1.dayOffset',
      'steps.2.dayOffset',
      'steps.3.title',
    ]);
    expect(paths({ target: 'deal', tierId: 't', steps: [] })).toEqual(['stageId', 'tierId', 'steps']);
    expect(paths({ target: 'deal', stageId: 's', steps: Array.from({ length: 21 }, (_, i) => step(i)) })).toEqual(['steps']);
    expect(paths({ target: 'deal', stageId: 's', steps: [step(0.5), step(3651)] })).toEqual(['steps.0.dayOffset', 'steps.1.dayOffset']);
  });
});

describe('who may give a task to whom', () => {
  const actor = (role: 'admin' | 'director' | 'manager' | 'rep' | 'viewer', teamId: string | null = 'east', managed: string[] = []) => ({
    userId: 'me',
    role,
    teamId,
    managedTeamIds: managed,
  });
  const user = (id: string, teamId: string | null, extra: Partial<{ role: 'rep' | 'viewer'; active: boolean }> = {}) => ({
    id,
    teamId,
    role: extra.role ?? ('rep' as const),
    active: extra.active ?? true,
  });
  it.each([
    ['a rep to themself', actor('rep', null), user('me', null), null],
    ['a rep to a teammate', actor('rep'), user('mate', 'east'), null],
    ['a rep outside their team', actor('rep'), user('other', 'west'), 'a rep gives tasks only to members of their own team'],
    ['a rep in no team to anyone else', actor('rep', null), user('other', null), 'a rep gives tasks only to members of their own team'],
    ['a manager within the teams they manage', actor('manager', null, ['west']), user('w', 'west'), null],
    ['a manager outside them', actor('manager', null, ['west']), user('e', 'east'), 'not a member of your teams'],
    ['a director to anyone', actor('director', null), user('x', 'west'), null],
    ['nobody to a viewer', actor('admin'), user('v', null, { role: 'viewer' }), 'no such active user who can work on tasks'],
    ['nobody to someone inactive', actor('admin'), user('gone', null, { active: false }), 'no such active user who can work on tasks'],
    ['nobody to a stranger', actor('admin'), undefined, 'no such active user who can work on tasks'],
  ])('%s', (_, a, to, refusal) => {
    expect(assignmentRefusal(a, to)).toBe(refusal);
  });
});

describe('what a change of a task may touch', () => {
  const paths = (source: 'manual' | 'cadence' | 'plan', status: 'open' | 'done', change: object) =>
    taskChangeProblems({ source, status }, change).map((e) => e.path);
  it('lets a manual task change anything', () => {
    expect(paths('manual', 'done', { dueAt: 'x', assigneeId: 'y', customerId: null, status: 'open' })).toEqual([]);
  });
  it('keeps a cadence task on its customer’s cadence and owner, and closed once closed', () => {
    expect(paths('cadence', 'open', { title: 'x', status: 'done' })).toEqual([]);
    expect(paths('cadence', 'done', { dueAt: 'x', assigneeId: 'y', dealId: 'd', status: 'open' })).toEqual([
      'dealId',
      'dueAt',
      'assigneeId',
      'status',
    ]);
  });
  it('lets a plan task be rescheduled and reassigned but not relinked', () => {
    expect(paths('plan', 'open', { dueAt: 'x', assigneeId: 'y', status: 'cancelled' })).toEqual([]);
    expect(paths('plan', 'open', { customerId: 'c' })).toEqual(['customerId']);
  });
  it('calls an open task past its due time overdue', () => {
    const now = d('2026-01-05T09:00:00Z');
    expect(isOverdue({ status: 'open', dueAt: d('2026-01-05T08:59:59Z') }, now)).toBe(true);
    expect(isOverdue({ status: 'open', dueAt: now }, now)).toBe(false);
    expect(isOverdue({ status: 'done', dueAt: d('2026-01-01') }, now)).toBe(false);
  });
});
