import { z } from 'zod';
import { ZDate, ZId, ZListQuery, ZName, ZTimestamp, ZVersion } from './common.ts';
import { ZBuyingRole, ZCustomerCreate, ZSeniority } from './customers.ts';

export const ZLeadStatus = z.enum(['new', 'working', 'qualified', 'disqualified', 'converted', 'merged']);
/** The statuses a person may set; `converted` and `merged` are reached only through convert and merge. */
export const ZLeadOpenStatus = z.enum(['new', 'working', 'qualified', 'disqualified']);

export const ZLeadScoreLine = z.object({ ruleId: z.string(), label: z.string(), points: z.number().int() });

export const ZLead = z.object({
  id: ZId,
  name: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  source: z.string().nullable(),
  region: z.string().nullable(),
  industry: z.string().nullable(),
  status: ZLeadStatus,
  score: z.number().int(),
  scoreBreakdown: z.array(ZLeadScoreLine),
  ownerId: ZId.nullable(),
  teamId: ZId.nullable(),
  mergedIntoId: ZId.nullable(),
  convertedCustomerId: ZId.nullable(),
  convertedContactId: ZId.nullable(),
  convertedDealId: ZId.nullable(),
  convertedAt: ZTimestamp.nullable(),
  externalId: z.string().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export type TLead = z.infer<typeof ZLead>;

const ZShortText = z.string().trim().max(200);
const leadFields = {
  company: ZShortText.nullable(),
  title: ZShortText.nullable(),
  email: z.email().max(254).nullable(),
  phone: z.string().trim().max(50).nullable(),
  source: ZShortText.nullable(),
  region: ZShortText.nullable(),
  industry: ZShortText.nullable(),
  externalId: z.string().trim().min(1).max(100).nullable(),
};

export const ZLeadCreate = z.object({
  name: ZName,
  ...z.object(leadFields).partial().shape,
  status: ZLeadOpenStatus.optional(),
  /** Defaults to the caller; null (managers and above) leaves the lead unassigned, for assignment rules. */
  ownerId: ZId.nullable().optional(),
});
export type TLeadCreate = z.infer<typeof ZLeadCreate>;

export const ZLeadUpdate = z
  .object({ name: ZName, ...leadFields, status: ZLeadOpenStatus, ownerId: ZId.nullable() })
  .partial()
  .extend({ version: ZVersion.optional() });
export type TLeadUpdate = z.infer<typeof ZLeadUpdate>;

/** Another record that looks like the same person or company: reported, never refused. */
export const ZLeadDuplicate = z.object({
  entity: z.enum(['lead', 'customer']),
  id: ZId,
  matchedOn: z.array(z.enum(['email', 'phone', 'company'])),
  /** Whether the caller may open it; a duplicate outside one's scope is named, not shown. */
  visible: z.boolean(),
});
export const ZLeadWithDuplicates = ZLead.extend({ duplicates: z.array(ZLeadDuplicate) });

export const ZLeadListQuery = ZListQuery.extend({
  status: ZLeadStatus.optional(),
  source: z.string().max(200).optional(),
  ownerId: ZId.optional(),
  /** Leads nobody owns yet (the inbox that assignment works through). */
  unassigned: z.enum(['true']).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  deleted: z.enum(['only']).optional(),
  sort: z.enum(['score', '-score', 'createdAt', '-createdAt', 'name', '-name']).default('-createdAt'),
});

export const ZLeadMerge = z.object({ intoId: ZId, version: ZVersion.optional() });

export const ZLeadConvert = z
  .object({
    version: ZVersion.optional(),
    /** Reuse this customer; otherwise a customer is created from `customer` and the lead's fields. */
    customerId: ZId.optional(),
    customer: ZCustomerCreate.partial().omit({ ownerId: true, teamId: true }).optional(),
    contact: z
      .object({
        name: ZName,
        title: ZShortText.nullable(),
        seniority: ZSeniority.nullable(),
        buyingRole: ZBuyingRole.nullable(),
        phone: z.string().trim().max(50).nullable(),
        email: z.email().max(254).nullable(),
        notes: z.string().max(5000).nullable(),
      })
      .partial()
      .optional(),
    /** No deal is created when omitted. */
    deal: z
      .object({
        name: ZName,
        pipelineId: ZId,
        stageId: ZId.optional(),
        amount: z
          .union([z.number().nonnegative(), z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'a non-negative amount with up to 2 decimals')])
          .optional(),
        expectedCloseDate: ZDate.optional(),
      })
      .optional(),
  })
  .refine((c) => !(c.customerId && c.customer), { path: ['customer'], message: 'give customerId or customer, not both' });
export type TLeadConvert = z.infer<typeof ZLeadConvert>;

export const ZLeadConversion = z.object({
  lead: ZLead,
  customerId: ZId,
  customerCreated: z.boolean(),
  contactId: ZId,
  dealId: ZId.nullable(),
});

const ZScoringRuleBase = { id: ZId.optional(), label: z.string().trim().min(1).max(200), points: z.number().int().min(-100).max(100) };
export const ZLeadScoringField = z.enum(['company', 'title', 'email', 'phone', 'source', 'region', 'industry']);
export const ZLeadScoringRuleInput = z.discriminatedUnion('kind', [
  z.object({
    ...ZScoringRuleBase,
    kind: z.literal('field'),
    field: ZLeadScoringField,
    operator: z.enum(['equals', 'in', 'contains', 'present']),
    /** A string for equals/contains, a list for in, nothing for present. */
    value: z
      .union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(100)])
      .nullable()
      .optional(),
  }),
  z.object({ ...ZScoringRuleBase, kind: z.literal('activity'), activityKind: z.enum(['call', 'email', 'visit', 'meeting', 'note']) }),
]);
export type TLeadScoringRuleInput = z.infer<typeof ZLeadScoringRuleInput>;
export const ZLeadScoringRule = z.object({
  id: ZId,
  label: z.string(),
  kind: z.enum(['field', 'activity']),
  field: z.string().nullable(),
  operator: z.enum(['equals', 'in', 'contains', 'present']).nullable(),
  value: z.union([z.string(), z.array(z.string())]).nullable(),
  activityKind: z.string().nullable(),
  points: z.number().int(),
  position: z.number().int(),
});
export const ZLeadScoringRules = z.object({ rules: z.array(ZLeadScoringRuleInput).max(200) });
export const ZLeadScoringRulesResult = z.object({ data: z.array(ZLeadScoringRule), rescored: z.number().int().optional() });
