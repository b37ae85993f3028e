import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, type TestPage } from './support/browser.ts';
import { apiCall, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark, and every figure is read for this journey's own team.
const RUN = Date.now().toString(36);
const REP = { name: `林晓彤 ${RUN}`, email: `lin.xiaotong.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const JUNIOR = { name: `许嘉言 ${RUN}`, email: `xu.jiayan.${RUN}@example.com`, password: 'Rep-Passw0rd-2' };
const MACHINING = `精密制造 ${RUN}`;
const FOOD = `食品饮料 ${RUN}`;
const EAST = `华东 ${RUN}`;
const DAY = 86_400_000;

type Row = { id: string };
let browser: Browser;
let admin: TestPage;
let junior: TestPage | undefined;
let teamId: string;
const customers: Record<'big' | 'mid' | 'silent', string> = { big: '', mid: '', silent: '' };

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
/** The last 60 days through today: a window holding this journey's recent orders whatever the quarter. */
const windowQuery = () => `from=${isoDay(-60)}&to=${isoDay(1)}`;

async function order(page: Page, customerId: string, daysAgo: number, amount: number) {
  await apiCall(page, 'POST', '/orders', {
    customerId,
    orderedAt: new Date(Date.now() - daysAgo * DAY).toISOString(),
    lines: [{ productCode: `P-${RUN}`, productName: '数控主轴', category: '机械部件', quantity: 1, unitPrice: String(amount) }],
  });
}

// A team of one rep with three customers — a KA buying big lately, a VIP buying once, an SMB silent for eight of its
// usual intervals — read on the tier analytics and market pages, as the admin and as a junior rep.
describe('tier analytics and market analysis journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    await admin.page.goto('/login');
    await signIn(admin.page);
    await admin.page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    await saveScreenshot(admin.page, `failed-analytics-tiers-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = [admin, junior].flatMap((s) => s?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? []);
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets up a team, a rep and three customers in three tiers with their orders', async () => {
    const page = admin.page;
    const levels = (await apiCall<{ data: { id: string; key: string }[] }>(page, 'GET', '/levels')).data;
    const tiers = (await apiCall<{ data: { id: string; rank: number }[] }>(page, 'GET', '/tiers')).data.sort((a, b) => a.rank - b.rank);
    const me = await apiCall<Row>(page, 'GET', '/auth/me').then((s) => (s as unknown as { user: Row }).user);
    teamId = (await apiCall<Row>(page, 'POST', '/teams', { name: `分级分析组 ${RUN}`, managerId: me.id })).id;
    const senior = levels.find((l) => l.key === 'senior') ?? levels.at(-1);
    const rep = await apiCall<Row>(page, 'POST', '/users', { ...REP, role: 'rep', teamId, levelId: senior?.id });
    const make = async (name: string, tierIndex: number, industry: string) =>
      (
        await apiCall<Row>(page, 'POST', '/customers', {
          name: `${name} ${RUN}`,
          ownerId: rep.id,
          teamId,
          tierId: tiers[tierIndex].id,
          industry,
          region: EAST,
        })
      ).id;
    customers.big = await make('华锐精工', 0, MACHINING);
    customers.mid = await make('恒通机电', 1, MACHINING);
    customers.silent = await make('味源食品', tiers.length - 1, FOOD);
    await order(page, customers.big, 40, 50_000);
    await order(page, customers.big, 10, 100_000);
    await order(page, customers.mid, 20, 30_000);
    for (const daysAgo of [300, 270, 240]) await order(page, customers.silent, daysAgo, 8_000);
  });

  it('shows the team’s tier distribution, concentration and new customers, and opens a tier’s customers', async () => {
    const page = admin.page;
    await page.goto(`/analytics/tiers?${windowQuery()}&teamId=${teamId}`);
    const distribution = page.getByTestId('tier-distribution');
    await distribution.locator('canvas').waitFor();
    const table = (await distribution.locator('table').textContent()) ?? '';
    expect(table).toContain('150,000');
    expect(table).toContain('30,000');
    // 2 paying customers: the top 5 % and the top 20 % are both one customer, 150,000 of 180,000.
    expect(await page.getByTestId('concentration-top5').textContent()).toContain('83.3%');
    await expect.poll(() => page.getByTestId('migration-new').textContent()).toContain('3');
    const churn = page.getByTestId('tier-churn');
    await churn.getByText(`味源食品 ${RUN}`).waitFor();
    expect(await churn.locator('tr', { hasText: `味源食品 ${RUN}` }).textContent()).toContain('×8');
    await saveScreenshot(page, 'analytics-tiers-zh');
    await page.getByTestId('tier-migration').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analytics-tiers-migration-zh');
    await page.getByTestId('tier-rfm').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'analytics-tiers-churn-rfm-zh');

    await page.getByTestId('filter-compare').click();
    await distribution.locator('th', { hasText: '较上期' }).waitFor();
    await saveScreenshot(page, 'analytics-tiers-compare-zh');

    await distribution.locator('table').getByRole('link').first().click();
    await page.waitForURL((url) => url.pathname === '/customers' && url.searchParams.get('teamId') === teamId);
    await page.getByRole('link', { name: `华锐精工 ${RUN}` }).waitFor();
    expect(await page.getByRole('link', { name: `恒通机电 ${RUN}` }).count()).toBe(0);
  });

  it('downloads the distribution as CSV with the figure’s filters', async () => {
    const page = admin.page;
    const response = await page
      .context()
      .request.get(`/api/v1/analytics/tiers/distribution/export?format=csv&locale=zh-CN&${windowQuery()}&teamId=${teamId}`);
    expect(response.status()).toBe(200);
    const csv = await response.text();
    expect(csv.split('\n')[0]).toContain('客户数');
    expect(csv).toContain('150000');
  });

  it('shows the market by industry and by region, with the customers of each group by tier', async () => {
    const page = admin.page;
    await page.goto(`/analytics/market?${windowQuery()}&teamId=${teamId}`);
    const row = page.getByTestId('market-table').locator('tr', { hasText: MACHINING });
    await row.waitFor();
    expect(await row.textContent()).toContain('180,000');
    await page.getByTestId('market-figure').locator('canvas').waitFor();
    await saveScreenshot(page, 'analytics-market-zh');
    await page.getByTestId('market-by').getByText('按区域').click();
    await page.getByTestId('market-table').locator('tr', { hasText: EAST }).waitFor();
  });

  it('tells a junior rep the market analysis opens at the top level', async () => {
    const page = admin.page;
    const levels = (await apiCall<{ data: { id: string; key: string }[] }>(page, 'GET', '/levels')).data;
    const lowest = levels.find((l) => l.key === 'junior') ?? levels[0];
    await apiCall(page, 'POST', '/users', { ...JUNIOR, role: 'rep', teamId, levelId: lowest.id });
    junior = await openPage(browser, baseUrl);
    await junior.page.goto('/login');
    await signIn(junior.page, JUNIOR);
    await junior.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await junior.page.goto('/analytics/market');
    await junior.page.getByTestId('market-level-too-low').waitFor();
    await saveScreenshot(junior.page, 'analytics-market-junior-zh');
  });

  it('reads in English and fits a phone', async () => {
    const phone = await openPage(browser, baseUrl, { width: 390, height: 844 });
    try {
      await phone.page.goto('/login');
      await signIn(phone.page);
      await phone.page.getByTestId('welcome-card').waitFor();
      await phone.page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
      await phone.page.goto(`/analytics/tiers?${windowQuery()}&teamId=${teamId}`);
      await phone.page.getByTestId('tier-distribution').locator('canvas').waitFor();
      await phone.page.getByText('Revenue concentration').waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(phone.page, 'analytics-tiers-phone-en');
      await phone.page.goto(`/analytics/market?${windowQuery()}&teamId=${teamId}`);
      await phone.page.getByTestId('market-table').locator('tr', { hasText: MACHINING }).waitFor();
      await saveScreenshot(phone.page, 'analytics-market-phone-en');
    } finally {
      await phone.context.close();
    }
  });

  it('serves the figures as computed, says when, and 刷新 brings in an order placed since', async () => {
    const page = admin.page;
    await order(page, customers.mid, 5, 20_000);
    await page.goto(`/analytics/tiers?${windowQuery()}&teamId=${teamId}`);
    const distribution = page.getByTestId('tier-distribution');
    await distribution.locator('canvas').waitFor();
    // The snapshot of a moment ago: the new order is not in it yet, and the card says when it was computed.
    expect(await distribution.locator('table').textContent()).toContain('30,000');
    expect(await distribution.getByTestId('figures-as-of-time').textContent()).toMatch(/^\d{2}:\d{2}$/);
    const refreshed = page.waitForResponse((r) => r.url().includes('/analytics/tiers/distribution?') && r.url().includes('refresh=true'));
    await distribution.getByTestId('refresh-figures').click();
    expect((await refreshed).status()).toBe(200);
    await expect.poll(() => distribution.locator('table').textContent()).toContain('50,000');
  });
});
