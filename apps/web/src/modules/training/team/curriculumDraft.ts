import type { TCurriculum, TLevel } from '@tierline/contracts';

/** 课程体系 settings, pure (tested in curriculumDraft.test.ts): one card per level of the ladder, saved per level. */

export interface CurriculumDraft {
  required: string[];
  forPromotion: string[];
}

const EMPTY: CurriculumDraft = { required: [], forPromotion: [] };

/** Every level by rank with its curriculum (empty lists for a level the server has none for). */
export function curriculaByLevel(levels: readonly TLevel[], curricula: readonly TCurriculum[]) {
  const byLevel = new Map(curricula.map((c) => [c.levelId, c]));
  return [...levels]
    .sort((a, b) => a.rank - b.rank)
    .map((level) => {
      const found = byLevel.get(level.id);
      return { level, curriculum: found ? { required: found.required, forPromotion: found.forPromotion } : EMPTY };
    });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/** Changed when either list holds other courses; the order is not meaningful (checks are ordered by title). */
export function curriculumChanged(saved: CurriculumDraft, draft: CurriculumDraft): boolean {
  return !sameSet(saved.required, draft.required) || !sameSet(saved.forPromotion, draft.forPromotion);
}

/** Courses picked that are no longer active: the server refuses them (422), so the card says which before saving. */
export function inactivePicked(draft: CurriculumDraft, courses: readonly { id: string; active: boolean }[]): string[] {
  const inactive = new Set(courses.filter((c) => !c.active).map((c) => c.id));
  return [...new Set([...draft.required, ...draft.forPromotion])].filter((id) => inactive.has(id));
}
