import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { diffRecords } from '../../platform/audit/audit.rules.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { activeRepIds, courseById, type NewEnrolment, insertOpenEnrolments } from './enrolments.repository.ts';

export type EnrolRepsInput = {
  orgId: string;
  courseId: string;
  repIds: string[];
  source: 'manual' | 'trigger' | 'recertification';
  assignedVia: 'rep' | 'team' | 'level';
  dueOn: string | null;
  assignedBy: string | null;
  now: Date;
  requestId: string;
};

/**
 * Enrols reps in a course, inside the caller's transaction, with no scope check (the caller checks): used by the
 * enrolment route, outcome triggers and the re-certification job. Reps who are not active reps of the org, or who
 * already have an open enrolment in the course, are skipped. Each enrolled rep gets `training_assigned`.
 */
export async function enrolReps(
  db: DbOrTx,
  input: EnrolRepsInput,
): Promise<{ enrolled: { id: string; repId: string }[]; skippedRepIds: string[] }> {
  const course = await courseById(db, input.orgId, input.courseId);
  if (!course) throw notFound('course');
  const wanted = [...new Set(input.repIds)];
  const eligible = await activeRepIds(db, input.orgId, wanted);
  const rows: NewEnrolment[] = wanted
    .filter((repId) => eligible.has(repId))
    .map((repId) => ({
      orgId: input.orgId,
      id: newId(),
      courseId: input.courseId,
      repId,
      source: input.source,
      assignedVia: input.assignedVia,
      assignedBy: input.assignedBy,
      dueOn: input.dueOn,
      createdAt: input.now,
      updatedAt: input.now,
    }));
  const inserted = await insertOpenEnrolments(db, rows);
  const enrolledReps = new Set(inserted.map((r) => r.repId));
  if (inserted.length > 0) {
    await db.insert(auditLog).values(
      inserted.map((e) => ({
        orgId: input.orgId,
        id: newId(),
        at: input.now,
        actorId: input.assignedBy,
        action: 'create' as const,
        entity: 'enrolment',
        entityId: e.id,
        changes: diffRecords(null, auditView(e)),
        requestId: input.requestId,
      })),
    );
    await notifyUsers(
      db,
      input.now,
      inserted.map((e) => ({
        orgId: input.orgId,
        userId: e.repId,
        kind: 'training_assigned' as const,
        params: { courseId: course.id, courseTitle: course.title, dueOn: input.dueOn, source: input.source },
        entity: 'enrolment',
        entityId: e.id,
      })),
    );
  }
  return {
    enrolled: inserted.map((e) => ({ id: e.id, repId: e.repId })),
    skippedRepIds: wanted.filter((id) => !enrolledReps.has(id)),
  };
}

/** What the audit log keeps of an enrolment (no reminder bookkeeping). */
export function auditView(e: {
  courseId: string;
  repId: string;
  source: string;
  assignedVia: string;
  dueOn: string | null;
  status: string;
  progress: number;
  quizScore: number | null;
  passed: boolean | null;
  attemptsUsed: number;
}) {
  return {
    courseId: e.courseId,
    repId: e.repId,
    source: e.source,
    assignedVia: e.assignedVia,
    dueOn: e.dueOn,
    status: e.status,
    progress: e.progress,
    quizScore: e.quizScore,
    passed: e.passed,
    attemptsUsed: e.attemptsUsed,
  };
}
