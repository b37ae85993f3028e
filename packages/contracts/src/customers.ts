import { z } from 'zod';
import { ZId, ZListQuery, ZName, ZTimestamp, ZVersion } from './common.ts';

export const ZCustomerStatus = z.enum(['prospect', 'active', 'inactive']);
const ZShortText = z.string().trim().max(200);
const ZTag = z.string().trim().min(1).max(50);

export const ZCustomer = z.object({
  id: ZId,
  name: z.string(),
  tierId: ZId,
  tierPinned: z.boolean(),
  ownerId: ZId.nullable(),
  teamId: ZId.nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  source: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  tags: z.array(z.string()),
  externalId: z.string().nullable(),
  lastContactAt: ZTimestamp.nullable(),
  status: ZCustomerStatus,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export type TCustomer = z.infer<typeof ZCustomer>;

const customerFields = {
  industry: ZShortText.nullable(),
  region: ZShortText.nullable(),
  source: ZShortText.nullable(),
  phone: z.string().trim().max(50).nullable(),
  email: z.email().max(254).nullable(),
  address: z.string().trim().max(500).nullable(),
  tags: z.array(ZTag).max(50),
  status: ZCustomerStatus,
  lastContactAt: ZTimestamp.nullable(),
};

export const ZCustomerCreate = z.object({
  name: ZName,
  /** Defaults to the lowest tier; tier rules or a manager set it later. */
  tierId: ZId.optional(),
  /** Defaults to the caller; null puts the customer in the public pool. */
  ownerId: ZId.nullable().optional(),
  teamId: ZId.nullable().optional(),
  externalId: z.string().trim().min(1).max(100).nullable().optional(),
  ...z.object(customerFields).partial().shape,
});
export type TCustomerCreate = z.infer<typeof ZCustomerCreate>;

export const ZCustomerUpdate = z
  .object({
    name: ZName,
    ownerId: ZId.nullable(),
    teamId: ZId.nullable(),
    externalId: z.string().trim().min(1).max(100).nullable(),
    ...customerFields,
  })
  .partial()
  .extend({ version: ZVersion.optional() });
export type TCustomerUpdate = z.infer<typeof ZCustomerUpdate>;

export const ZCustomerSort = z.enum(['name', '-name', 'createdAt', '-createdAt', 'lastContactAt', '-lastContactAt']);
export const ZCustomerListQuery = ZListQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  tierId: ZId.optional(),
  ownerId: ZId.optional(),
  teamId: ZId.optional(),
  region: z.string().max(200).optional(),
  industry: z.string().max(200).optional(),
  status: ZCustomerStatus.optional(),
  tag: z.string().max(50).optional(),
  phone: z.string().max(50).optional(),
  email: z.string().max(254).optional(),
  /** `only` lists the deleted ones (to restore them). */
  deleted: z.enum(['only']).optional(),
  sort: ZCustomerSort.default('name'),
});

export const ZCustomerBatch = z.object({
  /** `create` refuses an externalId that exists; `upsert` updates the customer that has it. */
  mode: z.enum(['create', 'upsert']).default('create'),
  records: z.array(ZCustomerCreate).min(1).max(1000),
});
export const ZBatchResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  ids: z.array(ZId),
});

export const ZSeniority = z.enum(['executive', 'manager', 'staff']);
export const ZBuyingRole = z.enum(['decision_maker', 'economic_buyer', 'influencer', 'user', 'gatekeeper']);

export const ZContact = z.object({
  id: ZId,
  customerId: ZId,
  name: z.string(),
  title: z.string().nullable(),
  seniority: ZSeniority.nullable(),
  buyingRole: ZBuyingRole.nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export type TContact = z.infer<typeof ZContact>;

const contactFields = {
  title: ZShortText.nullable(),
  seniority: ZSeniority.nullable(),
  buyingRole: ZBuyingRole.nullable(),
  phone: z.string().trim().max(50).nullable(),
  email: z.email().max(254).nullable(),
  notes: z.string().max(5000).nullable(),
};
export const ZContactCreate = z.object({ customerId: ZId, name: ZName, ...z.object(contactFields).partial().shape });
export const ZContactUpdate = z
  .object({ name: ZName, ...contactFields })
  .partial()
  .extend({ version: ZVersion.optional() });
export const ZContactListQuery = ZListQuery.extend({
  customerId: ZId.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  deleted: z.enum(['only']).optional(),
});
