import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { apiCall, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark, and every figure is read for this journey's own team.
const RUN = Date.now().toString(36);
const TEAM = `华东分析组 ${RUN}`;
const DIRECTOR = { name: `钱卫东 ${RUN}`, email: `qian.weidong.${RUN}@example.com`, password: 'Director-Passw0rd-1' };
const REP_A = { name: `林晓峰 ${RUN}`, email: `lin.xiaofeng.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const REP_B = { name: `沈佳怡 ${RUN}`, email: `shen.jiayi.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const PRICE = `价格过高 ${RUN}`;
const COMPETITOR = `选择了竞争对手 ${RUN}`;
const QUOTED = `宁波港机 报价中 ${RUN}`;

let browser: Browser;
let admin: TestPage;
let director: TestPage | undefined;
let teamId: string;
let repA: string;

type Row = { id: string; version: number };
type Pipeline = { id: string; processType: string; stages: { id: string; key: string; kind: string }[] };

/** Today by the browser's calendar, and its quarter: the pages open on this quarter. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const QUARTER = (() => {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.ceil((d.getMonth() + 1) / 3)}`;
})();

async function signedIn(credentials: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const session = await openPage(browser, baseUrl, viewport);
  await session.page.goto('/login');
  await signIn(session.page, credentials);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

/** Clicks what starts a download and reads the file as text (BOM kept). */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** The figures load after the page (and a slow machine after sign-in): a poll waits for them this long. */
const POLL = { timeout: 15_000 };
const cells = (page: Page, testId: string) => page.getByTestId(testId).allTextContents();
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The journey's deals in the short pipeline (确认需求 → 报价 → 谈判 → 赢单 / 输单), all created and moved today, so
 * this quarter's funnel for the team is known by hand:
 * - 确认需求: 6 entered; 3 moved on to 报价 (2 went straight to 输单, 1 stays) → 50 %
 * - 报价: 3 entered; 1 moved on to 谈判 → 33.3 %;  谈判: 1 entered, 1 won → 100 %
 * - 赢单 1 (¥100,000), 输单 3 (¥120,000: 价格过高 ×2 ¥90,000, 竞争对手 ×1 ¥30,000); win rate of the closed 1 / 4 = 25 %
 * Open: 报价 ¥80,000 commit (50 % → weighted ¥40,000), 确认需求 ¥20,000 best case (20 % → ¥4,000).
 * Rep A commits ¥150,000 for the quarter and has won ¥100,000, with no past quarter: the commit stands at ¥150,000.
 */
const DEALS: { name: string; owner: 'a' | 'b'; amount: string; path: string[]; lossReason?: string; category?: string }[] = [
  { name: `杭州精工 数控机床 ${RUN}`, owner: 'a', amount: '100000', path: ['quote', 'negotiate', 'won'] },
  { name: `苏州恒达 检测设备 ${RUN}`, owner: 'a', amount: '50000', path: ['quote', 'lost'], lossReason: PRICE },
  { name: `无锡华光 传感器 ${RUN}`, owner: 'b', amount: '30000', path: ['lost'], lossReason: COMPETITOR },
  { name: QUOTED, owner: 'b', amount: '80000', path: ['quote'], category: 'commit' },
  { name: `嘉兴联合 配件 ${RUN}`, owner: 'a', amount: '20000', path: [], category: 'best_case' },
  { name: `绍兴永盛 耗材 ${RUN}`, owner: 'b', amount: '40000', path: ['lost'], lossReason: PRICE },
];

// A director reads this quarter's funnel for one team: stage figures, the previous quarter beside, the deals behind a
// stage, win/loss by reason and by process type, a CSV of the funnel, then the forecast page and how a rep's
// calibrated forecast was computed.
describe('analytics: funnel, win/loss, export and forecast journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    await admin.page.goto('/login');
    await signIn(admin.page);
    await admin.page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    if (director) await saveScreenshot(director.page, `failed-analytics-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = [admin, director].flatMap((s) => s?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? []);
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets up a team of two reps, a director, and the team’s deals across the short pipeline', async () => {
    const page = admin.page;
    ({ id: teamId } = await apiCall<Row>(page, 'POST', '/teams', { name: TEAM, region: '华东' }));
    ({ id: repA } = await apiCall<Row>(page, 'POST', '/users', { ...REP_A, role: 'rep', teamId }));
    const { id: repB } = await apiCall<Row>(page, 'POST', '/users', { ...REP_B, role: 'rep', teamId });
    await apiCall(page, 'POST', '/users', { ...DIRECTOR, role: 'director' });
    const { id: customerId } = await apiCall<Row>(page, 'POST', '/customers', { name: `宁波港机集团 ${RUN}`, region: '宁波' });
    const { data } = await apiCall<{ data: Pipeline[] }>(page, 'GET', '/pipelines');
    const short = data.find((p) => p.processType === 'short');
    if (!short) throw new Error('no short pipeline');
    const stageId = (key: string) => {
      const stage = short.stages.find((s) => s.key === key);
      if (!stage) throw new Error(`no stage ${key}`);
      return stage.id;
    };
    for (const deal of DEALS) {
      let { id, version } = await apiCall<Row>(page, 'POST', '/deals', {
        name: deal.name,
        pipelineId: short.id,
        customerId,
        ownerId: deal.owner === 'a' ? repA : repB,
        amount: deal.amount,
        expectedCloseDate: today(),
        ...(deal.category ? { forecastCategory: deal.category } : {}),
      });
      for (const key of deal.path) {
        const moved = await apiCall<Row>(page, 'POST', `/deals/${id}/move`, {
          stageId: stageId(key),
          version,
          ...(key === 'lost' ? { lossReason: deal.lossReason } : {}),
        });
        ({ id, version } = moved);
      }
    }
    await apiCall(page, 'PUT', '/forecast-commits', { period: QUARTER, amount: '150000', repId: repA });
  });

  it('the director opens the funnel for the team: entered and conversion per stage, the quarter’s totals', async () => {
    director = await signedIn(DIRECTOR);
    const page = director.page;
    await page.goto('/analytics');
    await page.getByRole('heading', { name: '销售漏斗' }).waitFor();
    await page.getByTestId('filter-team').click();
    await pickOption(page, TEAM);
    await page.waitForURL(/teamId=/);
    await expect.poll(() => cells(page, 'funnel-entered'), POLL).toEqual(['6', '3', '1', '1', '3']);
    expect(await cells(page, 'funnel-stage-link')).toEqual(['确认需求', '报价', '谈判', '赢单', '输单']);
    expect(await cells(page, 'funnel-conversion')).toEqual(['50%', '33.3%', '100%', '—', '—']);
    expect(await page.getByTestId('funnel-created-value').textContent()).toBe('6');
    expect(await page.getByTestId('funnel-win-rate-value').textContent()).toBe('25%');
    await page.getByTestId('funnel-chart').locator('canvas').first().waitFor();
    await saveScreenshot(page, 'analytics-funnel-zh');
  });

  it('compare adds the previous quarter: nothing of this team entered then', async () => {
    const page = director?.page;
    if (!page) throw new Error('no director session');
    await page.getByTestId('filter-compare').click();
    await page.waitForURL(/compare=previous/);
    await expect.poll(() => cells(page, 'funnel-previous-entered'), POLL).toEqual(['0', '0', '0', '0', '0']);
    expect(await page.getByTestId('figure-funnel').getByRole('columnheader', { name: '上期进入' }).count()).toBe(1);
    await saveScreenshot(page, 'analytics-funnel-compare-zh');
  });

  it('a stage opens the team’s deals in it now', async () => {
    const page = director?.page;
    if (!page) throw new Error('no director session');
    await page.getByTestId('funnel-stage-link').filter({ hasText: '报价' }).click();
    const drawer = page.getByTestId('deals-behind');
    await drawer.waitFor();
    await expect.poll(() => drawer.locator('tbody tr.ant-table-row').count(), POLL).toBe(1);
    expect(await drawer.locator('tbody tr.ant-table-row').first().textContent()).toContain(QUOTED);
    await saveScreenshot(page, 'analytics-funnel-deals-zh');
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
  });

  it('win/loss by loss reason, then by process type', async () => {
    const page = director?.page;
    if (!page) throw new Error('no director session');
    const table = page.getByTestId('win-loss-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').allTextContents(), POLL).toHaveLength(2);
    const reason = (text: string) => table.locator('tbody tr.ant-table-row', { hasText: text }).getByTestId('win-loss-lost');
    expect(await reason(PRICE).textContent()).toBe('2');
    expect(await reason(COMPETITOR).textContent()).toBe('1');
    await page.getByTestId('win-loss-by').getByText('销售类型').click();
    await page.waitForURL(/winLossBy=processType/);
    await expect.poll(() => cells(page, 'win-loss-rate'), POLL).toEqual(['25%']);
    expect(await table.locator('tbody tr.ant-table-row').first().textContent()).toContain('短期销售');
    await page.getByTestId('figure-win-loss').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analytics-win-loss-zh');
  });

  it('downloads the funnel as CSV: Chinese headers, this quarter and the previous one', async () => {
    const page = director?.page;
    if (!page) throw new Error('no director session');
    await page.getByTestId('figure-funnel').getByTestId('export-analytics/funnel').click();
    const csv = page.locator('.ant-dropdown:visible').getByTestId('export-csv');
    await csv.waitFor();
    await settle(page);
    const { name, text } = await download(page, () => csv.click());
    expect(name).toMatch(/\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = text
      .slice(1)
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(header).toEqual(['期间', '阶段键', '阶段', '阶段（英文）', '进入数', '进入金额', '推进数', '转化率', '当前数', '当前金额']);
    const entered = (key: string) => rows.filter((r) => r[1] === key).map((r) => r[4]);
    // Both windows: this quarter first, then the previous one.
    expect(entered('qualify')).toEqual(['6', '0']);
    expect(entered('lost')).toEqual(['3', '0']);
  });

  it('the forecast page: the team’s open pipeline by category, and how rep A’s calibrated forecast was computed', async () => {
    const page = director?.page;
    if (!page) throw new Error('no director session');
    await page.getByRole('tab', { name: '销售预测' }).click();
    await page.waitForURL(/\/analytics\/forecast\?.*teamId=/);
    const categories = page.getByTestId('forecast-categories');
    const category = (key: string) => categories.locator('tbody tr.ant-table-row', { has: page.getByTestId(`forecast-category-${key}`) });
    await expect.poll(() => category('commit').getByTestId('forecast-count').textContent(), POLL).toBe('1');
    expect(await category('commit').getByTestId('forecast-weighted').textContent()).toBe('¥40,000.00');
    expect(await category('best_case').getByTestId('forecast-weighted').textContent()).toBe('¥4,000.00');
    await page.getByTestId('forecast-pipeline-chart').locator('canvas').first().waitFor();
    await saveScreenshot(page, 'analytics-forecast-pipeline-zh');

    const rep = page.getByTestId('calibrated-reps').locator('tbody tr.ant-table-row', { hasText: REP_A.name });
    await rep.waitFor();
    expect(await rep.getByTestId('calibrated-value').textContent()).toBe('¥150,000.00');
    await rep.getByTestId('calibrated-how').click();
    const detail = page.getByTestId('calibration-detail');
    await detail.waitFor();
    expect(await detail.getByTestId('calibration-step').allTextContents()).toEqual([
      '没有已结束且提交过预测的期间，无法计算历史准确率',
      '本期已赢单 = ¥100,000.00',
      '承诺预测 = ¥150,000.00；尚待赢单 = max(0, ¥150,000.00 − ¥100,000.00) = ¥50,000.00',
      '没有历史准确率，承诺照计：校准预测 = ¥100,000.00 + ¥50,000.00 = ¥150,000.00',
    ]);
    await detail.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analytics-forecast-how-zh');

    // A category opens its open deals (the team's commit: the quoted deal).
    await categories.getByTestId('forecast-category-commit').click();
    const drawer = page.getByTestId('deals-behind');
    await expect.poll(() => drawer.locator('tbody tr.ant-table-row').allTextContents(), POLL).toEqual([expect.stringContaining(QUOTED)]);
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
  });
});

describe('analytics in English and on a phone', () => {
  let en: TestPage;
  let phone: TestPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && phone)
      await saveScreenshot(phone.page, `failed-analytics-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads in English on a laptop: the funnel and the calibrated forecast', async () => {
    en = await signedIn(DIRECTOR);
    const page = en.page;
    await page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
    await page.goto(`/analytics?teamId=${teamId}&winLossBy=tier`);
    await page.getByRole('heading', { name: 'Funnel' }).waitFor();
    await expect.poll(() => cells(page, 'funnel-entered'), POLL).toEqual(['6', '3', '1', '1', '3']);
    expect(await cells(page, 'funnel-stage-link')).toEqual(['Qualify', 'Quote', 'Negotiate', 'Won', 'Lost']);
    await page.getByTestId('figure-win-loss').getByRole('columnheader', { name: 'Win rate' }).waitFor();
    await saveScreenshot(page, 'analytics-funnel-en');
    await page.goto(`/analytics/forecast?teamId=${teamId}`);
    const rep = page.getByTestId('calibrated-reps').locator('tbody tr.ant-table-row', { hasText: REP_A.name });
    await rep.getByTestId('calibrated-how').click();
    await expect
      .poll(() => page.getByTestId('calibration-step').last().textContent())
      .toBe('no past accuracy, so the commit stands: calibrated = CN¥100,000.00 + CN¥50,000.00 = CN¥150,000.00');
    await saveScreenshot(page, 'analytics-forecast-en');
    await en.context.close();
  });

  it('fits a phone: the funnel, win/loss and the forecast without sideways scrolling', async () => {
    phone = await signedIn(DIRECTOR, { width: 390, height: 844 });
    const page = phone.page;
    await page.goto(`/analytics?teamId=${teamId}&compare=previous`);
    await expect.poll(() => cells(page, 'funnel-entered'), POLL).toEqual(['6', '3', '1', '1', '3']);
    await page.getByTestId('funnel-chart').locator('canvas').first().waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'analytics-funnel-phone-zh');
    await page.getByTestId('figure-win-loss').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analytics-win-loss-phone-zh');
    await page.goto(`/analytics/forecast?teamId=${teamId}`);
    const rep = page.getByTestId('calibrated-reps').locator('tbody tr.ant-table-row', { hasText: REP_A.name });
    await rep.getByTestId('calibrated-how').click();
    await page.getByTestId('calibration-detail').waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(390);
    await saveScreenshot(page, 'analytics-forecast-phone-zh');
    await page.getByTestId('calibration-detail').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analytics-forecast-how-phone-zh');
    await phone.context.close();
  });
});
