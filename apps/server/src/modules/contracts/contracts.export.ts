import { type TContract, ZContractListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById, teamsById, usersById } from '../../platform/exports/export.lookups.ts';
import { listContracts } from './contracts.usecases.ts';

type Row = TContract & {
  customer: { name: string; externalId: string | null } | undefined;
  owner: { name: string; email: string } | undefined;
  team: string | null;
};

/** The contract list as a file, amounts as numbers. */
export const contractsExport = defineExport({
  list: 'contracts',
  sheet: { zh: '合同', en: 'Contracts' },
  access: access.signedIn,
  filters: ZContractListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'number', zh: '合同编号', en: 'Contract number', value: (c: Row) => c.number },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (c: Row) => c.customer?.name },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (c: Row) => c.customer?.externalId },
    { key: 'owner', zh: '负责人', en: 'Owner', value: (c: Row) => c.owner?.name },
    { key: 'ownerEmail', zh: '负责人邮箱', en: 'Owner email', value: (c: Row) => c.owner?.email },
    { key: 'team', zh: '团队', en: 'Team', value: (c: Row) => c.team },
    { key: 'amount', zh: '金额', en: 'Amount', value: (c: Row) => c.amount, numeric: true },
    { key: 'currency', zh: '币种', en: 'Currency', value: (c: Row) => c.currency },
    { key: 'status', zh: '状态', en: 'Status', value: (c: Row) => c.status },
    { key: 'signedOn', zh: '签订日期', en: 'Signed on', value: (c: Row) => c.signedOn },
    { key: 'startsOn', zh: '开始日期', en: 'Starts on', value: (c: Row) => c.startsOn },
    { key: 'endsOn', zh: '结束日期', en: 'Ends on', value: (c: Row) => c.endsOn },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (c: Row) => c.createdAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (c: Row) => c.id },
  ],
  pages: (ctx, filters) =>
    pagesOf(
      (cursor) => listContracts(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [customers, owners, teams] = await Promise.all([
          customersById(
            ctx,
            page.map((c) => c.customerId),
          ),
          usersById(
            ctx,
            page.map((c) => c.ownerId),
          ),
          teamsById(
            ctx,
            page.map((c) => c.teamId),
          ),
        ]);
        return page.map((c) => ({
          ...c,
          customer: customers.get(c.customerId),
          owner: owners.get(c.ownerId),
          team: c.teamId ? (teams.get(c.teamId)?.name ?? null) : null,
        }));
      },
    ),
});
