import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { users } from '../users/users.table.ts';
import { EXPIRING_WITHIN_DAYS } from './certifications.rules.ts';
import { certifications, courses, enrolments } from './training.table.ts';

export type CertificationRow = typeof certifications.$inferSelect;
export type CertificationFilter = { repId?: string; teamId?: string; status?: 'valid' | 'expiring' | 'expired' };

/** The status filter in SQL, matching `certificationStatus` (certifications.rules.ts). */
function statusIs(status: CertificationFilter['status'], today: string): SQL | undefined {
  const soon = sql`(${today}::date + ${EXPIRING_WITHIN_DAYS}::int)`;
  switch (status) {
    case 'expired':
      return sql`${certifications.expiresOn} < ${today}::date`;
    case 'expiring':
      return sql`${certifications.expiresOn} >= ${today}::date and ${certifications.expiresOn} <= ${soon}`;
    case 'valid':
      return sql`(${certifications.expiresOn} is null or ${certifications.expiresOn} > ${soon})`;
    default:
      return undefined;
  }
}

/** Certifications within `scope`, latest granted first, one keyset page (`limit + 1` rows). */
export async function listCertifications(
  db: DbOrTx,
  orgId: string,
  scope: SQL | undefined,
  f: CertificationFilter,
  today: string,
  page: { limit: number; after?: CursorValue[] },
) {
  const after = page.after
    ? sql`(${certifications.grantedOn}, ${certifications.id}) < (${String(page.after[0])}::date, ${String(page.after[1])}::uuid)`
    : undefined;
  return db
    .select({ certification: certifications, repName: users.name })
    .from(certifications)
    .innerJoin(users, and(eq(users.orgId, certifications.orgId), eq(users.id, certifications.repId)))
    .where(
      and(
        eq(certifications.orgId, orgId),
        scope,
        f.repId ? eq(certifications.repId, f.repId) : undefined,
        f.teamId ? eq(users.teamId, f.teamId) : undefined,
        statusIs(f.status, today),
        after,
      ),
    )
    .orderBy(desc(certifications.grantedOn), desc(certifications.id))
    .limit(page.limit + 1);
}

export type RenewalDue = { orgId: string; id: string; repId: string; courseId: string; name: string; expiresOn: string };

/**
 * Certifications, across organisations, due a re-certification enrolment: expiring within 30 days of the
 * organisation's today (or already expired) with none made yet, the rep's latest certification in the course, the
 * rep still an active rep, the course active, and no enrolment in it open. Oldest expiry first, at most `limit`.
 */
export async function renewalsDue(db: DbOrTx, now: Date, limit: number): Promise<RenewalDue[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{ org_id: string; id: string; rep_id: string; course_id: string; name: string; expires_on: string }>(
    await db.execute(sql`
      select c.org_id::text, c.id::text, c.rep_id::text, c.course_id::text, c.name,
        to_char(c.expires_on, 'YYYY-MM-DD') as expires_on
      from ${certifications} c
      join ${orgs} o on o.id = c.org_id
      join ${courses} k on k.org_id = c.org_id and k.id = c.course_id and k.active
      join ${users} u on u.org_id = c.org_id and u.id = c.rep_id and u.active and u.role = 'rep'
      where c.expires_on is not null and c.renewal_enrolled_at is null
        and c.expires_on <= (${at} at time zone o.time_zone)::date + ${EXPIRING_WITHIN_DAYS}::int
        and not exists (
          select 1 from ${certifications} newer
          where newer.org_id = c.org_id and newer.rep_id = c.rep_id and newer.course_id = c.course_id
            and (newer.granted_on, newer.id) > (c.granted_on, c.id))
        and not exists (
          select 1 from ${enrolments} e
          where e.org_id = c.org_id and e.rep_id = c.rep_id and e.course_id = c.course_id
            and e.status in ('assigned', 'in_progress'))
      order by c.expires_on, c.id
      limit ${limit}`),
  );
  return rows.map((r) => ({ orgId: r.org_id, id: r.id, repId: r.rep_id, courseId: r.course_id, name: r.name, expiresOn: r.expires_on }));
}

/** Marks the certifications whose re-certification enrolment was made, so it is made once. */
export async function markRenewalEnrolled(db: DbOrTx, orgId: string, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await db.execute(sql`
    update ${certifications} set renewal_enrolled_at = ${now.toISOString()}::timestamptz
    where org_id = ${orgId} and id = any(${sql.param(ids)}::uuid[])`);
}
