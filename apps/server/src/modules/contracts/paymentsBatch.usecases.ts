import type { TPaymentBatchRecord } from '@tierline/contracts';
import { recordAuditMany } from '../../platform/audit/audit.writer.ts';
import { fromUnits, toUnits } from '../../platform/decimal.ts';
import { type FieldError, unprocessable } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type Ctx, inTransaction } from '../../platform/requestContext.ts';
import { paymentExternalIdTaken } from './contractPayments.usecases.ts';
import { writableContracts } from './contracts.access.ts';
import * as repo from './contracts.repository.ts';
import { paymentProblem } from './contracts.rules.ts';
import { paymentView } from './contracts.views.ts';

/**
 * Records up to 1,000 payments at once (a bank statement, a migration), all or nothing. Each names its
 * contract by id or number; every problem is reported by record path and then nothing is written.
 * Payments to one contract count together: their sum may not exceed its outstanding balance.
 */
export async function createPaymentsBatch(ctx: Ctx, records: TPaymentBatchRecord[]) {
  const at = (i: number, field: string) => `records.${i}.${field}`;
  try {
    return await inTransaction(ctx, async (tx) => {
      const { orgId } = ctx.actor;
      const ids = [...new Set(records.flatMap((r) => (r.contractId ? [r.contractId] : [])))];
      const numbers = [...new Set(records.flatMap((r) => (r.contractNumber ? [r.contractNumber] : [])))];
      // Locked in id order, so two batches touching the same contracts cannot deadlock each other.
      const contracts = await repo.lockContracts(tx.db, writableContracts(ctx.actor), ids, numbers);
      const byId = new Map(contracts.map((c) => [c.id, c]));
      const byNumber = new Map(contracts.map((c) => [c.number, c]));
      const contractIds = contracts.map((c) => c.id);
      // One query after another: a transaction is one connection (node-postgres refuses concurrent queries on it).
      const instalments = await repo.installmentIdsOf(tx.db, orgId, contractIds);
      const paid = await repo.paidTotals(tx.db, orgId, contractIds);
      const taken = await repo.takenPaymentExternalIds(tx.db, orgId, [
        ...new Set(records.flatMap((r) => (r.externalId ? [r.externalId] : []))),
      ]);
      const contractOfInstalment = new Map(instalments.map((i) => [i.id, i.contractId]));
      // What is still owed per contract, as exact units, reduced as the batch's payments are taken in order.
      const owed = new Map(contracts.map((c) => [c.id, toUnits(c.amount) - toUnits(paid.get(c.id) ?? '0')]));
      const seenExternal = new Map<string, number>();
      const errors: FieldError[] = [];

      const rows = records.map((r, i) => {
        const contract = r.contractId ? byId.get(r.contractId) : byNumber.get(r.contractNumber as string);
        const ref = r.contractId ? 'contractId' : 'contractNumber';
        if (!contract) errors.push({ path: at(i, ref), message: 'no such contract that you may change' });
        else if (contract.status !== 'active')
          errors.push({ path: at(i, ref), message: `contract ${contract.number} is ${contract.status}, not active` });
        if (r.installmentId && contract && contractOfInstalment.get(r.installmentId) !== contract.id)
          errors.push({ path: at(i, 'installmentId'), message: 'not an instalment of this contract' });
        if (r.externalId) {
          if (taken.has(r.externalId)) errors.push({ path: at(i, 'externalId'), message: 'already used by a recorded payment' });
          const first = seenExternal.get(r.externalId);
          if (first !== undefined) errors.push({ path: at(i, 'externalId'), message: `same as records.${first}.externalId` });
          else seenExternal.set(r.externalId, i);
        }
        if (contract) {
          const left = owed.get(contract.id) ?? 0n;
          const problem = paymentProblem(r.amount, fromUnits(left), at(i, 'amount'));
          if (problem) errors.push(problem);
          else owed.set(contract.id, left - toUnits(r.amount));
        }
        return {
          orgId,
          id: newId(),
          contractId: contract?.id as string,
          installmentId: r.installmentId ?? null,
          receivedOn: r.receivedOn,
          amount: r.amount,
          method: r.method ?? null,
          reference: r.reference ?? null,
          externalId: r.externalId ?? null,
          createdAt: ctx.clock.now(),
        };
      });
      if (errors.length) throw unprocessable('invalid_records', `${errors.length} problem(s); nothing was written`, errors);

      const inserted: Awaited<ReturnType<typeof repo.insertPayments>> = [];
      for (let i = 0; i < rows.length; i += 500) inserted.push(...(await repo.insertPayments(tx.db, rows.slice(i, i + 500))));
      await recordAuditMany(
        tx.db,
        tx,
        inserted.map((p) => ({ action: 'create' as const, entity: 'payment', entityId: p.id, before: null, after: paymentView(p) })),
      );
      return { created: inserted.length, updated: 0, ids: rows.map((r) => r.id) };
    });
  } catch (err) {
    throw paymentExternalIdTaken(err);
  }
}
