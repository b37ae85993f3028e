import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { conflict, staleVersion, unprocessable } from '../../platform/errors.ts';
import { type DomainEvent, emitDomainEvents } from '../../platform/events/domainEvents.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { discountApprovalProblems } from '../approvals/discountGuard.usecases.ts';
import { findStage } from '../pipelines/pipelines.repository.ts';
import { onDealClosed } from '../tasks/followUp.hooks.ts';
import { forecastAfterMove, missingForGate } from './dealGates.rules.ts';
import { writableDeals } from './deals.access.ts';
import * as repo from './deals.repository.ts';
import { dealView, getVisibleDeal, getWritableDeal } from './deals.usecases.ts';

/**
 * Moves a deal to another stage of its pipeline. The target stage's gate must be met — the answer
 * names everything missing. Won and lost close the deal (closedAt); a lost deal needs its loss reason.
 */
export async function moveDeal(ctx: Ctx, id: string, version: number, input: { stageId: string; lossReason?: string }) {
  return inTransaction(ctx, async (tx) => {
    const deal = await getWritableDeal(tx, id);
    const target = await findStage(tx.db, ctx.actor.orgId, input.stageId);
    if (!target || target.pipelineId !== deal.pipelineId) {
      throw unprocessable('invalid_stage', 'That stage is not in this deal’s pipeline', [
        { path: 'stageId', message: 'not a stage of this pipeline' },
      ]);
    }
    if (target.id === deal.stageId) throw conflict('same_stage', 'The deal is already in this stage');
    if (deal.version !== version) throw staleVersion('deal', deal.version);
    const parts = await repo.dealParts(tx.db, ctx.actor.orgId, id);
    const missing = missingForGate(target.gate, {
      amount: deal.amount,
      expectedCloseDate: deal.expectedCloseDate,
      customerId: deal.customerId,
      lineCount: parts.lines.length,
      contactRoles: parts.contacts.map((c) => c.role),
      milestones: parts.milestones,
    });
    // Winning a deal whose discounts exceed the tier cap needs them approved; one 422 names both.
    if (target.kind === 'won') missing.push(...(await discountApprovalProblems(tx, id, parts.lines)));
    if (target.kind === 'lost' && !input.lossReason) missing.push({ path: 'lossReason', message: 'a lost deal needs its loss reason' });
    if (missing.length)
      throw unprocessable('gate_not_met', `Cannot enter ${target.nameEn}: ${missing.map((m) => m.message).join('; ')}`, missing);

    const now = ctx.clock.now();
    const after = await repo.updateDealRow(tx.db, writableDeals(ctx.actor), id, version, {
      stageId: target.id,
      stageEnteredAt: now,
      closedAt: target.kind === 'open' ? null : now,
      forecastCategory: forecastAfterMove(target.kind, deal.forecastCategory),
      lossReason: target.kind === 'lost' ? (input.lossReason ?? null) : null,
      updatedAt: now,
    });
    if (!after) throw staleVersion('deal', deal.version);
    await repo.recordStageVisit(tx.db, {
      orgId: ctx.actor.orgId,
      id: newId(),
      dealId: id,
      stageId: target.id,
      at: now,
      actorId: ctx.actor.userId,
    });
    if (target.kind !== 'open') await onDealClosed(tx.db, { orgId: ctx.actor.orgId, dealId: id, at: now });
    const moved = await getVisibleDeal(tx, id);
    await recordAudit(tx.db, tx, { action: 'update', entity: 'deal', entityId: id, before: dealView(deal), after: dealView(moved) });
    const data = { deal: dealView(moved), fromStageId: deal.stageId, toStageId: target.id, stageKind: target.kind };
    const closed: DomainEvent[] =
      target.kind === 'open' ? [] : [{ orgId: ctx.actor.orgId, type: target.kind === 'won' ? 'deal.won' : 'deal.lost', data }];
    await emitDomainEvents(tx.db, now, [{ orgId: ctx.actor.orgId, type: 'deal.stage_changed', data }, ...closed]);
    return moved;
  });
}
