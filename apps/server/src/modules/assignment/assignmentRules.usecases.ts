import type { TAssignmentRule, TAssignmentRuleCreate, TAssignmentRuleUpdate } from '@tierline/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, type FieldError, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { defaultAssignmentRules } from './assignment.defaults.ts';
import * as repo from './assignment.repository.ts';
import { compareDecimal, type Entity } from './assignment.rules.ts';
import type { AssignmentConditions } from './assignment.table.ts';

export const ruleView = (r: repo.RuleRow): TAssignmentRule => ({
  id: r.id,
  entity: r.entity,
  position: r.position,
  name: r.name,
  conditions: r.conditions,
  eligibleLevelIds: r.eligibleLevelIds,
  eligibleTeamIds: r.eligibleTeamIds,
  strategy: r.strategy,
  active: r.active,
  lastAssignedUserId: r.lastAssignedUserId,
  version: r.version,
});

type ConditionsInput = Omit<AssignmentConditions, 'minAmount' | 'maxAmount'> & { minAmount?: string | number; maxAmount?: string | number };
const amountText = (v: string | number | undefined) => (v === undefined ? undefined : typeof v === 'number' ? v.toFixed(2) : v);

/** Stored conditions: amounts as decimal text, empty lists dropped (an empty list means "any"). */
export function normaliseConditions(c: ConditionsInput): AssignmentConditions {
  const out: AssignmentConditions = {};
  if (c.tierIds?.length) out.tierIds = [...new Set(c.tierIds)];
  if (c.processTypes?.length) out.processTypes = [...new Set(c.processTypes)];
  if (c.regions?.length) out.regions = [...new Set(c.regions)];
  if (c.industries?.length) out.industries = [...new Set(c.industries)];
  if (c.minAmount !== undefined) out.minAmount = amountText(c.minAmount);
  if (c.maxAmount !== undefined) out.maxAmount = amountText(c.maxAmount);
  return out;
}

/** A rule must be able to match its entity and name someone; every id it names must exist in the org. */
async function checkRule(
  db: DbOrTx,
  orgId: string,
  r: { entity: Entity; conditions: AssignmentConditions; eligibleLevelIds: string[]; eligibleTeamIds: string[] },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const c = r.conditions;
  if (r.entity === 'lead' && c.tierIds) errors.push({ path: 'conditions.tierIds', message: 'a lead has no tier' });
  if (r.entity !== 'deal' && c.processTypes) errors.push({ path: 'conditions.processTypes', message: 'only deals have a process type' });
  for (const k of ['minAmount', 'maxAmount'] as const)
    if (r.entity !== 'deal' && c[k] !== undefined) errors.push({ path: `conditions.${k}`, message: 'only deals have an amount' });
  if (c.minAmount !== undefined && c.maxAmount !== undefined && compareDecimal(c.minAmount, c.maxAmount) > 0)
    errors.push({ path: 'conditions.maxAmount', message: 'must not be below minAmount' });
  if (!r.eligibleLevelIds.length && !r.eligibleTeamIds.length)
    errors.push({ path: 'eligibleLevelIds', message: 'name the eligible levels, teams, or both' });
  const known = {
    level: await repo.existingIds(db, orgId, 'level', r.eligibleLevelIds),
    team: await repo.existingIds(db, orgId, 'team', r.eligibleTeamIds),
    tier: await repo.existingIds(db, orgId, 'tier', c.tierIds ?? []),
  };
  const unknown = (ids: string[], found: Set<string>, path: string, message: string) =>
    ids.forEach((id, i) => {
      if (!found.has(id)) errors.push({ path: `${path}.${i}`, message });
    });
  unknown(r.eligibleLevelIds, known.level, 'eligibleLevelIds', 'no such level');
  unknown(r.eligibleTeamIds, known.team, 'eligibleTeamIds', 'no such team');
  unknown(c.tierIds ?? [], known.tier, 'conditions.tierIds', 'no such tier');
  return errors;
}

const invalid = (errors: FieldError[]) =>
  unprocessable('invalid_assignment_rule', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

/**
 * Seeds the default rules the first time an organisation uses assignment (never again once it has
 * had rules, so an org that deleted them all is not handed them back). Written by the system.
 */
export async function ensureDefaultRules(db: DbOrTx, orgId: string, requestId: string, at: Date) {
  if ((await repo.listRules(db, orgId)).length || (await repo.everHadRules(db, orgId))) return;
  await insertDefaults(db, orgId, { orgId, actorId: null, requestId, at });
}

async function insertDefaults(db: DbOrTx, orgId: string, who: Parameters<typeof recordAudit>[1]) {
  const tierRows = await repo.tiersOf(db, orgId);
  const defaults = defaultAssignmentRules(await repo.levelIdsByKey(db, orgId), Object.fromEntries(tierRows.map((t) => [t.key, t.id])));
  const positions = new Map<Entity, number>();
  const rows = defaults.map((d) => {
    const position = (positions.get(d.entity) ?? 0) + 1;
    positions.set(d.entity, position);
    return { ...d, orgId, id: newId(), position, eligibleTeamIds: [] };
  });
  const inserted = await repo.insertRules(db, rows);
  for (const r of inserted)
    await recordAudit(db, who, { action: 'create', entity: 'assignment_rule', entityId: r.id, before: null, after: ruleView(r) });
  return inserted;
}

export async function listRules(ctx: Ctx, entity?: Entity) {
  return inTransaction(ctx, async (tx) => {
    await repo.lockOrgAssignments(tx.db, ctx.actor.orgId);
    await ensureDefaultRules(tx.db, ctx.actor.orgId, ctx.requestId, ctx.clock.now());
    return { data: (await repo.listRules(tx.db, ctx.actor.orgId, entity)).map(ruleView) };
  });
}

export async function getRule(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const rule = await repo.findRule(ctx.db, ctx.actor.orgId, id);
  if (!rule) throw notFound('Assignment rule');
  return rule;
}

export async function createRule(ctx: Ctx, input: TAssignmentRuleCreate) {
  return inTransaction(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    await repo.lockOrgAssignments(tx.db, orgId);
    const conditions = normaliseConditions(input.conditions);
    const errors = await checkRule(tx.db, orgId, { ...input, conditions });
    if (errors.length) throw invalid(errors);
    const siblings = await repo.listRules(tx.db, orgId, input.entity);
    const at = Math.min(input.position ?? siblings.length + 1, siblings.length + 1);
    const id = newId();
    const [row] = await repo.insertRules(tx.db, [
      {
        orgId,
        id,
        entity: input.entity,
        name: input.name,
        conditions,
        eligibleLevelIds: [...new Set(input.eligibleLevelIds)],
        eligibleTeamIds: [...new Set(input.eligibleTeamIds)],
        strategy: input.strategy,
        active: input.active,
        position: at,
      },
    ]);
    const order = siblings.map((s) => s.id);
    order.splice(at - 1, 0, id);
    await repo.setPositions(tx.db, orgId, order);
    const created = { ...row, position: at };
    await recordAudit(tx.db, tx, { action: 'create', entity: 'assignment_rule', entityId: id, before: null, after: ruleView(created) });
    return created;
  });
}

export async function updateRule(ctx: Ctx, id: string, version: number, patch: Omit<TAssignmentRuleUpdate, 'version'>) {
  return inTransaction(ctx, async (tx) => {
    const before = await getRule(tx, id);
    const change: Partial<repo.NewRuleRow> = { ...patch, conditions: patch.conditions ? normaliseConditions(patch.conditions) : undefined };
    if (patch.eligibleLevelIds) change.eligibleLevelIds = [...new Set(patch.eligibleLevelIds)];
    if (patch.eligibleTeamIds) change.eligibleTeamIds = [...new Set(patch.eligibleTeamIds)];
    if (!change.conditions) delete change.conditions;
    const next = { ...before, ...change } as repo.RuleRow;
    const errors = await checkRule(tx.db, ctx.actor.orgId, next);
    if (errors.length) throw invalid(errors);
    const after = await repo.updateRuleRow(tx.db, ctx.actor.orgId, id, version, change);
    if (!after) throw staleVersion('assignment rule', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'assignment_rule',
      entityId: id,
      before: ruleView(before),
      after: ruleView(after),
    });
    return after;
  });
}

export async function deleteRule(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const before = await getRule(tx, id);
    if (!(await repo.deleteRuleRow(tx.db, ctx.actor.orgId, id, version))) throw staleVersion('assignment rule', before.version);
    const rest = await repo.listRules(tx.db, ctx.actor.orgId, before.entity);
    await repo.setPositions(
      tx.db,
      ctx.actor.orgId,
      rest.map((r) => r.id),
    );
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'assignment_rule', entityId: id, before: ruleView(before), after: null });
  });
}

/** Puts an entity's rules in the order given: the list must be exactly that entity's rules. */
export async function reorderRules(ctx: Ctx, entity: Entity, ids: string[]) {
  return inTransaction(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    const before = await repo.listRules(tx.db, orgId, entity);
    const known = new Set(before.map((r) => r.id));
    const errors: FieldError[] = [];
    ids.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `ids.${i}`, message: `not a ${entity} rule` });
      else if (ids.indexOf(id) !== i) errors.push({ path: `ids.${i}`, message: 'listed twice' });
    });
    if (!errors.length && ids.length !== before.length)
      errors.push({ path: 'ids', message: `list all ${before.length} ${entity} rules, each once` });
    if (errors.length) throw invalid(errors);
    await repo.setPositions(tx.db, orgId, ids);
    const after = await repo.listRules(tx.db, orgId, entity);
    const positions = (rows: repo.RuleRow[]) => Object.fromEntries(rows.map((r) => [r.id, r.position]));
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'assignment_rule_order',
      entityId: `${orgId}:${entity}`,
      before: positions(before),
      after: positions(after),
    });
    return { data: after.map(ruleView) };
  });
}

/** Puts the default rules in place; with `replace`, instead of the org's current rules (409 otherwise when it has some). */
export async function installDefaultRules(ctx: Ctx, replace: boolean) {
  return inTransaction(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    await repo.lockOrgAssignments(tx.db, orgId);
    const current = await repo.listRules(tx.db, orgId);
    if (current.length && !replace)
      throw conflict('rules_exist', `The organisation has ${current.length} assignment rules; send replace: true to replace them`, [
        { path: 'replace', message: 'required to replace existing rules' },
      ]);
    await repo.deleteAllRules(tx.db, orgId);
    for (const r of current)
      await recordAudit(tx.db, tx, { action: 'delete', entity: 'assignment_rule', entityId: r.id, before: ruleView(r), after: null });
    await insertDefaults(tx.db, orgId, tx);
    return { data: (await repo.listRules(tx.db, orgId)).map(ruleView) };
  });
}
