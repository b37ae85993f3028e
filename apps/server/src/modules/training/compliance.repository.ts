import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { users } from '../users/users.table.ts';
import type { LatestEnrolment } from './compliance.rules.ts';
import { courses, curriculumItems, enrolments } from './training.table.ts';

export type ComplianceRep = { id: string; name: string; teamId: string | null; levelId: string | null };

/** The organisation's active reps, by name, narrowed to `teamIds` when given ([] means none). */
export async function activeReps(db: DbOrTx, orgId: string, teamIds: string[] | undefined): Promise<ComplianceRep[]> {
  if (teamIds && teamIds.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true), teamIds ? inArray(users.teamId, teamIds) : undefined))
    .orderBy(asc(users.name), asc(users.id));
}

/** Level id → the courses its curriculum requires while at it (purpose 'required'). */
export async function requiredCourses(db: DbOrTx, orgId: string, levelIds: string[]): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>();
  if (levelIds.length === 0) return result;
  const rows = await db
    .select({ levelId: curriculumItems.levelId, courseId: curriculumItems.courseId })
    .from(curriculumItems)
    .where(and(eq(curriculumItems.orgId, orgId), eq(curriculumItems.purpose, 'required'), inArray(curriculumItems.levelId, levelIds)));
  for (const r of rows) result.set(r.levelId, (result.get(r.levelId) ?? new Set()).add(r.courseId));
  return result;
}

/** Rep id → course id → the rep's latest enrolment in it that was not cancelled. */
export async function latestEnrolments(db: DbOrTx, orgId: string, repIds: string[]): Promise<Map<string, Map<string, LatestEnrolment>>> {
  const result = new Map<string, Map<string, LatestEnrolment>>();
  if (repIds.length === 0) return result;
  const rows = rowsOf<{ rep_id: string; course_id: string; status: LatestEnrolment['status']; due_on: string | null }>(
    await db.execute(sql`
      select distinct on (e.rep_id, e.course_id) e.rep_id::text, e.course_id::text, e.status,
        to_char(e.due_on, 'YYYY-MM-DD') as due_on
      from ${enrolments} e
      where e.org_id = ${orgId} and e.rep_id = any(${sql.param(repIds)}::uuid[]) and e.status <> 'cancelled'
      order by e.rep_id, e.course_id, e.created_at desc, e.id desc`),
  );
  for (const r of rows) {
    const byCourse = result.get(r.rep_id) ?? new Map<string, LatestEnrolment>();
    byCourse.set(r.course_id, { status: r.status, dueOn: r.due_on });
    result.set(r.rep_id, byCourse);
  }
  return result;
}

/** The columns: the courses, ordered by title. */
export async function coursesByIds(db: DbOrTx, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: courses.id, title: courses.title, category: courses.category })
    .from(courses)
    .where(and(eq(courses.orgId, orgId), inArray(courses.id, ids)))
    .orderBy(asc(courses.title), asc(courses.id));
}
