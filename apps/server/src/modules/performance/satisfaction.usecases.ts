import type { TSatisfactionScore } from '@tierline/contracts';
import { recordAudit, recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { AppError, conflict, type FieldError, unprocessable } from '../../platform/errors.ts';
import { localDate } from '../../platform/exports/export.rules.ts';
import { newId } from '../../platform/ids.ts';
import { decodeCursor, toPage } from '../../platform/pagination.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { orgTimeZone } from './appraisal.repository.ts';
import * as repo from './satisfaction.repository.ts';

/**
 * Customer satisfaction scores (1–5), the input of the satisfaction KPI (decision 0026): recorded by hand or by
 * import, each counting for the customer's owner and team at the moment it was recorded. They follow the
 * customer's scope: whoever sees the customer sees its scores, and any writer who sees it records one.
 */

export const scoreView = (s: repo.ScoreRow): TSatisfactionScore => ({
  id: s.id,
  customerId: s.customerId,
  ownerId: s.ownerId,
  score: s.score,
  recordedOn: s.recordedOn,
  comment: s.comment,
  externalId: s.externalId,
  createdAt: s.createdAt.toISOString(),
});

export type SatisfactionInput = {
  customerId: string;
  score: number;
  recordedOn?: string;
  comment?: string | null;
  externalId?: string | null;
};

export async function listSatisfactionScores(ctx: Ctx, q: { limit: number; cursor?: string } & repo.ScoreFilter) {
  const rows = await repo.listScores(ctx.db, visibleCustomers(ctx.actor), q, { limit: q.limit, after: decodeCursor(q.cursor, 2) });
  const page = toPage(rows, q.limit, (s) => [s.recordedOn, s.id]);
  return { data: page.data.map(scoreView), nextCursor: page.nextCursor };
}

const externalIdTaken = (path = 'externalId') =>
  conflict('external_id_taken', 'Another satisfaction score has this externalId', [{ path, message: 'already used' }]);

/** The organisation's today: a score is of a day that has happened. */
async function todayOf(tx: Ctx) {
  return localDate(tx.clock.now(), await orgTimeZone(tx.db, tx.actor.orgId));
}

type Customer = Awaited<ReturnType<typeof repo.customersByIds>>[number];

/** A new score's row: stamped with the customer's owner and team now, dated today unless the input says. */
function newScoreRow(tx: Ctx, input: SatisfactionInput, customer: Customer, today: string): repo.NewScoreRow {
  return {
    orgId: tx.actor.orgId,
    id: newId(),
    customerId: customer.id,
    ownerId: customer.ownerId,
    teamId: customer.teamId,
    score: input.score,
    recordedOn: input.recordedOn ?? today,
    comment: input.comment ?? null,
    externalId: input.externalId ?? null,
    createdBy: tx.actor.userId,
    createdAt: tx.clock.now(),
  };
}

/** Records a score of a customer the caller sees (404 naming `customerId` otherwise); never dated in the future (422). */
export async function createSatisfactionScore(ctx: Ctx, input: SatisfactionInput) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const [customer] = await repo.customersByIds(tx.db, visibleCustomers(ctx.actor), [input.customerId]);
      if (!customer)
        throw new AppError(404, 'not_found', 'Not found', 'Customer not found', [
          { path: 'customerId', message: 'no such customer that you may see' },
        ]);
      const today = await todayOf(tx);
      const errors: FieldError[] = [];
      if (customer.deletedAt) errors.push({ path: 'customerId', message: 'the customer is deleted' });
      if (input.recordedOn && input.recordedOn > today) errors.push({ path: 'recordedOn', message: `in the future (today is ${today})` });
      if (errors.length) throw unprocessable('invalid_score', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const [row] = await repo.insertScores(tx.db, [newScoreRow(tx, input, customer, today)]);
      await recordAudit(tx.db, tx, {
        action: 'create',
        entity: 'satisfaction_score',
        entityId: row.id,
        before: null,
        after: scoreView(row),
      });
      return scoreView(row);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? externalIdTaken() : err;
  }
}

/**
 * Records scores in a batch (an import), all or nothing, with the single create's rules; every problem is named
 * by `records.<i>.<field>` and then nothing is written. A record whose externalId is recorded already updates
 * that score's value, date and comment (it keeps its customer, and the owner and team it was recorded for); one
 * that changes nothing is counted as updated and not written again.
 */
export async function createSatisfactionScoresBatch(ctx: Ctx, records: SatisfactionInput[]) {
  const at = (i: number, field: string) => `records.${i}.${field}`;
  try {
    return await inTransaction(ctx, async (tx) => {
      const visible = visibleCustomers(ctx.actor);
      const customers = new Map(
        (await repo.customersByIds(tx.db, visible, [...new Set(records.map((r) => r.customerId))])).map((c) => [c.id, c]),
      );
      const externalIds = [...new Set(records.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
      const existing = new Map(
        (await repo.scoresByExternalIds(tx.db, ctx.actor.orgId, visible, externalIds)).map((e) => [e.score.externalId, e]),
      );
      const today = await todayOf(tx);
      const errors: FieldError[] = [];
      const seen = new Map<string, number>();
      const fresh: repo.NewScoreRow[] = [];
      const changes: { before: repo.ScoreRow; patch: Pick<repo.NewScoreRow, 'score' | 'recordedOn' | 'comment'> }[] = [];
      const ids: string[] = [];
      let unchanged = 0;
      records.forEach((r, i) => {
        const customer = customers.get(r.customerId);
        if (!customer) errors.push({ path: at(i, 'customerId'), message: 'no such customer that you may see' });
        else if (customer.deletedAt) errors.push({ path: at(i, 'customerId'), message: 'the customer is deleted' });
        if (r.recordedOn && r.recordedOn > today) errors.push({ path: at(i, 'recordedOn'), message: `in the future (today is ${today})` });
        const match = r.externalId ? existing.get(r.externalId) : undefined;
        if (r.externalId) {
          const first = seen.get(r.externalId);
          if (first !== undefined) errors.push({ path: at(i, 'externalId'), message: `same externalId as records.${first}` });
          else seen.set(r.externalId, i);
        }
        if (match && !match.visible)
          errors.push({ path: at(i, 'externalId'), message: 'a score with this externalId exists that you may not change' });
        else if (match && match.score.customerId !== r.customerId)
          errors.push({ path: at(i, 'customerId'), message: 'a recorded score stays with its customer' });
        if (!customer || errors.length) return;
        if (!match) {
          const row = newScoreRow(tx, r, customer, today);
          fresh.push(row);
          ids.push(row.id);
          return;
        }
        const b = match.score;
        const patch = {
          score: r.score,
          recordedOn: r.recordedOn ?? b.recordedOn,
          comment: r.comment === undefined ? b.comment : r.comment,
        };
        if (b.score === patch.score && b.recordedOn === patch.recordedOn && b.comment === patch.comment) unchanged++;
        else changes.push({ before: b, patch });
        ids.push(b.id);
      });
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const inserted: repo.ScoreRow[] = [];
      for (let i = 0; i < fresh.length; i += 500) inserted.push(...(await repo.insertScores(tx.db, fresh.slice(i, i + 500))));
      const updated: { before: repo.ScoreRow; after: repo.ScoreRow }[] = [];
      for (const c of changes)
        updated.push({ before: c.before, after: await repo.updateScore(tx.db, ctx.actor.orgId, c.before.id, c.patch) });
      await recordAuditMany(tx.db, tx, [
        ...inserted.map((s) => ({
          action: 'create' as const,
          entity: 'satisfaction_score',
          entityId: s.id,
          before: null,
          after: scoreView(s),
        })),
        ...updated.map((u) => ({
          action: 'update' as const,
          entity: 'satisfaction_score',
          entityId: u.after.id,
          before: scoreView(u.before),
          after: scoreView(u.after),
        })),
      ]);
      return { created: inserted.length, updated: updated.length + unchanged, ids };
    });
  } catch (err) {
    throw isUniqueViolation(err) ? externalIdTaken() : err;
  }
}
