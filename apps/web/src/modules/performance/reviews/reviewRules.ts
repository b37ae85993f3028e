import type { TAppraisalCycle, TLevelScheme, TRating, TReview, TRole } from '@tierline/contracts';

/**
 * The review form's pure parts (decision 0026): which criteria a rep is reviewed on, the form's values, the
 * qualitative score the ratings give, and who may write, submit or lock what.
 */

type Criterion = TLevelScheme['criteria'][number];

/** The criteria with built-in names; an organisation's own keys show as they are. */
export const KNOWN_CRITERIA = ['managerRating', 'customerFeedback', 'teamwork'] as const;
export type KnownCriterion = (typeof KNOWN_CRITERIA)[number];
export const isKnownCriterion = (key: string): key is KnownCriterion => (KNOWN_CRITERIA as readonly string[]).includes(key);

/** The level scheme a rep is appraised on: their level's, else the cycle's fallback (`levelId: null`). */
export function schemeFor(cycle: Pick<TAppraisalCycle, 'levels'>, levelId: string | null): TLevelScheme | null {
  return cycle.levels.find((s) => s.levelId === levelId) ?? cycle.levels.find((s) => s.levelId === null) ?? cycle.levels[0] ?? null;
}

/**
 * The criteria the form asks about: the scheme's, and any other a review already rated (a rep whose level
 * changed keeps what was written about them visible).
 */
export function formCriteria(scheme: TLevelScheme | null, reviews: readonly (Pick<TReview, 'ratings'> | null | undefined)[]): Criterion[] {
  const criteria: Criterion[] = [...(scheme?.criteria ?? [])];
  for (const review of reviews) {
    for (const r of review?.ratings ?? []) if (!criteria.some((c) => c.key === r.key)) criteria.push({ key: r.key, weight: 0 });
  }
  return criteria;
}

export type ReviewState = 'none' | TReview['status'];
export const reviewState = (review: Pick<TReview, 'status'> | null | undefined): ReviewState => review?.status ?? 'none';
export const REVIEW_STATE_COLORS: Record<ReviewState, string> = { none: 'default', draft: 'gold', submitted: 'blue', locked: 'green' };

export interface ReviewFormValues {
  /** Per criterion: 0 = not rated yet. */
  ratings: Record<string, { score: number; comment: string }>;
  comment: string;
}

export function toFormValues(review: Pick<TReview, 'ratings' | 'comment'> | null, criteria: readonly Criterion[]): ReviewFormValues {
  const byKey = new Map((review?.ratings ?? []).map((r) => [r.key, r]));
  return {
    ratings: Object.fromEntries(
      criteria.map((c) => [c.key, { score: byKey.get(c.key)?.score ?? 0, comment: byKey.get(c.key)?.comment ?? '' }]),
    ),
    comment: review?.comment ?? '',
  };
}

/** What the API takes: rated criteria only (a rating is 1–5), empty comments as null. */
export function toDraft(values: ReviewFormValues, criteria: readonly Criterion[]): { ratings: TRating[]; comment: string | null } {
  const ratings: TRating[] = criteria.flatMap((c) => {
    const v = values.ratings?.[c.key];
    if (!v?.score) return [];
    return [{ key: c.key, score: v.score, comment: v.comment?.trim() || null }];
  });
  return { ratings, comment: values.comment?.trim() || null };
}

/** The criteria still without a rating; a review is submitted only once every one is rated. */
export function unrated(values: ReviewFormValues, criteria: readonly Criterion[]): string[] {
  return criteria.filter((c) => c.weight > 0 && !values.ratings?.[c.key]?.score).map((c) => c.key);
}

/**
 * The qualitative score the ratings give, as the scorecard computes it: Σ (score / 5 × 100 × weight) / Σ weights
 * over the scheme's criteria, an unrated one counting 0. Null when no criterion carries weight. One decimal.
 */
export function qualitativeScore(ratings: readonly Pick<TRating, 'key' | 'score'>[], criteria: readonly Criterion[]): number | null {
  const totalWeight = criteria.reduce((sum, c) => sum + c.weight, 0);
  if (totalWeight === 0) return null;
  const byKey = new Map(ratings.map((r) => [r.key, r.score]));
  const points = criteria.reduce((sum, c) => sum + ((byKey.get(c.key) ?? 0) / 5) * 100 * c.weight, 0);
  return Math.round((points / totalWeight) * 10) / 10;
}

interface Viewer {
  id: string;
  role: TRole;
}

/** Reviews are changed only while the cycle is open and the review a draft (or not written yet). */
export const isOpenForEdit = (cycle: Pick<TAppraisalCycle, 'status'>, review: Pick<TReview, 'status'> | null) =>
  cycle.status === 'open' && (review === null || review.status === 'draft');

/**
 * May the viewer write this review? A rep their own self review; a manager (or a director, an admin) the
 * manager review of a rep in their scope — once someone has started it, only its author. The server checks again.
 */
export function mayWrite(viewer: Viewer, kind: TReview['kind'], repId: string, review: Pick<TReview, 'reviewerId'> | null): boolean {
  if (review && review.reviewerId !== viewer.id) return false;
  if (kind === 'self') return viewer.role === 'rep' && viewer.id === repId;
  return (viewer.role === 'manager' || viewer.role === 'director' || viewer.role === 'admin') && viewer.id !== repId;
}

/** Directors and admins lock a submitted review (closing the cycle locks them all). */
export const mayLock = (viewer: Viewer, review: Pick<TReview, 'status'> | null) =>
  (viewer.role === 'director' || viewer.role === 'admin') && review?.status === 'submitted';

/** The cycles a picker opens on: the latest open one, else the latest. */
export function defaultCycle<T extends Pick<TAppraisalCycle, 'id' | 'status'>>(cycles: readonly T[]): T | undefined {
  return cycles.find((c) => c.status === 'open') ?? cycles[0];
}
