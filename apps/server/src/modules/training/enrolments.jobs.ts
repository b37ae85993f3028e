import type { DbOrTx } from '../../db/client.ts';
import { enqueueJob } from '../../platform/jobs/jobs.repository.ts';
import type { JobHandler, JobSchedule } from '../../platform/jobs/jobs.types.ts';
import { notifyUsers } from '../notifications/notify.ts';
import { markRenewalEnrolled, type RenewalDue, renewalsDue } from './certifications.repository.ts';
import { courseById, markDueSoon, markOverdue } from './enrolments.repository.ts';
import { enrolReps } from './enrolments.usecases.ts';

const KIND = 'training.reminders';
/** Rows one step of a run handles at most; a full step enqueues the next round. */
export const REMINDER_BATCH = 500;
const MAX_ROUNDS = 50;
/** The due-soon reminder goes when the due date is at most this many days away (today included). */
export const DUE_SOON_DAYS = 3;

/**
 * Re-certification: each certification expiring within 30 days (see `renewalsDue`) gets the rep enrolled again,
 * due on the expiry date, told with `certification_expiring`, and marked so it happens once. Grouped by
 * organisation, course and expiry so reps renewing together are one `enrolReps` call.
 */
async function renewCertifications(db: DbOrTx, now: Date, limit: number) {
  const due = await renewalsDue(db, now, limit);
  const groups = new Map<string, RenewalDue[]>();
  for (const c of due) {
    const key = `${c.orgId}|${c.courseId}|${c.expiresOn}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  let enrolled = 0;
  for (const certs of groups.values()) {
    const { orgId, courseId, expiresOn } = certs[0] as RenewalDue;
    const course = await courseById(db, orgId, courseId);
    const result = await enrolReps(db, {
      orgId,
      courseId,
      repIds: certs.map((c) => c.repId),
      source: 'recertification',
      assignedVia: 'rep',
      dueOn: expiresOn,
      assignedBy: null,
      now,
      requestId: KIND,
    });
    const enrolmentOf = new Map(result.enrolled.map((e) => [e.repId, e.id]));
    await notifyUsers(
      db,
      now,
      certs.flatMap((c) => {
        const enrolmentId = enrolmentOf.get(c.repId);
        if (!enrolmentId) return [];
        return [
          {
            orgId,
            userId: c.repId,
            kind: 'certification_expiring' as const,
            params: { courseId, courseTitle: course?.title ?? '', certificationName: c.name, expiresOn, certificationId: c.id },
            entity: 'enrolment',
            entityId: enrolmentId,
          },
        ];
      }),
    );
    // Marked even when the rep was skipped (an enrolment opened meanwhile): that one is the renewal.
    await markRenewalEnrolled(
      db,
      orgId,
      certs.map((c) => c.id),
      now,
    );
    enrolled += result.enrolled.length;
  }
  return { renewals: due.length, renewalsEnrolled: enrolled, full: due.length >= limit };
}

/**
 * One run over every organisation: re-certification enrolments first (they may fall due soon themselves), then
 * due-soon reminders, then overdue ones — each at most once per enrolment or certification.
 */
export async function runTrainingReminders(db: DbOrTx, now: Date, limit = REMINDER_BATCH) {
  const renewals = await renewCertifications(db, now, limit);
  const dueSoon = await markDueSoon(db, now, DUE_SOON_DAYS, limit);
  const overdue = await markOverdue(db, now, limit);
  return {
    renewals: renewals.renewals,
    renewalsEnrolled: renewals.renewalsEnrolled,
    dueSoon,
    overdue,
    full: renewals.full || dueSoon >= limit || overdue >= limit,
  };
}

export const trainingRemindersJob: JobHandler = {
  kind: KIND,
  maxAttempts: 3,
  run: async ({ tx, clock, job }) => {
    const { full, ...result } = await runTrainingReminders(tx, clock.now());
    const round = Number(job.payload.round ?? 0) + 1;
    const more = full && round < MAX_ROUNDS;
    if (more) await enqueueJob(tx, clock.now(), { kind: KIND, payload: { round }, maxAttempts: 3 });
    return { ...result, more };
  },
};

/**
 * Hourly, so each organisation's new day is reached within the hour whatever its time zone (see
 * levels/levelEvaluation.jobs.ts); a run with nothing due reads only the partial indexes on open due enrolments
 * and unrenewed certifications.
 */
export const trainingRemindersSchedule: JobSchedule = { kind: trainingRemindersJob.kind, everyMs: 60 * 60_000 };
