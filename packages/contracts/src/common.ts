import { z } from 'zod';

/** UUIDv7 identifiers, as every Tierline record uses. */
export const ZId = z.uuid();

export const ZRole = z.enum(['admin', 'director', 'manager', 'rep', 'viewer']);
export type TRole = z.infer<typeof ZRole>;

/** Roles that may change business data; a viewer only reads. */
export const WRITER_ROLES = ['admin', 'director', 'manager', 'rep'] as const satisfies readonly TRole[];

export const ZLocale = z.enum(['zh-CN', 'en']);
export type TLocale = z.infer<typeof ZLocale>;

/** An instant with its offset, in years 1900–2999: later ones overflow JS dates and ISO strings once a rule adds days (fuzzing, issue 11). */
export const ZTimestamp = z.iso
  .datetime({ offset: true })
  // Only on a well-formed timestamp: a malformed one already has its error, one per field.
  .refine((s) => !/^\d{4}-/.test(s) || (s.slice(0, 4) >= '1900' && s.slice(0, 4) <= '2999'), 'a year between 1900 and 2999');

/** A calendar day, in years 1900–2999 like ZTimestamp: PostgreSQL has no year 0, and far years overflow once a rule adds days. */
export const ZDate = z.iso
  .date()
  .refine((s) => !/^\d{4}-/.test(s) || (s.slice(0, 4) >= '1900' && s.slice(0, 4) <= '2999'), 'a year between 1900 and 2999');

/** `version` of the record an update is based on (optimistic concurrency). */
export const ZVersion = z.number().int().min(1).max(2_147_483_647); // an int4 column

/** A query-string flag: `true` or `false` (z.coerce.boolean would read "false" as true). */
export const ZQueryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details, the body of every error. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZEmail = z
  .email()
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const ZPassword = z.string().min(10, 'at least 10 characters').max(200);
export const ZName = z.string().trim().min(1).max(200);
