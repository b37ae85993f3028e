import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { leads } from '../../leads/leads.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile, guessed, emailOf } = await importKit();

const leadsByExternal = async (ids: string[]) =>
  t.db
    .select()
    .from(leads)
    .where(and(eq(leads.orgId, s.acme.orgId), inArray(leads.externalId, ids)));

describe('importing leads', () => {
  const file = async (company: string) =>
    [
      '线索编号,姓名,公司名称,手机,邮箱,线索来源,负责人',
      `XS-1,陈晨,${company},+86 138-0000-2222,chen@example.com,展会,${await emailOf(s.eastRep)}`,
      `XS-2,林立,${company},,,官网,`,
    ].join('\n');

  it('guesses the mapping from Chinese headers; the owner by email, else the importer', async () => {
    const done = await importFile(s.eastManager, { entity: 'leads' }, await file('远航物流'));
    expect(done).toMatchObject({ status: 'succeeded', processed: 2, inserted: 2, errorCount: 0 });
    expect(done.mapping).toMatchObject({ company: { column: '公司名称' }, source: { column: '线索来源' }, owner: { column: '负责人' } });
    const rows = await leadsByExternal(['XS-1', 'XS-2']);
    expect(rows.find((l) => l.externalId === 'XS-1')).toMatchObject({
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
      phoneKey: '13800002222',
      status: 'new',
    });
    expect(rows.find((l) => l.externalId === 'XS-2')?.ownerId).toBe(s.eastManager.userId);
  });

  it('updates by externalId on re-import and keeps the owner the file leaves out', async () => {
    const done = await importFile(s.eastManager, { entity: 'leads' }, await file('远航物流集团'));
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, updated: 2 });
    const rows = await leadsByExternal(['XS-1', 'XS-2']);
    expect(rows.map((l) => l.company)).toEqual(['远航物流集团', '远航物流集团']);
    expect(rows.find((l) => l.externalId === 'XS-2')).toMatchObject({ ownerId: s.eastManager.userId, version: 2 });
  });

  it('maps another CRM’s statuses to lead statuses', async () => {
    const content = [
      'Lead ID,Full Name,Company,Lead Status',
      'SF-1,Ann Lee,Acme Ltd,Open - Not Contacted',
      'SF-2,Bo Wu,Beta Ltd,Working - Contacted',
    ].join('\n');
    const mapping = await guessed(s.acme.admin, 'leads', content);
    expect(mapping).toMatchObject({ externalId: { column: 'Lead ID' }, name: { column: 'Full Name' }, status: { column: 'Lead Status' } });
    mapping.status.values = { 'Open - Not Contacted': 'new', 'Working - Contacted': 'working' };
    const done = await importFile(s.acme.admin, { entity: 'leads', mapping: JSON.stringify(mapping) }, content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 2 });
    expect((await leadsByExternal(['SF-1', 'SF-2'])).map((l) => l.status).sort()).toEqual(['new', 'working']);
  });

  it('names the column of each bad row: unknown owner, bad email, unmapped status', async () => {
    const content = [
      '线索编号,姓名,邮箱,负责人,线索状态',
      'XS-10,甲,,nobody@nowhere.test,',
      'XS-11,乙,not-an-email,,',
      'XS-12,丙,,,跟进中',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'leads', mode: 'dry-run' }, content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, skipped: 3, errorCount: 3 });
    expect(done.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [1, '负责人'],
      [2, '邮箱'],
      [3, '线索状态'],
    ]);
    expect(done.errors[0].message).toBe('no active user with the email or name "nobody@nowhere.test"');
  });

  it('a manager may not give leads to another team’s rep; the other rows are written', async () => {
    const content = ['线索编号,姓名,负责人', `XS-20,东,${await emailOf(s.eastRep)}`, `XS-21,西,${await emailOf(s.westRep)}`].join('\n');
    const done = await importFile(s.eastManager, { entity: 'leads', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(done.errors).toEqual([{ row: 2, column: '负责人', message: 'not a member of your teams' }]);
    expect((await leadsByExternal(['XS-20', 'XS-21'])).map((l) => l.externalId)).toEqual(['XS-20']);
  });

  it('a re-import may not change a converted lead', async () => {
    const [lead] = await leadsByExternal(['XS-20']);
    await t.db
      .update(leads)
      .set({ status: 'converted' })
      .where(and(eq(leads.orgId, s.acme.orgId), eq(leads.id, lead.id)));
    const done = await importFile(s.eastManager, { entity: 'leads', mode: 'skip-invalid' }, '线索编号,姓名\nXS-20,东方');
    expect(done.errors).toEqual([{ row: 1, column: '线索编号', message: 'the lead is converted; it can no longer change' }]);
  });
});
