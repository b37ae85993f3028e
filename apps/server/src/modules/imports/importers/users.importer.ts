import { ZRole, ZUserCreate } from '@tierline/contracts';
import type { z } from 'zod';
import { importUsersBatch } from '../../users/users.batch.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseDate } from '../importer.ts';
import { lookupIn } from './common.ts';

/** A person as the file gives them: no password (see importUsersBatch), the role optional for people who exist. */
const ZUserImport = ZUserCreate.omit({ password: true, role: true }).extend({ role: ZRole.optional() });
type UserImport = z.output<typeof ZUserImport>;

const PROPERTY_FIELD: Record<string, string> = { teamId: 'team', levelId: 'level' };

/**
 * Users and reps (admins only), upserted by email through the users batch use case; team by name,
 * sales level by key or name. New people cannot sign in until an admin issues them a reset token.
 */
export const usersImporter: Importer<UserImport> = {
  entity: 'users',
  roles: ['admin'],
  fields: [
    {
      key: 'email',
      required: true,
      kind: 'email',
      aliases: ['邮箱', '电子邮件', '登录邮箱', '工作邮箱', 'email', 'e-mail', 'email address', 'work email'],
    },
    {
      key: 'name',
      required: true,
      kind: 'text',
      aliases: ['姓名', '名字', '员工姓名', '用户名', 'name', 'full name', 'user', 'employee', 'sales agent'],
    },
    {
      key: 'role',
      required: false,
      kind: 'enum',
      options: [...ZRole.options],
      aliases: ['角色', '系统角色', 'role', 'user role', 'profile'],
    },
    {
      key: 'team',
      required: false,
      kind: 'lookup',
      lookup: 'team name',
      aliases: ['团队', '销售团队', '所属团队', '部门', 'team', 'sales team', 'department', 'regional office'],
    },
    {
      key: 'level',
      required: false,
      kind: 'lookup',
      lookup: 'level key or name',
      aliases: ['级别', '职级', '销售级别', '等级', 'level', 'sales level', 'grade'],
    },
    {
      key: 'hireDate',
      required: false,
      kind: 'date',
      aliases: ['入职日期', '入职时间', 'hire date', 'hired on', 'start date', 'date of joining'],
    },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord([row], lookups) {
    const v = row.values;
    const c = issueCollector(row.row);
    c.need('email', v.email);
    c.need('name', v.name);
    const lookup = lookupIn(c);
    const teamId = lookup('team', v.team, lookups.team, 'team');
    const levelId = lookup('level', v.level, lookups.level, 'level');
    const hireDate = c.take('hireDate', v.hireDate, parseDate);
    if (c.issues.length) return { issues: c.issues };
    const record = { email: v.email, name: v.name, role: v.role, teamId, levelId, hireDate };
    return checkRecord(ZUserImport, record, row.row, (p) => PROPERTY_FIELD[p] ?? p);
  },
  async writeBatch(ctx, records) {
    const r = await importUsersBatch(ctx, records);
    return { inserted: r.created, updated: r.updated };
  },
};
