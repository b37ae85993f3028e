import type { TCurriculum } from '@tierline/contracts';
import type { DbOrTx } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { badRequest, notFound, unprocessable } from '../../platform/errors.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import type { PromotionCourses } from '../levels/levelEvaluation.rules.ts';
import * as repo from './curricula.repository.ts';
import { type CurriculumLists, duplicateCourses, unusableCourses } from './curricula.rules.ts';
import { courseHoldings } from './holdings.repository.ts';

/** Curricula (decision 0029): per level, the courses held while at it and those passed before promotion from it. */

const view = (levelId: string, lists: CurriculumLists | undefined): TCurriculum => ({
  levelId,
  required: lists?.required ?? [],
  forPromotion: lists?.forPromotion ?? [],
});

/** `GET /curricula`: one per level of the ladder, lowest first; a level without a curriculum has empty lists. */
export async function listCurricula(ctx: Ctx): Promise<TCurriculum[]> {
  const { orgId } = ctx.actor;
  const ladder = await repo.ladderOf(ctx.db, orgId);
  const curricula = await repo.curriculaOf(ctx.db, orgId);
  return ladder.map((l) => view(l.id, curricula.get(l.id)));
}

/**
 * `PUT /curricula/{levelId}` (directors, admins; the route checks the role): replaces the level's two lists, all or
 * nothing. A course twice in one list is 400; a course not in the catalogue or inactive is 422 — each named
 * `required.N` / `forPromotion.N`. The answer lists each by course title, as every read does.
 */
export async function replaceCurriculum(ctx: Ctx, levelId: string, input: CurriculumLists): Promise<TCurriculum> {
  const { orgId } = ctx.actor;
  const duplicates = duplicateCourses(input);
  if (duplicates.length) throw badRequest('duplicate_course', duplicates.map((e) => `${e.path}: ${e.message}`).join('; '), duplicates);
  return inTransaction(ctx, async (tx) => {
    if (!(await repo.lockLevel(tx.db, orgId, levelId))) throw notFound('Level');
    const catalogue = await repo.coursesByIds(tx.db, orgId, [...input.required, ...input.forPromotion]);
    const problems = unusableCourses(input, catalogue);
    if (problems.length) throw unprocessable('invalid_course', problems.map((e) => `${e.path}: ${e.message}`).join('; '), problems);
    const before = view(levelId, (await repo.curriculaOf(tx.db, orgId)).get(levelId));
    await repo.replaceCurriculumRows(tx.db, orgId, levelId, input);
    const after = view(levelId, (await repo.curriculaOf(tx.db, orgId)).get(levelId));
    await recordAudit(tx.db, tx, { action: 'update', entity: 'curriculum', entityId: levelId, before, after });
    return after;
  });
}

/**
 * For the level evaluation's course checks (decision 0029), set-based for all reps: the courses of each rep's level's
 * promotion curriculum (titles from the catalogue) and the courses each holds `today` in the organisation's calendar.
 * Reps whose level has no promotion curriculum are absent (no course checks). Courses are judged today, whatever
 * period is evaluated.
 */
export async function promotionCourses(
  db: DbOrTx,
  orgId: string,
  repIds: string[],
  levelAt: ReadonlyMap<string, string | null>,
  today: string,
): Promise<Map<string, PromotionCourses>> {
  const curricula = await repo.curriculaOf(db, orgId);
  const asked = repIds.filter((id) => curricula.get(levelAt.get(id) as string)?.forPromotion.length);
  if (asked.length === 0) return new Map();
  const titles = await repo.coursesByIds(
    db,
    orgId,
    [...curricula.values()].flatMap((c) => c.forPromotion),
  );
  const holdings = await courseHoldings(db, orgId, asked, today);
  return new Map(
    asked.map((id) => {
      const forPromotion = (curricula.get(levelAt.get(id) as string)?.forPromotion ?? []).map((courseId) => ({
        id: courseId,
        title: titles.get(courseId)?.title ?? courseId,
      }));
      return [id, { today, forPromotion, holdings: holdings.get(id) ?? new Map() }];
    }),
  );
}
