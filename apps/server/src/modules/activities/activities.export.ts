import { type TActivity, ZActivityListQuery } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById, usersById } from '../../platform/exports/export.lookups.ts';
import type { Ctx } from '../../platform/requestContext.ts';
import { activities } from './activities.table.ts';
import { listActivities } from './activities.usecases.ts';

type Row = TActivity & {
  externalId: string | null;
  customer: { name: string; externalId: string | null } | undefined;
  owner: { name: string; email: string } | undefined;
};

/** The activities' externalIds, which the activity API does not show but an import upserts by. */
async function externalIdsOf(ctx: Ctx, ids: string[]) {
  const rows = await ctx.db
    .select({ id: activities.id, externalId: activities.externalId })
    .from(activities)
    .where(and(eq(activities.orgId, ctx.actor.orgId), inArray(activities.id, ids)));
  return new Map(rows.map((r) => [r.id, r.externalId]));
}

/** Calls, emails, visits, meetings and notes the caller may see, newest first, in the columns an import reads back. */
export const activitiesExport = defineExport({
  list: 'activities',
  sheet: { zh: '跟进记录', en: 'Activities' },
  access: access.signedIn,
  filters: ZActivityListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'externalId', zh: '外部编号', en: 'External ID', value: (a: Row) => a.externalId },
    { key: 'kind', zh: '类型', en: 'Kind', value: (a: Row) => a.kind },
    { key: 'subject', zh: '主题', en: 'Subject', value: (a: Row) => a.subject },
    { key: 'notes', zh: '内容', en: 'Notes', value: (a: Row) => a.notes },
    { key: 'outcome', zh: '结果', en: 'Outcome', value: (a: Row) => a.outcome },
    { key: 'occurredAt', zh: '发生时间', en: 'Occurred', value: (a: Row) => a.occurredAt },
    { key: 'durationMinutes', zh: '时长(分钟)', en: 'Duration (minutes)', value: (a: Row) => a.durationMinutes },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (a: Row) => a.customer?.name },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (a: Row) => a.customer?.externalId },
    { key: 'owner', zh: '负责人', en: 'Owner', value: (a: Row) => a.owner?.name },
    { key: 'ownerEmail', zh: '负责人邮箱', en: 'Owner email', value: (a: Row) => a.owner?.email },
    { key: 'location', zh: '地点', en: 'Location', value: (a: Row) => a.location },
    { key: 'checkInAt', zh: '签到时间', en: 'Checked in', value: (a: Row) => a.checkInAt },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (a: Row) => a.createdAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (a: Row) => a.id },
  ],
  pages: (ctx, filters) =>
    pagesOf(
      (cursor) => listActivities(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [externalIds, customers, owners] = await Promise.all([
          externalIdsOf(
            ctx,
            page.map((a) => a.id),
          ),
          customersById(
            ctx,
            page.map((a) => a.customerId),
          ),
          usersById(
            ctx,
            page.map((a) => a.ownerId),
          ),
        ]);
        return page.map((a) => ({
          ...a,
          externalId: externalIds.get(a.id) ?? null,
          customer: a.customerId ? customers.get(a.customerId) : undefined,
          owner: owners.get(a.ownerId),
        }));
      },
    ),
});
