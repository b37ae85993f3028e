import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { fieldErrorTargets, leadErrorCode, splitPath } from './leadErrors.ts';

describe('splitPath', () => {
  it.each([
    ['deal.amount', ['deal', 'amount']],
    ['body.contact.email', ['contact', 'email']],
    ['/rules/0/value', ['rules', 0, 'value']],
    ['email', ['email']],
  ])('%s → %o', (path, segments) => expect(splitPath(path)).toEqual(segments));
});

describe('fieldErrorTargets', () => {
  const FIELDS = ['customerId', 'customer.name', 'contact.email', 'deal.amount', 'rules.*.value', 'rules.*.label'];

  it('puts nested paths on nested fields, list indexes included, and gathers messages per field', () => {
    expect(
      fieldErrorTargets(
        [
          { path: 'deal.amount', message: 'too large' },
          { path: 'contact.email', message: 'Invalid email' },
          { path: 'rules.2.value', message: 'in needs a list of values' },
          { path: 'deal.amount', message: 'negative' },
        ],
        FIELDS,
      ),
    ).toEqual([
      { name: ['deal', 'amount'], errors: ['too large', 'negative'] },
      { name: ['contact', 'email'], errors: ['Invalid email'] },
      { name: ['rules', 2, 'value'], errors: ['in needs a list of values'] },
    ]);
  });

  it('goes to the longest field a path starts with, and leaves paths of no field to the toast', () => {
    expect(
      fieldErrorTargets(
        [
          { path: 'customerId.email', message: 'x' },
          { path: 'deal.stageId', message: 'y' },
        ],
        FIELDS,
      ),
    ).toEqual([{ name: ['customerId'], errors: ['x'] }]);
  });

  it('uses the translated sentence for every field when one is given', () => {
    expect(fieldErrorTargets([{ path: 'customerId', message: 'no such customer' }], FIELDS, '没有这个客户')).toEqual([
      { name: ['customerId'], errors: ['没有这个客户'] },
    ]);
  });
});

describe('leadErrorCode', () => {
  const problem = (code: string) => new ApiError({ type: 'about:blank', title: 't', status: 422, code });
  it('knows the leads codes and nothing else', () => {
    expect(leadErrorCode(problem('lead_closed'))).toBe('lead_closed');
    expect(leadErrorCode(problem('gate_not_met'))).toBeNull();
    expect(leadErrorCode(new Error('boom'))).toBeNull();
  });
});
