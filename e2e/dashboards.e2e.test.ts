import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { apiCall, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark, and the journey asserts on its own team and rep only.
const RUN = Date.now().toString(36);
const TEAM = `华南工作台组 ${RUN}`;
const MANAGER = { name: `黄志明 ${RUN}`, email: `huang.zhiming.${RUN}@example.com`, password: 'Manager-Passw0rd-1' };
const REP = { name: `吴雨桐 ${RUN}`, email: `wu.yutong.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const DIRECTOR = { name: `郑国强 ${RUN}`, email: `zheng.guoqiang.${RUN}@example.com`, password: 'Director-Passw0rd-1' };
const QUOTED = `佛山美达 报价中 ${RUN}`;

let browser: Browser;
let admin: TestPage;
let current: TestPage | undefined;
let teamId: string;

type Row = { id: string; version: number };
type Pipeline = { id: string; processType: string; stages: { id: string; key: string; kind: string }[] };

const QUARTER = (() => {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.ceil((d.getMonth() + 1) / 3)}`;
})();
const HOUR = 3_600_000;
/** Today by the browser's calendar: the deals are expected to close this quarter. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
/** The figures load after the page (and a slow machine after sign-in): a poll waits for them this long. */
const POLL = { timeout: 20_000 };
const PHONE = { width: 390, height: 844 };
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

async function signedIn(credentials: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const session = await openPage(browser, baseUrl, viewport);
  await session.page.goto('/login');
  await signIn(session.page, credentials);
  await session.page.getByTestId('welcome-card').waitFor();
  current = session;
  return session;
}

/**
 * Clicks the bar of the `index`-th stage (0 = the top one) in a stage chart. The chart is a canvas: the bar is found by
 * its band (the plot area is split evenly between the stages) and tried a few pixels either side of the band's middle,
 * where the amount and the weighted bars sit, until the drawer of the stage's deals opens.
 */
async function clickStage(page: Page, chartTestId: string, index: number, stages: number) {
  const box = await page.getByTestId(chartTestId).boundingBox();
  if (!box) throw new Error(`no ${chartTestId}`);
  const top = 28; // the grid's top (the legend above it)
  const band = (box.height - top - 8) / stages;
  for (const dy of [-5, 5, -9, 9, 0]) {
    await page.mouse.click(box.x + box.width * 0.45, box.y + top + band * (index + 0.5) + dy);
    if (await page.locator('.ant-drawer-open').count()) return;
  }
  throw new Error('no bar under the mouse');
}

/** Clicks what starts a download and reads the file as text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

// A rep with open deals, a won deal against a target and tasks; their manager; a director. Each signs in and lands on
// their own dashboard: the rep's figures, the team's with the rep in it, the organisation's.
describe('dashboards: rep, manager and director on 工作台 (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    await admin.page.goto('/login');
    await signIn(admin.page);
    await admin.page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && current)
      await saveScreenshot(current.page, `failed-dashboards-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a team with its manager and a rep, a director, the rep’s deals, target and tasks', async () => {
    const page = admin.page;
    const { id: managerId } = await apiCall<Row>(page, 'POST', '/users', { ...MANAGER, role: 'manager' });
    ({ id: teamId } = await apiCall<Row>(page, 'POST', '/teams', { name: TEAM, region: '华南', managerId }));
    const { id: repId } = await apiCall<Row>(page, 'POST', '/users', { ...REP, role: 'rep', teamId });
    await apiCall(page, 'POST', '/users', { ...DIRECTOR, role: 'director' });
    const { id: customerId } = await apiCall<Row>(page, 'POST', '/customers', {
      name: `佛山美达电器 ${RUN}`,
      region: '佛山',
      ownerId: repId,
    });
    const { data } = await apiCall<{ data: Pipeline[] }>(page, 'GET', '/pipelines');
    const short = data.find((p) => p.processType === 'short');
    if (!short) throw new Error('no short pipeline');
    const stageId = (key: string) => {
      const stage = short.stages.find((s) => s.key === key);
      if (!stage) throw new Error(`no stage ${key}`);
      return stage.id;
    };
    const deal = async (name: string, amount: string, path: string[], category?: string) => {
      let { id, version } = await apiCall<Row>(page, 'POST', '/deals', {
        name,
        pipelineId: short.id,
        customerId,
        ownerId: repId,
        amount,
        expectedCloseDate: today(),
        ...(category ? { forecastCategory: category } : {}),
      });
      for (const key of path) ({ id, version } = await apiCall<Row>(page, 'POST', `/deals/${id}/move`, { stageId: stageId(key), version }));
    };
    await deal(QUOTED, '80000', ['quote'], 'commit');
    await deal(`佛山美达 新需求 ${RUN}`, '20000', []);
    await deal(`佛山美达 首单 ${RUN}`, '50000', ['quote', 'negotiate', 'won']);
    // Orders of this quarter, so the revenue by tier and the concentration have figures of their own.
    for (const [code, price] of [
      ['MD-100', '12000'],
      ['MD-200', '3000'],
    ])
      await apiCall(page, 'POST', '/orders', {
        customerId,
        orderedAt: new Date().toISOString(),
        lines: [{ productCode: code, productName: '电机', quantity: '2', unitPrice: price }],
      });
    await apiCall(page, 'PUT', '/targets', { targets: [{ kpi: 'revenueWon', period: QUARTER, repId, value: '100000' }] });
    const task = (title: string, dueAt: number) =>
      apiCall(page, 'POST', '/tasks', { title, assigneeId: repId, customerId, dueAt: new Date(dueAt).toISOString() });
    await task(`回访采购经理 ${RUN}`, Date.now() - 48 * HOUR);
    await task(`发送报价单 ${RUN}`, Date.now() + 72 * HOUR);
  });

  it('the rep sees their pipeline by stage, their tasks and their target, drills into a stage and downloads the figure', async () => {
    const { page } = await signedIn(REP);
    // open: the two tasks above, and the tier's cadence follow-up once the customer's tier has been worked out
    await expect.poll(() => page.getByTestId('tasks-open').textContent(), POLL).toMatch(/^未完成[23]$/);
    expect(await page.getByTestId('tasks-overdue').textContent()).toBe('已逾期1');
    const targets = page.getByTestId('rep-targets');
    await targets.getByRole('cell', { name: '50%' }).waitFor(POLL);
    expect(await targets.textContent()).toContain('¥10万'); // the target ¥100,000, compact
    await page.getByTestId('stage-bars-short').locator('canvas').waitFor();
    await settle(page);
    await saveScreenshot(page, 'dashboard-rep-zh');

    // 报价 is the second open stage of the short pipeline (确认需求, 报价, 谈判)
    await clickStage(page, 'stage-bars-short', 1, 3);
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('报价 的商机').waitFor();
    await drawer.getByTestId('deals-behind').getByRole('link', { name: QUOTED }).waitFor(POLL);
    expect(await drawer.getByTestId('deals-behind').locator('tbody tr.ant-table-row').count()).toBe(1);
    await saveScreenshot(page, 'dashboard-rep-stage-deals-zh');
    await page.keyboard.press('Escape');

    await page.getByTestId('rep-pipeline').getByTestId('export-analytics/dashboard/rep').click();
    const file = await download(page, () => page.getByTestId('export-csv').locator('visible=true').click());
    expect(file.name).toMatch(/^dashboard-pipeline-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = file.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('流程类型,销售流程,阶段代码,阶段,商机数,金额,加权金额');
    expect(lines).toContainEqual(expect.stringMatching(/^short,[^,]+,quote,报价,1,80000\.00,/));
    await current?.context.close();
  });

  it('the manager sees the team: the rep in attainment and with an overdue follow-up, and opens the rep’s dashboard', async () => {
    const { page } = await signedIn(MANAGER);
    const attainment = page.getByTestId('attainment-table').locator('tbody tr.ant-table-row', { hasText: REP.name });
    await attainment.waitFor(POLL);
    const overdue = page.getByTestId('overdue-table').locator('tbody tr.ant-table-row', { hasText: REP.name });
    expect(await overdue.textContent()).toContain('1');
    await page.getByTestId('team-funnel').getByTestId('stage-bars-short').locator('canvas').waitFor();
    await settle(page);
    await saveScreenshot(page, 'dashboard-manager-zh');

    await attainment.getByRole('link', { name: '看板' }).click();
    await page.getByText(`正在查看 ${REP.name} 的看板`).waitFor();
    await expect.poll(() => page.getByTestId('tasks-overdue').textContent(), POLL).toContain('1');
    await current?.context.close();
  });

  it('the director sees the organisation’s dashboard and the team’s on the other tab', async () => {
    const { page } = await signedIn(DIRECTOR);
    for (const card of ['revenue-by-tier', 'open-pipeline', 'revenue-by-process', 'forecast', 'leaderboard', 'concentration'])
      await page.getByTestId(card).waitFor();
    // The figures are a snapshot up to 15 minutes old (decision 0034): the admin's own dashboard, open while the setup
    // above ran, may have taken it before the deals existed. The line says when; 刷新 computes them now.
    const asOf = page.getByTestId('figures-as-of-time');
    await expect.poll(() => asOf.textContent(), POLL).toMatch(/^数据更新于 .*\d{2}:\d{2}$/);
    const refresh = page.getByTestId('refresh-figures');
    const [fresh] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/analytics/dashboard/director?refresh=true')),
      refresh.click(),
    ]);
    expect(fresh.status()).toBe(200);
    expect(Date.now() - Date.parse(((await fresh.json()) as { computedAt: string }).computedAt)).toBeLessThan(60_000);
    await expect.poll(() => refresh.getAttribute('class'), POLL).not.toContain('ant-btn-loading');
    expect(await asOf.textContent()).toMatch(/^数据更新于 .*\d{2}:\d{2}$/);
    await page.getByTestId('leaderboard-table').locator('tbody tr.ant-table-row').first().waitFor(POLL);
    await page.getByTestId('forecast-bars').locator('canvas').waitFor(POLL);
    await settle(page);
    await saveScreenshot(page, 'dashboard-director-zh');
    await page.getByTestId('concentration').scrollIntoViewIfNeeded();
    await page.getByTestId('lorenz').locator('canvas').waitFor(POLL);
    await settle(page);
    await saveScreenshot(page, 'dashboard-director-forecast-zh');

    await page.getByTestId('dashboard-view').getByText('团队看板').click();
    await page.getByTestId('dashboard-team').click();
    await pickOption(page, TEAM);
    await page.getByTestId('attainment-table').locator('tbody tr.ant-table-row', { hasText: REP.name }).waitFor(POLL);
    await saveScreenshot(page, 'dashboard-director-team-zh');
    await current?.context.close();
  });
});

describe('dashboards in English and on a phone', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && current)
      await saveScreenshot(current.page, `failed-dashboards-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads in English: the rep’s and the director’s dashboards', async () => {
    const { page, context } = await signedIn(REP);
    await page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
    await page.goto('/');
    await page.getByText('Open pipeline by stage').waitFor();
    await page.getByTestId('rep-targets').getByRole('columnheader', { name: 'Attainment' }).waitFor(POLL);
    await page.getByTestId('stage-bars-short').locator('canvas').waitFor();
    await settle(page);
    await saveScreenshot(page, 'dashboard-rep-en');
    await context.close();

    const director = await signedIn(DIRECTOR);
    await director.page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
    await director.page.goto('/');
    await director.page.getByText('Revenue concentration (this quarter)').waitFor();
    await director.page.getByTestId('forecast-bars').locator('canvas').waitFor(POLL);
    await director.page.getByText(/^Figures as of .*\d{2}:\d{2}$/).waitFor(POLL);
    await settle(director.page);
    await saveScreenshot(director.page, 'dashboard-director-en');
    await director.context.close();
  });

  it('fits a phone: the rep’s, the manager’s and the director’s dashboards without sideways scrolling', async () => {
    const rep = await signedIn(REP, PHONE);
    await expect.poll(() => rep.page.getByTestId('tasks-overdue').textContent(), POLL).toBe('已逾期1');
    await rep.page.getByTestId('stage-bars-short').locator('canvas').waitFor();
    expect(await sidewaysScroll(rep.page)).toBeLessThanOrEqual(0);
    await saveScreenshot(rep.page, 'dashboard-rep-phone-zh');
    await rep.page.getByTestId('rep-targets').scrollIntoViewIfNeeded();
    await saveScreenshot(rep.page, 'dashboard-rep-targets-phone-zh');
    await rep.context.close();

    const manager = await signedIn(MANAGER, PHONE);
    await manager.page.getByTestId('attainment-table').locator('tbody tr.ant-table-row', { hasText: REP.name }).waitFor(POLL);
    expect(await sidewaysScroll(manager.page)).toBeLessThanOrEqual(0);
    await manager.page.getByTestId('team-attainment').scrollIntoViewIfNeeded();
    await saveScreenshot(manager.page, 'dashboard-manager-phone-zh');
    await manager.context.close();

    const director = await signedIn(DIRECTOR, PHONE);
    await director.page.getByTestId('leaderboard-table').locator('tbody tr.ant-table-row').first().waitFor(POLL);
    expect(await sidewaysScroll(director.page)).toBeLessThanOrEqual(0);
    await saveScreenshot(director.page, 'dashboard-director-phone-zh');
    await director.context.close();
  });
});
