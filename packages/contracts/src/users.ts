import { z } from 'zod';
import { ZDate, ZEmail, ZId, ZListQuery, ZLocale, ZName, ZPassword, ZRole, ZTimestamp, ZVersion } from './common.ts';

export const ZUser = z.object({
  id: ZId,
  email: z.string(),
  name: z.string(),
  role: ZRole,
  teamId: ZId.nullable(),
  levelId: ZId.nullable(),
  locale: ZLocale,
  active: z.boolean(),
  /** False while the rep is away: automatic assignment passes them over. */
  available: z.boolean(),
  hireDate: ZDate.nullable(),
  createdAt: ZTimestamp,
  version: z.number().int(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZUserCreate = z.object({
  email: ZEmail,
  name: ZName,
  role: ZRole,
  password: ZPassword,
  teamId: ZId.nullable().optional(),
  levelId: ZId.nullable().optional(),
  locale: ZLocale.optional(),
  hireDate: ZDate.nullable().optional(),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    name: ZName,
    role: ZRole,
    teamId: ZId.nullable(),
    levelId: ZId.nullable(),
    locale: ZLocale,
    active: z.boolean(),
    available: z.boolean(),
    hireDate: ZDate.nullable(),
  })
  .partial()
  .extend({ version: ZVersion.optional() });

/** A signed-in person marks themselves away (休假/外出) or back. */
export const ZAvailabilityUpdate = z.object({ available: z.boolean() });
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUserListQuery = ZListQuery.extend({
  q: z.string().max(200).optional(),
  role: ZRole.optional(),
  teamId: ZId.optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'email', '-email']).default('name'),
});

export const ZTeam = z.object({
  id: ZId,
  name: z.string(),
  region: z.string().nullable(),
  managerId: ZId.nullable(),
  createdAt: ZTimestamp,
  version: z.number().int(),
});
export type TTeam = z.infer<typeof ZTeam>;

export const ZTeamCreate = z.object({
  name: ZName,
  region: z.string().trim().max(100).nullable().optional(),
  managerId: ZId.nullable().optional(),
});
export const ZTeamUpdate = ZTeamCreate.partial().extend({ version: ZVersion.optional() });
export const ZTeamListQuery = ZListQuery.extend({
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt']).default('name'),
});

export const ZLevel = z.object({
  id: ZId,
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  rank: z.number().int(),
  /** Public-pool limits, assignment capacity and the contract amount above which approval is needed; null: no limit. */
  maxCustomers: z.number().int().nullable(),
  maxClaimsPerDay: z.number().int().nullable(),
  maxOpenDeals: z.number().int().nullable(),
  maxContractAmount: z.string().nullable(),
  version: z.number().int(),
});
export type TLevel = z.infer<typeof ZLevel>;

const ZLimit = z.number().int().min(0).max(1_000_000).nullable();
export const ZLevelUpdate = z
  .object({
    nameZh: z.string().trim().min(1).max(50),
    nameEn: z.string().trim().min(1).max(50),
    maxCustomers: ZLimit,
    maxClaimsPerDay: ZLimit,
    maxOpenDeals: ZLimit,
    maxContractAmount: z
      .union([z.number().nonnegative(), z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, 'a non-negative amount with up to 2 decimals')])
      .transform(String)
      .nullable(),
  })
  .partial()
  .extend({ version: ZVersion.optional() });

export const ZAuditEntry = z.object({
  id: ZId,
  at: ZTimestamp,
  actorId: ZId.nullable(),
  action: z.enum(['create', 'update', 'delete', 'restore']),
  entity: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  requestId: z.string().nullable(),
});
export const ZAuditQuery = ZListQuery.extend({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: ZId.optional(),
  from: ZTimestamp.optional(),
  to: ZTimestamp.optional(),
});
