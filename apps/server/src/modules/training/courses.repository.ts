import type { TCourse } from '@tierline/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { likeLiteral } from '../customers/customers.rules.ts';
import { courses } from './training.table.ts';

export type CourseRow = typeof courses.$inferSelect;
export type NewCourseRow = typeof courses.$inferInsert;

export type CourseFilter = { category?: TCourse['category']; q?: string; includeInactive: boolean };

/** The catalogue by (title, id), the keyset the cursor carries; `q` matches the title or the provider. */
export function listCourses(db: DbOrTx, orgId: string, f: CourseFilter, page: { limit: number; after?: CursorValue[] }) {
  const after = page.after
    ? sql`(${courses.title}, ${courses.id}) > (${String(page.after[0])}, ${String(page.after[1])}::uuid)`
    : undefined;
  const q = f.q ? likeLiteral(f.q) : undefined;
  return db
    .select()
    .from(courses)
    .where(
      and(
        eq(courses.orgId, orgId),
        f.includeInactive ? undefined : eq(courses.active, true),
        f.category ? eq(courses.category, f.category) : undefined,
        q ? sql`(${courses.title} ilike ${q} or coalesce(${courses.provider}, '') ilike ${q})` : undefined,
        after,
      ),
    )
    .orderBy(asc(courses.title), asc(courses.id))
    .limit(page.limit + 1);
}

/**
 * A course of the organisation, active or not (enrolments, curricula and triggers point at inactive ones too);
 * null for another organisation's. No scope check: every signed-in user reads the catalogue.
 */
export async function courseById(db: DbOrTx, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<CourseRow | null> {
  const query = db
    .select()
    .from(courses)
    .where(and(eq(courses.orgId, orgId), eq(courses.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertCourse(db: DbOrTx, row: NewCourseRow): Promise<CourseRow> {
  const [inserted] = await db.insert(courses).values(row).returning();
  return inserted;
}

/** Updates when the row is still at `version`; undefined otherwise. */
export async function updateCourseRow(db: DbOrTx, orgId: string, id: string, version: number, patch: Partial<NewCourseRow>) {
  const [row] = await db
    .update(courses)
    .set({ ...patch, version: sql`${courses.version} + 1` })
    .where(and(eq(courses.orgId, orgId), eq(courses.id, id), eq(courses.version, version)))
    .returning();
  return row as CourseRow | undefined;
}
