import type { ZDealBatchRecord } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { type FieldError, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { visibleCustomers } from '../customers/customers.access.ts';
import { customers } from '../customers/customers.table.ts';
import { checkOwners } from '../customers/customers.usecases.ts';
import { listPipelinesWithStages } from '../pipelines/pipelines.repository.ts';
import { users } from '../users/users.table.ts';
import { dealStageHistory, deals } from './deals.table.ts';
import { externalIdTaken } from './deals.usecases.ts';

type Record = z.infer<typeof ZDealBatchRecord>;

/**
 * Migrates up to 1,000 deals at once, all or nothing: any stage, won and lost included, with their own
 * created and closed dates. Gates guard moves, not history. Customers by id or externalId, owners by id or email.
 */
export async function createDealsBatch(ctx: Ctx, records: Record[]) {
  const at = (i: number, f: string) => `records.${i}.${f}`;
  try {
    return await inTransaction(ctx, async (tx) => {
      const errors: FieldError[] = [];
      const pipelines = await listPipelinesWithStages(tx.db, ctx.actor.orgId);
      const emails = [...new Set(records.flatMap((r) => (r.ownerEmail ? [r.ownerEmail] : [])))];
      const byEmail = new Map(
        (emails.length
          ? await tx.db
              .select({ id: users.id, email: users.email })
              .from(users)
              .where(and(eq(users.orgId, ctx.actor.orgId), inArray(users.email, emails)))
          : []
        ).map((u) => [u.email, u.id]),
      );
      const externals = [...new Set(records.flatMap((r) => (r.customerExternalId ? [r.customerExternalId] : [])))];
      const ids = [...new Set(records.flatMap((r) => (r.customerId ? [r.customerId] : [])))];
      const known = externals.length
        ? await tx.db
            .select({ id: customers.id, externalId: customers.externalId })
            .from(customers)
            .where(and(visibleCustomers(ctx.actor), inArray(customers.externalId, externals)))
        : [];
      const knownIds = ids.length
        ? await tx.db
            .select({ id: customers.id })
            .from(customers)
            .where(and(visibleCustomers(ctx.actor), inArray(customers.id, ids)))
        : [];
      const customerOfExternal = new Map(known.map((c) => [c.externalId, c.id]));
      const visibleIds = new Set(knownIds.map((c) => c.id));

      const resolved = records.map((r, i) => {
        const pipeline = pipelines.find((p) => (r.pipelineId ? p.id === r.pipelineId : p.processType === r.processType));
        if (!pipeline) errors.push({ path: at(i, r.pipelineId ? 'pipelineId' : 'processType'), message: 'no such pipeline' });
        const stage = pipeline?.stages.find((s) => (r.stageId ? s.id === r.stageId : s.key === r.stageKey));
        if (pipeline && !stage) errors.push({ path: at(i, r.stageId ? 'stageId' : 'stageKey'), message: 'no such stage in this pipeline' });
        const ownerId = r.ownerId ?? (r.ownerEmail ? byEmail.get(r.ownerEmail) : ctx.actor.userId);
        if (!ownerId) errors.push({ path: at(i, 'ownerEmail'), message: 'no user with this email' });
        const customerId = r.customerId ?? (r.customerExternalId ? customerOfExternal.get(r.customerExternalId) : null) ?? null;
        if (r.customerId && !visibleIds.has(r.customerId))
          errors.push({ path: at(i, 'customerId'), message: 'no such customer that you may see' });
        if (r.customerExternalId && !customerId)
          errors.push({ path: at(i, 'customerExternalId'), message: 'no customer with this externalId that you may see' });
        const createdAt = r.createdAt ? new Date(r.createdAt) : ctx.clock.now();
        const closed = stage && stage.kind !== 'open';
        const closedAt = closed ? (r.closedAt ? new Date(r.closedAt) : createdAt) : null;
        if (!closed && r.closedAt) errors.push({ path: at(i, 'closedAt'), message: 'an open deal has no close date' });
        if (closedAt && closedAt < createdAt) errors.push({ path: at(i, 'closedAt'), message: 'closes before it was created' });
        return { r, pipeline, stage, ownerId, customerId, createdAt, closedAt };
      });
      const owners = await checkOwners(
        tx.db,
        ctx.actor,
        resolved.flatMap((x, i) => (x.ownerId ? [{ path: at(i, 'ownerId'), ownerId: x.ownerId }] : [])),
      );
      errors.push(...owners.errors);
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const now = ctx.clock.now();
      const rows = resolved.map((x) => ({
        orgId: ctx.actor.orgId,
        id: newId(),
        name: x.r.name,
        pipelineId: x.pipeline!.id,
        stageId: x.stage!.id,
        customerId: x.customerId,
        ownerId: x.ownerId!,
        teamId: owners.teamOf(x.ownerId!),
        amount: x.r.amount ?? null,
        currency: x.r.currency ?? 'CNY',
        expectedCloseDate: x.r.expectedCloseDate ?? null,
        probability: x.r.probability ?? null,
        forecastCategory: x.r.forecastCategory ?? (x.stage!.kind === 'won' ? 'closed' : x.stage!.kind === 'lost' ? 'omitted' : 'pipeline'),
        lossReason: x.r.lossReason ?? null,
        externalId: x.r.externalId ?? null,
        stageEnteredAt: x.closedAt ?? x.createdAt,
        closedAt: x.closedAt,
        createdAt: x.createdAt,
        updatedAt: now,
      }));
      await tx.db.insert(deals).values(rows);
      await tx.db.insert(dealStageHistory).values(
        rows.map((d) => ({
          orgId: d.orgId,
          id: newId(),
          dealId: d.id,
          stageId: d.stageId,
          enteredAt: d.stageEnteredAt,
          leftAt: null,
          actorId: ctx.actor.userId,
        })),
      );
      await recordAuditMany(
        tx.db,
        tx,
        rows.map((d) => ({ action: 'create' as const, entity: 'deal', entityId: d.id, before: null, after: d })),
      );
      return { created: rows.length, updated: 0, ids: rows.map((d) => d.id) };
    });
  } catch (err) {
    throw externalIdTaken(err);
  }
}
