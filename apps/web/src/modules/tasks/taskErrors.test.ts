import { describe, expect, it } from 'vitest';
import { fieldErrors, fieldPath, taskErrorCode } from './taskErrors.ts';

describe('taskErrorCode', () => {
  it('knows the codes of tasks and plans, nothing else', () => {
    expect(taskErrorCode('plan_in_use')).toBe('plan_in_use');
    expect(taskErrorCode('already_enrolled')).toBe('already_enrolled');
    expect(taskErrorCode('stale_version')).toBeNull();
    expect(taskErrorCode(undefined)).toBeNull();
  });
});

describe('fieldPath', () => {
  it('turns a problem path into a form name, list indexes as numbers', () => {
    expect(fieldPath('body.steps.2.dayOffset')).toEqual(['steps', 2, 'dayOffset']);
    expect(fieldPath('/title')).toEqual(['title']);
    expect(fieldPath('activity.kind', 'activity')).toEqual(['kind']);
    expect(fieldPath('activity', 'activity')).toEqual([]);
  });
});

describe('fieldErrors', () => {
  const known = new Set(['title', 'steps.1.dayOffset']);
  const has = (name: (string | number)[]) => known.has(name.join('.'));
  it('gathers messages per field the form has and drops the rest', () => {
    expect(
      fieldErrors(
        [
          { path: 'steps.1.dayOffset', message: 'must not come before step 1' },
          { path: 'title', message: 'required' },
          { path: 'title', message: 'too long' },
          { path: 'tierId', message: 'no such tier' },
        ],
        has,
      ),
    ).toEqual([
      { name: ['steps', 1, 'dayOffset'], errors: ['must not come before step 1'] },
      { name: ['title'], errors: ['required', 'too long'] },
    ]);
  });
  it('is empty without errors', () => {
    expect(fieldErrors(undefined, has)).toEqual([]);
  });
});
