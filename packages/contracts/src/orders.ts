import { z } from 'zod';
import { ZId, ZListQuery, ZTimestamp } from './common.ts';

/** Decimal numbers travel as JSON numbers or strings and are stored as SQL numeric, never summed in JS. */
const ZDecimal = (max: number) =>
  z
    .union([z.number(), z.string().regex(/^-?\d{1,12}(\.\d{1,4})?$/, 'a decimal number')])
    .transform((v) => String(v))
    .refine((v) => Math.abs(Number(v)) <= max, `at most ${max}`);

export const ZOrderLineInput = z.object({
  productCode: z.string().trim().min(1).max(100),
  productName: z.string().trim().max(300).nullable().optional(),
  category: z.string().trim().max(100).nullable().optional(),
  quantity: ZDecimal(1e10),
  unitPrice: ZDecimal(1e10),
});

export const ZOrderCreate = z
  .object({
    externalId: z.string().trim().min(1).max(100).nullable().optional(),
    customerId: ZId.optional(),
    customerExternalId: z.string().trim().min(1).max(100).optional(),
    orderedAt: ZTimestamp,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    lines: z.array(ZOrderLineInput).min(1).max(5000),
  })
  .refine((o) => (o.customerId === undefined) !== (o.customerExternalId === undefined), {
    path: ['customerId'],
    message: 'give exactly one of customerId or customerExternalId',
  });
export type TOrderCreate = z.infer<typeof ZOrderCreate>;

export const ZOrderLine = z.object({
  lineNo: z.number().int(),
  productCode: z.string(),
  productName: z.string().nullable(),
  category: z.string().nullable(),
  quantity: z.string(),
  unitPrice: z.string(),
});
export const ZOrder = z.object({
  id: ZId,
  externalId: z.string().nullable(),
  customerId: ZId,
  orderedAt: ZTimestamp,
  currency: z.string(),
  amount: z.string(),
  createdAt: ZTimestamp,
  lines: z.array(ZOrderLine).optional(),
});
export type TOrder = z.infer<typeof ZOrder>;

export const ZOrderBatch = z.object({ records: z.array(ZOrderCreate).min(1).max(1000) });
export const ZOrderListQuery = ZListQuery.extend({
  customerId: ZId.optional(),
  from: ZTimestamp.optional(),
  to: ZTimestamp.optional(),
});

export const ZPurchaseSummary = z.object({
  asOf: ZTimestamp,
  monetary: z.string(),
  frequency: z.number().int(),
  recencyDays: z.number().int().nullable(),
  firstOrderAt: ZTimestamp.nullable(),
  lastOrderAt: ZTimestamp.nullable(),
  meanDaysBetweenOrders: z.number().nullable(),
  topProducts: z.array(
    z.object({
      productCode: z.string(),
      productName: z.string().nullable(),
      amount: z.string(),
      quantity: z.string(),
      orders: z.number().int(),
    }),
  ),
  topCategories: z.array(z.object({ category: z.string(), amount: z.string(), orders: z.number().int() })),
  monthly: z.array(z.object({ month: z.string(), amount: z.string(), orders: z.number().int() })),
});
