import type { TLevelCriterion, ZLevelCriteria } from '@tierline/contracts';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { conflict, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { DEFAULT_SCORING_SCHEME } from '../performance/scorecard.rules.ts';
import * as repo from './levelCriteria.repository.ts';
import { criteriaErrors, defaultCriteria } from './levelCriteria.rules.ts';
import { listLevels } from './levels.repository.ts';

type TLevelCriteria = z.infer<typeof ZLevelCriteria>;

/** The criteria in force: the organisation's own steps, else the built-in ones derived from its ladder. */
export async function criteriaInForce(db: DbOrTx, orgId: string): Promise<{ isDefault: boolean; steps: TLevelCriterion[] }> {
  const own = await repo.listCriteria(db, orgId);
  if (own.length) return { isDefault: false, steps: own };
  return { isDefault: true, steps: defaultCriteria(await listLevels(db, orgId)) };
}

async function criteriaView(db: DbOrTx, orgId: string): Promise<TLevelCriteria> {
  const { isDefault, steps } = await criteriaInForce(db, orgId);
  return { isDefault, gradeBands: DEFAULT_SCORING_SCHEME.gradeBands, steps };
}

/** Everyone of the organisation may read the criteria: reps see what the next level asks of them. */
export async function getLevelCriteria(ctx: Ctx): Promise<TLevelCriteria> {
  return criteriaView(ctx.db, ctx.actor.orgId);
}

/**
 * Replaces every step (directors and admins; the route says who). The steps are checked as a whole first and each
 * problem named `steps.N.field`; then nothing is written. An empty list returns to the built-in criteria. A grade
 * must be one of the default bands' or of a band some appraisal cycle of the organisation uses.
 */
export async function replaceLevelCriteria(ctx: Ctx, steps: TLevelCriterion[]): Promise<TLevelCriteria> {
  const { orgId } = ctx.actor;
  try {
    return await inTransaction(ctx, async (tx) => {
      const levels = await listLevels(tx.db, orgId);
      const grades = [...new Set([...DEFAULT_SCORING_SCHEME.gradeBands.map((b) => b.grade), ...(await repo.cycleGrades(tx.db, orgId))])];
      const errors = criteriaErrors(steps, levels, grades);
      if (errors.length) throw unprocessable('invalid_criteria', `${errors.length} problem(s); nothing was saved`, errors);
      const before = await criteriaInForce(tx.db, orgId);
      await repo.replaceCriteria(tx.db, orgId, steps);
      const after = await criteriaView(tx.db, orgId);
      await recordAudit(tx.db, tx, {
        action: 'update',
        entity: 'level_criteria',
        entityId: orgId,
        before: { isDefault: before.isDefault, steps: before.steps },
        after: { isDefault: after.isDefault, steps: after.steps },
      });
      return after;
    });
  } catch (err) {
    // Two replacements at once: the second meets the first's rows.
    if (isUniqueViolation(err)) throw conflict('criteria_changed', 'The criteria were changed at the same time; reload and try again');
    throw err;
  }
}
