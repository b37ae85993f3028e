import { ZSatisfactionCreate } from '@tierline/contracts';
import { z } from 'zod';
import { createSatisfactionScoresBatch } from '../../performance/satisfaction.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseDate, parseInteger } from '../importer.ts';
import { customerIdsOf } from './customerRefs.ts';

// The create contract's own field rules, with the customer named by text (resolved when the batch is written).
const { score, recordedOn, comment } = ZSatisfactionCreate.shape;
const ZSatisfactionImport = z.object({
  externalId: z.string().trim().min(1).max(200).optional(),
  customer: z.string().trim().min(1).max(200),
  score,
  recordedOn,
  comment,
});
type SatisfactionImport = z.output<typeof ZSatisfactionImport>;

const PROPERTY_FIELD: Record<string, string> = { customerId: 'customer' };

/**
 * Customer satisfaction scores (满意度), 1–5, from surveys or another CRM, upserted by externalId through the
 * satisfaction batch use case: each counts for the customer's owner when it is first recorded. A row without a
 * date is dated today; none may lie in the future. A customer that is not found is the row's error, unless the
 * import creates missing customers (they go to the pool, so their scores count for no one until they have an owner).
 */
export const satisfactionImporter: Importer<SatisfactionImport> = {
  entity: 'satisfaction',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['评价编号', '满意度编号', '调查编号', '问卷编号', '外部编号', 'survey id', 'response id', 'score id', 'external id', 'id'],
    },
    {
      key: 'customer',
      required: true,
      kind: 'lookup',
      lookup: 'customer externalId or exact name',
      aliases: ['客户', '客户名称', '客户编号', '所属客户', '公司名称', 'customer', 'customer name', 'account', 'account name', 'company'],
    },
    {
      key: 'score',
      required: true,
      kind: 'number',
      aliases: ['满意度', '满意度评分', '评分', '分数', '得分', 'score', 'satisfaction', 'csat', 'rating'],
    },
    {
      key: 'recordedOn',
      required: false,
      kind: 'date',
      aliases: ['日期', '评价日期', '调查日期', '记录日期', '回访日期', 'recorded on', 'date', 'survey date', 'response date'],
    },
    {
      key: 'comment',
      required: false,
      kind: 'text',
      aliases: ['备注', '评价', '评语', '意见', '客户意见', 'comment', 'comments', 'feedback', 'note', 'notes'],
    },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row]) {
    const v = row.values;
    const c = issueCollector(row.row);
    c.need('customer', v.customer);
    const value = c.take('score', c.need('score', v.score), parseInteger);
    const on = c.take('recordedOn', v.recordedOn, parseDate);
    if (c.issues.length) return { issues: c.issues };
    const record = { externalId: v.externalId, customer: v.customer, score: value, recordedOn: on, comment: v.comment };
    return checkRecord(ZSatisfactionImport, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
  },
  async writeBatch(ctx, records, options) {
    const customerIds = await customerIdsOf(
      ctx,
      records.map((r) => r.customer),
      options.createMissingCustomers,
    );
    const r = await createSatisfactionScoresBatch(
      ctx,
      records.map(({ customer: _c, ...score }, i) => ({ ...score, customerId: customerIds[i] as string })),
    );
    return { inserted: r.created, updated: r.updated };
  },
};
