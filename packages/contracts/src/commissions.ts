import { z } from 'zod';
import { ZDate, ZId, ZTimestamp, ZVersion } from './common.ts';
import { ZPeriod } from './performance.ts';

/** Commission (提成) plans per level and statements per rep and period (decision 0028). */

const ZRate = z.number().min(0).max(1);

/**
 * A level's plan: `baseRate` of every payment received; once the period's payments-collected attainment reaches an
 * accelerator's `minAttainment`, that accelerator's rate applies to every payment of the period.
 */
export const ZCommissionPlan = z.object({
  id: ZId,
  levelId: ZId,
  baseRate: z.number(),
  accelerators: z.array(z.object({ minAttainment: z.number(), rate: z.number() })),
  version: z.number().int(),
});
export type TCommissionPlan = z.infer<typeof ZCommissionPlan>;
export const ZCommissionPlanUpsert = z.object({
  levelId: ZId,
  baseRate: ZRate,
  accelerators: z.array(z.object({ minAttainment: z.number().min(0).max(10), rate: ZRate })).max(10),
  version: ZVersion.optional(),
});

export const ZCommissionLine = z.object({
  paymentId: ZId,
  contractId: ZId,
  contractNumber: z.string(),
  customerId: ZId,
  customerName: z.string(),
  receivedOn: ZDate,
  amount: z.string(),
  rate: z.number(),
  /** amount × rate, rounded to the cent. */
  commission: z.string(),
});
export const ZCommissionStatement = z.object({
  repId: ZId,
  name: z.string(),
  period: ZPeriod,
  levelId: ZId.nullable(),
  planId: ZId.nullable(),
  paymentsCollected: z.string(),
  target: z.string().nullable(),
  attainment: z.number().nullable(),
  rate: z.number(),
  /** Which accelerator set the rate (null: the base rate). */
  acceleratorMinAttainment: z.number().nullable(),
  lines: z.array(ZCommissionLine),
  total: z.string(),
  computedAt: ZTimestamp,
});
export type TCommissionStatement = z.infer<typeof ZCommissionStatement>;
export const ZCommissionStatementQuery = z.object({ period: ZPeriod, repId: ZId.optional(), teamId: ZId.optional() });
