import { z } from 'zod';
import { ZId, ZName, ZTimestamp, ZVersion } from './common.ts';
import { ZProcessType } from './deals.ts';

export const ZAssignmentEntity = z.enum(['lead', 'customer', 'deal']);
export type TAssignmentEntity = z.infer<typeof ZAssignmentEntity>;
export const ZAssignmentStrategy = z.enum(['round_robin', 'least_loaded']);

const ZAmount = z.union([
  z.number().nonnegative(),
  z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'a non-negative amount with up to 2 decimals'),
]);
const ZTextList = z.array(z.string().trim().min(1).max(200)).max(100);

/** Every condition given must hold; an empty or missing one matches anything. */
export const ZAssignmentConditions = z.object({
  tierIds: z.array(ZId).max(50).optional(),
  processTypes: z.array(ZProcessType).max(3).optional(),
  regions: ZTextList.optional(),
  industries: ZTextList.optional(),
  minAmount: ZAmount.optional(),
  maxAmount: ZAmount.optional(),
});

export const ZAssignmentRule = z.object({
  id: ZId,
  entity: ZAssignmentEntity,
  position: z.number().int(),
  name: z.string(),
  conditions: z.object({
    tierIds: z.array(ZId).optional(),
    processTypes: z.array(ZProcessType).optional(),
    regions: z.array(z.string()).optional(),
    industries: z.array(z.string()).optional(),
    minAmount: z.string().optional(),
    maxAmount: z.string().optional(),
  }),
  eligibleLevelIds: z.array(ZId),
  eligibleTeamIds: z.array(ZId),
  strategy: ZAssignmentStrategy,
  active: z.boolean(),
  lastAssignedUserId: ZId.nullable(),
  version: z.number().int(),
});
export type TAssignmentRule = z.infer<typeof ZAssignmentRule>;

export const ZAssignmentRuleCreate = z.object({
  entity: ZAssignmentEntity,
  name: ZName,
  conditions: ZAssignmentConditions.default({}),
  /** Empty: any level (then teams must be named). */
  eligibleLevelIds: z.array(ZId).max(20).default([]),
  /** Empty: any team. */
  eligibleTeamIds: z.array(ZId).max(100).default([]),
  strategy: ZAssignmentStrategy,
  active: z.boolean().default(true),
  /** 1-based place among the entity's rules; the end when omitted. */
  position: z.number().int().min(1).optional(),
});
export type TAssignmentRuleCreate = z.infer<typeof ZAssignmentRuleCreate>;

export const ZAssignmentRuleUpdate = z
  .object({
    name: ZName,
    conditions: ZAssignmentConditions,
    eligibleLevelIds: z.array(ZId).max(20),
    eligibleTeamIds: z.array(ZId).max(100),
    strategy: ZAssignmentStrategy,
    active: z.boolean(),
  })
  .partial()
  .extend({ version: ZVersion.optional() });
export type TAssignmentRuleUpdate = z.infer<typeof ZAssignmentRuleUpdate>;

/** The entity's rules in their new order: every rule of the entity exactly once. */
export const ZAssignmentRuleOrder = z.object({ entity: ZAssignmentEntity, ids: z.array(ZId).min(1).max(500) });

export const ZPassedOverReason = z.enum([
  'inactive',
  'wrong_level',
  'wrong_team',
  'outside_your_teams',
  'away',
  'at_capacity',
  'not_next_in_turn',
  'higher_load',
  'same_load_later_id',
]);
export const ZAssignmentExplanation = z.object({
  ruleId: ZId.nullable(),
  ruleName: z.string().nullable(),
  /** The rule's conditions that held, in words ("tier in [KA]"). */
  matched: z.array(z.string()),
  candidates: z.array(
    z.object({ userId: ZId, load: z.number().int(), capacity: z.number().int().nullable(), passedOver: z.string().optional() }),
  ),
  chosen: ZId.nullable(),
  strategy: z.string().nullable(),
});
export const ZAssignmentResult = z.object({
  entity: ZAssignmentEntity,
  entityId: ZId,
  assigned: z.boolean(),
  ownerId: ZId.nullable(),
  /** Why nobody was assigned, when nobody was. */
  unassignedReason: z.string().nullable(),
  explanation: ZAssignmentExplanation,
  at: ZTimestamp,
});
export type TAssignmentResult = z.infer<typeof ZAssignmentResult>;
