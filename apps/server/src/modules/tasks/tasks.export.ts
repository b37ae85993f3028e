import { type TTask, ZTaskListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById, teamsById, usersById } from '../../platform/exports/export.lookups.ts';
import { yesNo } from '../../platform/exports/export.rules.ts';
import { listTasks } from './tasks.usecases.ts';

type Row = TTask & {
  assignee: { name: string; email: string } | undefined;
  team: string | null;
  customer: { name: string; externalId: string | null } | undefined;
};

/** Follow-up tasks the caller may see, by due time as on screen. */
export const tasksExport = defineExport({
  list: 'tasks',
  sheet: { zh: '跟进任务', en: 'Tasks' },
  access: access.signedIn,
  filters: ZTaskListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'title', zh: '任务', en: 'Title', value: (t: Row) => t.title },
    { key: 'dueAt', zh: '截止时间', en: 'Due', value: (t: Row) => t.dueAt },
    { key: 'overdue', zh: '已逾期', en: 'Overdue', value: (t: Row) => yesNo(t.overdue) },
    { key: 'priority', zh: '优先级', en: 'Priority', value: (t: Row) => t.priority },
    { key: 'status', zh: '状态', en: 'Status', value: (t: Row) => t.status },
    { key: 'source', zh: '来源', en: 'Source', value: (t: Row) => t.source },
    { key: 'activityKind', zh: '跟进方式', en: 'Contact kind', value: (t: Row) => t.activityKind },
    { key: 'assignee', zh: '执行人', en: 'Assignee', value: (t: Row) => t.assignee?.name },
    { key: 'assigneeEmail', zh: '执行人邮箱', en: 'Assignee email', value: (t: Row) => t.assignee?.email },
    { key: 'team', zh: '团队', en: 'Team', value: (t: Row) => t.team },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (t: Row) => t.customer?.name },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (t: Row) => t.customer?.externalId },
    { key: 'notes', zh: '备注', en: 'Notes', value: (t: Row) => t.notes },
    { key: 'completedAt', zh: '完成时间', en: 'Completed', value: (t: Row) => t.completedAt },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (t: Row) => t.createdAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (t: Row) => t.id },
  ],
  pages: (ctx, filters) =>
    pagesOf(
      (cursor) => listTasks(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [assignees, teams, customers] = await Promise.all([
          usersById(
            ctx,
            page.map((t) => t.assigneeId),
          ),
          teamsById(
            ctx,
            page.map((t) => t.teamId),
          ),
          customersById(
            ctx,
            page.map((t) => t.customerId),
          ),
        ]);
        return page.map((t) => ({
          ...t,
          assignee: assignees.get(t.assigneeId),
          team: t.teamId ? (teams.get(t.teamId)?.name ?? null) : null,
          customer: t.customerId ? customers.get(t.customerId) : undefined,
        }));
      },
    ),
});
