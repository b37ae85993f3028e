import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api.ts';
import { isGateRefusal, missingItems } from './gateErrors.ts';

const t = ((key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key)) as unknown as TFunction;

const refusal = (errors: { path: string; message: string }[]) =>
  new ApiError({ type: 'about:blank', title: 'Unprocessable', status: 422, code: 'gate_not_met', errors });

describe('missingItems', () => {
  it('names fields, contact roles and milestones in the UI language', () => {
    const error = refusal([
      { path: 'amount', message: 'amount is required for this stage' },
      { path: 'contacts.economic_buyer', message: 'an economic buyer contact is required' },
      { path: 'milestones.PoC', message: 'milestone “PoC” must be done' },
      { path: 'milestones', message: 'the deal needs milestones' },
      { path: 'lossReason', message: 'a lost deal needs its loss reason' },
    ]);
    expect(isGateRefusal(error)).toBe(true);
    expect(missingItems(error, t)).toEqual([
      { path: 'amount', kind: 'field', label: 'deals.gate.fields.amount' },
      { path: 'contacts.economic_buyer', kind: 'contactRole', label: 'deals.gate.contactRole {"role":"contacts.roles.economic_buyer"}' },
      { path: 'milestones.PoC', kind: 'milestone', label: 'deals.gate.milestone {"name":"PoC"}' },
      { path: 'milestones', kind: 'milestone', label: 'deals.gate.allMilestones' },
      { path: 'lossReason', kind: 'field', label: 'deals.gate.fields.lossReason' },
    ]);
  });
  it('keeps a milestone name that has dots in it, and the server’s words for anything unknown', () => {
    const items = missingItems(
      refusal([
        { path: 'milestones.v1.2 sign-off', message: 'x' },
        { path: 'weird', message: 'server words' },
      ]),
      t,
    );
    expect(items[0]?.label).toBe('deals.gate.milestone {"name":"v1.2 sign-off"}');
    expect(items[1]).toEqual({ path: 'weird', kind: 'other', label: 'server words' });
  });
  it('is not a gate refusal for other errors', () => {
    expect(isGateRefusal(new ApiError({ type: 'x', title: 'x', status: 409, code: 'stale_version' }))).toBe(false);
  });
});
