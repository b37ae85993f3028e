import { type TUser, ZUserListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { levelsById, nameIn, teamsById } from '../../platform/exports/export.lookups.ts';
import { yesNo } from '../../platform/exports/export.rules.ts';
import { listUsers } from './users.usecases.ts';

type Row = TUser & { team: string | null; level: string | null };

/**
 * The people of the organisation (admins only), in the columns an import of users reads back. It
 * pages through the user list's view, which never carries password hashes, reset tokens or lockouts.
 */
export const usersExport = defineExport({
  list: 'users',
  sheet: { zh: '用户', en: 'Users' },
  access: access.admin,
  filters: ZUserListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'email', zh: '邮箱', en: 'Email', value: (u: Row) => u.email },
    { key: 'name', zh: '姓名', en: 'Name', value: (u: Row) => u.name },
    { key: 'role', zh: '角色', en: 'Role', value: (u: Row) => u.role },
    { key: 'team', zh: '团队', en: 'Team', value: (u: Row) => u.team },
    { key: 'level', zh: '级别', en: 'Level', value: (u: Row) => u.level },
    { key: 'hireDate', zh: '入职日期', en: 'Hire date', value: (u: Row) => u.hireDate },
    { key: 'active', zh: '启用', en: 'Active', value: (u: Row) => yesNo(u.active) },
    { key: 'available', zh: '可分配', en: 'Available', value: (u: Row) => yesNo(u.available) },
    { key: 'locale', zh: '语言', en: 'Language', value: (u: Row) => u.locale },
    { key: 'createdAt', zh: '创建时间', en: 'Created', value: (u: Row) => u.createdAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (u: Row) => u.id },
  ],
  pages: (ctx, filters, locale) =>
    pagesOf(
      (cursor) => listUsers(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const [teams, levels] = await Promise.all([
          teamsById(
            ctx,
            page.map((u) => u.teamId),
          ),
          levelsById(
            ctx,
            page.map((u) => u.levelId),
          ),
        ]);
        return page.map((u) => ({
          ...u,
          team: u.teamId ? (teams.get(u.teamId)?.name ?? null) : null,
          level: u.levelId ? nameIn(locale, levels.get(u.levelId)) : null,
        }));
      },
    ),
});
