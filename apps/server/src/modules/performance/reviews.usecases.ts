import type { TRating, TReview } from '@tierline/contracts';
import { eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { AppError, conflict, type FieldError, forbidden, notFound, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { levelsInForce } from '../levels/levelHistory.repository.ts';
import { notifyUsers } from '../notifications/notify.ts';
import * as repo from './appraisal.repository.ts';
import {
  cycleChangeProblem,
  duplicateRatingProblems,
  type ReviewAction,
  reviewActionProblem,
  reviewCreateAccess,
  submitProblems,
} from './appraisal.rules.ts';
import { reviews } from './performance.table.ts';
import { parsePeriod } from './periods.rules.ts';
import { levelSchemeFor } from './scorecard.rules.ts';

/**
 * Reviews of a rep in an appraisal cycle (decision 0026): the manager's (`manager`, what the qualitative score is
 * computed from) and the rep's own (`self`). The author edits a draft and submits it; a director or admin locks
 * it, or closing the cycle does. A closed cycle refuses every change (409).
 */

export const reviewView = (r: repo.ReviewRow): TReview => ({
  id: r.id,
  cycleId: r.cycleId,
  repId: r.repId,
  reviewerId: r.reviewerId,
  kind: r.kind,
  ratings: r.ratings,
  comment: r.comment,
  status: r.status,
  submittedAt: r.submittedAt?.toISOString() ?? null,
  lockedAt: r.lockedAt?.toISOString() ?? null,
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

/**
 * Which reviews the actor reads. Everyone: the reviews they wrote, and those of themselves — their self review
 * always, the manager's once submitted. A manager also the submitted reviews of the reps of the teams they manage;
 * a viewer the organisation's submitted ones; directors and admins every review, drafts included.
 */
export function visibleReviews(actor: Actor): SQL {
  const org = eq(reviews.orgId, actor.orgId);
  if (actor.role === 'admin' || actor.role === 'director') return org;
  const submitted = sql`${reviews.status} <> 'draft'`;
  if (actor.role === 'viewer') return sql`${org} and ${submitted}`;
  const mine = sql`(${reviews.reviewerId} = ${actor.userId} or (${reviews.repId} = ${actor.userId} and (${reviews.kind} = 'self' or ${submitted})))`;
  if (actor.role === 'rep') return sql`${org} and ${mine}`;
  return sql`${org} and (${mine} or (${submitted} and ${repo.memberOfTeams(actor.orgId, actor.managedTeamIds, reviews.repId)}))`;
}

const notFoundAt = (entity: string, path: string) =>
  new AppError(404, 'not_found', 'Not found', `${entity} not found`, [
    { path, message: `no such ${entity.toLowerCase()} that you may see` },
  ]);
const invalid = (errors: FieldError[]) => unprocessable('invalid_review', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
const reviewExists = () =>
  conflict('review_exists', 'This rep already has a review of this kind in this cycle', [{ path: 'kind', message: 'already written' }]);

export async function getReview(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const row = await repo.findReview(ctx.db, visibleReviews(ctx.actor), id);
  if (!row) throw notFound('Review');
  return row;
}

export async function listReviews(ctx: Ctx, q: { limit: number; cursor?: string } & repo.ReviewFilter) {
  const rows = await repo.listReviews(ctx.db, visibleReviews(ctx.actor), q, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (r) => [r.updatedAt.toISOString(), r.id]);
  return { data: page.data.map(reviewView), nextCursor: page.nextCursor };
}

/** The cycle of a change, locked against closing meanwhile; a closed one refuses the change (409). */
async function openCycle(tx: Ctx, cycleId: string, path = 'cycleId') {
  const cycle = await repo.findCycle(tx.db, tx.actor.orgId, cycleId, 'share');
  if (!cycle) throw notFoundAt('Appraisal cycle', path);
  if (cycleChangeProblem(cycle.status))
    throw conflict('cycle_closed', 'The appraisal cycle is closed; its reviews no longer change', [{ path, message: 'closed' }]);
  return cycle;
}

/**
 * A review the actor may act on, locked for the transaction (after its cycle: see repo.findCycle): 404 when they
 * cannot see it, 403 when they may read but not act (only its author edits and submits; only directors and
 * admins, whom the route admits, lock). Refuses a closed cycle, a state the action does not start from, and a
 * stale version.
 */
async function reviewToChange(tx: Ctx, id: string, version: number, action: ReviewAction) {
  const seen = await getReview(tx, id);
  const cycle = await openCycle(tx, seen.cycleId, 'cycleId');
  const row = (await repo.findReview(tx.db, visibleReviews(tx.actor), id, { forUpdate: true })) as repo.ReviewRow;
  if (action !== 'lock' && row.reviewerId !== tx.actor.userId) throw forbidden('Only the author of a review changes or submits it');
  const problem = reviewActionProblem(row.status, action);
  if (problem) throw conflict(`review_${row.status}`, problem.message, [problem]);
  if (row.version !== version) throw staleVersion('review', row.version);
  return { row, cycle };
}

const ratingsOf = (ratings: TRating[]): TRating[] => ratings.map((r) => ({ key: r.key, score: r.score, comment: r.comment ?? null }));

/**
 * Starts a review: `manager` by the manager of the rep's current team or a director or admin, `self` by the rep
 * (see reviewCreateAccess). One review per cycle, rep and kind (409). The rep must be a rep; ratings may be
 * partial in a draft but name each criterion once.
 */
export async function createReview(
  ctx: Ctx,
  input: { cycleId: string; repId: string; kind: 'manager' | 'self'; ratings: TRating[]; comment?: string | null },
) {
  try {
    return await inTransaction(ctx, async (tx) => {
      await openCycle(tx, input.cycleId);
      const rep = await repo.findPerson(tx.db, ctx.actor.orgId, input.repId);
      const access = rep ? reviewCreateAccess(ctx.actor, rep, input.kind) : 'not_found';
      if (!rep || access === 'not_found') throw notFoundAt('Rep', 'repId');
      if (access === 'forbidden')
        throw new AppError(403, 'forbidden', 'Forbidden', 'You may not write this kind of review of this rep', [
          { path: 'kind', message: input.kind === 'self' ? 'a self review is written by the rep' : 'written by the rep’s manager' },
        ]);
      const errors = duplicateRatingProblems(input.ratings);
      if (rep.role !== 'rep') errors.push({ path: 'repId', message: `reviews are of reps; this person is a ${rep.role}` });
      if (errors.length) throw invalid(errors);
      if (await repo.findReviewOf(tx.db, ctx.actor.orgId, input.cycleId, input.repId, input.kind)) throw reviewExists();
      const now = ctx.clock.now();
      const row = await repo.insertReview(tx.db, {
        orgId: ctx.actor.orgId,
        id: newId(),
        cycleId: input.cycleId,
        repId: input.repId,
        reviewerId: ctx.actor.userId,
        kind: input.kind,
        ratings: ratingsOf(input.ratings),
        comment: input.comment ?? null,
        status: 'draft',
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx.db, tx, { action: 'create', entity: 'review', entityId: row.id, before: null, after: reviewView(row) });
      return row;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? reviewExists() : err;
  }
}

/** The author changes their draft's ratings or comment, with its version. */
export async function updateReview(ctx: Ctx, id: string, version: number, patch: { ratings?: TRating[]; comment?: string | null }) {
  return inTransaction(ctx, async (tx) => {
    const { row: before } = await reviewToChange(tx, id, version, 'edit');
    const errors = patch.ratings ? duplicateRatingProblems(patch.ratings) : [];
    if (errors.length) throw invalid(errors);
    const after = await repo.updateReviewRow(tx.db, ctx.actor.orgId, id, version, {
      ratings: patch.ratings ? ratingsOf(patch.ratings) : before.ratings,
      comment: patch.comment !== undefined ? patch.comment : before.comment,
      updatedAt: ctx.clock.now(),
    });
    if (!after) throw staleVersion('review', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'review',
      entityId: id,
      before: reviewView(before),
      after: reviewView(after),
    });
    return after;
  });
}

/**
 * The author submits their draft. Its ratings must be criteria of the scheme of the rep's level at the cycle's
 * period end (422 naming `ratings.N.key`), and a manager review must rate them all. Tells the other side: a self
 * review the rep's manager, a manager review the rep.
 */
export async function submitReview(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const { row: before, cycle } = await reviewToChange(tx, id, version, 'submit');
    const period = parsePeriod(cycle.period);
    const lastDay = new Date(Date.parse(`${period.to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const levelId = (await levelsInForce(tx.db, ctx.actor.orgId, [before.repId], lastDay)).get(before.repId) ?? null;
    const scheme = levelSchemeFor({ ...cycle, levels: cycle.levelSchemes }, levelId);
    const errors = submitProblems(before.ratings, scheme, before.kind);
    if (errors.length) throw invalid(errors);
    const now = ctx.clock.now();
    const after = await repo.updateReviewRow(tx.db, ctx.actor.orgId, id, version, {
      status: 'submitted',
      submittedAt: now,
      updatedAt: now,
    });
    if (!after) throw staleVersion('review', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'review',
      entityId: id,
      before: reviewView(before),
      after: reviewView(after),
    });
    const rep = await repo.findPerson(tx.db, ctx.actor.orgId, after.repId);
    const reader = after.kind === 'self' ? rep?.managerId : after.repId;
    if (rep && reader && reader !== ctx.actor.userId) {
      const reviewer = await repo.findPerson(tx.db, ctx.actor.orgId, after.reviewerId);
      await notifyUsers(tx.db, now, [
        {
          orgId: ctx.actor.orgId,
          userId: reader,
          kind: 'review_submitted',
          params: {
            reviewKind: after.kind,
            repName: rep.name,
            reviewerName: reviewer?.name ?? null,
            cycleName: cycle.name,
            period: cycle.period,
          },
          entity: 'review',
          entityId: after.id,
        },
      ]);
    }
    return after;
  });
}

/** A director or admin locks a submitted review: it then stands as it is. */
export async function lockReview(ctx: Ctx, id: string, version: number) {
  return inTransaction(ctx, async (tx) => {
    const { row: before } = await reviewToChange(tx, id, version, 'lock');
    const now = ctx.clock.now();
    const after = await repo.updateReviewRow(tx.db, ctx.actor.orgId, id, version, { status: 'locked', lockedAt: now, updatedAt: now });
    if (!after) throw staleVersion('review', before.version);
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'review',
      entityId: id,
      before: reviewView(before),
      after: reviewView(after),
    });
    return after;
  });
}
