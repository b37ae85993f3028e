import type { TCourse, TQuiz, TRole, ZCourseListQuery, ZCourseWrite } from '@tierline/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { badRequest, notFound, staleVersion } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import * as repo from './courses.repository.ts';
import { courseFor, editsCatalogue, quizProblems } from './courses.rules.ts';

/**
 * The course catalogue (decision 0029). Everyone signed in reads it; directors and admins create and change
 * courses. A course is never deleted (enrolments, certifications and curricula point at it): it is retired
 * with `active: false`, which hides it from the list but not from a lookup by id.
 */

export { courseById } from './courses.repository.ts';

export type CourseInput = z.output<typeof ZCourseWrite>;

/** The course with the answer key (the audit log and catalogue editors see this). */
export const courseRecord = (c: repo.CourseRow): TCourse & { quiz: TQuiz | null } => ({
  id: c.id,
  title: c.title,
  description: c.description,
  source: c.source,
  provider: c.provider,
  category: c.category,
  format: c.format,
  durationMinutes: c.durationMinutes,
  materials: c.materials,
  quiz: c.quiz ?? null,
  certification: c.certification ?? null,
  active: c.active,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  version: c.version,
});

/** The course as `role` may see it: the answer key only for directors and admins. */
export const courseView = (c: repo.CourseRow, role: TRole): TCourse => courseFor(courseRecord(c), role);

function checkQuiz(input: CourseInput) {
  const errors = quizProblems(input.quiz);
  if (errors.length) throw badRequest('invalid_quiz', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

/** The catalogue by title; `includeInactive` is honoured for directors and admins only (others never see retired courses). */
export async function listCourses(ctx: Ctx, q: z.output<typeof ZCourseListQuery>) {
  const filter = { category: q.category, q: q.q, includeInactive: Boolean(q.includeInactive) && editsCatalogue(ctx.actor.role) };
  const rows = await repo.listCourses(ctx.db, ctx.actor.orgId, filter, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (c) => [c.title, c.id]);
  return { data: page.data.map((c) => courseView(c, ctx.actor.role)), nextCursor: page.nextCursor };
}

/** One course, active or retired (a learner's enrolment may point at a retired one); 404 for another organisation's. */
export async function getCourse(ctx: Ctx, id: string): Promise<TCourse> {
  const row = await repo.courseById(ctx.db, ctx.actor.orgId, id);
  if (!row) throw notFound('Course');
  return courseView(row, ctx.actor.role);
}

export async function createCourse(ctx: Ctx, input: CourseInput): Promise<TCourse> {
  checkQuiz(input);
  return inTransaction(ctx, async (tx) => {
    const now = ctx.clock.now();
    const row = await repo.insertCourse(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      ...input,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx.db, tx, { action: 'create', entity: 'course', entityId: row.id, before: null, after: courseRecord(row) });
    return courseView(row, ctx.actor.role);
  });
}

/**
 * Replaces a course's fields (PUT), based on `version`. Retiring is `active: false`. Attempts already made keep
 * the score they got; the next attempt is scored against the quiz as it now stands.
 */
export async function updateCourse(ctx: Ctx, id: string, version: number, input: CourseInput): Promise<TCourse> {
  checkQuiz(input);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.courseById(tx.db, ctx.actor.orgId, id, { forUpdate: true });
    if (!before) throw notFound('Course');
    if (before.version !== version) throw staleVersion('course', before.version);
    const after = await repo.updateCourseRow(tx.db, ctx.actor.orgId, id, version, { ...input, updatedAt: ctx.clock.now() });
    if (!after) throw staleVersion('course', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'course',
      entityId: id,
      before: courseRecord(before),
      after: courseRecord(after),
    });
    return courseView(after, ctx.actor.role);
  });
}
