import { type TPaymentBatchRecord, ZPaymentBatchRecord } from '@tierline/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { compareDecimal } from '../../../platform/decimal.ts';
import type { FieldError } from '../../../platform/errors.ts';
import type { Ctx } from '../../../platform/requestContext.ts';
import { writableContracts } from '../../contracts/contracts.access.ts';
import { contracts, payments } from '../../contracts/contracts.table.ts';
import { createPaymentsBatch } from '../../contracts/paymentsBatch.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseDate, parseDecimal } from '../importer.ts';
import { errorsOfSubset, refuseRecords } from './common.ts';

/**
 * Payments received (回款), recorded through the payments batch use case on the contract with that
 * number. A recorded payment is a fact of the books and is never changed by an import: a row whose
 * externalId is already recorded, on the same contract with the same date and amount, is the same
 * payment (counted as updated, written again never — so a bank statement can be imported twice); one
 * that differs is refused, to be corrected on the contract.
 */
export const paymentsImporter: Importer<TPaymentBatchRecord> = {
  entity: 'payments',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['回款编号', '收款编号', '流水号', '交易流水号', '外部编号', 'payment id', 'transaction id', 'external id', 'id'],
    },
    {
      key: 'contractNumber',
      required: true,
      kind: 'lookup',
      lookup: 'contract number',
      aliases: ['合同编号', '合同号', '合同', 'contract number', 'contract no', 'contract'],
    },
    {
      key: 'receivedOn',
      required: true,
      kind: 'date',
      aliases: ['回款日期', '收款日期', '到账日期', '日期', 'received on', 'payment date', 'received date', 'date'],
    },
    {
      key: 'amount',
      required: true,
      kind: 'money',
      aliases: ['回款金额', '收款金额', '到账金额', '金额', 'amount', 'payment amount', 'amount received'],
    },
    // Free text, as the payment form stores it (the web offers 银行转账, 承兑汇票… but takes any words).
    { key: 'method', required: false, kind: 'text', aliases: ['付款方式', '回款方式', '收款方式', '支付方式', 'method', 'payment method'] },
    { key: 'reference', required: false, kind: 'text', aliases: ['备注', '摘要', '凭证号', '参考号', 'reference', 'memo', 'note'] },
  ],
  toRecord([row]) {
    const v = row.values;
    const c = issueCollector(row.row);
    const contractNumber = c.need('contractNumber', v.contractNumber);
    const receivedOn = c.take('receivedOn', c.need('receivedOn', v.receivedOn), parseDate);
    const amount = c.take('amount', c.need('amount', v.amount), parseDecimal);
    if (c.issues.length) return { issues: c.issues };
    const record = { externalId: v.externalId, contractNumber, receivedOn, amount, method: v.method, reference: v.reference };
    return checkRecord(ZPaymentBatchRecord, record, row.row, (p) => (p === 'contractId' ? 'contractNumber' : p));
  },
  async writeBatch(ctx, records) {
    const { known, errors } = await alreadyRecorded(ctx, records);
    if (errors.length) refuseRecords(errors);
    const indexes = records.flatMap((_, i) => (known.has(i) ? [] : [i]));
    if (!indexes.length) return { inserted: 0, updated: known.size };
    try {
      const r = await createPaymentsBatch(
        ctx,
        indexes.map((i) => records[i]),
      );
      return { inserted: r.created, updated: known.size };
    } catch (err) {
      return refuseRecords(errorsOfSubset(err, indexes));
    }
  },
};

/**
 * The records whose externalId is a payment already recorded on a contract the importer may change:
 * the same payment (its index in `known`), or a different one under the same id (an error). Payments
 * the importer may not change are left to the use case, which refuses their externalId as taken.
 */
async function alreadyRecorded(ctx: Ctx, records: TPaymentBatchRecord[]) {
  const ids = [...new Set(records.flatMap((r) => (r.externalId ? [r.externalId] : [])))];
  const rows = ids.length
    ? await ctx.db
        .select({ externalId: payments.externalId, number: contracts.number, receivedOn: payments.receivedOn, amount: payments.amount })
        .from(payments)
        .innerJoin(contracts, and(eq(contracts.orgId, payments.orgId), eq(contracts.id, payments.contractId)))
        .where(and(eq(payments.orgId, ctx.actor.orgId), inArray(payments.externalId, ids), sql`${writableContracts(ctx.actor)}`))
    : [];
  const recorded = new Map(rows.map((p) => [p.externalId as string, p]));
  const known = new Set<number>();
  const errors: FieldError[] = [];
  records.forEach((r, i) => {
    const p = r.externalId ? recorded.get(r.externalId) : undefined;
    if (!p) return;
    if (p.number === r.contractNumber && p.receivedOn === r.receivedOn && compareDecimal(p.amount, r.amount) === 0) known.add(i);
    else
      errors.push({
        path: `records.${i}.externalId`,
        message: `already recorded as ${p.amount} on ${p.receivedOn} to contract ${p.number}; a recorded payment is not changed by an import`,
      });
  });
  return { known, errors };
}
