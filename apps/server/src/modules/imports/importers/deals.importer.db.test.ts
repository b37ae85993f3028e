import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../../../../test/testApp.ts';
import { customers } from '../../customers/customers.table.ts';
import { deals } from '../../deals/deals.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile, guessed, emailOf } = await importKit();
const stageKey = (id: string) => s.short.stages.find((st) => st.id === id)?.key;

const dealsByExternal = async (ids: string[]) =>
  t.db
    .select()
    .from(deals)
    .where(and(eq(deals.orgId, s.acme.orgId), inArray(deals.externalId, ids)));

let moses: string;
let darcel: string;
beforeAll(async () => {
  moses = (await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, name: 'Moses Frase' })).userId as string;
  darcel = (await seedUser(t, s.acme.orgId, 'rep', { teamId: s.east.id, name: 'Darcel Schlecht' })).userId as string;
  await seedUser(t, s.acme.orgId, 'rep', { teamId: s.west.id, name: 'Anna Snelling' });
  expect((await s.acme.admin.post('/api/v1/customers', { name: 'Isdom' })).statusCode).toBe(201);
});

describe('importing deals', () => {
  it('guesses the mapping from Chinese headers: stage by name, pipeline short by default, amounts and percentages', async () => {
    const content = [
      '商机编号,商机名称,客户名称,阶段,负责人,金额,预计成交日期,赢率',
      `SJ-1,扩产项目,Isdom,报价,${await emailOf(s.eastRep)},"120,000.00",2026-03-31,60%`,
      'SJ-2,年度框架,,确认需求,,5000,2026/4/15,',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'deals' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 2, inserted: 2, errorCount: 0 });
    expect(done.mapping).toMatchObject({ stage: { column: '阶段' }, amount: { column: '金额' }, probability: { column: '赢率' } });
    const rows = await dealsByExternal(['SJ-1', 'SJ-2']);
    const one = rows.find((d) => d.externalId === 'SJ-1');
    expect(one).toMatchObject({
      pipelineId: s.short.id,
      amount: '120000.00',
      probability: 60,
      ownerId: s.eastRep.userId,
      teamId: s.east.id,
    });
    expect(stageKey(one?.stageId as string)).toBe('quote');
    expect(rows.find((d) => d.externalId === 'SJ-2')).toMatchObject({ ownerId: s.acme.admin.userId, expectedCloseDate: '2026-04-15' });
  });

  const maven = (engaging: string) =>
    [
      'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value',
      '1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,2016-10-20,2017-03-01,1054',
      'Z063OYW0,Darcel Schlecht,GTXPro,Isdom,Won,2016-10-25,2017-03-11,4514',
      'KWVA7VR1,Darcel Schlecht,GTXPro,Cancity,Lost,2016-11-04,2017-03-18,0',
      engaging,
      '6CWZFOHJ,Moses Frase,GTX Basic,,Prospecting,,,',
    ].join('\n');
  const mavenFields = async (content: string) => {
    const mapping = await guessed(s.acme.admin, 'deals', content);
    expect(mapping).toMatchObject({
      externalId: { column: 'opportunity_id' },
      name: { column: 'product' },
      customer: { column: 'account' },
      stage: { column: 'deal_stage' },
      owner: { column: 'sales_agent' },
      amount: { column: 'close_value' },
      expectedCloseDate: { column: 'close_date' },
    });
    mapping.stage.values = { Prospecting: 'qualify', Engaging: 'quote', Won: 'won', Lost: 'lost' };
    return { entity: 'deals', mapping: JSON.stringify(mapping), options: JSON.stringify({ createMissingCustomers: true }) };
  };

  it('imports Maven’s sales pipeline: agents and accounts by name, Won and Lost closed on their close date', async () => {
    const content = maven('UP409DSB,Moses Frase,MG Advanced,Isdom,Engaging,2016-11-10,,');
    const done = await importFile(s.acme.admin, await mavenFields(content), content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 5, inserted: 5, errorCount: 0 });
    const rows = await dealsByExternal(['1C1I7A6R', 'Z063OYW0', 'KWVA7VR1', 'UP409DSB', '6CWZFOHJ']);
    const won = rows.find((d) => d.externalId === '1C1I7A6R');
    expect(won).toMatchObject({ ownerId: moses, amount: '1054.00', forecastCategory: 'closed' });
    expect(stageKey(won?.stageId as string)).toBe('won');
    expect(won?.closedAt?.toISOString()).toBe('2017-02-28T16:00:00.000Z'); // 2017-03-01 in Asia/Shanghai
    const lost = rows.find((d) => d.externalId === 'KWVA7VR1');
    expect([stageKey(lost?.stageId as string), lost?.ownerId, lost?.forecastCategory]).toEqual(['lost', darcel, 'omitted']);
    expect(rows.find((d) => d.externalId === '6CWZFOHJ')).toMatchObject({ customerId: null, closedAt: null });
    const [cancity] = await t.db
      .select()
      .from(customers)
      .where(and(eq(customers.orgId, s.acme.orgId), eq(customers.name, 'Cancity')));
    expect(cancity).toMatchObject({ externalId: 'Cancity', ownerId: null });
    expect(won?.customerId).toBe(cancity.id);
  });

  it('on re-import updates changed deals (a new stage is a gated move) and leaves unchanged ones alone', async () => {
    const content = maven('UP409DSB,Moses Frase,MG Advanced,Isdom,Won,2016-11-10,2017-04-01,2000');
    const done = await importFile(s.acme.admin, await mavenFields(content), content);
    expect(done).toMatchObject({ status: 'succeeded', inserted: 0, updated: 5, errorCount: 0 });
    const rows = await dealsByExternal(['1C1I7A6R', 'UP409DSB']);
    expect(rows.find((d) => d.externalId === '1C1I7A6R')?.version).toBe(1);
    const moved = rows.find((d) => d.externalId === 'UP409DSB');
    expect(moved).toMatchObject({ amount: '2000.00', expectedCloseDate: '2017-04-01' });
    expect(stageKey(moved?.stageId as string)).toBe('won');
    expect(moved?.closedAt).not.toBeNull();

    const lost = maven('UP409DSB,Moses Frase,MG Advanced,Isdom,Lost,2016-11-10,2017-04-01,2000');
    const again = await importFile(s.acme.admin, { ...(await mavenFields(lost)), mode: 'skip-invalid' }, lost);
    expect(again.errors).toEqual([{ row: 4, column: 'lossReason', message: 'a lost deal needs its loss reason' }]);
  });

  it('names the column of each bad row; "Closed Won" finds the won stage without a value map', async () => {
    const content = [
      '商机编号,商机名称,阶段,负责人,预计成交日期,输单原因',
      'SJ-10,甲,报价,,2026-13-01,',
      'SJ-11,乙,报价,nobody@nowhere.test,,',
      'SJ-12,丙,Negotiation Phase,,,',
      'SJ-13,丁,赢单,,,价格太高',
      'SJ-14,戊,Closed Won,,2025-12-01,',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'deals', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 5, inserted: 1, skipped: 4 });
    expect(done.errors).toEqual([
      { row: 1, column: '预计成交日期', message: '"2026-13-01" is not a date (YYYY-MM-DD)' },
      { row: 2, column: '负责人', message: 'no active user with the email or name "nobody@nowhere.test"' },
      { row: 3, column: '阶段', message: 'no stage "Negotiation Phase" in this pipeline' },
      { row: 4, column: '输单原因', message: 'only a lost deal has a loss reason' },
    ]);
    const [closed] = await dealsByExternal(['SJ-14']);
    expect(stageKey(closed.stageId)).toBe('won');
  });

  it('a manager may not give deals to another team’s rep, row by row', async () => {
    const content = ['商机编号,商机名称,阶段,负责人', 'SJ-20,东,报价,Moses Frase', 'SJ-21,西,报价,Anna Snelling'].join('\n');
    const done = await importFile(s.eastManager, { entity: 'deals', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(done.errors).toEqual([{ row: 2, column: '负责人', message: 'not a member of your teams' }]);
  });
});
