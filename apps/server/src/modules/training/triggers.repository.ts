import type { TTriggerMetric } from '@tierline/contracts';
import { and, desc, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { rowsOf } from '../../db/rows.ts';
import { dealStageHistory, deals } from '../deals/deals.table.ts';
import { levels } from '../levels/levels.table.ts';
import { orgs } from '../orgs/orgs.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';
import { teams } from '../teams/teams.table.ts';
import { users } from '../users/users.table.ts';
import { courses, enrolments, trainingTriggerFires, trainingTriggerRuns, trainingTriggers } from './training.table.ts';

export type TriggerRow = typeof trainingTriggers.$inferSelect;
export type NewTrigger = typeof trainingTriggers.$inferInsert;
export type TriggerWithRun = TriggerRow & { lastRunPeriod: string | null };
export type FireRow = typeof trainingTriggerFires.$inferSelect & { repName: string };

export async function orgTimeZone(db: DbOrTx, orgId: string): Promise<string> {
  const [row] = await db.select({ timeZone: orgs.timeZone }).from(orgs).where(eq(orgs.id, orgId));
  return row?.timeZone ?? 'Asia/Shanghai';
}

// ── Triggers ────────────────────────────────────────────────────────────────────────────────────────────────

/** The latest period run (keys of one kind sort in time order: 2026-Q3 < 2026-Q4, 2026-09 < 2026-10). */
const lastRunPeriod = sql<string | null>`(select max(r.period) from ${trainingTriggerRuns} r
  where r.org_id = ${trainingTriggers.orgId} and r.trigger_id = ${trainingTriggers.id})`;

export async function listTriggerRows(db: DbOrTx, orgId: string): Promise<TriggerWithRun[]> {
  return db
    .select({ ...getTableColumns(trainingTriggers), lastRunPeriod })
    .from(trainingTriggers)
    .where(eq(trainingTriggers.orgId, orgId))
    .orderBy(trainingTriggers.name, trainingTriggers.id);
}

export async function findTrigger(
  db: DbOrTx,
  orgId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<TriggerWithRun | undefined> {
  const q = db
    .select({ ...getTableColumns(trainingTriggers), lastRunPeriod })
    .from(trainingTriggers)
    .where(and(eq(trainingTriggers.orgId, orgId), eq(trainingTriggers.id, id)));
  const [row] = opts.forUpdate ? await q.for('update', { of: trainingTriggers }) : await q;
  return row;
}

export async function insertTrigger(db: DbOrTx, row: NewTrigger): Promise<TriggerRow> {
  const [created] = await db.insert(trainingTriggers).values(row).returning();
  return created as TriggerRow;
}

/** Writes the new values only if the trigger is still at `version`; undefined when it moved on. */
export async function updateTriggerRow(
  db: DbOrTx,
  orgId: string,
  id: string,
  version: number,
  values: Partial<NewTrigger>,
): Promise<TriggerRow | undefined> {
  const [row] = await db
    .update(trainingTriggers)
    .set({ ...values, version: sql`${trainingTriggers.version} + 1` })
    .where(and(eq(trainingTriggers.orgId, orgId), eq(trainingTriggers.id, id), eq(trainingTriggers.version, version)))
    .returning();
  return row;
}

export async function deleteTriggerRow(db: DbOrTx, orgId: string, id: string, version: number): Promise<boolean> {
  const rows = await db
    .delete(trainingTriggers)
    .where(and(eq(trainingTriggers.orgId, orgId), eq(trainingTriggers.id, id), eq(trainingTriggers.version, version)))
    .returning({ id: trainingTriggers.id });
  return rows.length > 0;
}

// ── References a trigger names ──────────────────────────────────────────────────────────────────────────────

export async function courseOf(db: DbOrTx, orgId: string, courseId: string) {
  const [row] = await db
    .select({ id: courses.id, title: courses.title, active: courses.active })
    .from(courses)
    .where(and(eq(courses.orgId, orgId), eq(courses.id, courseId)));
  return row;
}

export async function stageExists(db: DbOrTx, orgId: string, stageId: string): Promise<boolean> {
  const rows = await db
    .select({ id: stages.id })
    .from(stages)
    .where(and(eq(stages.orgId, orgId), eq(stages.id, stageId)));
  return rows.length > 0;
}

export async function existingTeamIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), inArray(teams.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function existingLevelIds(db: DbOrTx, orgId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: levels.id })
    .from(levels)
    .where(and(eq(levels.orgId, orgId), inArray(levels.id, ids)));
  return new Set(rows.map((r) => r.id));
}

// ── The figures ─────────────────────────────────────────────────────────────────────────────────────────────

export type AudienceRep = { repId: string; name: string; teamId: string | null; levelId: string | null };

/** The organisation's active reps with their current team and level (the trigger's filters apply in the rules). */
export async function activeReps(db: DbOrTx, orgId: string): Promise<AudienceRep[]> {
  return db
    .select({ repId: users.id, name: users.name, teamId: users.teamId, levelId: users.levelId })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'rep'), eq(users.active, true)))
    .orderBy(users.id);
}

/** A closed period in the org's zone: calendar dates [from, to), turned into instants once in SQL. */
export type FigureWindow = { from: string; to: string; timeZone: string };

const within = (col: SQL, w: FigureWindow) =>
  sql`${col} >= ((${w.from}::date)::timestamp at time zone ${w.timeZone}) and ${col} < ((${w.to}::date)::timestamp at time zone ${w.timeZone})`;

/**
 * Won and lost deals per rep (owner) closed in the window, in the pipeline of one process type — all reps in one
 * statement, bounded by the closed_at range (the KPI index). Soft-deleted deals do not count.
 */
export async function winLossByRep(
  db: DbOrTx,
  orgId: string,
  w: FigureWindow,
  processType: Extract<TTriggerMetric, { kind: 'winRate' }>['processType'],
  repIds: string[],
): Promise<Map<string, { won: number; lost: number }>> {
  if (!repIds.length) return new Map();
  const rows = rowsOf<{ rep_id: string; won: number; lost: number }>(
    await db.execute(sql`
      select d.owner_id::text as rep_id,
        count(*) filter (where s.kind = 'won')::int as won,
        count(*) filter (where s.kind = 'lost')::int as lost
      from ${deals} d
      join ${stages} s on s.org_id = d.org_id and s.id = d.stage_id
      join ${pipelines} p on p.org_id = d.org_id and p.id = d.pipeline_id
      where d.org_id = ${orgId} and ${within(sql`d.closed_at`, w)} and d.deleted_at is null
        and s.kind in ('won', 'lost') and p.process_type = ${processType}
        and d.owner_id = any(${sql.param(repIds)}::uuid[])
      group by d.owner_id`),
  );
  return new Map(rows.map((r) => [r.rep_id, { won: Number(r.won), lost: Number(r.lost) }]));
}

/**
 * Per rep (the deal's owner): the visits to one stage that ended in the window (left_at in it), and how many of
 * them went forward — the next visit of the same deal (entered when this one was left) is a won stage, or an open
 * stage at a higher position. A move back, to lost, or into another pipeline is not forward.
 */
export async function stageExitsByRep(
  db: DbOrTx,
  orgId: string,
  w: FigureWindow,
  stageId: string,
  repIds: string[],
): Promise<Map<string, { left: number; forward: number }>> {
  if (!repIds.length) return new Map();
  const rows = rowsOf<{ rep_id: string; left_count: number; forward: number }>(
    await db.execute(sql`
      select d.owner_id::text as rep_id, count(*)::int as left_count,
        count(*) filter (where ns.kind = 'won' or (ns.kind = 'open' and ns.pipeline_id = s.pipeline_id and ns.position > s.position))::int as forward
      from ${dealStageHistory} h
      join ${deals} d on d.org_id = h.org_id and d.id = h.deal_id
      join ${stages} s on s.org_id = h.org_id and s.id = h.stage_id
      left join lateral (
        select n.stage_id from ${dealStageHistory} n
        where n.org_id = h.org_id and n.deal_id = h.deal_id and n.id <> h.id and n.entered_at >= h.left_at
        order by n.entered_at, n.id limit 1) next on true
      left join ${stages} ns on ns.org_id = h.org_id and ns.id = next.stage_id
      where h.org_id = ${orgId} and h.stage_id = ${stageId} and ${within(sql`h.left_at`, w)}
        and d.deleted_at is null and d.owner_id = any(${sql.param(repIds)}::uuid[])
      group by d.owner_id`),
  );
  return new Map(rows.map((r) => [r.rep_id, { left: Number(r.left_count), forward: Number(r.forward) }]));
}

// ── Runs and fires ──────────────────────────────────────────────────────────────────────────────────────────

/**
 * Claims the trigger's period: the run row's key makes a period run once, even when the job and a director run
 * it at the same time (the second waits on the key, then finds it taken). false: it had been run.
 */
export async function claimRun(
  db: DbOrTx,
  row: { orgId: string; triggerId: string; period: string; ranAt: Date; ranBy: string | null },
): Promise<boolean> {
  const rows = await db
    .insert(trainingTriggerRuns)
    .values({ ...row, evaluated: 0, fired: 0 })
    .onConflictDoNothing()
    .returning({ period: trainingTriggerRuns.period });
  return rows.length > 0;
}

export async function finishRun(db: DbOrTx, key: { orgId: string; triggerId: string; period: string }, evaluated: number, fired: number) {
  await db
    .update(trainingTriggerRuns)
    .set({ evaluated, fired })
    .where(
      and(
        eq(trainingTriggerRuns.orgId, key.orgId),
        eq(trainingTriggerRuns.triggerId, key.triggerId),
        eq(trainingTriggerRuns.period, key.period),
      ),
    );
}

export async function findRun(db: DbOrTx, key: { orgId: string; triggerId: string; period: string }) {
  const [row] = await db
    .select()
    .from(trainingTriggerRuns)
    .where(
      and(
        eq(trainingTriggerRuns.orgId, key.orgId),
        eq(trainingTriggerRuns.triggerId, key.triggerId),
        eq(trainingTriggerRuns.period, key.period),
      ),
    );
  return row;
}

/** The open enrolment of each rep in the course (the one a skipped rep already has). */
export async function openEnrolmentIds(db: DbOrTx, orgId: string, courseId: string, repIds: string[]): Promise<Map<string, string>> {
  if (!repIds.length) return new Map();
  const rows = await db
    .select({ id: enrolments.id, repId: enrolments.repId })
    .from(enrolments)
    .where(
      and(
        eq(enrolments.orgId, orgId),
        eq(enrolments.courseId, courseId),
        inArray(enrolments.repId, repIds),
        inArray(enrolments.status, ['assigned', 'in_progress']),
      ),
    );
  return new Map(rows.map((r) => [r.repId, r.id]));
}

export async function insertFires(db: DbOrTx, rows: (typeof trainingTriggerFires.$inferInsert)[]) {
  if (rows.length) await db.insert(trainingTriggerFires).values(rows);
}

const fireColumns = {
  orgId: trainingTriggerFires.orgId,
  id: trainingTriggerFires.id,
  triggerId: trainingTriggerFires.triggerId,
  period: trainingTriggerFires.period,
  repId: trainingTriggerFires.repId,
  value: trainingTriggerFires.value,
  threshold: trainingTriggerFires.threshold,
  sample: trainingTriggerFires.sample,
  outcome: trainingTriggerFires.outcome,
  enrolmentId: trainingTriggerFires.enrolmentId,
  firedAt: trainingTriggerFires.firedAt,
  repName: users.name,
};

/** Fires matching `where` (the caller's scope and filters), latest first, keyset after `after` = [firedAt, id]. */
export async function listFireRows(db: DbOrTx, where: SQL, limit: number, after?: { firedAt: string; id: string }): Promise<FireRow[]> {
  const keyset = after
    ? sql`(${trainingTriggerFires.firedAt}, ${trainingTriggerFires.id}) < (${after.firedAt}::timestamptz, ${after.id}::uuid)`
    : undefined;
  return db
    .select(fireColumns)
    .from(trainingTriggerFires)
    .innerJoin(users, and(eq(users.orgId, trainingTriggerFires.orgId), eq(users.id, trainingTriggerFires.repId)))
    .where(keyset ? and(where, keyset) : where)
    .orderBy(desc(trainingTriggerFires.firedAt), desc(trainingTriggerFires.id))
    .limit(limit);
}

/** The fires a manager may read: of reps whose current team is one they see. */
export const firesOfTeams = (teamIds: string[]): SQL => (teamIds.length ? inArray(users.teamId, teamIds) : sql`false`);

export const fireFilters = (orgId: string, q: { triggerId?: string; repId?: string; period?: string }): SQL =>
  and(
    eq(trainingTriggerFires.orgId, orgId),
    q.triggerId ? eq(trainingTriggerFires.triggerId, q.triggerId) : undefined,
    q.repId ? eq(trainingTriggerFires.repId, q.repId) : undefined,
    q.period ? eq(trainingTriggerFires.period, q.period) : undefined,
  ) as SQL;

// ── The job ─────────────────────────────────────────────────────────────────────────────────────────────────

export type EnabledTrigger = { orgId: string; id: string; periodKind: TriggerRow['periodKind']; createdAt: Date; timeZone: string };

/**
 * Every enabled trigger across organisations whose course is still active, with its org's zone — one read of the
 * partial index on enabled triggers; which period each is due for is decided in the rules.
 */
export async function enabledTriggers(db: DbOrTx): Promise<EnabledTrigger[]> {
  return db
    .select({
      orgId: trainingTriggers.orgId,
      id: trainingTriggers.id,
      periodKind: trainingTriggers.periodKind,
      createdAt: trainingTriggers.createdAt,
      timeZone: orgs.timeZone,
    })
    .from(trainingTriggers)
    .innerJoin(orgs, eq(orgs.id, trainingTriggers.orgId))
    .innerJoin(courses, and(eq(courses.orgId, trainingTriggers.orgId), eq(courses.id, trainingTriggers.courseId)))
    .where(and(eq(trainingTriggers.enabled, true), eq(courses.active, true)))
    .orderBy(trainingTriggers.createdAt, trainingTriggers.id);
}

/** Which of these (org, trigger, period) keys already have a run row: one statement for all of them. */
export async function runKeysTaken(db: DbOrTx, keys: { orgId: string; triggerId: string; period: string }[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = rowsOf<{ org_id: string; trigger_id: string; period: string }>(
    await db.execute(sql`
      select r.org_id::text, r.trigger_id::text, r.period
      from ${trainingTriggerRuns} r
      join unnest(${sql.param(keys.map((k) => k.orgId))}::uuid[], ${sql.param(keys.map((k) => k.triggerId))}::uuid[],
        ${sql.param(keys.map((k) => k.period))}::text[]) as k(org_id, trigger_id, period)
        on r.org_id = k.org_id and r.trigger_id = k.trigger_id and r.period = k.period`),
  );
  return new Set(rows.map((r) => runKey({ orgId: r.org_id, triggerId: r.trigger_id, period: r.period })));
}

export const runKey = (k: { orgId: string; triggerId: string; period: string }) => `${k.orgId}|${k.triggerId}|${k.period}`;
