import { type TLead, ZLeadListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { teamsById, usersById } from '../../platform/exports/export.lookups.ts';
import { listLeads } from './leads.usecases.ts';

type Row = TLead & { owner: { name: string; email: string } | undefined; team: string | null };

/** The lead list as a file, in the columns an import of leads reads back. */
export const leadsExport = defineExport({
  list: 'leads',
  sheet: { zh: '线索', en: 'Leads' },
  access: access.signedIn,
  filters: ZLeadListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'externalId', zh: '外部编号', en: 'External ID', value: (l: Row) => l.externalId },
    { key: 'name', zh: '姓名', en: 'Name', value: (l: Row) => l.name },
    { key: 'company', zh: '公司', en: 'Company', value: (l: Row) => l.company },
    { key: 'title', zh: '职务', en: 'Title', value: (l: Row) => l.title },
    { key: 'phone', zh: '电话', en: 'Phone', value: (l: Row) => l.phone },
    { key: 'email', zh: '邮箱', en: 'Email', value: (l: Row) => l.email },
    { key: 'source', zh: '来源', en: 'Source', value: (l: Row) => l.source },
    { key: 'region', zh: '地区', en: 'Region', value: (l: Row) => l.region },
    { key: 'industry', zh: '行业', en: 'Industry', value: (l: Row) => l.industry },
    { key: 'status', zh: '状态', en: 'Status', value: (l: Row) => l.status },
    { key: 'score', zh: '评分', en: 'Score', value: (l: Row) => l.score },
    { key: 'owner', zh: '负责人', en: 'Owner', value: (l: Row) => l.owner?.name },
    { key: 'ownerEmail', zh: '负责人邮箱', en: 'Owner email', value: (l: Row) => l.owner?.email },
    { key: 'team', zh: '团队', en: 'Team', value: (l: Row) => l.team },
    { key: 'convertedAt', zh: '转化时间', en: 'Converted', value: (l: Row) => l.convertedAt },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (l: Row) => l.createdAt },
    { key: 'deletedAt', zh: '删除时间', en: 'Deleted', value: (l: Row) => l.deletedAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (l: Row) => l.id },
  ],
  pages: (ctx, filters) =>
    pagesOf(
      (cursor) => listLeads(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [owners, teams] = await Promise.all([
          usersById(
            ctx,
            page.map((l) => l.ownerId),
          ),
          teamsById(
            ctx,
            page.map((l) => l.teamId),
          ),
        ]);
        return page.map((l) => ({
          ...l,
          owner: l.ownerId ? owners.get(l.ownerId) : undefined,
          team: l.teamId ? (teams.get(l.teamId)?.name ?? null) : null,
        }));
      },
    ),
});
