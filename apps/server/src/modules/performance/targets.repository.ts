import { type AnyColumn, and, asc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { levels } from '../levels/levels.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { targets } from './performance.table.ts';

export type TargetRow = typeof targets.$inferSelect;
export type NewTargetRow = typeof targets.$inferInsert;

export type TargetFilter = { period?: string; repId?: string; teamId?: string; levelId?: string };

/** Targets within `where`, by period, KPI and subject (reps, then teams, then level defaults). */
export function listTargets(db: DbOrTx, where: SQL, f: TargetFilter) {
  return db
    .select()
    .from(targets)
    .where(
      and(
        where,
        f.period ? eq(targets.period, f.period) : undefined,
        f.repId ? eq(targets.repId, f.repId) : undefined,
        f.teamId ? eq(targets.teamId, f.teamId) : undefined,
        f.levelId ? eq(targets.levelId, f.levelId) : undefined,
      ),
    )
    .orderBy(asc(targets.period), asc(targets.kpi), asc(targets.repId), asc(targets.teamId), asc(targets.levelId), asc(targets.id));
}

export async function findTarget(db: DbOrTx, where: SQL, id: string, opts: { forUpdate?: boolean } = {}) {
  const query = db
    .select()
    .from(targets)
    .where(and(where, eq(targets.id, id)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row as TargetRow | undefined;
}

/** The targets of these subjects for these KPIs and periods (a superset of the batch's keys; the caller matches keys). */
export function targetsOfSubjects(
  db: DbOrTx,
  orgId: string,
  subjects: { repIds: string[]; teamIds: string[]; levelIds: string[] },
  kpis: string[],
  periods: string[],
) {
  const any = (ids: string[], col: AnyColumn) => (ids.length ? inArray(col, ids) : sql`false`);
  return db
    .select()
    .from(targets)
    .where(
      and(
        eq(targets.orgId, orgId),
        sql`(${any(subjects.repIds, targets.repId)} or ${any(subjects.teamIds, targets.teamId)} or ${any(subjects.levelIds, targets.levelId)})`,
        inArray(targets.kpi, kpis),
        inArray(targets.period, periods),
      ),
    )
    .for('update');
}

const SUBJECT_COLUMNS = { rep: targets.repId, team: targets.teamId, level: targets.levelId } as const;

/**
 * Creates or replaces targets of one subject kind in one statement, by the partial unique key of that kind
 * (org, subject, KPI, period). A replaced target's version moves on.
 */
export async function upsertTargets(db: DbOrTx, kind: keyof typeof SUBJECT_COLUMNS, rows: NewTargetRow[]): Promise<TargetRow[]> {
  if (!rows.length) return [];
  const subject = SUBJECT_COLUMNS[kind];
  return db
    .insert(targets)
    .values(rows)
    .onConflictDoUpdate({
      target: [targets.orgId, subject, targets.kpi, targets.period],
      targetWhere: isNotNull(subject),
      set: {
        value: sql`excluded.value`,
        updatedBy: sql`excluded.updated_by`,
        updatedAt: sql`excluded.updated_at`,
        version: sql`${targets.version} + 1`,
      },
    })
    .returning();
}

/** Deletes the target when it is still at `version`; undefined when someone changed it first. */
export async function deleteTargetRow(db: DbOrTx, orgId: string, id: string, version: number) {
  const [row] = await db
    .delete(targets)
    .where(and(eq(targets.orgId, orgId), eq(targets.id, id), eq(targets.version, version)))
    .returning();
  return row as TargetRow | undefined;
}

/** The people a batch names, with what decides whether the caller may set their targets. */
export function usersByIds(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: users.id, role: users.role, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(and(eq(users.orgId, orgId), inArray(users.id, ids)));
}

export function teamsByIds(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select({ id: teams.id, managerId: teams.managerId })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, ids)));
}

export async function levelIdsOf(db: DbOrTx, orgId: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), inArray(levels.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** Reps whose current team is one of `teamIds`, as a subquery condition on a user id column. */
export const repOfTeams = (orgId: string, teamIds: string[], userId: SQL | AnyColumn) =>
  teamIds.length
    ? sql`${userId} in (select u.id from ${users} u where u.org_id = ${orgId} and u.team_id in (${sql.join(
        teamIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`
    : sql`false`;
