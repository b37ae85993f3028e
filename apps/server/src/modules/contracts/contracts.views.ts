import type { TContract, TPayment } from '@tierline/contracts';
import type { ContractRow, PaymentRow } from './contracts.repository.ts';

/** What the API shows of a contract: no database row leaks out. */
export const contractView = (c: ContractRow): TContract => ({
  id: c.id,
  number: c.number,
  dealId: c.dealId,
  customerId: c.customerId,
  ownerId: c.ownerId,
  teamId: c.teamId,
  amount: c.amount,
  currency: c.currency,
  signedOn: c.signedOn,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  status: c.status,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  version: c.version,
});

export const paymentView = (p: PaymentRow): TPayment => ({
  id: p.id,
  contractId: p.contractId,
  installmentId: p.installmentId,
  receivedOn: p.receivedOn,
  amount: p.amount,
  method: p.method,
  reference: p.reference,
  externalId: p.externalId,
  createdAt: p.createdAt.toISOString(),
});
