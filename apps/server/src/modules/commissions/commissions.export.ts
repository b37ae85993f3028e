import { type TCommissionStatement, ZCommissionStatementQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport } from '../../platform/exports/export.definition.ts';
import { commissionStatements } from './commissions.usecases.ts';

type Row = TCommissionStatement['lines'][number] & { statement: TCommissionStatement };

/**
 * The lines of the statements the caller may see, one row per payment, with the rep's rate and total on each
 * row. A period's statements are computed whole (scorecards are set-based), so they come as one page.
 */
export const commissionStatementsExport = defineExport({
  list: 'commission-statements',
  sheet: { zh: '提成明细', en: 'Commission lines' },
  access: access.signedIn,
  filters: ZCommissionStatementQuery,
  columns: [
    { key: 'period', zh: '期间', en: 'Period', value: (r: Row) => r.statement.period },
    { key: 'rep', zh: '销售', en: 'Rep', value: (r: Row) => r.statement.name },
    { key: 'contractNumber', zh: '合同编号', en: 'Contract number', value: (r: Row) => r.contractNumber },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (r: Row) => r.customerName },
    { key: 'receivedOn', zh: '回款日期', en: 'Received on', value: (r: Row) => r.receivedOn },
    { key: 'amount', zh: '回款金额', en: 'Amount', value: (r: Row) => r.amount, numeric: true },
    { key: 'rate', zh: '提成比例', en: 'Rate', value: (r: Row) => r.rate },
    { key: 'commission', zh: '提成', en: 'Commission', value: (r: Row) => r.commission, numeric: true },
    { key: 'repTotal', zh: '本期提成合计', en: 'Rep total', value: (r: Row) => r.statement.total, numeric: true },
    { key: 'paymentId', zh: '回款系统编号', en: 'Payment ID', value: (r: Row) => r.paymentId },
  ],
  pages: async function* (ctx, filters) {
    const statements = await commissionStatements(ctx, filters);
    const rows = statements.flatMap((statement) => statement.lines.map((line) => ({ ...line, statement })));
    if (rows.length) yield rows;
  },
});
