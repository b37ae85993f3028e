import { DEFAULT_SCORING_SCHEME } from '@tierline/contracts/performanceDefaults';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { apiCall, buttonName, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const MANAGER = { name: `王立新 ${RUN}`, email: `wang.lixin.${RUN}@example.com`, password: 'Manager-Passw0rd-1' };
const REP = { name: `林晓雯 ${RUN}`, email: `lin.xiaowen.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const COMMENT = '本季度客户反馈很好，主动承担新人带教，同意晋升。';

let browser: Browser;
let admin: TestPage;
let manager: TestPage;
let rep: TestPage | undefined;
let repId: string;
let levels: { id: string; key: string }[];

type Row = { id: string; version: number };

const call = apiCall;

/** The quarter of today, as the pages open on it (the browser's calendar, like the org's for this suite). */
function thisQuarter(): string {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.ceil((now.getMonth() + 1) / 3)}`;
}

const levelId = (key: string) => {
  const level = levels.find((l) => l.key === key);
  if (!level) throw new Error(`no ${key} level`);
  return level.id;
};

async function signedIn(credentials: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const session = await openPage(browser, baseUrl, viewport);
  await session.page.goto('/login');
  await signIn(session.page, credentials);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

const drawer = (on: Page) => on.locator('.ant-drawer:visible');

// A manager reviews a rep of their team and submits it; the rep's quarter is then complete, and with the
// organisation's criteria (junior → mid on any grade of the quarter) the rep is recommended for promotion.
// The manager reads the evidence, accepts with a comment, and the rep is told of the new level.
describe('reviews, level evaluation and promotion journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    await admin.page.goto('/login');
    await signIn(admin.page);
    await admin.page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
    if (manager) await saveScreenshot(manager.page, name);
    if (rep) await saveScreenshot(rep.page, `${name}-rep`);
  });
  afterAll(async () => {
    const cspViolations = [admin, manager, rep].flatMap((s) => s?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? []);
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets up a team with its manager, a junior rep, an appraisal cycle and the promotion step', async () => {
    const page = admin.page;
    levels = (await call<{ data: { id: string; key: string }[] }>(page, 'GET', '/levels')).data;
    const { id: managerId } = await call<Row>(page, 'POST', '/users', { ...MANAGER, role: 'manager' });
    const team = await call<Row>(page, 'POST', '/teams', { name: `晋级评估组 ${RUN}`, managerId });
    ({ id: repId } = await call<Row>(page, 'POST', '/users', { ...REP, role: 'rep', teamId: team.id, levelId: levelId('junior') }));
    const period = thisQuarter();
    // The quarter's cycle may exist already (the performance journey shares the server): set it to the built-in scheme.
    const cycles = await call<{ data: { id: string; period: string; version: number }[] }>(
      page,
      'GET',
      `/appraisal-cycles?period=${period}`,
    );
    const existing = cycles.data.find((c) => c.period === period);
    if (existing) await call(page, 'PATCH', `/appraisal-cycles/${existing.id}`, { ...DEFAULT_SCORING_SCHEME, version: existing.version });
    else await call(page, 'POST', '/appraisal-cycles', { name: `${period} 销售考核`, period });
    // One step: junior → mid on any grade of the quarter, which only a submitted manager review gives.
    await call(page, 'PUT', '/level-criteria', {
      steps: [
        {
          fromLevelId: levelId('junior'),
          toLevelId: levelId('mid'),
          direction: 'promote',
          periodKind: 'quarter',
          consecutivePeriods: 1,
          grade: 'D',
          kpiMinimums: [],
          minMonthsAtLevel: null,
        },
      ],
    });
  });

  it('the manager rates the rep on every criterion, saves a draft, then submits after confirming', async () => {
    manager = await signedIn(MANAGER);
    const page = manager.page;
    await page.getByRole('link', { name: '绩效', exact: true }).click();
    await page.getByRole('tab', { name: '考核' }).click();
    await page.getByRole('heading', { name: '考核' }).waitFor();
    const row = page.getByTestId('review-list').locator('tr', { hasText: REP.name });
    await row.getByTestId('review-manager-state').getByText('未开始').waitFor();
    await row.getByTestId('review-open').click();
    const form = page.getByTestId('review-form-manager');
    await form.waitFor();
    await settle(page);
    const rate = (key: string, stars: number) =>
      form
        .locator(`[data-key="${key}"] .ant-rate-star`)
        .nth(stars - 1)
        .click();
    await rate('managerRating', 4);
    await form.getByLabel('经理评分评语').fill('季度回款达成稳定，客户跟进及时。');
    // Submitting with a criterion unrated is refused before anything is sent.
    await page.getByTestId('review-submit').click();
    await page.getByText('请先为以下项目评分：客户反馈、团队协作').waitFor();
    await rate('customerFeedback', 5);
    await rate('teamwork', 3);
    await form.getByLabel('总体评价').fill('整体表现良好，建议晋升中级。');
    // 4/5×50 + 5/5×25 + 3/5×25 (×100, over 100) = 40 + 25 + 15 = 80
    expect(await page.getByTestId('review-preview').textContent()).toContain('80');
    await drawer(page)
      .getByRole('button', { name: buttonName('保存草稿') })
      .click();
    await page.getByTestId('review-status-manager').getByText('草稿').waitFor();
    await saveScreenshot(page, 'levels-review-form-zh');
    await page.getByTestId('review-submit').click();
    const confirm = page.locator('.ant-modal-confirm:visible');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '提交经理评价？' }).waitFor();
    await settle(page);
    await confirm.getByRole('button', { name: buttonName('提交') }).click();
    await page.getByTestId('review-status-manager').getByText('已提交').waitFor();
    // Submitted: read only, with the score it gives.
    expect(await page.getByTestId('review-view-manager').textContent()).toContain('定性得分 80');
    expect(await page.getByTestId('review-form-manager').count()).toBe(0);
    await drawer(page).locator('.ant-drawer-close').click();
    await drawer(page).waitFor({ state: 'hidden' });
    await row.getByTestId('review-manager-state').getByText('已提交').waitFor();
  });

  it('the rep is recommended for promotion; the manager reads the evidence and accepts with a comment', async () => {
    const page = manager.page;
    await page.getByRole('tab', { name: '晋级评估' }).click();
    await page.getByRole('heading', { name: '晋级评估' }).waitFor();
    const card = page.getByTestId('level-column-promote').locator(`[data-rep="${REP.name}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByTestId('level-card-levels').textContent()).toMatch(/初级.*中级/);
    expect(await card.getByTestId('level-decision-state').textContent()).toBe('待决定');
    await saveScreenshot(page, 'levels-board-zh');
    await card.getByRole('button', { name: REP.name }).click();
    const evaluation = page.getByTestId('level-evaluation');
    await evaluation.waitFor();
    await settle(page);
    expect(await evaluation.getByTestId('level-recommendation').textContent()).toBe('建议晋升');
    const check = evaluation.getByTestId('level-check').first();
    expect(await check.getAttribute('data-met')).toBe('true');
    expect(await check.textContent()).toContain('达到 D 或以上');
    // The evidence is the quarter's grade, from the scorecard the review completed.
    expect(await check.getByTestId('level-evidence').textContent()).toMatch(/季度 · [SABCD]/);
    // A comment is required, for an acceptance as for a rejection.
    const form = page.getByTestId('level-decision-form');
    await form.getByRole('button', { name: buttonName('接受') }).click();
    await form.getByText('请填写意见').waitFor();
    await form.getByLabel('意见').fill(COMMENT);
    await saveScreenshot(page, 'levels-evidence-zh');
    await form.getByRole('button', { name: buttonName('接受') }).click();
    // Dated today, the change takes effect at once.
    await evaluation.getByTestId('level-decision').waitFor();
    expect(await evaluation.getByTestId('level-decision-state').textContent()).toBe('已生效');
    expect(await evaluation.getByTestId('level-decision').textContent()).toContain(COMMENT);
    const user = await call<{ levelId: string }>(page, 'GET', `/users/${repId}`);
    expect(user.levelId).toBe(levelId('mid'));
  });

  it('the rep’s profile shows the new level and the change in its history', async () => {
    const page = manager.page;
    await drawer(page)
      .getByRole('button', { name: buttonName('销售档案') })
      .click();
    const profile = page.getByTestId('rep-profile');
    await profile.waitFor();
    await settle(page);
    expect(await profile.getByTestId('rep-profile-level').textContent()).toBe('中级');
    expect(await profile.getByTestId('rep-profile-history').textContent()).toContain('初级 → 中级');
    expect(await profile.getByTestId('rep-profile-history').textContent()).toContain('晋级评估');
    await saveScreenshot(page, 'levels-profile-zh');
  });

  it('the rep is told: a level_changed notification in their words', async () => {
    rep = await signedIn(REP);
    const page = rep.page;
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-panel').waitFor();
    const item = page.getByTestId('notification-panel').getByTestId('notification-item').filter({ hasText: '销售等级' });
    await item.waitFor();
    expect(await item.textContent()).toContain('您的销售等级已由 初级 调整为 中级');
    expect(await item.textContent()).toContain('依据晋级评估');
    // The manager's submitted review reached the rep as well, in words.
    const review = page.getByTestId('notification-panel').getByTestId('notification-item').filter({ hasText: '考核' }).first();
    expect(await review.textContent()).toContain(`${MANAGER.name} 已提交对您的考核`);
    await settle(page);
    await saveScreenshot(page, 'levels-notification-zh');
  });

  // Signing in again and computing the board take a while on a busy machine.
  it('fits a phone: the board does not scroll sideways', { timeout: 120_000 }, async () => {
    const phone = await signedIn(MANAGER, { width: 390, height: 844 });
    try {
      await phone.page.goto('/performance/levels');
      await phone.page.getByTestId('level-board').waitFor({ timeout: 30_000 });
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await saveScreenshot(phone.page, 'levels-board-phone-zh');
    } finally {
      await phone.context.close();
    }
  });
});
