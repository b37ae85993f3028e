import { z } from 'zod';
import { ZId, ZTimestamp } from './common.ts';

export const ZAccountTeamRole = z.enum(['owner', 'co_owner', 'service', 'member']);
export const ZAccountTeamAccess = z.enum(['read', 'write']);

/** A person working a key account with its owner; members see the customer, write members may change it. */
export const ZAccountTeamMember = z.object({
  userId: ZId,
  name: z.string(),
  role: ZAccountTeamRole,
  access: ZAccountTeamAccess,
  addedAt: ZTimestamp,
});
export type TAccountTeamMember = z.infer<typeof ZAccountTeamMember>;

export const ZAccountTeamMemberPut = z.object({ role: ZAccountTeamRole, access: ZAccountTeamAccess });
export type TAccountTeamMemberPut = z.infer<typeof ZAccountTeamMemberPut>;

const ZPlanText = z.string().max(10_000);

/** A key account's plan. Version 0 (and updatedAt null) means no plan has been written yet. */
export const ZAccountPlan = z.object({
  customerId: ZId,
  objectives: z.string(),
  opportunities: z.string(),
  risks: z.string(),
  nextSteps: z.string(),
  updatedAt: ZTimestamp.nullable(),
  version: z.number().int(),
});
export type TAccountPlan = z.infer<typeof ZAccountPlan>;

/** PUT replaces the plan; `version` is the one it is based on (0 for the first plan). */
export const ZAccountPlanPut = z.object({
  objectives: ZPlanText,
  opportunities: ZPlanText,
  risks: ZPlanText,
  nextSteps: ZPlanText,
  version: z.number().int().min(0).max(2_147_483_647).optional(), // an int4 column
});
export type TAccountPlanPut = z.infer<typeof ZAccountPlanPut>;
