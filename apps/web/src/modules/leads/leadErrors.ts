import type { TProblem } from '@tierline/contracts';
import { isApiError } from '../../shared/api.ts';

/**
 * Problem codes the leads API answers with that the shared errors.codes do not cover; each has
 * words of its own under leads.errors.* (the server's detail is English).
 */
export const LEAD_ERROR_CODES = [
  'lead_closed',
  'lead_deleted',
  'invalid_merge',
  'unknown_reference',
  'invalid_owner',
  'invalid_scoring_rule',
  'already_deleted',
  'not_deleted',
] as const;
export type LeadErrorCode = (typeof LEAD_ERROR_CODES)[number];

/** The leads.errors key for a failed call, or null to fall back to the shared wording. */
export function leadErrorCode(error: unknown): LeadErrorCode | null {
  if (!isApiError(error)) return null;
  return (LEAD_ERROR_CODES as readonly string[]).includes(error.code) ? (error.code as LeadErrorCode) : null;
}

export type FieldPath = (string | number)[];

/** "body.deal.amount", "/rules/0/value" or "email" → ["deal", "amount"], ["rules", 0, "value"], ["email"]. */
export function splitPath(path: string): FieldPath {
  return path
    .split(/[./]/)
    .filter((s) => s && s !== 'body')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** A path as a pattern of the form's fields: list indexes become "*" ("rules.*.value"). */
const patternOf = (path: FieldPath) => path.map((s) => (typeof s === 'number' ? '*' : s)).join('.');

/**
 * The server's field errors, put on the form's fields: each path goes to the longest field of the
 * form it starts with (so "deal.amount" lands on the deal's amount, "contact.email.0" on the email),
 * messages for one field gathered. Paths naming no field of the form are left to the toast.
 */
export function fieldErrorTargets(
  errors: TProblem['errors'],
  fields: readonly string[],
  translated: string | null = null,
): { name: FieldPath; errors: string[] }[] {
  const known = new Set(fields);
  const byField = new Map<string, { name: FieldPath; errors: string[] }>();
  for (const { path, message } of errors ?? []) {
    const segments = splitPath(path);
    for (let n = segments.length; n > 0; n--) {
      const name = segments.slice(0, n);
      if (!known.has(patternOf(name))) continue;
      const key = name.join('.');
      const target = byField.get(key) ?? { name, errors: [] };
      target.errors.push(translated ?? message);
      byField.set(key, target);
      break;
    }
  }
  return [...byField.values()];
}
