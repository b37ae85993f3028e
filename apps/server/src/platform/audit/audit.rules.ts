import type { AuditChanges } from './audit.table.ts';

/** Fields that never enter the audit log: secrets, and bookkeeping that changes on every write. */
const NEVER_LOGGED = new Set([
  'passwordHash',
  'resetTokenHash',
  'resetExpiresAt',
  'tokenHash',
  'failedLogins',
  'lockedUntil',
  'updatedAt',
  'version',
  'orgId',
]);

const normalise = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/** The fields that differ between two states of a record, each with its before and after. */
export function diffRecords(before: object | null, after: object | null): AuditChanges {
  const changes: AuditChanges = {};
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (NEVER_LOGGED.has(key)) continue;
    const was = normalise(b[key]);
    const now = normalise(a[key]);
    if (JSON.stringify(was) !== JSON.stringify(now)) changes[key] = { before: was, after: now };
  }
  return changes;
}
