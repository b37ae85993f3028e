import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { certifications, enrolments } from './training.table.ts';

/**
 * A course a rep holds: their latest completed enrolment in it (completed means passed, when the course has a
 * quiz), dated in the organisation's zone, with the certification it granted. `valid` on the day asked: no
 * certification (nothing expires) or one not yet expired that day.
 */
export type CourseHolding = { courseId: string; completedOn: string; expiresOn: string | null; valid: boolean };

/**
 * Every course each rep holds on `onDay` (YYYY-MM-DD, the organisation's calendar), for all reps at once:
 * rep id → course id → holding. Completions after `onDay` do not count. Read by the level evaluation's course
 * checks, development plans, compliance and the curricula's completeness.
 */
export async function courseHoldings(
  db: DbOrTx,
  orgId: string,
  repIds: string[],
  onDay: string,
): Promise<Map<string, Map<string, CourseHolding>>> {
  const result = new Map<string, Map<string, CourseHolding>>();
  if (repIds.length === 0) return result;
  const rows = rowsOf<{ rep_id: string; course_id: string; completed_on: string; expires_on: string | null }>(
    await db.execute(sql`
      select distinct on (e.rep_id, e.course_id)
        e.rep_id::text, e.course_id::text,
        to_char((e.completed_at at time zone o.time_zone)::date, 'YYYY-MM-DD') as completed_on,
        to_char(c.expires_on, 'YYYY-MM-DD') as expires_on
      from ${enrolments} e
      join ${orgs} o on o.id = e.org_id
      left join ${certifications} c on c.org_id = e.org_id and c.enrolment_id = e.id
      where e.org_id = ${orgId} and e.rep_id = any(${sql.param(repIds)}::uuid[]) and e.status = 'completed'
        and (e.completed_at at time zone o.time_zone)::date <= ${onDay}::date
      order by e.rep_id, e.course_id, e.completed_at desc`),
  );
  for (const r of rows) {
    const held = result.get(r.rep_id) ?? new Map<string, CourseHolding>();
    held.set(r.course_id, {
      courseId: r.course_id,
      completedOn: r.completed_on,
      expiresOn: r.expires_on,
      valid: r.expires_on === null || r.expires_on >= onDay,
    });
    result.set(r.rep_id, held);
  }
  return result;
}
