import type { TLevelScheme, TRating, TScoringScheme } from '@tierline/contracts';
import type { FieldError } from '../../platform/errors.ts';
import { DEFAULT_SCORING_SCHEME } from './scorecard.rules.ts';

/**
 * Appraisal cycles and reviews, pure (decision 0026). A cycle is open, then closed for good; a review is a
 * draft its author edits, then submitted, then locked (by a director or admin, or by closing the cycle).
 */

export type CycleStatus = 'open' | 'closed';
export type ReviewStatus = 'draft' | 'submitted' | 'locked';
export type ReviewKind = 'manager' | 'self';

/** A new cycle's scheme: what it gives, and the built-in default for what it leaves out. */
export function schemeWithDefaults(input: Partial<TScoringScheme>): TScoringScheme {
  return {
    quantitativeWeight: input.quantitativeWeight ?? DEFAULT_SCORING_SCHEME.quantitativeWeight,
    attainmentCap: input.attainmentCap ?? DEFAULT_SCORING_SCHEME.attainmentCap,
    gradeBands: input.gradeBands ?? DEFAULT_SCORING_SCHEME.gradeBands,
    levels: input.levels ?? DEFAULT_SCORING_SCHEME.levels,
  };
}

/** Where a value first appeared, for "given twice" errors. */
function duplicates<T>(items: T[], keyOf: (item: T) => string, report: (i: number, first: number) => void) {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen === undefined) first.set(key, i);
    else report(i, seen);
  });
}

/**
 * What is wrong with a scheme: a level scheme for a level the organisation does not have, or for one level twice
 * (the fallback `null` included); a KPI or criterion twice in one level; grade bands that share a grade or a
 * minimum, or leave low totals without a grade (the lowest band must start at 0).
 */
export function schemeProblems(scheme: TScoringScheme, orgLevelIds: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  scheme.levels.forEach((level, i) => {
    if (level.levelId !== null && !orgLevelIds.has(level.levelId))
      errors.push({ path: `levels.${i}.levelId`, message: 'no such level in this organisation' });
    duplicates(
      level.kpis,
      (k) => k.kpi,
      (k, first) => errors.push({ path: `levels.${i}.kpis.${k}.kpi`, message: `the same KPI as levels.${i}.kpis.${first}` }),
    );
    duplicates(
      level.criteria,
      (c) => c.key,
      (c, first) => errors.push({ path: `levels.${i}.criteria.${c}.key`, message: `the same criterion as levels.${i}.criteria.${first}` }),
    );
  });
  duplicates(
    scheme.levels,
    (l) => l.levelId ?? 'fallback',
    (i, first) => errors.push({ path: `levels.${i}.levelId`, message: `the same level as levels.${first}` }),
  );
  duplicates(
    scheme.gradeBands,
    (b) => b.grade,
    (i, first) => errors.push({ path: `gradeBands.${i}.grade`, message: `the same grade as gradeBands.${first}` }),
  );
  duplicates(
    scheme.gradeBands,
    (b) => String(b.min),
    (i, first) => errors.push({ path: `gradeBands.${i}.min`, message: `the same minimum as gradeBands.${first}` }),
  );
  if (!scheme.gradeBands.some((b) => b.min === 0))
    errors.push({ path: 'gradeBands', message: 'the lowest band must start at 0, so every total has a grade' });
  return errors;
}

/** Why a cycle cannot change: a closed cycle is final (its reviews are locked and its scores stand). */
export function cycleChangeProblem(status: CycleStatus): FieldError | null {
  return status === 'closed' ? { path: 'status', message: 'the cycle is closed; it no longer changes' } : null;
}

export type ReviewAction = 'edit' | 'submit' | 'lock';

/** Draft → submitted → locked: a draft is edited and submitted, a submitted review locked. */
export function reviewActionProblem(status: ReviewStatus, action: ReviewAction): FieldError | null {
  if (action === 'lock')
    return status === 'submitted'
      ? null
      : { path: 'status', message: status === 'draft' ? 'a draft is submitted before it is locked' : 'the review is already locked' };
  if (status === 'draft') return null;
  return { path: 'status', message: `the review is ${status}; it no longer changes` };
}

/** A criterion rated twice in one review: which score would count? */
export function duplicateRatingProblems(ratings: TRating[]): FieldError[] {
  const errors: FieldError[] = [];
  duplicates(
    ratings,
    (r) => r.key,
    (i, first) => errors.push({ path: `ratings.${i}.key`, message: `the same criterion as ratings.${first}` }),
  );
  return errors;
}

/**
 * What a review needs to be submitted: every rating names a criterion of the rep's level scheme in the cycle,
 * once; a manager review rates every criterion (it is what the qualitative score is computed from), a self
 * review may leave some out.
 */
export function submitProblems(ratings: TRating[], scheme: TLevelScheme, kind: ReviewKind): FieldError[] {
  const keys = new Set(scheme.criteria.map((c) => c.key));
  const errors = duplicateRatingProblems(ratings);
  ratings.forEach((r, i) => {
    if (!keys.has(r.key))
      errors.push({ path: `ratings.${i}.key`, message: `not a criterion of this cycle: ${[...keys].join(', ') || 'none'}` });
  });
  if (kind === 'manager') {
    const rated = new Set(ratings.map((r) => r.key));
    const missing = [...keys].filter((k) => !rated.has(k));
    if (missing.length) errors.push({ path: 'ratings', message: `rate every criterion; missing: ${missing.join(', ')}` });
  }
  return errors;
}

export type Reviewer = { userId: string; role: string; managedTeamIds: string[] };
export type Reviewed = { id: string; teamId: string | null };

/**
 * Who writes which review: a `manager` review by the manager of the rep's current team, or a director or admin;
 * a `self` review by the rep alone. `not_found` where the caller may not see the rep (another team's, another
 * rep), `forbidden` where they see the rep but may not write this kind.
 */
export function reviewCreateAccess(actor: Reviewer, rep: Reviewed, kind: ReviewKind): 'ok' | 'forbidden' | 'not_found' {
  const self = actor.userId === rep.id;
  const manages = rep.teamId !== null && actor.managedTeamIds.includes(rep.teamId);
  const seesAll = actor.role === 'director' || actor.role === 'admin';
  if (kind === 'self') return self ? 'ok' : seesAll || manages ? 'forbidden' : 'not_found';
  if (seesAll || (actor.role === 'manager' && manages)) return 'ok';
  return self || manages ? 'forbidden' : 'not_found';
}
