import { z } from 'zod';
import { ZDate, ZId, ZListQuery, ZTimestamp, ZVersion } from './common.ts';

/** Money travels as a JSON number or string, with at most 2 decimals; the server keeps it as SQL numeric text. */
const ZAmount = z
  .union([z.number(), z.string().trim()])
  .transform((v) => String(v))
  .refine((v) => /^\d{1,14}(\.\d{1,2})?$/.test(v), 'a non-negative amount with up to 2 decimals');
const ZPositiveAmount = ZAmount.refine((v) => /[1-9]/.test(v), 'must be greater than 0');
const ZText = (max: number) => z.string().trim().min(1).max(max);

export const ZContractStatus = z.enum(['draft', 'pending_approval', 'active', 'completed', 'cancelled']);
export type TContractStatus = z.infer<typeof ZContractStatus>;

export const ZContract = z.object({
  id: ZId,
  number: z.string(),
  dealId: ZId.nullable(),
  customerId: ZId,
  ownerId: ZId,
  teamId: ZId.nullable(),
  amount: z.string(),
  currency: z.string(),
  signedOn: ZDate.nullable(),
  startsOn: ZDate.nullable(),
  endsOn: ZDate.nullable(),
  status: ZContractStatus,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TContract = z.infer<typeof ZContract>;

const contractFields = {
  number: ZText(60),
  amount: ZPositiveAmount,
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as CNY'),
  ownerId: ZId,
  signedOn: ZDate.nullable(),
  startsOn: ZDate.nullable(),
  endsOn: ZDate.nullable(),
};

/** From a won deal (`dealId`: customer, owner, amount and currency are copied) or directly (`customerId` and `amount`). */
export const ZContractCreate = z
  .object({ ...z.object(contractFields).partial().shape, dealId: ZId.optional(), customerId: ZId.optional() })
  .refine((c) => c.dealId || (c.customerId && c.amount), {
    path: ['dealId'],
    message: 'give dealId, or customerId and amount',
  })
  .refine((c) => !(c.dealId && c.customerId), { path: ['customerId'], message: 'a contract from a deal takes the deal’s customer' });
export type TContractCreate = z.infer<typeof ZContractCreate>;

export const ZContractUpdate = z.object(contractFields).partial().extend({ version: ZVersion.optional() });
export type TContractUpdate = z.infer<typeof ZContractUpdate>;

/** pending_approval submits a draft for approval again (after a rejection); active needs the approval when the amount needs one. */
export const ZContractStatusChange = z.object({
  status: z.enum(['pending_approval', 'active', 'completed', 'cancelled']),
  version: ZVersion.optional(),
});

export const ZContractListQuery = ZListQuery.extend({
  status: ZContractStatus.optional(),
  customerId: ZId.optional(),
  ownerId: ZId.optional(),
  dealId: ZId.optional(),
  q: z.string().trim().min(1).max(60).optional(),
});

export const ZInstallmentInput = z.object({ dueOn: ZDate, amount: ZPositiveAmount });
export const ZInstallmentsPut = z.object({ installments: z.array(ZInstallmentInput).max(240), version: ZVersion.optional() });
export const ZInstallment = z.object({
  id: ZId,
  position: z.number().int(),
  dueOn: ZDate,
  amount: z.string(),
  /** Payments applied to the plan in due-date order: what of this instalment they cover, and what is left. */
  paid: z.string(),
  outstanding: z.string(),
});

const paymentFields = {
  amount: ZPositiveAmount,
  receivedOn: ZDate,
  installmentId: ZId.nullable().optional(),
  method: ZText(40).nullable().optional(),
  reference: ZText(200).nullable().optional(),
  externalId: ZText(100).nullable().optional(),
};
export const ZPaymentCreate = z.object(paymentFields);
export type TPaymentCreate = z.infer<typeof ZPaymentCreate>;
export const ZPayment = z.object({
  id: ZId,
  contractId: ZId,
  installmentId: ZId.nullable(),
  receivedOn: ZDate,
  amount: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
  externalId: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TPayment = z.infer<typeof ZPayment>;

export const ZContractDetail = ZContract.extend({
  installments: z.array(ZInstallment),
  payments: z.array(ZPayment),
  paid: z.string(),
  outstanding: z.string(),
});

/** A payment of a migration or bank import: its contract by id or by number. */
export const ZPaymentBatchRecord = z
  .object({ ...paymentFields, contractId: ZId.optional(), contractNumber: ZText(60).optional() })
  .refine((r) => (r.contractId === undefined) !== (r.contractNumber === undefined), {
    path: ['contractId'],
    message: 'give exactly one of contractId or contractNumber',
  });
export type TPaymentBatchRecord = z.infer<typeof ZPaymentBatchRecord>;
export const ZPaymentBatch = z.object({ records: z.array(ZPaymentBatchRecord).min(1).max(1000) });

export const ZOverdueQuery = z.object({ asOf: ZDate.optional() });
const overdueFigures = {
  currency: z.string(),
  /** What is overdue: the uncovered part of every instalment due before asOf. */
  amount: z.string(),
  installments: z.number().int(),
  oldestDueOn: ZDate,
  maxDaysOverdue: z.number().int(),
};
export const ZOverdueReport = z.object({
  asOf: ZDate,
  totals: z.array(z.object({ currency: z.string(), amount: z.string(), installments: z.number().int() })),
  byCustomer: z.array(z.object({ customerId: ZId, customerName: z.string(), ...overdueFigures })),
  byRep: z.array(z.object({ ownerId: ZId, ownerName: z.string(), customers: z.number().int(), ...overdueFigures })),
});
export type TOverdueReport = z.infer<typeof ZOverdueReport>;
