import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { users } from '../users/users.table.ts';
import { courses, enrolments } from './training.table.ts';

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type NewEnrolment = typeof enrolments.$inferInsert;

export async function courseById(db: DbOrTx, orgId: string, courseId: string) {
  const [row] = await db
    .select()
    .from(courses)
    .where(and(eq(courses.orgId, orgId), eq(courses.id, courseId)));
  return row;
}

/** Of `repIds`, the active reps (role rep) of the organisation: only they can be enrolled. */
export async function activeRepIds(db: DbOrTx, orgId: string, repIds: string[]): Promise<Set<string>> {
  if (repIds.length === 0) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, repIds), eq(users.role, 'rep'), eq(users.active, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Inserts enrolments, skipping any rep who already has an open one in the course: the partial unique index
 * `enrolments_open_key` decides, so two concurrent assignments cannot both enrol the same rep.
 * Returns the rows actually inserted.
 */
export async function insertOpenEnrolments(db: DbOrTx, rows: NewEnrolment[]): Promise<EnrolmentRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(enrolments)
    .values(rows)
    .onConflictDoNothing({
      target: [enrolments.orgId, enrolments.courseId, enrolments.repId],
      where: sql`status in ('assigned', 'in_progress')`,
    })
    .returning();
}
