import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../activities/activities.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile, guessed, emailOf } = await importKit();

const activitiesByExternal = async (ids: string[]) =>
  t.db
    .select()
    .from(activities)
    .where(and(eq(activities.orgId, s.acme.orgId), inArray(activities.externalId, ids)));

let eastCustomer: string;
beforeAll(async () => {
  eastCustomer = (await s.eastRep.post('/api/v1/customers', { name: '华东精工', externalId: 'KH-A1' })).json().id;
  expect((await s.westRep.post('/api/v1/customers', { name: 'West Works', externalId: 'KH-AW' })).statusCode).toBe(201);
});

describe('importing activities', () => {
  const file = async (notes: string) =>
    [
      '记录编号,跟进方式,主题,跟进内容,跟进时间,客户,负责人',
      `GJ-1,call,首次电话,${notes},2026-01-04 10:30,KH-A1,${await emailOf(s.eastRep)}`,
      'GJ-2,visit,上门拜访,,2026/1/3,华东精工,',
      `GJ-3,note,,"报价待审批\n第二行",2026-01-02 09:00,KH-A1,`,
    ].join('\n');

  it('guesses the mapping from Chinese headers and moves the customer’s last contact', async () => {
    const done = await importFile(s.eastManager, { entity: 'activities' }, await file('客户有扩产计划'));
    expect(done).toMatchObject({ status: 'succeeded', processed: 3, inserted: 3, errorCount: 0 });
    expect(done.mapping).toMatchObject({ kind: { column: '跟进方式' }, occurredAt: { column: '跟进时间' }, notes: { column: '跟进内容' } });
    const rows = await activitiesByExternal(['GJ-1', 'GJ-2', 'GJ-3']);
    const call = rows.find((a) => a.externalId === 'GJ-1');
    expect(call).toMatchObject({ kind: 'call', ownerId: s.eastRep.userId, teamId: s.east.id, customerId: eastCustomer });
    expect(call?.occurredAt.toISOString()).toBe('2026-01-04T02:30:00.000Z');
    const visit = rows.find((a) => a.externalId === 'GJ-2');
    expect(visit).toMatchObject({ ownerId: s.eastManager.userId });
    expect(visit?.checkInAt?.toISOString()).toBe('2026-01-02T16:00:00.000Z');
    expect(rows.find((a) => a.externalId === 'GJ-3')?.subject).toBe('报价待审批');
    const customer = (await s.eastRep.get(`/api/v1/customers/${eastCustomer}`)).json();
    expect(customer.lastContactAt).toBe('2026-01-04T02:30:00.000Z');
  });

  it('updates by externalId on re-import', async () => {
    const done = await importFile(s.eastManager, { entity: 'activities' }, await file('客户确认扩产'));
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, updated: 3 });
    const [call] = await activitiesByExternal(['GJ-1']);
    expect(call).toMatchObject({ notes: '客户确认扩产', version: 2 });
  });

  it('maps the file’s kinds and outcomes', async () => {
    const content = [
      '记录编号,跟进方式,跟进结果,跟进时间,客户',
      'GJ-10,电话,已接通,2026-01-05 08:00,KH-A1',
      'GJ-11,邮件,未回复,2026-01-05,KH-A1',
    ].join('\n');
    const mapping = await guessed(s.acme.admin, 'activities', content);
    mapping.kind.values = { 电话: 'call', 邮件: 'email' };
    mapping.outcome.values = { 已接通: 'reached', 未回复: 'no_answer' };
    const done = await importFile(s.acme.admin, { entity: 'activities', mapping: JSON.stringify(mapping) }, content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 2 });
    const rows = await activitiesByExternal(['GJ-10', 'GJ-11']);
    expect(rows.map((a) => [a.kind, a.outcome, a.ownerId]).sort()).toEqual([
      ['call', 'reached', s.acme.admin.userId],
      ['email', 'no_answer', s.acme.admin.userId],
    ]);
  });

  it('names the column of each bad row: the future, a bad date, an unknown customer, a call with a place', async () => {
    const content = [
      '记录编号,跟进方式,跟进时间,客户,地点',
      'GJ-20,call,2026-02-01 10:00,KH-A1,',
      'GJ-21,call,yesterday,KH-A1,',
      'GJ-22,call,2026-01-01,KH-404,',
      'GJ-23,call,2026-01-01,KH-A1,上海',
      'GJ-24,visit,2026-01-01,KH-A1,上海',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'activities', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 5, inserted: 1, skipped: 4 });
    expect(done.errors).toEqual([
      { row: 1, column: '跟进时间', message: 'is in the future; log an activity once it has happened (plan it as a task)' },
      { row: 2, column: '跟进时间', message: '"yesterday" is not a date and time' },
      { row: 3, column: '客户', message: 'no customer with this externalId or name that you may see' },
      { row: 4, column: '地点', message: 'only a visit has a check-in time and place' },
    ]);
    expect((await activitiesByExternal(['GJ-24']))[0]).toMatchObject({ kind: 'visit', location: '上海' });
  });

  it('a manager logs only for their teams’ customers and people, row by row', async () => {
    const content = [
      '记录编号,跟进方式,跟进时间,客户,负责人',
      'GJ-30,call,2026-01-01,KH-A1,',
      'GJ-31,call,2026-01-01,KH-AW,',
      `GJ-32,call,2026-01-01,KH-A1,${await emailOf(s.westRep)}`,
    ].join('\n');
    const done = await importFile(s.eastManager, { entity: 'activities', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ inserted: 1, skipped: 2 });
    expect(done.errors).toEqual([
      { row: 2, column: '客户', message: 'no customer with this externalId or name that you may see' },
      { row: 3, column: '负责人', message: 'not a member of your teams' },
    ]);
  });
});
