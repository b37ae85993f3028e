import type { TSkill, TSkillsMatrix, ZSkillAssessment, ZSkillWrite } from '@tierline/contracts';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { AppError, badRequest, conflict, notFound, staleVersion } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { requiredVersion } from '../../platform/versioning.ts';
import * as repo from './skills.repository.ts';
import { assessmentProblems, assessorRight, matrixScope, seesRep, seesTeam } from './skills.rules.ts';

/**
 * Skills and the skills matrix (decision 0029): directors and admins keep the list of skills; each rep's level
 * in each skill (1–5) is assessed twice, by the rep (`self`) and by their manager (`manager`), shown side by side.
 */

type SkillInput = z.output<typeof ZSkillWrite>;
type TSkillCell = TSkillsMatrix['reps'][number]['cells'][number];

export const skillView = (s: repo.SkillRow): TSkill => ({
  id: s.id,
  name: s.name,
  category: s.category,
  description: s.description,
  version: s.version,
});

const cellOf = (skillId: string, a: repo.AssessmentRow | undefined): TSkillCell => ({
  skillId,
  self: a?.selfLevel ?? null,
  manager: a?.managerLevel ?? null,
  selfAt: a?.selfAt?.toISOString() ?? null,
  managerAt: a?.managerAt?.toISOString() ?? null,
  version: a?.version ?? null,
});

const assessmentRecord = (a: repo.AssessmentRow) => ({
  repId: a.repId,
  skillId: a.skillId,
  self: a.selfLevel,
  manager: a.managerLevel,
  selfAt: a.selfAt,
  managerAt: a.managerAt,
  managerId: a.managerId,
});

const nameTaken = (name: string) => conflict('name_taken', `A skill named ${name} exists`, [{ path: 'name', message: 'already used' }]);

export async function listSkills(ctx: Ctx): Promise<TSkill[]> {
  return (await repo.listSkills(ctx.db, ctx.actor.orgId)).map(skillView);
}

export async function createSkill(ctx: Ctx, input: SkillInput): Promise<TSkill> {
  try {
    return await inTransaction(ctx, async (tx) => {
      if (await repo.skillNamed(tx.db, ctx.actor.orgId, input.name)) throw nameTaken(input.name);
      const row = await repo.insertSkill(tx.db, { orgId: ctx.actor.orgId, id: newId(), ...input });
      await recordAudit(tx.db, tx, { action: 'create', entity: 'skill', entityId: row.id, before: null, after: skillView(row) });
      return skillView(row);
    });
  } catch (err) {
    // Two editors adding the same name at once: the unique key decides.
    throw isUniqueViolation(err) ? nameTaken(input.name) : err;
  }
}

export async function updateSkill(ctx: Ctx, id: string, version: number, input: SkillInput): Promise<TSkill> {
  try {
    return await inTransaction(ctx, async (tx) => {
      const before = await repo.findSkill(tx.db, ctx.actor.orgId, id, { forUpdate: true });
      if (!before) throw notFound('Skill');
      if (before.version !== version) throw staleVersion('skill', before.version);
      if (await repo.skillNamed(tx.db, ctx.actor.orgId, input.name, id)) throw nameTaken(input.name);
      const after = await repo.updateSkillRow(tx.db, ctx.actor.orgId, id, version, input);
      if (!after) throw staleVersion('skill', before.version);
      await recordAudit(tx.db, tx, { action: 'update', entity: 'skill', entityId: id, before: skillView(before), after: skillView(after) });
      return skillView(after);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? nameTaken(input.name) : err;
  }
}

/**
 * Deletes a skill with its assessments (a skill is a column of the matrix, not a record others point at; plans'
 * skill goals naming it stay as written). The version, when sent, must be current.
 */
export async function deleteSkill(ctx: Ctx, id: string, version: number | undefined): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findSkill(tx.db, ctx.actor.orgId, id, { forUpdate: true });
    if (!before) throw notFound('Skill');
    if (version !== undefined && before.version !== version) throw staleVersion('skill', before.version);
    await repo.deleteSkillRow(tx.db, ctx.actor.orgId, id);
    await recordAudit(tx.db, tx, { action: 'delete', entity: 'skill', entityId: id, before: skillView(before), after: null });
  });
}

/**
 * The matrix: every skill as a column, one row per active rep the caller sees (a rep their own, a manager their
 * teams' reps, the rest the organisation's), each cell with both assessments. A team or rep filter outside what
 * the caller sees is 404.
 */
export async function skillsMatrix(ctx: Ctx, q: { teamId?: string; repId?: string }): Promise<TSkillsMatrix> {
  const { orgId } = ctx.actor;
  const scope = matrixScope(ctx.actor);
  if (q.teamId && !(seesTeam(scope, ctx.actor, q.teamId) && (await repo.teamExists(ctx.db, orgId, q.teamId)))) throw notFound('Team');
  if (q.repId) {
    const rep = await repo.findActiveRep(ctx.db, orgId, q.repId);
    if (!rep || !seesRep(scope, rep)) throw notFound('Rep');
  }
  const skillRows = await repo.listSkills(ctx.db, orgId);
  const reps = await repo.matrixReps(ctx.db, orgId, scope, q);
  const assessments = await repo.assessmentsOf(
    ctx.db,
    orgId,
    reps.map((r) => r.id),
  );
  const byRep = new Map<string, Map<string, repo.AssessmentRow>>();
  for (const a of assessments) byRep.set(a.repId, (byRep.get(a.repId) ?? new Map()).set(a.skillId, a));
  return {
    skills: skillRows.map(skillView),
    reps: reps.map((r) => ({
      repId: r.id,
      name: r.name,
      teamId: r.teamId,
      levelId: r.levelId,
      cells: skillRows.map((s) => cellOf(s.id, byRep.get(r.id)?.get(s.id))),
    })),
  };
}

/**
 * Sets the rep's own assessment (`self`, the rep only) or the manager's (`manager`: the manager of the rep's
 * team, a director, an admin) of one skill, stamped now. The first assessment of a cell needs no version; a
 * change of an existing one names its version (428 without, 409 when stale).
 */
export async function assessSkill(
  ctx: Ctx,
  repId: string,
  skillId: string,
  body: z.output<typeof ZSkillAssessment>,
  version: number | undefined,
): Promise<TSkillCell> {
  const { orgId } = ctx.actor;
  return inTransaction(ctx, async (tx) => {
    const rep = await repo.findActiveRep(tx.db, orgId, repId);
    const right = rep ? assessorRight(ctx.actor, rep) : 'none';
    if (right === 'none') throw notFound('Rep');
    const { refused, empty } = assessmentProblems(right, body);
    if (refused.length)
      throw new AppError(403, 'forbidden', 'Forbidden', refused.map((e) => `${e.path}: ${e.message}`).join('; '), refused);
    if (empty.length) throw badRequest('nothing_to_assess', `Send ${right}: a level 1–5, or null to clear it`, empty);
    if (!(await repo.findSkill(tx.db, orgId, skillId))) throw notFound('Skill');

    const now = ctx.clock.now();
    const patch =
      right === 'self'
        ? { selfLevel: body.self ?? null, selfAt: now }
        : { managerLevel: body.manager ?? null, managerAt: now, managerId: ctx.actor.userId };
    const before = await repo.findAssessment(tx.db, orgId, repId, skillId);
    let after: repo.AssessmentRow | undefined;
    if (!before) {
      after = await repo.insertAssessment(tx.db, { orgId, repId, skillId, ...patch });
      if (!after) {
        // Someone assessed this cell between our read and insert: ours was based on an empty cell, now stale.
        const current = await repo.findAssessment(tx.db, orgId, repId, skillId);
        throw staleVersion('skill assessment', current?.version ?? 1);
      }
    } else {
      const based = version ?? requiredVersion(undefined, undefined);
      if (before.version !== based) throw staleVersion('skill assessment', before.version);
      after = await repo.updateAssessmentRow(tx.db, { orgId, repId, skillId }, based, patch);
      if (!after) throw staleVersion('skill assessment', before.version);
    }
    await recordAudit(tx.db, tx, {
      action: before ? 'update' : 'create',
      entity: 'skill_assessment',
      entityId: `${repId}:${skillId}`,
      before: before ? assessmentRecord(before) : null,
      after: assessmentRecord(after),
    });
    return cellOf(skillId, after);
  });
}
