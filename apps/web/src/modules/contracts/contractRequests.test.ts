import type { TContract } from '@tierline/contracts';
import { describe, expect, it } from 'vitest';
import { contractPatch, installmentsBody, isEmptyPatch, newContractBody, paymentBody } from './contractRequests.ts';

const contract: TContract = {
  id: '01900000-0000-7000-8000-000000000001',
  number: 'HT20260105-0001',
  dealId: '01900000-0000-7000-8000-000000000002',
  customerId: '01900000-0000-7000-8000-000000000003',
  ownerId: '01900000-0000-7000-8000-000000000004',
  teamId: null,
  amount: '500000.00',
  currency: 'CNY',
  signedOn: '2026-01-05',
  startsOn: null,
  endsOn: null,
  status: 'draft',
  createdAt: '2026-01-05T08:00:00.000Z',
  updatedAt: '2026-01-05T08:00:00.000Z',
  version: 3,
};

describe('newContractBody', () => {
  it('sends only the deal when the rest is left to the deal and the numbering', () => {
    expect(newContractBody({ dealId: 'd1', number: '  ', amount: '', signedOn: '' })).toEqual({ dealId: 'd1' });
  });
  it('sends a typed number, the amount with 2 decimals and the dates given', () => {
    expect(newContractBody({ dealId: 'd1', number: ' HT-9 ', amount: '1200.5', signedOn: '2026-02-01', endsOn: '2026-12-31' })).toEqual({
      dealId: 'd1',
      number: 'HT-9',
      amount: '1200.50',
      signedOn: '2026-02-01',
      endsOn: '2026-12-31',
    });
  });
});

describe('contractPatch', () => {
  it('sends only the version when nothing changed (an equal amount written differently is no change)', () => {
    const patch = contractPatch(contract, { number: 'HT20260105-0001', amount: '500000', currency: 'CNY', signedOn: '2026-01-05' });
    expect(patch).toEqual({ version: 3 });
    expect(isEmptyPatch(patch)).toBe(true);
  });
  it('sends changed fields, and a cleared date as null', () => {
    expect(contractPatch(contract, { amount: '450000', signedOn: '', startsOn: '2026-02-01' })).toEqual({
      version: 3,
      amount: '450000.00',
      signedOn: null,
      startsOn: '2026-02-01',
    });
  });
  it('leaves out fields the form did not show', () => {
    expect(contractPatch(contract, { endsOn: '2026-12-31' })).toEqual({ version: 3, endsOn: '2026-12-31' });
  });
});

describe('installmentsBody', () => {
  it('orders the plan by due date and writes amounts with 2 decimals', () => {
    expect(
      installmentsBody(
        [
          { dueOn: '2026-06-30', amount: '200000' },
          { dueOn: '2026-03-31', amount: 300000.5 },
        ],
        4,
      ),
    ).toEqual({
      installments: [
        { dueOn: '2026-03-31', amount: '300000.50' },
        { dueOn: '2026-06-30', amount: '200000.00' },
      ],
      version: 4,
    });
  });
});

describe('paymentBody', () => {
  it('sends empty method, reference and instalment as null', () => {
    expect(paymentBody({ amount: '1000', receivedOn: '2026-03-01', method: ' ', reference: '', installmentId: undefined })).toEqual({
      amount: '1000.00',
      receivedOn: '2026-03-01',
      installmentId: null,
      method: null,
      reference: null,
    });
  });
  it('keeps what was typed, trimmed', () => {
    expect(
      paymentBody({ amount: 99.9, receivedOn: '2026-03-01', method: '银行转账 ', reference: ' 20260301-77', installmentId: 'i1' }),
    ).toEqual({
      amount: '99.90',
      receivedOn: '2026-03-01',
      installmentId: 'i1',
      method: '银行转账',
      reference: '20260301-77',
    });
  });
});
