import { type TCustomer, ZCustomerListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { nameIn, teamsById, tiersById, usersById } from '../../platform/exports/export.lookups.ts';
import { joinList } from '../../platform/exports/export.rules.ts';
import { listCustomers } from './customers.usecases.ts';

type Row = TCustomer & { tier: string | null; owner: { name: string; email: string } | undefined; team: string | null };

/** The customer list as a file: the columns an import of customers reads back (externalId, tier, owner…). */
export const customersExport = defineExport({
  list: 'customers',
  sheet: { zh: '客户', en: 'Customers' },
  access: access.signedIn,
  filters: ZCustomerListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'externalId', zh: '外部编号', en: 'External ID', value: (c: Row) => c.externalId },
    { key: 'name', zh: '客户名称', en: 'Name', value: (c: Row) => c.name },
    { key: 'tier', zh: '分级', en: 'Tier', value: (c: Row) => c.tier },
    { key: 'owner', zh: '负责人', en: 'Owner', value: (c: Row) => c.owner?.name },
    { key: 'ownerEmail', zh: '负责人邮箱', en: 'Owner email', value: (c: Row) => c.owner?.email },
    { key: 'team', zh: '团队', en: 'Team', value: (c: Row) => c.team },
    { key: 'industry', zh: '行业', en: 'Industry', value: (c: Row) => c.industry },
    { key: 'region', zh: '地区', en: 'Region', value: (c: Row) => c.region },
    { key: 'source', zh: '来源', en: 'Source', value: (c: Row) => c.source },
    { key: 'phone', zh: '电话', en: 'Phone', value: (c: Row) => c.phone },
    { key: 'email', zh: '邮箱', en: 'Email', value: (c: Row) => c.email },
    { key: 'address', zh: '地址', en: 'Address', value: (c: Row) => c.address },
    { key: 'tags', zh: '标签', en: 'Tags', value: (c: Row) => joinList(c.tags) },
    { key: 'status', zh: '状态', en: 'Status', value: (c: Row) => c.status },
    { key: 'lastContactAt', zh: '最近联系时间', en: 'Last contact', value: (c: Row) => c.lastContactAt },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (c: Row) => c.createdAt },
    { key: 'deletedAt', zh: '删除时间', en: 'Deleted', value: (c: Row) => c.deletedAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (c: Row) => c.id },
  ],
  pages: (ctx, filters, locale) =>
    pagesOf(
      (cursor) => listCustomers(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [owners, teams, tiers] = await Promise.all([
          usersById(
            ctx,
            page.map((c) => c.ownerId),
          ),
          teamsById(
            ctx,
            page.map((c) => c.teamId),
          ),
          tiersById(
            ctx,
            page.map((c) => c.tierId),
          ),
        ]);
        return page.map((c) => ({
          ...c,
          tier: nameIn(locale, tiers.get(c.tierId)),
          owner: c.ownerId ? owners.get(c.ownerId) : undefined,
          team: c.teamId ? (teams.get(c.teamId)?.name ?? null) : null,
        }));
      },
    ),
});
