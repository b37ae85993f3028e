import { type TServiceRequest, ZServiceRequestListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById, nameIn, teamsById, tiersById, usersById } from '../../platform/exports/export.lookups.ts';
import { yesNo } from '../../platform/exports/export.rules.ts';
import { listServiceRequests } from './serviceRequests.usecases.ts';

type Row = TServiceRequest & {
  customerExternalId: string | null;
  owner: { name: string; email: string } | undefined;
  team: string | null;
  tier: string | null;
};

/** Service requests the caller may see with their SLA figures, newest first as on screen. */
export const serviceRequestsExport = defineExport({
  list: 'service-requests',
  sheet: { zh: '客户服务', en: 'Service requests' },
  access: access.signedIn,
  filters: ZServiceRequestListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'title', zh: '标题', en: 'Title', value: (r: Row) => r.title },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (r: Row) => r.customerName },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (r: Row) => r.customerExternalId },
    { key: 'channel', zh: '渠道', en: 'Channel', value: (r: Row) => r.channel },
    { key: 'priority', zh: '优先级', en: 'Priority', value: (r: Row) => r.priority },
    { key: 'status', zh: '状态', en: 'Status', value: (r: Row) => r.status },
    { key: 'owner', zh: '负责人', en: 'Owner', value: (r: Row) => r.owner?.name },
    { key: 'ownerEmail', zh: '负责人邮箱', en: 'Owner email', value: (r: Row) => r.owner?.email },
    { key: 'team', zh: '团队', en: 'Team', value: (r: Row) => r.team },
    { key: 'tier', zh: '分级', en: 'Tier', value: (r: Row) => r.tier },
    { key: 'slaHours', zh: '响应时限(小时)', en: 'SLA (hours)', value: (r: Row) => r.slaHours },
    { key: 'openedAt', zh: '受理时间', en: 'Opened', value: (r: Row) => r.openedAt },
    { key: 'slaDueAt', zh: '响应截止', en: 'SLA due', value: (r: Row) => r.slaDueAt },
    { key: 'firstAnsweredAt', zh: '首次响应时间', en: 'First answered', value: (r: Row) => r.firstAnsweredAt },
    { key: 'firstResponseMinutes', zh: '首次响应(分钟)', en: 'First response (minutes)', value: (r: Row) => r.firstResponseMinutes },
    { key: 'breached', zh: '超时', en: 'Breached', value: (r: Row) => yesNo(r.breached) },
    { key: 'resolvedAt', zh: '解决时间', en: 'Resolved', value: (r: Row) => r.resolvedAt },
    { key: 'resolution', zh: '解决方案', en: 'Resolution', value: (r: Row) => r.resolution },
    { key: 'description', zh: '描述', en: 'Description', value: (r: Row) => r.description },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (r: Row) => r.id },
  ],
  pages: (ctx, filters, locale) =>
    pagesOf(
      (cursor) => listServiceRequests(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [customers, owners, teams, tiers] = await Promise.all([
          customersById(
            ctx,
            page.map((r) => r.customerId),
          ),
          usersById(
            ctx,
            page.map((r) => r.ownerId),
          ),
          teamsById(
            ctx,
            page.map((r) => r.teamId),
          ),
          tiersById(
            ctx,
            page.map((r) => r.tierId),
          ),
        ]);
        return page.map((r) => ({
          ...r,
          customerExternalId: customers.get(r.customerId)?.externalId ?? null,
          owner: owners.get(r.ownerId),
          team: r.teamId ? (teams.get(r.teamId)?.name ?? null) : null,
          tier: r.tierId ? (nameIn(locale, tiers.get(r.tierId)) ?? r.tierKey) : r.tierKey,
        }));
      },
    ),
});
