import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { anonymous, PASSWORD, signIn } from '../../../../test/testApp.ts';
import { users } from '../../users/users.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile, guessed, emailOf, postForm } = await importKit();

const usersByEmail = async (emails: string[]) =>
  t.db
    .select()
    .from(users)
    .where(and(eq(users.orgId, s.acme.orgId), inArray(users.email, emails)));
const levelId = async (key: string) =>
  (await s.acme.admin.get('/api/v1/levels')).json().data.find((l: { key: string }) => l.key === key).id as string;

describe('importing users', () => {
  const file = (team: string, level: string) =>
    [
      '邮箱,姓名,角色,团队,级别,入职日期',
      `Li.Lei@acme.test,李雷,rep,${team},${level},2025-03-01`,
      'han.meimei@acme.test,韩梅梅,manager,West,mid,2024年7月15日',
    ].join('\n');

  it('guesses the mapping from Chinese headers; new people cannot sign in until an admin issues a reset token', async () => {
    const done = await importFile(s.acme.admin, { entity: 'users' }, file('East', '初级'));
    expect(done).toMatchObject({ status: 'succeeded', processed: 2, inserted: 2, errorCount: 0 });
    expect(done.mapping).toMatchObject({
      email: { column: '邮箱' },
      team: { column: '团队' },
      level: { column: '级别' },
      hireDate: { column: '入职日期' },
    });
    const rows = await usersByEmail(['li.lei@acme.test', 'han.meimei@acme.test']);
    const li = rows.find((u) => u.email === 'li.lei@acme.test');
    expect(li).toMatchObject({ name: '李雷', role: 'rep', teamId: s.east.id, levelId: s.junior, hireDate: '2025-03-01', active: true });
    expect(rows.find((u) => u.email === 'han.meimei@acme.test')).toMatchObject({
      role: 'manager',
      teamId: s.west.id,
      hireDate: '2024-07-15',
    });
    expect(JSON.stringify(done)).not.toMatch(/password/i);

    const login = await anonymous(t).post('/api/v1/auth/login', { email: 'li.lei@acme.test', password: PASSWORD });
    expect(login.statusCode).toBe(401);
    const ticket = (await s.acme.admin.post(`/api/v1/users/${li?.id}/password-reset`)).json();
    const reset = await anonymous(t).post('/api/v1/auth/password-reset', { token: ticket.token, newPassword: PASSWORD });
    expect(reset.statusCode, reset.body).toBeLessThan(300);
    expect((await signIn(t, 'li.lei@acme.test')).userId).toBe(li?.id);
  });

  it('updates people by email on re-import', async () => {
    const done = await importFile(s.acme.admin, { entity: 'users' }, file('West', 'senior'));
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, updated: 2 });
    const [li] = await usersByEmail(['li.lei@acme.test']);
    expect(li).toMatchObject({ teamId: s.west.id, levelId: await levelId('senior'), version: 2 });
  });

  it('maps the file’s role names to roles', async () => {
    const content = ['Email,Name,Role', 'wang.wu@acme.test,王五,销售', 'zhao.liu@acme.test,赵六,销售经理'].join('\n');
    const mapping = await guessed(s.acme.admin, 'users', content);
    mapping.role.values = { 销售: 'rep', 销售经理: 'manager' };
    const done = await importFile(s.acme.admin, { entity: 'users', mapping: JSON.stringify(mapping) }, content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 2 });
    expect((await usersByEmail(['wang.wu@acme.test', 'zhao.liu@acme.test'])).map((u) => u.role).sort()).toEqual(['manager', 'rep']);
  });

  it('names the column of each bad row: unknown team, bad date, another organisation’s email, an admin demoting themself', async () => {
    const content = [
      '邮箱,姓名,角色,团队,入职日期',
      'a1@acme.test,甲,rep,北区,',
      'a2@acme.test,乙,rep,,2025-02-30',
      `${await emailOf(s.globex.admin)},丙,rep,,`,
      `${await emailOf(s.acme.admin)},Admin,rep,,`,
      'a5@acme.test,戊,,,',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'users', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 5, inserted: 1, skipped: 4 });
    expect(done.errors).toEqual([
      { row: 1, column: '团队', message: 'no team "北区"' },
      { row: 2, column: '入职日期', message: '"2025-02-30" is not a date (YYYY-MM-DD)' },
      { row: 3, column: '邮箱', message: 'already registered' },
      { row: 4, column: '角色', message: 'an admin cannot take the admin role from themself' },
    ]);
    expect((await usersByEmail(['a5@acme.test']))[0].role).toBe('rep');
  });

  it('only admins import users', async () => {
    const content = '邮箱,姓名\nx@acme.test,X';
    for (const caller of [s.eastManager, s.director]) {
      expect((await postForm(caller, '/api/v1/imports', { entity: 'users' }, { name: 'u.csv', content })).statusCode).toBe(403);
      expect((await postForm(caller, '/api/v1/imports/preview', { entity: 'users' }, { name: 'u.csv', content })).statusCode).toBe(403);
    }
    expect(await usersByEmail(['x@acme.test'])).toEqual([]);
  });
});
