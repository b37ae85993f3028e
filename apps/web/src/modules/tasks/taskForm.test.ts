import type { TTask } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { createBody, defaultDue, editableFields, toFormValues, updateBody } from './taskForm.ts';

const SH = 'Asia/Shanghai';
const task = (over: Partial<TTask> = {}) =>
  ({
    id: 't1',
    title: 'Call Li',
    notes: null,
    dueAt: '2025-03-05T06:00:30Z', // 14:00:30 in Shanghai
    priority: 'normal',
    activityKind: 'call',
    assigneeId: 'me',
    customerId: 'c1',
    dealId: null,
    source: 'manual',
    status: 'open',
    version: 3,
    ...over,
  }) as TTask;

describe('editableFields', () => {
  it('fixes a cadence task’s due time, assignee and links, and a plan task’s links', () => {
    expect(editableFields('manual')).toEqual({ due: true, assignee: true, links: true });
    expect(editableFields('plan')).toEqual({ due: true, assignee: true, links: false });
    expect(editableFields('cadence')).toEqual({ due: false, assignee: false, links: false });
  });
});

describe('defaultDue', () => {
  it('is the next whole hour', () => {
    expect(defaultDue(new Date('2025-03-05T06:20:10Z')).toISOString()).toBe('2025-03-05T07:00:00.000Z');
    expect(defaultDue(new Date('2025-03-05T06:00:00Z')).toISOString()).toBe('2025-03-05T07:00:00.000Z');
  });
});

describe('createBody', () => {
  const values = { ...toFormValues(null, 'me', new Date('2025-03-05T06:20:00Z'), SH), title: ' Visit ', notes: '  ' };
  it('sends the due time as an instant, empty notes as null', () => {
    expect(createBody(values, SH, false)).toEqual({
      title: 'Visit',
      dueAt: '2025-03-05T07:00:00.000Z',
      priority: 'normal',
      activityKind: null,
      customerId: null,
      dealId: null,
      notes: null,
    });
  });
  it('names the assignee only when the caller may choose one', () => {
    expect(createBody({ ...values, assigneeId: 'rep2' }, SH, true).assigneeId).toBe('rep2');
    expect(createBody({ ...values, assigneeId: 'rep2' }, SH, false).assigneeId).toBeUndefined();
  });
});

describe('updateBody', () => {
  it('sends nothing when nothing changed (seconds of the stored due time included)', () => {
    const t = task();
    expect(updateBody(t, toFormValues(t, 'me', new Date(), SH), SH)).toEqual({});
  });
  it('sends only what changed', () => {
    const t = task();
    const v = { ...toFormValues(t, 'me', new Date(), SH), title: 'Call Li again', due: '2025-03-06T09:00', customerId: null };
    expect(updateBody(t, v, SH)).toEqual({ title: 'Call Li again', dueAt: '2025-03-06T01:00:00.000Z', customerId: null });
  });
  it('never sends what a cadence task fixes, even when the form changed it', () => {
    const t = task({ source: 'cadence' });
    const v = {
      ...toFormValues(t, 'me', new Date(), SH),
      due: '2025-03-06T09:00',
      assigneeId: 'rep2',
      dealId: 'd1',
      priority: 'high' as const,
    };
    expect(updateBody(t, v, SH)).toEqual({ priority: 'high' });
  });
  it('lets a plan task move and change hands but not change its record', () => {
    const t = task({ source: 'plan' });
    const v = { ...toFormValues(t, 'me', new Date(), SH), due: '2025-03-06T09:00', assigneeId: 'rep2', customerId: 'c2' };
    expect(updateBody(t, v, SH)).toEqual({ dueAt: '2025-03-06T01:00:00.000Z', assigneeId: 'rep2' });
  });
});
