import { z } from 'zod';
import { ZDate, ZEmail, ZId, ZListQuery, ZName, ZTimestamp, ZVersion } from './common.ts';
import { ZBuyingRole } from './customers.ts';

export const ZProcessType = z.enum(['short', 'long', 'project']);
export const ZStageKind = z.enum(['open', 'won', 'lost']);
export const ZForecastCategory = z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted']);
const ZMoney = z
  .union([z.number(), z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'a non-negative amount with up to 2 decimals')])
  .transform((v) => String(v))
  .refine((v) => Number(v) >= 0, 'must not be negative');

export const ZStageGate = z.object({
  requiredFields: z.array(z.enum(['amount', 'expectedCloseDate', 'customerId', 'lines', 'contacts'])).optional(),
  requiredContactRoles: z.array(ZBuyingRole).optional(),
  requiredMilestones: z.array(z.string().min(1).max(200)).optional(),
});
export type TStageGate = z.infer<typeof ZStageGate>;

export const ZStage = z.object({
  id: ZId,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  position: z.number().int(),
  probability: z.number().int(),
  kind: ZStageKind,
  gate: ZStageGate,
});
export const ZPipeline = z.object({ id: ZId, processType: ZProcessType, nameZh: z.string(), nameEn: z.string(), stages: z.array(ZStage) });
export type TPipeline = z.infer<typeof ZPipeline>;

export const ZStageInput = z.object({
  id: ZId.optional(),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _'),
  nameZh: ZName,
  nameEn: ZName,
  probability: z.number().int().min(0).max(100),
  kind: ZStageKind,
  gate: ZStageGate.default({}),
});
export const ZPipelineStagesUpdate = z.object({ stages: z.array(ZStageInput).min(2).max(30) });

export const ZDealLine = z.object({
  productCode: z.string().trim().min(1).max(100),
  productName: z.string().trim().max(300).nullable().optional(),
  quantity: z
    .union([z.number(), z.string()])
    .transform((v) => String(v))
    .refine((v) => /^\d{1,10}(\.\d{1,3})?$/.test(v), 'a non-negative quantity'),
  unitPrice: ZMoney,
  discountPct: z.number().min(0).max(100).optional(),
});
export const ZDealContactRole = z.object({ contactId: ZId, role: ZBuyingRole });

export const ZDeal = z.object({
  id: ZId,
  name: z.string(),
  pipelineId: ZId,
  stageId: ZId,
  customerId: ZId.nullable(),
  ownerId: ZId,
  teamId: ZId.nullable(),
  amount: z.string().nullable(),
  currency: z.string(),
  expectedCloseDate: ZDate.nullable(),
  probability: z.number().int(),
  probabilityOverridden: z.boolean(),
  forecastCategory: ZForecastCategory,
  lossReason: z.string().nullable(),
  externalId: z.string().nullable(),
  stageEnteredAt: ZTimestamp,
  closedAt: ZTimestamp.nullable(),
  cycleDays: z.number().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export type TDeal = z.infer<typeof ZDeal>;

const dealFields = {
  name: ZName,
  customerId: ZId.nullable(),
  amount: ZMoney.nullable(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO 4217 code such as CNY'),
  expectedCloseDate: ZDate.nullable(),
  probability: z.number().int().min(0).max(100).nullable(),
  forecastCategory: ZForecastCategory,
  externalId: z.string().trim().min(1).max(100).nullable(),
};
export const ZDealCreate = z.object({
  ...z.object(dealFields).partial().shape,
  name: ZName,
  pipelineId: ZId,
  stageId: ZId.optional(),
  ownerId: ZId.optional(),
  contacts: z.array(ZDealContactRole).max(50).optional(),
  lines: z.array(ZDealLine).max(200).optional(),
});
export type TDealCreate = z.infer<typeof ZDealCreate>;
export const ZDealUpdate = z
  .object({ ...dealFields, ownerId: ZId })
  .partial()
  .extend({ version: ZVersion.optional() });
export const ZDealMove = z.object({ stageId: ZId, lossReason: z.string().trim().min(1).max(500).optional(), version: ZVersion.optional() });

export const ZDealListQuery = ZListQuery.extend({
  pipelineId: ZId.optional(),
  stageId: ZId.optional(),
  ownerId: ZId.optional(),
  teamId: ZId.optional(),
  customerId: ZId.optional(),
  status: ZStageKind.optional(),
  forecastCategory: ZForecastCategory.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  sort: z.enum(['createdAt', '-createdAt', 'expectedCloseDate', '-expectedCloseDate', 'name', '-name']).default('-createdAt'),
});

/** A migrated deal: any stage, with its own dates; gates apply to moves, not to history. */
export const ZDealBatchRecord = z
  .object({
    ...z.object(dealFields).partial().shape,
    name: ZName,
    pipelineId: ZId.optional(),
    processType: ZProcessType.optional(),
    stageId: ZId.optional(),
    stageKey: z.string().max(40).optional(),
    customerExternalId: z.string().trim().min(1).max(100).optional(),
    ownerId: ZId.optional(),
    ownerEmail: ZEmail.optional(),
    lossReason: z.string().max(500).nullable().optional(),
    createdAt: ZTimestamp.optional(),
    closedAt: ZTimestamp.nullable().optional(),
  })
  .refine((r) => r.pipelineId || r.processType, { path: ['pipelineId'], message: 'give pipelineId or processType' })
  .refine((r) => r.stageId || r.stageKey, { path: ['stageId'], message: 'give stageId or stageKey' });
export const ZDealBatch = z.object({ records: z.array(ZDealBatchRecord).min(1).max(1000) });

export const ZStageVisit = z.object({ stageId: ZId, enteredAt: ZTimestamp, leftAt: ZTimestamp.nullable(), days: z.number() });
export const ZMilestone = z.object({
  id: ZId,
  name: z.string(),
  dueDate: ZDate.nullable(),
  status: z.enum(['open', 'done']),
  ownerId: ZId.nullable(),
  version: z.number().int(),
});
export const ZMilestoneInput = z.object({
  name: ZName,
  dueDate: ZDate.nullable().optional(),
  status: z.enum(['open', 'done']).optional(),
  ownerId: ZId.nullable().optional(),
});
export const ZDealTask = z.object({
  id: ZId,
  title: z.string(),
  department: z.string(),
  assigneeId: ZId.nullable(),
  dueDate: ZDate.nullable(),
  status: z.enum(['open', 'in_progress', 'done']),
  version: z.number().int(),
});
export const ZDealTaskInput = z.object({
  title: ZName,
  department: z.string().trim().min(1).max(100),
  assigneeId: ZId.nullable().optional(),
  dueDate: ZDate.nullable().optional(),
  status: z.enum(['open', 'in_progress', 'done']).optional(),
});
export const ZDealDetail = ZDeal.extend({
  contacts: z.array(ZDealContactRole),
  lines: z.array(ZDealLine.extend({ quantity: z.string(), unitPrice: z.string(), discountPct: z.number(), lineNo: z.number().int() })),
  stageHistory: z.array(ZStageVisit),
  milestones: z.array(ZMilestone),
  tasks: z.array(ZDealTask),
});

export const ZRepPerformanceQuery = z.object({
  from: ZTimestamp,
  to: ZTimestamp,
  pipelineId: ZId.optional(),
  groupBy: z.enum(['rep', 'team', 'region']).default('rep'),
});
export const ZRepPerformanceRow = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
  wonCount: z.number().int(),
  wonAmount: z.string(),
  lostCount: z.number().int(),
  openCount: z.number().int(),
  openAmount: z.string(),
  weightedOpenAmount: z.string(),
  winRate: z.number().nullable(),
  meanCycleDays: z.number().nullable(),
});
