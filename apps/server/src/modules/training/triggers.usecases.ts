import type { TTrainingTrigger, TTriggerFire, TTriggerMetric, ZTrainingTriggerWrite, ZTriggerFireListQuery } from '@tierline/contracts';
import { and } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { dataScopeOf } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, type FieldError, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { kpiAggregates } from '../performance/kpis.repository.ts';
import { EMPTY_AGGREGATES, kpiActuals } from '../performance/kpis.rules.ts';
import { type Period, parsePeriod } from '../performance/periods.rules.ts';
import { enrolReps } from './enrolments.usecases.ts';
import * as repo from './triggers.repository.ts';
import { decideFires, dueOnFor, figureText, inAudience, metricHasSample, type RepFigure, runProblem, shareOf } from './triggers.rules.ts';

type TriggerWrite = z.output<typeof ZTrainingTriggerWrite>;
type FireQuery = z.output<typeof ZTriggerFireListQuery>;

export const triggerView = (t: repo.TriggerRow & { lastRunPeriod?: string | null }): TTrainingTrigger => ({
  id: t.id,
  name: t.name,
  metric: t.metric,
  threshold: t.threshold,
  periodKind: t.periodKind,
  minSample: t.minSample,
  courseId: t.courseId,
  dueDays: t.dueDays,
  teamIds: t.teamIds,
  levelIds: t.levelIds,
  enabled: t.enabled,
  createdAt: t.createdAt.toISOString(),
  lastRunPeriod: t.lastRunPeriod ?? null,
  version: t.version,
});

const fireView = (f: repo.FireRow): TTriggerFire => ({
  id: f.id,
  triggerId: f.triggerId,
  period: f.period,
  repId: f.repId,
  repName: f.repName,
  value: f.value,
  threshold: f.threshold,
  sample: f.sample,
  outcome: f.outcome,
  enrolmentId: f.enrolmentId,
  firedAt: f.firedAt.toISOString(),
});

// ── Triggers (read: managers, directors, admins, viewers; write: directors, admins — by the routes' access) ──

export async function listTriggers(ctx: Ctx) {
  return { data: (await repo.listTriggerRows(ctx.db, ctx.actor.orgId)).map(triggerView), nextCursor: null };
}

export async function getTrigger(ctx: Ctx, id: string) {
  const row = await repo.findTrigger(ctx.db, ctx.actor.orgId, id);
  if (!row) throw notFound('Training trigger');
  return triggerView(row);
}

/** What the trigger names must exist in the organisation (and its course be active): 422 naming each field. */
async function referenceProblems(db: DbOrTx, orgId: string, input: TriggerWrite): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const course = await repo.courseOf(db, orgId, input.courseId);
  if (!course) errors.push({ path: 'courseId', message: 'no such course' });
  else if (!course.active) errors.push({ path: 'courseId', message: 'the course is inactive' });
  if (input.metric.kind === 'stageConversion' && !(await repo.stageExists(db, orgId, input.metric.stageId)))
    errors.push({ path: 'metric.stageId', message: 'no such stage' });
  const teams = await repo.existingTeamIds(db, orgId, input.teamIds);
  input.teamIds.forEach((id, i) => {
    if (!teams.has(id)) errors.push({ path: `teamIds.${i}`, message: 'no such team' });
  });
  const levels = await repo.existingLevelIds(db, orgId, input.levelIds);
  input.levelIds.forEach((id, i) => {
    if (!levels.has(id)) errors.push({ path: `levelIds.${i}`, message: 'no such level' });
  });
  return errors;
}

async function checkReferences(db: DbOrTx, orgId: string, input: TriggerWrite) {
  const errors = await referenceProblems(db, orgId, input);
  if (errors.length) throw unprocessable('invalid_trigger', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
}

const writable = (input: TriggerWrite) => ({
  name: input.name,
  metric: input.metric,
  threshold: figureText(input.threshold),
  periodKind: input.periodKind,
  minSample: input.minSample,
  courseId: input.courseId,
  dueDays: input.dueDays,
  teamIds: [...new Set(input.teamIds)],
  levelIds: [...new Set(input.levelIds)],
  enabled: input.enabled,
});

/** A new trigger: the job evaluates periods that end after now (earlier ones only by an explicit run). */
export async function createTrigger(ctx: Ctx, input: TriggerWrite) {
  return inTransaction(ctx, async (tx) => {
    await checkReferences(tx.db, ctx.actor.orgId, input);
    const now = ctx.clock.now();
    const row = await repo.insertTrigger(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      ...writable(input),
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    const view = triggerView(row);
    await recordAudit(tx.db, tx, { action: 'create', entity: 'training_trigger', entityId: row.id, before: null, after: view });
    return view;
  });
}

/** Replaces the trigger's settings; the runs and fires logged so far stay as they were. */
export async function updateTrigger(ctx: Ctx, id: string, version: number, input: TriggerWrite) {
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findTrigger(tx.db, ctx.actor.orgId, id);
    if (!before) throw notFound('Training trigger');
    await checkReferences(tx.db, ctx.actor.orgId, input);
    const after = await repo.updateTriggerRow(tx.db, ctx.actor.orgId, id, version, { ...writable(input), updatedAt: ctx.clock.now() });
    if (!after) throw staleVersion('training trigger', before.version);
    const view = triggerView({ ...after, lastRunPeriod: before.lastRunPeriod });
    await recordAudit(tx.db, tx, { action: 'update', entity: 'training_trigger', entityId: id, before: triggerView(before), after: view });
    return view;
  });
}

/**
 * Deletes a trigger that never ran. One that ran has a log (who was enrolled, on what figure) that a delete would
 * take with it: 409 — disable it instead.
 */
export async function deleteTrigger(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const row = await repo.findTrigger(tx.db, ctx.actor.orgId, id, { forUpdate: true });
    if (!row) throw notFound('Training trigger');
    if (row.version !== version) throw staleVersion('training trigger', row.version);
    if (row.lastRunPeriod !== null)
      throw conflict('trigger_has_runs', 'This trigger has run and its log is kept: disable it instead (enabled: false)');
    if (!(await repo.deleteTriggerRow(tx.db, ctx.actor.orgId, id, version))) throw staleVersion('training trigger', row.version);
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'training_trigger', entityId: id, before: triggerView(row), after: null });
    return triggerView(row);
  });
}

// ── Fires ───────────────────────────────────────────────────────────────────────────────────────────────────

/** The log, latest first: directors, admins and viewers read the organisation's; a manager their teams' reps'. */
export async function listFires(ctx: Ctx, q: FireQuery) {
  const scope = dataScopeOf(ctx.actor);
  const where = and(
    repo.fireFilters(ctx.actor.orgId, q),
    scope.kind === 'org' ? undefined : repo.firesOfTeams(scope.kind === 'team' ? scope.teamIds : []),
  );
  const cursor = decodeCursor(q.cursor, 2);
  const after = cursor ? { firedAt: String(cursor[0]), id: String(cursor[1]) } : undefined;
  const rows = await repo.listFireRows(ctx.db, where as NonNullable<typeof where>, q.limit + 1, after);
  const page = toPage(rows, q.limit, (r) => [r.firedAt.toISOString(), r.id]);
  return { data: page.data.map(fireView), nextCursor: page.nextCursor };
}

// ── Evaluating a trigger over a period ──────────────────────────────────────────────────────────────────────

/** Each watched rep's figure over the period, computed for all of them at once. */
async function figuresOf(
  db: DbOrTx,
  orgId: string,
  metric: TTriggerMetric,
  period: Period,
  timeZone: string,
  now: Date,
  reps: repo.AudienceRep[],
): Promise<RepFigure[]> {
  const ids = reps.map((r) => r.repId);
  const window = { from: period.from, to: period.to, timeZone };
  const figure = (r: repo.AudienceRep, value: string | null, sample: number | null): RepFigure => ({
    repId: r.repId,
    teamId: r.teamId,
    levelId: r.levelId,
    value,
    sample,
  });
  if (metric.kind === 'winRate') {
    const counts = await repo.winLossByRep(db, orgId, window, metric.processType, ids);
    return reps.map((r) => {
      const c = counts.get(r.repId) ?? { won: 0, lost: 0 };
      return figure(r, shareOf(c.won, c.won + c.lost), c.won + c.lost);
    });
  }
  if (metric.kind === 'stageConversion') {
    const counts = await repo.stageExitsByRep(db, orgId, window, metric.stageId, ids);
    return reps.map((r) => {
      const c = counts.get(r.repId) ?? { left: 0, forward: 0 };
      return figure(r, shareOf(c.forward, c.left), c.left);
    });
  }
  const aggregates = await kpiAggregates(db, orgId, { ...window, key: period.key, now }, { by: 'owner', ids });
  return reps.map((r) => {
    const a = aggregates.get(r.repId) ?? EMPTY_AGGREGATES;
    return figure(r, kpiActuals(a)[metric.kpi], metricHasSample(metric) ? a.wonCount + a.lostCount : null);
  });
}

export type RunInput = {
  trigger: repo.TriggerRow;
  period: Period;
  timeZone: string;
  now: Date;
  /** null: the job. */
  ranBy: string | null;
  requestId: string;
};

export type RunResult = { period: string; evaluated: number; fired: TTriggerFire[]; ran: boolean };

/**
 * Evaluates a trigger over one closed period, inside the caller's transaction: claims the period (a period runs
 * once; a repeat answers what was logged, ran: false), computes every watched rep's figure, enrols those it fires
 * for (due dueDays after the period's last day; a rep already enrolled is logged as such) and logs each fire with
 * the figure, the threshold and the sample.
 */
export async function evaluateTrigger(db: DbOrTx, input: RunInput): Promise<RunResult> {
  const { trigger, period, timeZone, now } = input;
  const key = { orgId: trigger.orgId, triggerId: trigger.id, period: period.key };
  if (!(await repo.claimRun(db, { ...key, ranAt: now, ranBy: input.ranBy }))) {
    const run = await repo.findRun(db, key);
    const logged = await repo.listFireRows(db, repo.fireFilters(key.orgId, { triggerId: key.triggerId, period: key.period }), 10_000);
    return { period: period.key, evaluated: run?.evaluated ?? 0, fired: logged.map(fireView), ran: false };
  }
  const reps = (await repo.activeReps(db, trigger.orgId)).filter((r) => inAudience(r, trigger));
  const figures = await figuresOf(db, trigger.orgId, trigger.metric, period, timeZone, now, reps);
  const { evaluated, fires } = decideFires(figures, trigger);

  const enrolment = fires.length
    ? await enrolReps(db, {
        orgId: trigger.orgId,
        courseId: trigger.courseId,
        repIds: fires.map((f) => f.repId),
        source: 'trigger',
        assignedVia: 'rep',
        dueOn: dueOnFor(period, trigger.dueDays),
        assignedBy: input.ranBy,
        now,
        requestId: input.requestId,
      })
    : { enrolled: [], skippedRepIds: [] };
  const enrolledBy = new Map(enrolment.enrolled.map((e) => [e.repId, e.id]));
  const alreadyIn = await repo.openEnrolmentIds(db, trigger.orgId, trigger.courseId, enrolment.skippedRepIds);
  const names = new Map(reps.map((r) => [r.repId, r.name]));
  const rows = fires.map((f) => ({
    orgId: trigger.orgId,
    id: newId(),
    triggerId: trigger.id,
    period: period.key,
    repId: f.repId,
    value: f.value,
    threshold: f.threshold,
    sample: f.sample,
    outcome: enrolledBy.has(f.repId) ? ('enrolled' as const) : ('already_enrolled' as const),
    enrolmentId: enrolledBy.get(f.repId) ?? alreadyIn.get(f.repId) ?? null,
    firedAt: now,
  }));
  await repo.insertFires(db, rows);
  await repo.finishRun(db, key, evaluated, rows.length);
  return { period: period.key, evaluated, fired: rows.map((r) => fireView({ ...r, repName: names.get(r.repId) ?? '' })), ran: true };
}

/**
 * Runs a trigger for a period explicitly (directors, admins): any closed period of its kind, also one the job
 * would not evaluate (before the trigger existed, or missed). 422 period_not_closed while it is still running.
 */
export async function runTrigger(ctx: Ctx, id: string, periodKey: string): Promise<RunResult> {
  return inTransaction(ctx, async (tx) => {
    const trigger = await repo.findTrigger(tx.db, ctx.actor.orgId, id, { forUpdate: true });
    if (!trigger) throw notFound('Training trigger');
    const timeZone = await repo.orgTimeZone(tx.db, ctx.actor.orgId);
    const now = ctx.clock.now();
    const problem = runProblem(periodKey, trigger, now, timeZone);
    if (problem) throw unprocessable(problem.code, problem.message, [{ path: 'period', message: problem.message }]);
    const period = parsePeriod(periodKey);
    const alreadyRun = await repo.findRun(tx.db, { orgId: trigger.orgId, triggerId: trigger.id, period: period.key });
    if (!alreadyRun) {
      const course = await repo.courseOf(tx.db, trigger.orgId, trigger.courseId);
      if (!course?.active)
        throw unprocessable('course_inactive', 'The trigger’s course is inactive', [
          { path: 'courseId', message: 'the course is inactive' },
        ]);
    }
    return evaluateTrigger(tx.db, { trigger, period, timeZone, now, ranBy: ctx.actor.userId, requestId: ctx.requestId });
  });
}
