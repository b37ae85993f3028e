import { z } from 'zod';
import { ZEmail, ZId, ZLocale, ZName, ZPassword, ZRole, ZTimestamp } from './common.ts';

export const ZLoginBody = z.object({ email: ZEmail, password: z.string().min(1).max(200) });

export const ZSessionUser = z.object({
  id: ZId,
  orgId: ZId,
  orgName: z.string(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  teamId: ZId.nullable(),
  levelId: ZId.nullable(),
  locale: ZLocale,
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

/** What the web needs after sign-in: the user and the CSRF token for unsafe requests. */
export const ZSession = z.object({ user: ZSessionUser, csrfToken: z.string() });
export type TSession = z.infer<typeof ZSession>;

export const ZSetupStatus = z.object({ setupRequired: z.boolean(), signupAllowed: z.boolean() });

export const ZSetupBody = z.object({ orgName: ZName, name: ZName, email: ZEmail, password: ZPassword });
export type TSetupBody = z.infer<typeof ZSetupBody>;
export const ZSignupBody = ZSetupBody;

export const ZChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: ZPassword,
});
export const ZResetPasswordBody = z.object({ token: z.string().min(10).max(200), newPassword: ZPassword });
export const ZPasswordResetTicket = z.object({ token: z.string(), expiresAt: ZTimestamp });

export const ZApiTokenCreate = z.object({
  name: ZName,
  expiresAt: ZTimestamp.optional(),
});
export const ZApiToken = z.object({
  id: ZId,
  name: z.string(),
  prefix: z.string(),
  createdAt: ZTimestamp,
  lastUsedAt: ZTimestamp.nullable(),
  expiresAt: ZTimestamp.nullable(),
});
/** Returned once, at creation: the token itself is never shown again. */
export const ZApiTokenCreated = ZApiToken.extend({ token: z.string() });
