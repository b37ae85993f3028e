import { type TContact, ZContactListQuery } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById } from '../../platform/exports/export.lookups.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { contacts } from '../customers/customers.table.ts';
import { listContacts } from './contacts.usecases.ts';

type Row = TContact & { externalId: string | null; customer: { name: string; externalId: string | null } | undefined };

/** The contacts' externalIds, which the contact API does not show but an import upserts by. */
async function externalIdsOf(ctx: Ctx, ids: string[]) {
  const rows = await ctx.db
    .select({ id: contacts.id, externalId: contacts.externalId })
    .from(contacts)
    .where(and(eq(contacts.orgId, ctx.actor.orgId), inArray(contacts.id, ids)));
  return new Map(rows.map((r) => [r.id, r.externalId]));
}

/** Contacts of the customers the caller may see, with their customer named as an import finds it again. */
export const contactsExport = defineExport({
  list: 'contacts',
  sheet: { zh: '联系人', en: 'Contacts' },
  access: access.signedIn,
  filters: ZContactListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'externalId', zh: '外部编号', en: 'External ID', value: (c: Row) => c.externalId },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (c: Row) => c.customer?.name },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (c: Row) => c.customer?.externalId },
    { key: 'name', zh: '姓名', en: 'Name', value: (c: Row) => c.name },
    { key: 'title', zh: '职务', en: 'Title', value: (c: Row) => c.title },
    { key: 'seniority', zh: '职级', en: 'Seniority', value: (c: Row) => c.seniority },
    { key: 'buyingRole', zh: '采购角色', en: 'Buying role', value: (c: Row) => c.buyingRole },
    { key: 'phone', zh: '电话', en: 'Phone', value: (c: Row) => c.phone },
    { key: 'email', zh: '邮箱', en: 'Email', value: (c: Row) => c.email },
    { key: 'notes', zh: '备注', en: 'Notes', value: (c: Row) => c.notes },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (c: Row) => c.createdAt },
    { key: 'deletedAt', zh: '删除时间', en: 'Deleted', value: (c: Row) => c.deletedAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (c: Row) => c.id },
  ],
  pages: (ctx, filters) =>
    pagesOf(
      (cursor) => listContacts(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [externalIds, customers] = await Promise.all([
          externalIdsOf(
            ctx,
            page.map((c) => c.id),
          ),
          customersById(
            ctx,
            page.map((c) => c.customerId),
          ),
        ]);
        return page.map((c) => ({ ...c, externalId: externalIds.get(c.id) ?? null, customer: customers.get(c.customerId) }));
      },
    ),
});
