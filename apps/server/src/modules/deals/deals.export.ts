import { type TDeal, ZDealListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById, nameIn, pipelinesById, stagesById, teamsById, usersById } from '../../platform/exports/export.lookups.ts';
import { listDeals } from './deals.usecases.ts';

type Row = TDeal & {
  customer: { name: string; externalId: string | null } | undefined;
  pipeline: string | null;
  stage: string | null;
  stageKey: string | null;
  owner: { name: string; email: string } | undefined;
  team: string | null;
};

/** The deal list as a file: pipeline and stage by name (and the stage key an import matches), amounts as numbers. */
export const dealsExport = defineExport({
  list: 'deals',
  sheet: { zh: '商机', en: 'Deals' },
  access: access.signedIn,
  filters: ZDealListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'externalId', zh: '外部编号', en: 'External ID', value: (d: Row) => d.externalId },
    { key: 'name', zh: '商机名称', en: 'Name', value: (d: Row) => d.name },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (d: Row) => d.customer?.name },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (d: Row) => d.customer?.externalId },
    { key: 'pipeline', zh: '销售流程', en: 'Pipeline', value: (d: Row) => d.pipeline },
    { key: 'stage', zh: '阶段', en: 'Stage', value: (d: Row) => d.stage },
    { key: 'stageKey', zh: '阶段代码', en: 'Stage key', value: (d: Row) => d.stageKey },
    { key: 'owner', zh: '负责人', en: 'Owner', value: (d: Row) => d.owner?.name },
    { key: 'ownerEmail', zh: '负责人邮箱', en: 'Owner email', value: (d: Row) => d.owner?.email },
    { key: 'team', zh: '团队', en: 'Team', value: (d: Row) => d.team },
    { key: 'amount', zh: '金额', en: 'Amount', value: (d: Row) => d.amount, numeric: true },
    { key: 'currency', zh: '币种', en: 'Currency', value: (d: Row) => d.currency },
    { key: 'expectedCloseDate', zh: '预计成交日期', en: 'Expected close', value: (d: Row) => d.expectedCloseDate },
    { key: 'probability', zh: '赢率(%)', en: 'Probability (%)', value: (d: Row) => d.probability },
    { key: 'forecastCategory', zh: '预测类别', en: 'Forecast category', value: (d: Row) => d.forecastCategory },
    { key: 'lossReason', zh: '输单原因', en: 'Loss reason', value: (d: Row) => d.lossReason },
    { key: 'closedAt', zh: '关闭时间', en: 'Closed', value: (d: Row) => d.closedAt },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (d: Row) => d.createdAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (d: Row) => d.id },
  ],
  pages: (ctx, filters, locale) =>
    pagesOf(
      (cursor) => listDeals(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [customers, pipelines, stages, owners, teams] = await Promise.all([
          customersById(
            ctx,
            page.map((d) => d.customerId),
          ),
          pipelinesById(
            ctx,
            page.map((d) => d.pipelineId),
          ),
          stagesById(
            ctx,
            page.map((d) => d.stageId),
          ),
          usersById(
            ctx,
            page.map((d) => d.ownerId),
          ),
          teamsById(
            ctx,
            page.map((d) => d.teamId),
          ),
        ]);
        return page.map((d) => ({
          ...d,
          customer: d.customerId ? customers.get(d.customerId) : undefined,
          pipeline: nameIn(locale, pipelines.get(d.pipelineId)),
          stage: nameIn(locale, stages.get(d.stageId)),
          stageKey: stages.get(d.stageId)?.key ?? null,
          owner: owners.get(d.ownerId),
          team: d.teamId ? (teams.get(d.teamId)?.name ?? null) : null,
        }));
      },
    ),
});
