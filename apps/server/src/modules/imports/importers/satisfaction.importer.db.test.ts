import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { satisfactionScores } from '../../performance/performance.table.ts';
import { importKit } from './importTestKit.ts';

const { t, s, importFile } = await importKit();

const scoresByExternal = async (ids: string[]) =>
  t.db
    .select()
    .from(satisfactionScores)
    .where(and(eq(satisfactionScores.orgId, s.acme.orgId), inArray(satisfactionScores.externalId, ids)))
    .orderBy(satisfactionScores.externalId);

beforeAll(async () => {
  const west = await s.westRep.post('/api/v1/customers', { name: 'West Works', externalId: 'C-WEST' });
  expect(west.statusCode, west.body).toBe(201);
});

describe('importing satisfaction scores (满意度)', () => {
  const file = (second: string) =>
    ['评价编号,客户,满意度,评价日期,客户意见', 'SAT-1,East Customer,5,2026-01-03,很满意', `SAT-2,East Customer,${second},2026/1/4,`].join(
      '\n',
    );

  it('guesses the mapping from Chinese headers and records each score for the customer’s owner and team', async () => {
    const done = await importFile(s.acme.admin, { entity: 'satisfaction' }, file('3'));
    expect(done).toMatchObject({ status: 'succeeded', processed: 2, inserted: 2, errorCount: 0 });
    expect(done.mapping).toMatchObject({
      externalId: { column: '评价编号' },
      customer: { column: '客户' },
      score: { column: '满意度' },
      recordedOn: { column: '评价日期' },
      comment: { column: '客户意见' },
    });
    const rows = await scoresByExternal(['SAT-1', 'SAT-2']);
    expect(rows.map((r) => [r.externalId, r.score, r.recordedOn, r.comment, r.ownerId, r.teamId])).toEqual([
      ['SAT-1', 5, '2026-01-03', '很满意', s.eastRep.userId, s.east.id],
      ['SAT-2', 3, '2026-01-04', null, s.eastRep.userId, s.east.id],
    ]);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=satisfaction_score&entityId=${rows[0].id}`)).json().data;
    expect(audit).toEqual([expect.objectContaining({ action: 'create' })]);
  });

  it('a re-imported file updates the scores by externalId instead of adding them again', async () => {
    const again = await importFile(s.acme.admin, { entity: 'satisfaction' }, file('4'));
    expect(again).toMatchObject({ status: 'succeeded', inserted: 0, updated: 2, errorCount: 0 });
    const rows = await scoresByExternal(['SAT-1', 'SAT-2']);
    expect(rows.map((r) => [r.externalId, r.score, r.comment])).toEqual([
      ['SAT-1', 5, '很满意'],
      ['SAT-2', 4, null],
    ]);
    const audit = (await s.acme.admin.get(`/api/v1/audit-log?entity=satisfaction_score&entityId=${rows[1].id}`)).json().data;
    expect(audit[0]).toMatchObject({ action: 'update', changes: { score: { before: 3, after: 4 } } });
  });

  it('names the column of each bad row: a score out of range, an unknown customer, a future or impossible date', async () => {
    const content = [
      'Survey ID,Customer,Score,Date,Feedback',
      'SAT-10,East Customer,6,2026-01-02,',
      'SAT-11,Nobody Inc,4,2026-01-02,',
      'SAT-12,East Customer,4,2026-01-06,',
      'SAT-13,East Customer,4,2026-02-30,',
      'SAT-14,East Customer,4.5,2026-01-02,',
      'SAT-15,East Customer,2,,no date: today',
    ].join('\n');
    const done = await importFile(s.acme.admin, { entity: 'satisfaction', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ status: 'succeeded', processed: 6, inserted: 1, skipped: 5 });
    expect(done.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [1, 'Score'],
      [2, 'Customer'],
      [3, 'Date'],
      [4, 'Date'],
      [5, 'Score'],
    ]);
    expect(done.errors[2].message).toBe('in the future (today is 2026-01-05)');
    expect((await scoresByExternal(['SAT-15']))[0]).toMatchObject({ recordedOn: '2026-01-05', score: 2 });
  });

  it('a manager imports scores only of the customers they see, row by row', async () => {
    const content = ['评价编号,客户,满意度', 'SAT-20,East Customer,5', 'SAT-21,C-WEST,1'].join('\n');
    const done = await importFile(s.eastManager, { entity: 'satisfaction', mode: 'skip-invalid' }, content);
    expect(done).toMatchObject({ inserted: 1, skipped: 1 });
    expect(done.errors).toEqual([{ row: 2, column: '客户', message: 'no customer with this externalId or name that you may see' }]);
    const west = await importFile(s.westManager, { entity: 'satisfaction' }, ['评价编号,客户,满意度', 'SAT-21,C-WEST,1'].join('\n'));
    expect(west).toMatchObject({ status: 'succeeded', inserted: 1 });
    const taken = await importFile(
      s.eastManager,
      { entity: 'satisfaction', mode: 'skip-invalid' },
      ['评价编号,客户,满意度', 'SAT-21,East Customer,3'].join('\n'),
    );
    expect(taken.errors).toEqual([{ row: 1, column: '评价编号', message: 'a score with this externalId exists that you may not change' }]);
  });
});
