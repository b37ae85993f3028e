import type { TEnrolment, TQuiz, TQuizAttempt, ZEnrolmentCreate, ZEnrolmentListQuery, ZQuizAnswers } from '@tierline/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { diffRecords } from '../../platform/audit/audit.rules.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { badRequest, conflict, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { ownedRecordScope } from '../../platform/scope.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { users } from '../users/users.table.ts';
import { expiryOf } from './certifications.rules.ts';
import * as repo from './enrolments.repository.ts';
import { afterAttempt, completed, isOpen, isOverdue, withProgress } from './enrolments.rules.ts';
import { answerProblems, attemptsLeftOf, quizForLearner, scoreQuiz } from './quiz.rules.ts';
import { enrolments } from './training.table.ts';

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
  const course = await repo.courseById(db, input.orgId, input.courseId);
  if (!course) throw notFound('course');
  const wanted = [...new Set(input.repIds)];
  const eligible = await repo.activeRepIds(db, input.orgId, wanted);
  const rows: repo.NewEnrolment[] = wanted
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
  const inserted = await repo.insertOpenEnrolments(db, rows);
  const enrolledReps = new Set(inserted.map((r) => r.repId));
  if (inserted.length > 0) {
    // One statement for the whole batch (a level can be many reps); the actor is null when a job enrols.
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
export function auditView(e: repo.EnrolmentRow) {
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

export function enrolmentView(d: repo.EnrolmentDetail, today: string): TEnrolment {
  const e = d.enrolment;
  return {
    id: e.id,
    courseId: e.courseId,
    courseTitle: d.courseTitle,
    repId: e.repId,
    repName: d.repName,
    teamId: d.teamId,
    source: e.source,
    assignedVia: e.assignedVia,
    assignedBy: e.assignedBy,
    dueOn: e.dueOn,
    status: e.status,
    overdue: isOverdue(e, today),
    progress: e.progress,
    quizScore: e.quizScore,
    passed: e.passed,
    attemptsUsed: e.attemptsUsed,
    attemptsLeft: d.hasQuiz ? attemptsLeftOf(d.attemptsAllowed, e.attemptsUsed) : null,
    startedAt: e.startedAt?.toISOString() ?? null,
    completedAt: e.completedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    version: e.version,
  };
}

/** rep → own; manager → their teams' reps (by the rep's current team); director, admin, viewer → the org. */
const visibleEnrolments = (ctx: Ctx) => ownedRecordScope(ctx.actor, { ownerId: enrolments.repId, teamId: users.teamId });
const todayOf = (ctx: Ctx) => repo.orgTodayAt(ctx.db, ctx.actor.orgId, ctx.clock.now());

/**
 * The reps a target stands for, within what the caller may assign: a manager the teams they manage (another team,
 * or a rep of one, is 404 as if it did not exist), directors and admins the whole organisation.
 */
async function targetReps(ctx: Ctx, target: { kind: 'rep' | 'team' | 'level'; id: string }): Promise<string[]> {
  const { orgId } = ctx.actor;
  const managed = ctx.actor.role === 'manager' ? ctx.actor.managedTeamIds : null;
  if (target.kind === 'rep') {
    const person = await repo.personById(ctx.db, orgId, target.id);
    if (!person || (managed && !(person.teamId && managed.includes(person.teamId)))) throw notFound('rep');
    if (person.role !== 'rep' || !person.active)
      throw unprocessable('not_an_active_rep', 'Only active reps can be enrolled', [{ path: 'target.id', message: 'not an active rep' }]);
    return [person.id];
  }
  if (target.kind === 'team') {
    if (!(await repo.teamExists(ctx.db, orgId, target.id)) || (managed && !managed.includes(target.id))) throw notFound('team');
    return repo.activeRepsWhere(ctx.db, orgId, { teamIds: [target.id] });
  }
  if (!(await repo.levelExists(ctx.db, orgId, target.id))) throw notFound('level');
  return repo.activeRepsWhere(ctx.db, orgId, { levelId: target.id, teamIds: managed ?? undefined });
}

/** Assigns a course to a rep, a team or a level (see targetReps); reps with the course open already are skipped. */
export async function createEnrolments(ctx: Ctx, input: z.infer<typeof ZEnrolmentCreate>) {
  return inTransaction(ctx, async (tx) => {
    const course = await repo.courseById(tx.db, ctx.actor.orgId, input.courseId);
    if (!course?.active)
      throw unprocessable('course_unavailable', 'No active course with this id', [
        { path: 'courseId', message: course ? 'the course is inactive' : 'no such course' },
      ]);
    const repIds = await targetReps(tx, input.target);
    const result = await enrolReps(tx.db, {
      orgId: ctx.actor.orgId,
      courseId: course.id,
      repIds,
      source: 'manual',
      assignedVia: input.target.kind,
      dueOn: input.dueOn,
      assignedBy: ctx.actor.userId,
      now: ctx.clock.now(),
      requestId: ctx.requestId,
    });
    const today = await todayOf(tx);
    const details = await repo.enrolmentDetails(
      tx.db,
      ctx.actor.orgId,
      result.enrolled.map((e) => e.id),
    );
    return { enrolled: result.enrolled.length, skipped: result.skippedRepIds.length, data: details.map((d) => enrolmentView(d, today)) };
  });
}

export async function listEnrolments(ctx: Ctx, q: z.infer<typeof ZEnrolmentListQuery>) {
  const today = await todayOf(ctx);
  const rows = await repo.listEnrolments(ctx.db, ctx.actor.orgId, visibleEnrolments(ctx), q, today, {
    limit: q.limit,
    after: decodeCursor(q.cursor, 2),
  });
  const page = toPage(rows, q.limit, (r) => [r.enrolment.createdAt.toISOString(), r.enrolment.id]);
  return { data: page.data.map((d) => enrolmentView(d, today)), nextCursor: page.nextCursor };
}

async function visibleEnrolment(ctx: Ctx, id: string, forUpdate = false) {
  const d = await repo.findEnrolment(ctx.db, ctx.actor.orgId, visibleEnrolments(ctx), id, { forUpdate });
  if (!d) throw notFound('enrolment');
  return d;
}

export async function getEnrolment(ctx: Ctx, id: string) {
  return enrolmentView(await visibleEnrolment(ctx, id), await todayOf(ctx));
}

const closed = () => conflict('enrolment_closed', 'The enrolment is completed, failed or cancelled');

/**
 * Writes the enrolment's new learning state (version-checked), audits it, and grants the course's certification
 * when it has just been completed. Runs in the caller's transaction.
 */
async function saveLearning(tx: Ctx, d: repo.EnrolmentDetail, next: repo.EnrolmentRow) {
  const before = d.enrolment;
  const now = tx.clock.now();
  const row = await repo.updateEnrolment(tx.db, tx.actor.orgId, before.id, before.version, {
    status: next.status,
    progress: next.progress,
    quizScore: next.quizScore,
    passed: next.passed,
    attemptsUsed: next.attemptsUsed,
    startedAt: next.startedAt,
    completedAt: next.completedAt,
    updatedAt: now,
  });
  if (!row) throw staleVersion('enrolment', before.version);
  await recordAudit(tx.db, tx, {
    action: 'update',
    entity: 'enrolment',
    entityId: row.id,
    before: auditView(before),
    after: auditView(row),
  });
  if (row.status === 'completed') await grantCertification(tx, row);
  return { ...d, enrolment: row };
}

/** Completing a course that certifies grants a certification dated by the organisation's calendar. */
async function grantCertification(tx: Ctx, e: repo.EnrolmentRow) {
  const course = await repo.courseById(tx.db, tx.actor.orgId, e.courseId);
  if (!course?.certification) return;
  const now = tx.clock.now();
  const grantedOn = await todayOf(tx);
  const cert = await repo.insertCertification(tx.db, {
    orgId: tx.actor.orgId,
    id: newId(),
    repId: e.repId,
    courseId: e.courseId,
    enrolmentId: e.id,
    name: course.certification.name,
    grantedOn,
    expiresOn: expiryOf(grantedOn, course.certification.validMonths),
    createdAt: now,
  });
  const { orgId: _org, createdAt: _at, renewalEnrolledAt: _renewal, ...after } = cert;
  await recordAudit(tx.db, tx, { action: 'create', entity: 'certification', entityId: cert.id, before: null, after });
}

/** The learner records progress (the enrolled rep only: anyone else's is not found); starts an assigned enrolment. */
export async function recordProgress(ctx: Ctx, id: string, progress: number, version: number) {
  return inTransaction(ctx, async (tx) => {
    const d = await visibleEnrolment(tx, id, true);
    if (d.enrolment.version !== version) throw staleVersion('enrolment', d.enrolment.version);
    if (!isOpen(d.enrolment.status)) throw closed();
    const saved = await saveLearning(tx, d, withProgress(d.enrolment, progress, tx.clock.now()));
    return enrolmentView(saved, await todayOf(tx));
  });
}

/** The learner completes a course without a quiz (one with a quiz is completed by passing it). */
export async function completeEnrolment(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const d = await visibleEnrolment(tx, id, true);
    if (d.hasQuiz) throw unprocessable('quiz_required', 'This course is completed by passing its quiz');
    if (!isOpen(d.enrolment.status)) throw closed();
    const saved = await saveLearning(tx, d, completed(d.enrolment, tx.clock.now()));
    return enrolmentView(saved, await todayOf(tx));
  });
}

async function quizOf(ctx: Ctx, d: repo.EnrolmentDetail): Promise<TQuiz> {
  const course = await repo.courseById(ctx.db, ctx.actor.orgId, d.enrolment.courseId);
  if (!course?.quiz) throw notFound('quiz');
  return course.quiz;
}

/** The quiz of one's own enrolment, without the answer key. */
export async function getQuiz(ctx: Ctx, id: string) {
  return quizForLearner(await quizOf(ctx, await visibleEnrolment(ctx, id)));
}

/**
 * The learner submits a quiz attempt: scored (quiz.rules.ts), stored with its answers; the enrolment keeps its best
 * score, completes on a pass (granting the certification), fails when the last attempt fails.
 */
export async function submitAttempt(ctx: Ctx, id: string, body: z.infer<typeof ZQuizAnswers>): Promise<TQuizAttempt> {
  return inTransaction(ctx, async (tx) => {
    const d = await visibleEnrolment(tx, id, true);
    const quiz = await quizOf(tx, d);
    const e = d.enrolment;
    if (!isOpen(e.status)) throw closed();
    if (attemptsLeftOf(quiz.attemptsAllowed, e.attemptsUsed) === 0)
      throw conflict('no_attempts_left', 'Every attempt allowed has been used');
    const problems = answerProblems(quiz, body.answers);
    if (problems.length) throw badRequest('invalid_answers', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
    const now = tx.clock.now();
    const result = scoreQuiz(quiz, body.answers);
    const left = attemptsLeftOf(quiz.attemptsAllowed, e.attemptsUsed + 1);
    const saved = await saveLearning(tx, d, afterAttempt(e, result, left, now));
    const attempt = await repo.insertAttempt(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      enrolmentId: e.id,
      repId: e.repId,
      attemptNumber: e.attemptsUsed + 1,
      answers: body.answers,
      score: result.score,
      passed: result.passed,
      submittedAt: now,
    });
    return {
      id: attempt.id,
      enrolmentId: e.id,
      score: result.score,
      passed: result.passed,
      results: result.results,
      attemptNumber: attempt.attemptNumber,
      attemptsLeft: left,
      submittedAt: now.toISOString(),
      enrolment: enrolmentView(saved, await todayOf(tx)),
    };
  });
}

/** A manager (their teams' reps), a director or an admin cancels an open enrolment. */
export async function cancelEnrolment(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const d = await visibleEnrolment(tx, id, true);
    if (!isOpen(d.enrolment.status)) throw closed();
    const saved = await saveLearning(tx, d, { ...d.enrolment, status: 'cancelled' });
    return enrolmentView(saved, await todayOf(tx));
  });
}
