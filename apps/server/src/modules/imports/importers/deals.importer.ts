import { ZDealBatchRecord, ZForecastCategory } from '@tierline/contracts';
import type { z } from 'zod';
import { createDealsBatch } from '../../deals/dealsBatch.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseDate, parseDateTime, parseDecimal, parseInteger } from '../importer.ts';
import { type Lookups, lookupKey, type StageRef } from '../imports.lookups.ts';
import { errorsOfSubset, lookupIn, percentText, refuseRecords } from './common.ts';
import { customerIdsOf } from './customerRefs.ts';
import { existingDeals, updateExistingDeals } from './deals.upsert.ts';

/** A deal as the file gives it: the batch record, with its customer by externalId or name (resolved when written). */
export type DealImport = z.output<typeof ZDealBatchRecord> & { customer?: string };

const PROPERTY_FIELD: Record<string, string> = {
  pipelineId: 'pipeline',
  processType: 'pipeline',
  stageId: 'stage',
  stageKey: 'stage',
  ownerId: 'owner',
  ownerEmail: 'owner',
  customerId: 'customer',
  customerExternalId: 'customer',
  closedAt: 'expectedCloseDate',
  createdAt: 'expectedCloseDate',
};

/** A deal twice in one batch would be written twice: the second is refused, naming the first. */
function repeatedExternalIds(records: { externalId?: string | null }[]) {
  const first = new Map<string, number>();
  return records.flatMap((r, i) => {
    if (!r.externalId) return [];
    const seen = first.get(r.externalId);
    if (seen === undefined) first.set(r.externalId, i);
    return seen === undefined ? [] : [{ path: `records.${i}.externalId`, message: `same externalId as record ${seen}` }];
  });
}

/** What other CRMs call the closing stages, for pipelines whose won or lost stage has another key or name. */
const CLOSING_WORDS: Record<'won' | 'lost', string[]> = {
  won: ['won', 'closed won', 'closed-won', 'win', '赢单', '成交', '已成交', '签约'],
  lost: ['lost', 'closed lost', 'closed-lost', 'lose', '输单', '丢单', '已输单', '失败'],
};

/** A stage of the pipeline by key or name, else a won or lost stage by the words other systems use for it. */
export function stageOf(lookups: Lookups, pipelineId: string, text: string): StageRef | undefined {
  const named = lookups.stage(pipelineId, text);
  if (named) return named;
  const kind = (['won', 'lost'] as const).find((k) => CLOSING_WORDS[k].includes(lookupKey(text)));
  return kind ? lookups.stagesOf(pipelineId).find((s) => s.kind === kind) : undefined;
}

/**
 * Deals (商机) — a migration's history, any stage, won and lost included — through the deals batch use
 * case; a deal whose externalId exists is updated through the deals use cases (see deals.upsert.ts).
 * Pipeline by name or process type (short when the file names none), stage by key or name in it, owner
 * by email or name, customer by externalId or name. For a won or lost deal the close date is when it
 * closed (the import has no created date: such a deal is taken as created when it closed).
 * Maven's sales_pipeline.csv maps as it is: opportunity_id, product → name, account, deal_stage,
 * sales_agent, close_date, close_value (Prospecting/Engaging value-mapped to open stages).
 */
export const dealsImporter: Importer<DealImport> = {
  entity: 'deals',
  fields: [
    {
      key: 'externalId',
      required: false,
      kind: 'text',
      aliases: ['商机编号', '商机ID', '机会编号', '外部编号', 'opportunity id', 'deal id', 'external id', 'id'],
    },
    {
      key: 'name',
      required: true,
      kind: 'text',
      aliases: ['商机名称', '机会名称', '商机', '名称', 'opportunity name', 'deal name', 'opportunity', 'name', 'product'],
    },
    {
      key: 'customer',
      required: false,
      kind: 'lookup',
      lookup: 'customer externalId or exact name',
      aliases: ['客户', '客户名称', '客户编号', '公司名称', 'customer', 'customer name', 'account', 'account name', 'company'],
    },
    {
      key: 'pipeline',
      required: false,
      kind: 'lookup',
      lookup: 'pipeline name or process type (short, long, project)',
      aliases: ['商机流程', '销售流程', '流程', 'pipeline', 'sales process', 'process type'],
    },
    {
      key: 'stage',
      required: true,
      kind: 'lookup',
      lookup: 'stage key or name in the pipeline (won, lost…)',
      aliases: ['阶段', '商机阶段', '销售阶段', 'stage', 'deal stage', 'sales stage'],
    },
    {
      key: 'owner',
      required: false,
      kind: 'lookup',
      lookup: 'user email or name',
      aliases: ['负责人', '商机负责人', '销售', '所有人', 'owner', 'opportunity owner', 'deal owner', 'sales agent', 'sales rep'],
    },
    {
      key: 'amount',
      required: false,
      kind: 'money',
      aliases: ['金额', '商机金额', '预计金额', '成交金额', 'amount', 'deal value', 'close value', 'value'],
    },
    { key: 'currency', required: false, kind: 'text', aliases: ['币种', '货币', 'currency', 'opportunity currency'] },
    {
      key: 'expectedCloseDate',
      required: false,
      kind: 'date',
      aliases: ['预计成交日期', '预计签单日期', '结单日期', '成交日期', 'expected close date', 'close date', 'closing date'],
    },
    {
      key: 'probability',
      required: false,
      kind: 'number',
      aliases: ['赢率', '成交概率', '概率', 'probability', 'probability (%)', 'win probability'],
    },
    {
      key: 'forecastCategory',
      required: false,
      kind: 'enum',
      options: [...ZForecastCategory.options],
      aliases: ['预测类别', '预测分类', 'forecast category', 'forecast'],
    },
    {
      key: 'lossReason',
      required: false,
      kind: 'text',
      aliases: ['输单原因', '丢单原因', '失败原因', 'loss reason', 'reason for loss', 'lost reason'],
    },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row], lookups) {
    const v = row.values;
    const c = issueCollector(row.row);
    c.need('name', v.name);
    const lookup = lookupIn(c);
    const pipelineId = v.pipeline ? lookup('pipeline', v.pipeline, lookups.pipeline, 'pipeline') : lookups.pipeline('short');
    const stageText = c.need('stage', v.stage);
    const stage = pipelineId && stageText ? stageOf(lookups, pipelineId, stageText) : undefined;
    if (pipelineId && stageText && !stage) c.fail('stage', `no stage "${stageText}" in this pipeline`);
    const ownerId = lookup('owner', v.owner, lookups.user, 'active user with the email or name');
    const amount = c.take('amount', v.amount, parseDecimal);
    const closeDate = c.take('expectedCloseDate', v.expectedCloseDate, parseDate);
    const probability = c.take('probability', v.probability === undefined ? undefined : percentText(v.probability), parseInteger);
    if (v.lossReason !== undefined && stage && stage.kind !== 'lost') c.fail('lossReason', 'only a lost deal has a loss reason');
    if (c.issues.length) return { issues: c.issues };
    // A closed deal closed on its close date (local midnight); with no created date, it was created then too.
    const closedAt = stage?.kind !== 'open' && closeDate ? parseDateTime(closeDate, lookups.offsetOn) : undefined;
    const closed = closedAt?.ok ? closedAt.value : undefined;
    const record = {
      externalId: v.externalId,
      name: v.name,
      pipelineId,
      stageId: stage?.id,
      ownerId,
      amount,
      currency: v.currency?.toUpperCase(),
      expectedCloseDate: closeDate,
      probability,
      forecastCategory: v.forecastCategory,
      lossReason: v.lossReason,
      ...(closed ? { createdAt: closed, closedAt: closed } : {}),
    };
    const checked = checkRecord(ZDealBatchRecord, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
    return 'issues' in checked ? checked : { record: { ...checked.record, customer: v.customer } };
  },
  async writeBatch(ctx, records, options) {
    const customerIds = await customerIdsOf(
      ctx,
      records.map((r) => r.customer),
      options.createMissingCustomers,
    );
    const resolved = records.map(({ customer: _c, ...deal }, i) => ({ ...deal, customerId: customerIds[i] }));
    const existing = await existingDeals(ctx, resolved);
    const errors = repeatedExternalIds(resolved);
    if (errors.length) refuseRecords(errors);
    errors.push(...(await updateExistingDeals(ctx, resolved, existing)));
    const fresh = resolved.flatMap((r, i) => (r.externalId && existing.has(r.externalId) ? [] : [i]));
    let inserted = 0;
    if (fresh.length) {
      try {
        inserted = (
          await createDealsBatch(
            ctx,
            fresh.map((i) => resolved[i]),
          )
        ).created;
      } catch (err) {
        errors.push(...errorsOfSubset(err, fresh));
      }
    }
    if (errors.length) refuseRecords(errors);
    return { inserted, updated: resolved.length - fresh.length };
  },
};
