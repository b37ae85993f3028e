import type { TPaymentCreate } from '@tierline/contracts';
import { recordAudit } from '../../platform/audit/audit.writer.ts';
import { isUniqueViolation } from '../../platform/dbErrors.ts';
import { sumDecimals } from '../../platform/decimal.ts';
import { conflict, type FieldError, staleVersion, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { writableContracts } from './contracts.access.ts';
import * as repo from './contracts.repository.ts';
import { isClosed, outstandingOf, paymentProblem, planProblems } from './contracts.rules.ts';
import { getVisibleContract, getWritableContract } from './contracts.usecases.ts';
import { contractView, paymentView } from './contracts.views.ts';

/** The contract with its payment plan (what payments cover of each instalment), its payments, paid and outstanding. */
export async function getContractDetail(ctx: Pick<Ctx, 'db' | 'actor'>, id: string) {
  const contract = await getVisibleContract(ctx, id);
  const [plan, payments] = await Promise.all([
    repo.planWithAllocation(ctx.db, ctx.actor.orgId, id),
    repo.paymentsOf(ctx.db, ctx.actor.orgId, id),
  ]);
  const paid = sumDecimals(payments.map((p) => p.amount));
  return {
    ...contractView(contract),
    installments: plan.map((i) => ({ ...i, outstanding: outstandingOf(i.amount, i.paid) })),
    payments: payments.map(paymentView),
    paid,
    outstanding: outstandingOf(contract.amount, paid),
  };
}

/**
 * Replaces the payment plan. The instalments must sum to the contract amount exactly (422 otherwise);
 * an empty list removes the plan. Positions follow the order given; the contract's version moves on.
 */
export async function setInstallments(ctx: Ctx, id: string, version: number, items: { dueOn: string; amount: string }[]) {
  await inTransaction(ctx, async (tx) => {
    const contract = await getWritableContract(tx, id, { forUpdate: true });
    if (isClosed(contract.status))
      throw unprocessable('contract_closed', `A ${contract.status} contract’s plan no longer changes`, [
        { path: 'status', message: contract.status },
      ]);
    const problems = planProblems(contract.amount, items);
    if (problems.length) throw unprocessable('plan_mismatch', problems[0].message, problems);
    const before = await repo.planWithAllocation(tx.db, ctx.actor.orgId, id);
    const bumped = await repo.updateContractRow(tx.db, writableContracts(ctx.actor), id, version, { updatedAt: ctx.clock.now() });
    if (!bumped) throw staleVersion('contract', contract.version);
    await repo.replaceInstallments(
      tx.db,
      ctx.actor.orgId,
      id,
      items.map((item, n) => ({
        orgId: ctx.actor.orgId,
        id: newId(),
        contractId: id,
        position: n + 1,
        dueOn: item.dueOn,
        amount: item.amount,
      })),
    );
    await recordAudit(tx.db, tx, {
      action: 'update',
      entity: 'contract',
      entityId: id,
      before: { installments: before.map((i) => `${i.dueOn} ${i.amount}`) },
      after: { installments: items.map((i) => `${i.dueOn} ${i.amount}`) },
    });
  });
  return getContractDetail(ctx, id);
}

export const paymentExternalIdTaken = (err: unknown, path = 'externalId') =>
  isUniqueViolation(err) ? conflict('external_id_taken', 'Another payment has this externalId', [{ path, message: 'already used' }]) : err;

/**
 * Records a payment received (回款) against an active contract: more than 0 and not more than the
 * outstanding balance. The contract row is locked first, so two payments at once are checked one after
 * the other and together can never exceed the contract amount.
 */
export async function recordPayment(ctx: Ctx, contractId: string, input: TPaymentCreate) {
  try {
    return await inTransaction(ctx, async (tx) => {
      const contract = await getWritableContract(tx, contractId, { forUpdate: true });
      const errors: FieldError[] = [];
      if (contract.status !== 'active')
        errors.push({ path: 'contractId', message: `the contract is ${contract.status}; payments are recorded against active contracts` });
      if (input.installmentId) {
        const own = await repo.installmentIdsOf(tx.db, ctx.actor.orgId, [contractId]);
        if (!own.some((i) => i.id === input.installmentId))
          errors.push({ path: 'installmentId', message: 'not an instalment of this contract' });
      }
      const paid = (await repo.paidTotals(tx.db, ctx.actor.orgId, [contractId])).get(contractId) ?? '0';
      const problem = paymentProblem(input.amount, outstandingOf(contract.amount, paid));
      if (problem) errors.push(problem);
      if (input.externalId && (await repo.takenPaymentExternalIds(tx.db, ctx.actor.orgId, [input.externalId])).size)
        throw conflict('external_id_taken', 'Another payment has this externalId', [{ path: 'externalId', message: 'already used' }]);
      if (errors.length) throw unprocessable('invalid_payment', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const [row] = await repo.insertPayments(tx.db, [
        {
          orgId: ctx.actor.orgId,
          id: newId(),
          contractId,
          installmentId: input.installmentId ?? null,
          receivedOn: input.receivedOn,
          amount: input.amount,
          method: input.method ?? null,
          reference: input.reference ?? null,
          externalId: input.externalId ?? null,
          createdAt: ctx.clock.now(),
        },
      ]);
      await recordAudit(tx.db, tx, { action: 'create', entity: 'payment', entityId: row.id, before: null, after: paymentView(row) });
      return paymentView(row);
    });
  } catch (err) {
    throw paymentExternalIdTaken(err);
  }
}
