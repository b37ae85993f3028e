import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { seedScorecardFixture } from '../../../test/scorecardFixtures.ts';
import { type Caller, createTestApp } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { deals } from '../deals/deals.table.ts';
import { pipelines, stages } from '../pipelines/pipelines.table.ts';

/**
 * The dashboards' figures as files, on the scorecard fixture (test/scorecardFixtures.ts: now 2026-09-20 12:00 +08,
 * quarter 2026-Q3; Ann and Bob in East under Mia, Cid in West under Wes; Ann 92.7 A, Bob 28.3 D, Cid 0.0) plus two
 * open deals written here: Ann 10000 at quote with its own 30 %, Bob 30000 at negotiate (75 %). The figures themselves
 * are asserted in dashboards.db.test.ts; here: one file per figure, its headers in each language, its rows those of
 * the JSON route, and the JSON route's access.
 */
const t = await createTestApp();
const f = await seedScorecardFixture(t);
const { orgId, admin, mia, wes, east, ann, bob, viewer } = f;
const at = (v: string) => new Date(`${v}T10:00:00+08:00`);

const [short] = await t.db
  .select()
  .from(pipelines)
  .where(and(eq(pipelines.orgId, orgId), eq(pipelines.processType, 'short')));
const shortStages = await t.db
  .select()
  .from(stages)
  .where(and(eq(stages.orgId, orgId), eq(stages.pipelineId, short!.id)));
const stage = (key: string) => shortStages.find((s) => s.key === key)!.id;
const openDeal = (owner: Caller, key: string, amount: string, probability: number | null) => ({
  orgId,
  id: newId(),
  name: `open ${amount}`,
  pipelineId: short!.id,
  stageId: stage(key),
  ownerId: owner.userId!,
  teamId: east.id,
  amount,
  probability,
  createdAt: at('2026-09-01'),
  updatedAt: at('2026-09-01'),
  stageEnteredAt: at('2026-09-01'),
});
await t.db.insert(deals).values([openDeal(ann, 'quote', '10000.00', 30), openDeal(bob, 'negotiate', '30000.00', null)]);

const file = async (caller: Caller, url: string, status = 200) => {
  const res = await caller.get(url);
  expect(res.statusCode, res.body).toBe(status);
  return res;
};
/** The CSV's lines without the byte-order mark. */
const lines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);

describe('rep dashboard exports', () => {
  it('pipeline by stage: a dated file, English headers and names', async () => {
    const res = await file(ann, '/api/v1/analytics/dashboard/rep/export?figure=pipeline&format=csv&locale=en');
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('dashboard-pipeline-2026-09-20.csv');
    const rows = lines(res.body);
    expect(rows[0]).toBe('Process type,Pipeline,Stage key,Stage,Deals,Amount,Weighted amount');
    expect(rows.find((r) => r.includes(',quote,'))).toMatch(/^short,[^,]+,quote,[^,]+,1,10000\.00,3000\.00$/);
  });

  it('tasks and targets, with Chinese headers by default', async () => {
    const tasks = lines((await file(ann, '/api/v1/analytics/dashboard/rep/export?figure=tasks')).body);
    expect(tasks[0]).toBe('销售,未完成,今日到期,已逾期');
    // the fixture's open tasks of Ann: 08-20 (overdue) and 09-25
    expect(tasks.slice(1)).toEqual(['Ann,2,0,1']);
    const targets = lines((await file(ann, '/api/v1/analytics/dashboard/rep/export?figure=targets&locale=zh-CN')).body);
    expect(targets[0]).toBe('考核期,指标,实际,目标,达成率,目标来源,总分,评级');
    expect(targets[1]).toBe('2026-Q3,revenueWon,175000.00,100000.00,1.75,rep,92.7,A');
  });

  it('as Excel', async () => {
    const res = await file(ann, '/api/v1/analytics/dashboard/rep/export?figure=targets&format=xlsx&locale=en');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('dashboard-targets-2026-09-20.xlsx');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it("is another rep's only for who may see that rep: 404 otherwise, as the JSON route", async () => {
    const url = `/api/v1/analytics/dashboard/rep/export?figure=pipeline&repId=${bob.userId}`;
    await file(ann, url, 404);
    await file(wes, url, 404);
    await file(f.other, url, 404);
    for (const caller of [mia, admin, viewer]) {
      const rows = lines((await file(caller, `${url}&locale=en`)).body);
      expect(rows.find((r) => r.includes(',negotiate,'))).toMatch(/,1,30000\.00,22500\.00$/);
    }
  });

  it('names a figure of its own dashboard', async () => {
    await file(ann, '/api/v1/analytics/dashboard/rep/export?figure=funnel', 400);
    await file(ann, '/api/v1/analytics/dashboard/rep/export', 400);
  });
});

describe('manager dashboard exports', () => {
  it('funnel, attainment per rep and KPI, overdue follow-ups, pool warnings, level recommendations', async () => {
    const base = '/api/v1/analytics/dashboard/manager/export?locale=en&figure=';
    const funnel = lines((await file(mia, `${base}funnel`)).body);
    expect(funnel.find((r) => r.includes(',negotiate,'))).toMatch(/,1,30000\.00,22500\.00$/);
    const attainment = lines((await file(mia, `${base}attainment`)).body);
    expect(attainment[0]).toBe('Rep,Total,Grade,KPI,Actual,Target,Attainment');
    expect(attainment).toContain('Ann,92.7,A,revenueWon,175000.00,100000.00,1.75');
    expect(attainment).toContain('Bob,28.3,D,revenueWon,100000.00,200000.00,0.5');
    expect(attainment.some((r) => r.startsWith('Cid,'))).toBe(false); // West is not Mia's
    const overdue = lines((await file(mia, `${base}overdue`)).body);
    expect(overdue[0]).toBe('Rep,Overdue tasks,Oldest due');
    expect(overdue[1]).toMatch(/^Ann,1,2026-08-20/);
    expect(lines((await file(mia, `${base}poolWarnings`)).body)[0]).toBe('Customer,Owner,Last touch,Warned at,Back to pool at');
    const levels = lines((await file(mia, `${base}levelRecommendations`)).body);
    expect(levels[0]).toBe('Period,Rep,Recommendation,Decision');
    expect(levels.slice(1).sort()).toEqual(['2026-Q2,Ann,hold,', '2026-Q2,Bob,hold,']);
  });

  it('headers in Chinese; Excel too', async () => {
    const zh = lines((await file(mia, '/api/v1/analytics/dashboard/manager/export?figure=overdue')).body);
    expect(zh[0]).toBe('销售,逾期任务,最早到期');
    const xlsx = await file(mia, '/api/v1/analytics/dashboard/manager/export?figure=funnel&format=xlsx');
    expect(xlsx.headers['content-disposition']).toContain('dashboard-team-funnel-2026-09-20.xlsx');
  });

  it('same access as the JSON route: reps 403, another team 404, a director names the team', async () => {
    await file(ann, '/api/v1/analytics/dashboard/manager/export?figure=funnel', 403);
    await file(wes, `/api/v1/analytics/dashboard/manager/export?figure=funnel&teamId=${east.id}`, 404);
    await file(admin, '/api/v1/analytics/dashboard/manager/export?figure=funnel', 400);
    const byAdmin = await file(admin, `/api/v1/analytics/dashboard/manager/export?figure=attainment&teamId=${east.id}`);
    const byMia = await file(mia, `/api/v1/analytics/dashboard/manager/export?figure=attainment&teamId=${east.id}`);
    expect(byAdmin.body).toBe(byMia.body);
  });
});

describe('director dashboard exports', () => {
  it('revenue by tier and process type with growth, open pipeline, leaderboard', async () => {
    const base = '/api/v1/analytics/dashboard/director/export?locale=en&figure=';
    const byTier = lines((await file(admin, `${base}revenueByTier`)).body);
    expect(byTier[0]).toBe(
      'Tier key,Tier,Won deal amount · this quarter,Won deal amount · last quarter,Won deal amount · growth,' +
        'Order amount · this quarter,Order amount · last quarter,Order amount · growth',
    );
    // the fixture's won deals have no customer: Q3 Ann 100000 + 50000 + 25000, Bob 60000 + 40000; Q2 Ann 30000
    expect(byTier.at(-1)).toMatch(/^,No customer,275000\.00,30000\.00,8\.1667,/);
    const byProcess = lines((await file(admin, `${base}revenueByProcessType`)).body);
    expect(byProcess.slice(1)).toEqual(['short,275000.00,30000.00,8.1667', 'long,0.00,0.00,', 'project,0.00,0.00,']);
    const open = lines((await file(viewer, `${base}openPipeline`)).body);
    const json = (await viewer.get('/api/v1/analytics/dashboard/director')).json().openPipeline;
    expect(open).toEqual(['Deals,Amount,Weighted amount', `${json.count},${json.amount},${json.weightedAmount}`]);
    expect(json.count).toBeGreaterThanOrEqual(2); // the two deals above, and the fixture's open ones
    const leaders = lines((await file(admin, `${base}leaderboard`)).body);
    expect(leaders.slice(0, 4)).toEqual([
      'Period,Rank,Rep,Total,Grade',
      '2026-Q3,1,Ann,92.7,A',
      '2026-Q3,2,Bob,28.3,D',
      '2026-Q3,3,Cid,0.0,D',
    ]);
    const zh = lines((await file(admin, '/api/v1/analytics/dashboard/director/export?figure=revenueByTier')).body);
    expect(zh[0]).toContain('客户等级,赢单金额·本季度');
    expect(zh.at(-1)).toMatch(/^,无客户,/);
  });

  it('is for directors, admins and viewers', async () => {
    await file(mia, '/api/v1/analytics/dashboard/director/export?figure=leaderboard', 403);
    await file(ann, '/api/v1/analytics/dashboard/director/export?figure=leaderboard', 403);
    const other = lines((await file(f.other, '/api/v1/analytics/dashboard/director/export?figure=leaderboard')).body);
    expect(other).toHaveLength(1); // headers only: another organisation's leaderboard is its own (empty)
  });

  it('explains every export and its figures in the OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const role of ['rep', 'manager', 'director']) {
      const op = doc.paths[`/api/v1/analytics/dashboard/${role}/export`]?.get;
      expect(op?.description, role).toContain(`GET /api/v1/analytics/dashboard/${role}`);
      expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['figure', 'format', 'locale']));
    }
  });
});
