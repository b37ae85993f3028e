import type { TApproval } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { approvalAsk, mayDecide, subjectPath } from './approvalRules.ts';

const pending = { status: 'pending' as const, requestedBy: 'rep', approverId: 'manager' };

describe('mayDecide', () => {
  it('lets the designated approver decide', () => {
    expect(mayDecide({ id: 'manager', role: 'manager' }, pending)).toBe(true);
  });
  it('lets a director or admin decide a request of someone else', () => {
    expect(mayDecide({ id: 'boss', role: 'director' }, pending)).toBe(true);
    expect(mayDecide({ id: 'root', role: 'admin' }, pending)).toBe(true);
  });
  it('refuses another manager, a rep and a viewer', () => {
    expect(mayDecide({ id: 'other', role: 'manager' }, pending)).toBe(false);
    expect(mayDecide({ id: 'rep', role: 'rep' }, pending)).toBe(false);
    expect(mayDecide({ id: 'v', role: 'viewer' }, pending)).toBe(false);
  });
  it('refuses a director deciding their own request given to someone else, but not one that fell to them', () => {
    expect(mayDecide({ id: 'boss', role: 'director' }, { ...pending, requestedBy: 'boss' })).toBe(false);
    expect(mayDecide({ id: 'boss', role: 'admin' }, { ...pending, requestedBy: 'boss', approverId: 'boss' })).toBe(true);
  });
  it('refuses anything already decided', () => {
    expect(mayDecide({ id: 'manager', role: 'manager' }, { ...pending, status: 'approved' })).toBe(false);
  });
});

describe('approvalAsk', () => {
  it('reads a contract amount against the level limit', () => {
    const details = {
      number: 'HT20260105-0001',
      amount: '1200000.00',
      limit: '1000000.00',
      currency: 'CNY',
      approverBasis: 'team_manager',
    };
    expect(approvalAsk({ kind: 'contract_amount', details })).toEqual({
      kind: 'contract_amount',
      number: 'HT20260105-0001',
      amount: '1200000.00',
      limit: '1000000.00',
      currency: 'CNY',
    });
  });
  it('reads each discount line against its cap', () => {
    const details = { cap: '10.00', lines: [{ line: 0, productCode: 'P-1', discountPct: '25.00', cap: '10.00' }] };
    expect(approvalAsk({ kind: 'discount', details })).toEqual({
      kind: 'discount',
      lines: [{ productCode: 'P-1', discountPct: '25.00', cap: '10.00' }],
    });
  });
  it('shows blanks, not a crash, for details of an unexpected shape', () => {
    expect(approvalAsk({ kind: 'discount', details: { lines: 'x' } })).toEqual({ kind: 'discount', lines: [] });
    expect(approvalAsk({ kind: 'contract_amount', details: {} })).toMatchObject({ amount: null, limit: null, currency: 'CNY' });
  });
});

describe('subjectPath', () => {
  it('links a contract approval to the contract and a discount approval to the deal', () => {
    expect(subjectPath({ entity: 'contract', entityId: 'c1' } as TApproval)).toBe('/contracts/c1');
    expect(subjectPath({ entity: 'deal', entityId: 'd1' } as TApproval)).toBe('/deals/d1');
  });
});
