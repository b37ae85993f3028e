import type { FieldError } from '../../platform/errors.ts';

/**
 * Curricula (decision 0029), pure: a level's two course lists — held while at the level (`required`) and passed
 * before promotion from it (`forPromotion`) — their validation, and whether a rep's holdings complete the promotion
 * list.
 */

export type CurriculumLists = { required: string[]; forPromotion: string[] };
export const CURRICULUM_PURPOSES = ['required', 'forPromotion'] as const;

/** What the rules read of a course a rep holds (`courseHoldings`): when completed, and whether it counts on the day. */
export type HeldCourse = { completedOn: string; valid: boolean };

export type CourseReadiness = {
  courseId: string;
  /** The latest completion, even when its certification has expired since; null: never completed. */
  completedOn: string | null;
  /** Completed and its certification (if any) not expired on the day asked. */
  met: boolean;
};

/**
 * Curriculum completeness for promotion: each course of the level's `forPromotion` list met or not, in the list's
 * order, and `ready` when every one is met. An expired certification is completed but not met: re-certify first.
 * A level without a promotion list is ready (nothing is asked).
 */
export function promotionReadiness(
  curriculum: Pick<CurriculumLists, 'forPromotion'> | undefined,
  holdings: ReadonlyMap<string, HeldCourse> | undefined,
): { ready: boolean; courses: CourseReadiness[]; missing: string[] } {
  const courses = (curriculum?.forPromotion ?? []).map((courseId) => {
    const held = holdings?.get(courseId);
    return { courseId, completedOn: held?.completedOn ?? null, met: held?.valid === true };
  });
  const missing = courses.filter((c) => !c.met).map((c) => c.courseId);
  return { ready: missing.length === 0, courses, missing };
}

/** A course named twice in one list (400): `required.3` names the repeat. A course may be in both lists. */
export function duplicateCourses(input: CurriculumLists): FieldError[] {
  return CURRICULUM_PURPOSES.flatMap((purpose) => {
    const seen = new Set<string>();
    return input[purpose].flatMap((id, i) => {
      if (!seen.has(id)) {
        seen.add(id);
        return [];
      }
      return [{ path: `${purpose}.${i}`, message: 'this course is already in the list' }];
    });
  });
}

/** Courses that are not the organisation's or are no longer active (422), each named `forPromotion.N`. */
export function unusableCourses(input: CurriculumLists, catalogue: ReadonlyMap<string, { active: boolean }>): FieldError[] {
  return CURRICULUM_PURPOSES.flatMap((purpose) =>
    input[purpose].flatMap((id, i) => {
      const course = catalogue.get(id);
      if (!course) return [{ path: `${purpose}.${i}`, message: 'no such course' }];
      if (!course.active) return [{ path: `${purpose}.${i}`, message: 'the course is inactive' }];
      return [];
    }),
  );
}
