import type { TActivity, TTask } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { isLate, itemsByDay, kindsOf } from './calendarItems.ts';

const task = (id: string, dueAt: string, over: Partial<TTask> = {}) =>
  ({ id, dueAt, title: id, status: 'open', activityKind: null, ...over }) as TTask;
const visit_ = (id: string, occurredAt: string, over: Partial<TActivity> = {}) =>
  ({ id, occurredAt, subject: id, kind: 'visit', deletedAt: null, ...over }) as TActivity;

describe('itemsByDay', () => {
  it('puts tasks on their due day and visits on the day they happened, in time order, in the reader’s zone', () => {
    const days = itemsByDay(
      [task('call-late', '2025-03-05T10:00:00Z', { activityKind: 'call' }), task('evening', '2025-03-05T17:00:00Z')],
      [visit_('visit-morning', '2025-03-05T01:00:00Z')],
      'Asia/Shanghai',
    );
    // 17:00 UTC is 01:00 on 6 March in Shanghai.
    expect([...days.keys()]).toEqual(['2025-03-05', '2025-03-06']);
    expect(days.get('2025-03-05')?.map((i) => [i.id, i.type, i.kind])).toEqual([
      ['visit-morning', 'visit', 'visit'],
      ['call-late', 'task', 'call'],
    ]);
    expect(days.get('2025-03-06')?.map((i) => i.kind)).toEqual(['other']);
  });

  it('leaves out cancelled tasks and deleted visits; keeps done tasks, marked done', () => {
    const days = itemsByDay(
      [task('done', '2025-03-05T02:00:00Z', { status: 'done' }), task('cancelled', '2025-03-05T03:00:00Z', { status: 'cancelled' })],
      [visit_('deleted', '2025-03-05T04:00:00Z', { deletedAt: '2025-03-06T00:00:00Z' })],
      'UTC',
    );
    expect(days.get('2025-03-05')?.map((i) => [i.id, i.done])).toEqual([['done', true]]);
  });

  it('is empty for nothing', () => {
    expect(itemsByDay([], [], 'UTC').size).toBe(0);
  });
});

describe('kindsOf', () => {
  it('lists each kind once, in the order met', () => {
    const days = itemsByDay(
      [task('a', '2025-03-05T01:00:00Z', { activityKind: 'call' }), task('b', '2025-03-05T02:00:00Z', { activityKind: 'call' })],
      [visit_('v', '2025-03-05T03:00:00Z')],
      'UTC',
    );
    expect(kindsOf(days.get('2025-03-05') ?? [])).toEqual(['call', 'visit']);
  });
});

describe('isLate', () => {
  it('is an open task past due; never a done task or a visit', () => {
    const now = new Date('2025-03-05T12:00:00Z');
    const [open, done, future] =
      itemsByDay(
        [
          task('open', '2025-03-05T01:00:00Z'),
          task('done', '2025-03-05T02:00:00Z', { status: 'done' }),
          task('future', '2025-03-05T13:00:00Z'),
        ],
        [],
        'UTC',
      ).get('2025-03-05') ?? [];
    const [visit] = itemsByDay([], [visit_('v', '2025-03-05T01:00:00Z')], 'UTC').get('2025-03-05') ?? [];
    expect([open, done, future, visit].map((i) => isLate(i, now))).toEqual([true, false, false, false]);
  });
});
