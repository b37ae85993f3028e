import type { TKpi, TTarget, TTargetUpsert } from '@tierline/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, dataScopeOf } from '../../platform/access.ts';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { compareDecimal } from '../../platform/decimal.ts';
import { AppError, type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { targets } from './performance.table.ts';
import * as repo from './targets.repository.ts';
import { type TargetSubject, targetBatchProblems, targetKey, targetValueText } from './targets.rules.ts';

export const targetView = (t: repo.TargetRow): TTarget => ({
  id: t.id,
  kpi: t.kpi as TKpi,
  period: t.period,
  repId: t.repId,
  teamId: t.teamId,
  levelId: t.levelId,
  value: targetValueText(t.kpi as TKpi, t.value),
  version: t.version,
});

/**
 * Which targets the actor reads: directors, admins and viewers the organisation's; a manager their teams',
 * their teams' reps', their own and every level default; a rep their own, their team's and their level's defaults.
 */
function visibleTargets(actor: Actor): SQL {
  const org = eq(targets.orgId, actor.orgId);
  const scope = dataScopeOf(actor);
  if (scope.kind === 'org') return org;
  if (scope.kind === 'team') {
    const teamIds = scope.teamIds.length
      ? sql`${targets.teamId} in (${sql.join(
          scope.teamIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`false`;
    return sql`${org} and (${teamIds} or ${targets.levelId} is not null or ${targets.repId} = ${actor.userId} or ${repo.repOfTeams(actor.orgId, scope.teamIds, targets.repId)})`;
  }
  const level = actor.levelId ? sql` or ${targets.levelId} = ${actor.levelId}` : sql``;
  const team = actor.teamId ? sql` or ${targets.teamId} = ${actor.teamId}` : sql``;
  return sql`${org} and (${targets.repId} = ${actor.userId}${level}${team})`;
}

export async function listTargets(ctx: Ctx, q: repo.TargetFilter) {
  const rows = await repo.listTargets(ctx.db, visibleTargets(ctx.actor), q);
  return { data: rows.map(targetView), nextCursor: null };
}

type Refusal = { status: 404 | 403; error: FieldError };

/**
 * Whether the actor may set targets of these subjects. Directors and admins: any rep or team of the
 * organisation and the level defaults. A manager: the reps of the teams they manage and those teams —
 * never level defaults (403). A subject the actor cannot see, or that does not exist, answers 404; one
 * they can see but not change (their own targets, the team they belong to but do not manage) 403.
 */
async function refusedSubjects(tx: Ctx, subjects: { path: string; subject: TargetSubject }[]): Promise<Refusal[]> {
  const { actor } = tx;
  const ids = (kind: TargetSubject['kind']) => [...new Set(subjects.filter((s) => s.subject.kind === kind).map((s) => s.subject.id))];
  const people = new Map((await repo.usersByIds(tx.db, actor.orgId, ids('rep'))).map((u) => [u.id, u]));
  const teamRows = new Map((await repo.teamsByIds(tx.db, actor.orgId, ids('team'))).map((t) => [t.id, t]));
  const levelIds = await repo.levelIdsOf(tx.db, actor.orgId, ids('level'));
  const manager = actor.role === 'manager';
  const managed = new Set(actor.managedTeamIds);
  const scope = dataScopeOf(actor);
  const seenTeams = new Set(scope.kind === 'team' ? scope.teamIds : []);
  const refusals: Refusal[] = [];
  const refuse = (status: 404 | 403, path: string, message: string) => refusals.push({ status, error: { path, message } });
  for (const { path, subject } of subjects) {
    if (subject.kind === 'level') {
      if (!levelIds.has(subject.id)) refuse(404, path, 'no such level');
      else if (manager) refuse(403, path, 'level defaults are set by directors and admins');
    } else if (subject.kind === 'team') {
      if (!teamRows.has(subject.id) || (manager && !seenTeams.has(subject.id))) refuse(404, path, 'no such team that you may see');
      else if (manager && !managed.has(subject.id)) refuse(403, path, 'you do not manage this team');
    } else {
      const person = people.get(subject.id);
      const visible = person && (!manager || person.id === actor.userId || (person.teamId !== null && seenTeams.has(person.teamId)));
      if (!person || !visible) refuse(404, path, 'no such rep that you may see');
      else if (person.role === 'viewer') refuse(403, path, 'a viewer has no targets');
      else if (manager && !(person.role === 'rep' && person.teamId !== null && managed.has(person.teamId)))
        refuse(403, path, 'managers set the targets of the reps of the teams they manage');
    }
  }
  return refusals;
}

/** The refusal the caller sees: not found before forbidden, so nothing about a hidden subject leaks through a 403. */
function throwRefusals(refusals: Refusal[]) {
  const hidden = refusals.filter((r) => r.status === 404).map((r) => r.error);
  if (hidden.length) throw new AppError(404, 'not_found', 'Not found', hidden.map((e) => `${e.path}: ${e.message}`).join('; '), hidden);
  if (refusals.length) {
    const errors = refusals.map((r) => r.error);
    throw new AppError(403, 'forbidden', 'Forbidden', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
}

const rowKey = (row: repo.TargetRow) =>
  targetKey({
    repId: row.repId ?? undefined,
    teamId: row.teamId ?? undefined,
    levelId: row.levelId ?? undefined,
    kpi: row.kpi as TKpi,
    period: row.period,
  });
const subjectPath = (t: TTargetUpsert, i: number) => `targets.${i}.${t.repId ? 'repId' : t.teamId ? 'teamId' : 'levelId'}`;
const subjectOfRow = (t: { repId?: string | null; teamId?: string | null; levelId?: string | null }): TargetSubject =>
  t.repId ? { kind: 'rep', id: t.repId } : t.teamId ? { kind: 'team', id: t.teamId } : { kind: 'level', id: t.levelId as string };

/**
 * Sets many targets at once, all or nothing: each is created, or replaces the value of the target with the
 * same subject, KPI and period. A value equal to the one set is left as it is (no new version, no audit).
 * Answers every target of the batch as it now is, in the batch's order.
 */
export async function setTargets(ctx: Ctx, input: TTargetUpsert[]) {
  return inTransaction(ctx, async (tx) => {
    throwRefusals(
      await refusedSubjects(
        tx,
        input.map((t, i) => ({ path: subjectPath(t, i), subject: subjectOfRow(t) })),
      ),
    );
    const problems = targetBatchProblems(input);
    if (problems.length) throw unprocessable('invalid_targets', problems.map((e) => `${e.path}: ${e.message}`).join('; '), problems);

    const { orgId } = ctx.actor;
    const ids = (pick: (t: TTargetUpsert) => string | undefined) => [...new Set(input.flatMap((t) => pick(t) ?? []))];
    // Locked, so a batch running at the same time waits rather than writing a value this one's audit does not show.
    const existing = await repo.targetsOfSubjects(
      tx.db,
      orgId,
      { repIds: ids((t) => t.repId), teamIds: ids((t) => t.teamId), levelIds: ids((t) => t.levelId) },
      ids((t) => t.kpi),
      ids((t) => t.period),
    );
    const before = new Map(existing.map((row) => [rowKey(row), row]));
    const now = ctx.clock.now();
    const changed = input.filter((t) => {
      const old = before.get(targetKey(t));
      return !old || compareDecimal(old.value, t.value) !== 0;
    });
    const rowsOf = (kind: TargetSubject['kind']) =>
      changed
        .filter((t) => subjectOfRow(t).kind === kind)
        .map((t) => ({
          orgId,
          id: newId(),
          kpi: t.kpi,
          period: t.period,
          repId: t.repId ?? null,
          teamId: t.teamId ?? null,
          levelId: t.levelId ?? null,
          value: t.value,
          updatedBy: ctx.actor.userId,
          updatedAt: now,
        }));
    const written = [
      ...(await repo.upsertTargets(tx.db, 'rep', rowsOf('rep'))),
      ...(await repo.upsertTargets(tx.db, 'team', rowsOf('team'))),
      ...(await repo.upsertTargets(tx.db, 'level', rowsOf('level'))),
    ];
    await recordAuditMany(
      tx.db,
      tx,
      written.map((row) => {
        const old = before.get(rowKey(row));
        return {
          action: old ? ('update' as const) : ('create' as const),
          entity: 'target',
          entityId: row.id,
          before: old ? targetView(old) : null,
          after: targetView(row),
        };
      }),
    );
    const current = new Map([...before, ...written.map((row) => [rowKey(row), row] as const)]);
    return { data: input.map((t) => targetView(current.get(targetKey(t)) as repo.TargetRow)), nextCursor: null };
  });
}

/** Deletes a target (its subject then falls back to the level default or to none); 404 when not visible, 403 when read-only. */
export async function deleteTarget(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findTarget(tx.db, visibleTargets(ctx.actor), id, { forUpdate: true });
    if (!row) throw notFound('Target');
    const refusals = await refusedSubjects(tx, [{ path: 'id', subject: subjectOfRow(row) }]);
    if (refusals.length) throw forbidden(refusals[0].error.message);
    if (row.version !== version) throw staleVersion('target', row.version);
    const deleted = await repo.deleteTargetRow(tx.db, ctx.actor.orgId, id, version);
    if (!deleted) throw staleVersion('target', row.version);
    await recordAuditMany(tx.db, tx, [{ action: 'delete', entity: 'target', entityId: id, before: targetView(row), after: null }]);
    return targetView(row);
  });
}
