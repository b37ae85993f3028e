import type { TLeadScoringRuleInput } from '@tierline/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { activities } from '../activities/activities.table.ts';
import { type ActivityCounts, checkScoringRules, type ScoredLead, type ScoringRule, scoreLead } from './leadScoring.rules.ts';
import * as repo from './leads.repository.ts';
import { leads } from './leads.table.ts';

const RESCORE_BATCH = 500;

export const scoringRuleView = (r: repo.ScoringRuleRow) => ({
  id: r.id,
  label: r.label,
  kind: r.kind,
  field: r.field,
  operator: r.operator,
  value: r.value ?? null,
  activityKind: r.activityKind,
  points: r.points,
  position: r.position,
});

const asRule = (r: repo.ScoringRuleRow): ScoringRule =>
  r.kind === 'field'
    ? { id: r.id, label: r.label, kind: 'field', field: r.field, operator: r.operator, value: r.value ?? null, points: r.points }
    : { id: r.id, label: r.label, kind: 'activity', activityKind: r.activityKind, points: r.points };

/**
 * Activities by kind for each lead (activities.lead_id), soft-deleted ones left out: what activity rules
 * count. Read straight from the activities table (a join this module reads, never writes).
 */
async function activityCounts(db: DbOrTx, orgId: string, leadIds: string[]): Promise<Map<string, ActivityCounts>> {
  const counts = new Map<string, ActivityCounts>(leadIds.map((id) => [id, {}]));
  if (!leadIds.length) return counts;
  const rows = await db
    .select({ leadId: activities.leadId, kind: activities.kind, n: sql<number>`count(*)::int` })
    .from(activities)
    .where(and(eq(activities.orgId, orgId), inArray(activities.leadId, leadIds), isNull(activities.deletedAt)))
    .groupBy(activities.leadId, activities.kind);
  for (const r of rows) {
    const of = r.leadId ? counts.get(r.leadId) : undefined;
    if (of) of[r.kind] = Number(r.n);
  }
  return counts;
}

export async function loadScoringRules(db: DbOrTx, orgId: string): Promise<ScoringRule[]> {
  return (await repo.listScoringRules(db, orgId)).map(asRule);
}

/** The score of one lead as it is about to be written (create, update, merge). */
export async function scoreOf(db: DbOrTx, orgId: string, leadId: string, lead: ScoredLead, rules?: ScoringRule[]) {
  const counts = await activityCounts(db, orgId, [leadId]);
  return scoreLead(lead, rules ?? (await loadScoringRules(db, orgId)), counts.get(leadId));
}

export async function listScoringRules(ctx: Ctx) {
  return { data: (await repo.listScoringRules(ctx.db, ctx.actor.orgId)).map(scoringRuleView) };
}

/**
 * Replaces the organisation's scoring rules and rescores every open lead in the same transaction,
 * a batch of leads per statement, so no lead is ever shown a score from the old rules next to the new.
 */
export async function replaceScoringRules(ctx: Ctx, input: TLeadScoringRuleInput[]) {
  const errors = checkScoringRules(input);
  if (errors.length) throw unprocessable('invalid_scoring_rule', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return inTransaction(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    const before = (await repo.listScoringRules(tx.db, orgId)).map(scoringRuleView);
    const rows = input.map((r, i) => ({
      orgId,
      id: r.id && !input.slice(0, i).some((o) => o.id === r.id) ? r.id : newId(),
      label: r.label,
      kind: r.kind,
      field: r.kind === 'field' ? r.field : null,
      operator: r.kind === 'field' ? r.operator : null,
      value: r.kind === 'field' ? (r.value ?? null) : null,
      activityKind: r.kind === 'activity' ? r.activityKind : null,
      points: r.points,
      position: i + 1,
    }));
    await repo.replaceScoringRules(tx.db, orgId, rows);
    const after = (await repo.listScoringRules(tx.db, orgId)).map(scoringRuleView);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'lead_scoring_rules',
      entityId: orgId,
      before: { rules: before },
      after: { rules: after },
    });
    const rescored = await rescoreOpenLeads(tx.db, orgId);
    return { data: after, rescored };
  });
}

/** Recomputes every open lead's score; returns how many changed. */
export async function rescoreOpenLeads(db: DbOrTx, orgId: string): Promise<number> {
  const rules = await loadScoringRules(db, orgId);
  let changed = 0;
  for (let after: string | null = null; ; ) {
    const batch = await repo.scorableLeadsAfter(db, orgId, after, RESCORE_BATCH);
    if (!batch.length) return changed;
    const counts = await activityCounts(
      db,
      orgId,
      batch.map((l) => l.id),
    );
    const updates = batch.flatMap((lead) => {
      const { score, breakdown } = scoreLead(lead, rules, counts.get(lead.id));
      const same = score === lead.score && JSON.stringify(breakdown) === JSON.stringify(lead.scoreBreakdown);
      return same ? [] : [{ id: lead.id, score, breakdown }];
    });
    await repo.writeScores(db, orgId, updates);
    changed += updates.length;
    after = batch[batch.length - 1].id;
  }
}

/**
 * Rescores one lead after its activities changed (an activity logged, re-kinded or deleted), in the
 * caller's transaction. A converted, merged or deleted lead keeps the score it had.
 */
export async function rescoreLead(db: DbOrTx, orgId: string, leadId: string): Promise<void> {
  const lead = await repo.findLead(db, sql`${leads.orgId} = ${orgId}`, leadId);
  if (!lead || lead.deletedAt || lead.status === 'converted' || lead.status === 'merged') return;
  const { score, breakdown } = await scoreOf(db, orgId, leadId, lead);
  if (score === lead.score && JSON.stringify(breakdown) === JSON.stringify(lead.scoreBreakdown)) return;
  await repo.writeScores(db, orgId, [{ id: leadId, score, breakdown }]);
}
