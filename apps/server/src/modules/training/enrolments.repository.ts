import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import type { CursorValue } from '../../platform/pagination.ts';
import { levels } from '../levels/levels.table.ts';
import { notificationsFromSql } from '../notifications/notify.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { certifications, courses, enrolments, quizAttempts } from './training.table.ts';

export type EnrolmentRow = typeof enrolments.$inferSelect;
export type NewEnrolment = typeof enrolments.$inferInsert;
export type CourseRow = typeof courses.$inferSelect;

/** An enrolment with what its view needs: the course's title and quiz limits, the rep's name and current team. */
export type EnrolmentDetail = {
  enrolment: EnrolmentRow;
  courseTitle: string;
  hasQuiz: boolean;
  attemptsAllowed: number | null;
  repName: string;
  teamId: string | null;
};

const detailColumns = {
  enrolment: enrolments,
  courseTitle: courses.title,
  hasQuiz: sql<boolean>`(${courses.quiz} is not null and jsonb_typeof(${courses.quiz}) = 'object')`,
  attemptsAllowed: sql<number | null>`(${courses.quiz}->>'attemptsAllowed')::int`,
  repName: users.name,
  teamId: users.teamId,
};

function detailQuery(db: DbOrTx) {
  return db
    .select(detailColumns)
    .from(enrolments)
    .innerJoin(courses, and(eq(courses.orgId, enrolments.orgId), eq(courses.id, enrolments.courseId)))
    .innerJoin(users, and(eq(users.orgId, enrolments.orgId), eq(users.id, enrolments.repId)));
}

export async function courseById(db: DbOrTx, orgId: string, courseId: string): Promise<CourseRow | undefined> {
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

export type Person = { id: string; role: string; active: boolean; teamId: string | null };
export async function personById(db: DbOrTx, orgId: string, userId: string): Promise<Person | undefined> {
  const [row] = await db
    .select({ id: users.id, role: users.role, active: users.active, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)));
  return row;
}

export async function teamExists(db: DbOrTx, orgId: string, teamId: string): Promise<boolean> {
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
  return rows.length > 0;
}

export async function levelExists(db: DbOrTx, orgId: string, levelId: string): Promise<boolean> {
  const rows = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), eq(levels.id, levelId)));
  return rows.length > 0;
}

/** Active reps of the organisation, narrowed by team(s) and/or current level; `teamIds` [] means none. */
export async function activeRepsWhere(db: DbOrTx, orgId: string, where: { teamIds?: string[]; levelId?: string }): Promise<string[]> {
  if (where.teamIds && where.teamIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.role, 'rep'),
        eq(users.active, true),
        where.teamIds ? inArray(users.teamId, where.teamIds) : undefined,
        where.levelId ? eq(users.levelId, where.levelId) : undefined,
      ),
    )
    .orderBy(users.name, users.id);
  return rows.map((r) => r.id);
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

export async function enrolmentDetails(db: DbOrTx, orgId: string, ids: string[]): Promise<EnrolmentDetail[]> {
  if (ids.length === 0) return [];
  return detailQuery(db)
    .where(and(eq(enrolments.orgId, orgId), inArray(enrolments.id, ids)))
    .orderBy(users.name, enrolments.id);
}

/** One enrolment within `scope` (the actor's visibility), optionally locked for the change about to be made. */
export async function findEnrolment(
  db: DbOrTx,
  orgId: string,
  scope: SQL | undefined,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<EnrolmentDetail | undefined> {
  const q = detailQuery(db).where(and(eq(enrolments.orgId, orgId), eq(enrolments.id, id), scope));
  const [row] = opts.forUpdate ? await q.for('update', { of: enrolments }) : await q;
  return row;
}

export type EnrolmentFilter = {
  repId?: string;
  teamId?: string;
  courseId?: string;
  status?: EnrolmentRow['status'];
  overdue?: boolean;
};

const OPEN = sql`${enrolments.status} in ('assigned', 'in_progress')`;

/** Enrolments within `scope`, newest first, one keyset page (`limit + 1` rows; the caller cuts). */
export async function listEnrolments(
  db: DbOrTx,
  orgId: string,
  scope: SQL | undefined,
  f: EnrolmentFilter,
  today: string,
  page: { limit: number; after?: CursorValue[] },
): Promise<EnrolmentDetail[]> {
  const overdue = sql`(${OPEN} and ${enrolments.dueOn} < ${today}::date)`;
  const after = page.after
    ? sql`(${enrolments.createdAt}, ${enrolments.id}) < (${String(page.after[0])}::timestamptz, ${String(page.after[1])}::uuid)`
    : undefined;
  return detailQuery(db)
    .where(
      and(
        eq(enrolments.orgId, orgId),
        scope,
        f.repId ? eq(enrolments.repId, f.repId) : undefined,
        f.teamId ? eq(users.teamId, f.teamId) : undefined,
        f.courseId ? eq(enrolments.courseId, f.courseId) : undefined,
        f.status ? eq(enrolments.status, f.status) : undefined,
        f.overdue === true ? overdue : f.overdue === false ? sql`not ${overdue}` : undefined,
        after,
      ),
    )
    .orderBy(desc(enrolments.createdAt), desc(enrolments.id))
    .limit(page.limit + 1);
}

/** Writes the learning state of an enrolment, only if still at `version` (answers the new row, or none when stale). */
export async function updateEnrolment(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  set: Partial<Pick<EnrolmentRow, 'status' | 'progress' | 'quizScore' | 'passed' | 'attemptsUsed' | 'startedAt' | 'completedAt'>> & {
    updatedAt: Date;
  },
): Promise<EnrolmentRow | undefined> {
  const [row] = await db
    .update(enrolments)
    .set({ ...set, version: sql`${enrolments.version} + 1` })
    .where(and(eq(enrolments.orgId, orgId), eq(enrolments.id, id), eq(enrolments.version, version)))
    .returning();
  return row;
}

export async function insertAttempt(db: DbOrTx, row: typeof quizAttempts.$inferInsert) {
  const [inserted] = await db.insert(quizAttempts).values(row).returning();
  return inserted as typeof quizAttempts.$inferSelect;
}

export async function insertCertification(db: DbOrTx, row: typeof certifications.$inferInsert) {
  const [inserted] = await db.insert(certifications).values(row).returning();
  return inserted as typeof certifications.$inferSelect;
}

/** The organisation's today (YYYY-MM-DD) at `now`, in its own time zone. */
export async function orgTodayAt(db: DbOrTx, orgId: string, now: Date): Promise<string> {
  const rows = await db
    .select({ today: sql<string>`to_char((${now.toISOString()}::timestamptz at time zone ${orgs.timeZone})::date, 'YYYY-MM-DD')` })
    .from(orgs)
    .where(eq(orgs.id, orgId));
  return rows[0]?.today ?? now.toISOString().slice(0, 10);
}

// ── Reminders (the training.reminders job): set-based across organisations, each in its own time zone ─────────

const openWithDue = sql`e.status in ('assigned', 'in_progress') and e.due_on is not null`;

/**
 * Marks up to `limit` open enrolments falling due within `withinDays` of their organisation's today (today
 * included, not yet overdue) whose due-soon reminder has not gone out, and notifies each rep in the same
 * statement. Answers how many were marked. The version is not bumped: a reminder is bookkeeping, not an edit.
 */
export async function markDueSoon(db: DbOrTx, now: Date, withinDays: number, limit: number): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const today = sql`(${at} at time zone o.time_zone)::date`;
  const rows = rowsOf<{ marked: number }>(
    await db.execute(sql`
      with picked as (
        select e.org_id, e.id from ${enrolments} e join ${orgs} o on o.id = e.org_id
        where ${openWithDue} and e.due_soon_notified_at is null
          and e.due_on >= ${today} and e.due_on <= ${today} + ${withinDays}::int
        order by e.due_on, e.id
        limit ${limit}
      ),
      marked as (
        update ${enrolments} e set due_soon_notified_at = ${at}
        from picked p where e.org_id = p.org_id and e.id = p.id
        returning e.org_id, e.id, e.rep_id, e.course_id, e.due_on
      ),
      notified as (${notificationsFromSql({
        kind: 'training_due_soon',
        entity: 'enrolment',
        at,
        source: sql`select m.org_id, m.rep_id as user_id, m.id as entity_id,
          jsonb_build_object('courseId', m.course_id, 'courseTitle', c.title, 'dueOn', to_char(m.due_on, 'YYYY-MM-DD')) as params
          from marked m join ${courses} c on c.org_id = m.org_id and c.id = m.course_id`,
      })})
      select (select count(*) from marked)::int as marked, (select count(*) from notified)::int as sent`),
  );
  return Number(rows[0]?.marked ?? 0);
}

/**
 * Marks up to `limit` open enrolments past due (before their organisation's today) whose overdue reminder has not
 * gone out, and notifies the rep and the manager of the rep's team in the same statement.
 */
export async function markOverdue(db: DbOrTx, now: Date, limit: number): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows = rowsOf<{ marked: number }>(
    await db.execute(sql`
      with picked as (
        select e.org_id, e.id from ${enrolments} e join ${orgs} o on o.id = e.org_id
        where ${openWithDue} and e.overdue_notified_at is null and e.due_on < (${at} at time zone o.time_zone)::date
        order by e.due_on, e.id
        limit ${limit}
      ),
      marked as (
        update ${enrolments} e set overdue_notified_at = ${at}
        from picked p where e.org_id = p.org_id and e.id = p.id
        returning e.org_id, e.id, e.rep_id, e.course_id, e.due_on
      ),
      about as (
        select m.org_id, m.id, m.rep_id, t.manager_id,
          jsonb_build_object('courseId', m.course_id, 'courseTitle', c.title, 'dueOn', to_char(m.due_on, 'YYYY-MM-DD'),
            'repId', m.rep_id, 'repName', u.name) as params
        from marked m
        join ${courses} c on c.org_id = m.org_id and c.id = m.course_id
        join ${users} u on u.org_id = m.org_id and u.id = m.rep_id
        left join ${teams} t on t.org_id = u.org_id and t.id = u.team_id
      ),
      notified as (${notificationsFromSql({
        kind: 'training_overdue',
        entity: 'enrolment',
        at,
        source: sql`select org_id, rep_id as user_id, id as entity_id, params from about
          union all
          select org_id, manager_id as user_id, id as entity_id, params from about
          where manager_id is not null and manager_id <> rep_id`,
      })})
      select (select count(*) from marked)::int as marked, (select count(*) from notified)::int as sent`),
  );
  return Number(rows[0]?.marked ?? 0);
}
