import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const REP = { name: `林晓 ${RUN}`, email: `lin.xiao.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const CUSTOMER = `宁波海曙精工机械有限公司 ${RUN}`;
const CONTACT = { name: '赵敏', title: '设备主管' };
const TITLE = `主轴异响，产线停机 ${RUN}`;
const LATE_TITLE = `发票抬头有误 ${RUN}`;
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let admin: TestPage;
let rep: TestPage;
let customerId: string;
let requestUrl: string;

type Row = { id: string; version: number };

/** Set-up and checks through the API, as the page's signed-in user (cookie + CSRF token). */
async function call<T>(as: Page, method: 'GET' | 'POST' | 'PUT', path: string, data?: object): Promise<T> {
  const { csrfToken } = await currentSession(as);
  const response = await as.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const dialog = (on: Page) => on.getByRole('dialog');

/** Picks an option of an antd Select found by its label: open it, type to filter, click the option. */
async function choose(on: Page, label: string, option: string, typed?: string): Promise<void> {
  const select = dialog(on).getByLabel(label, { exact: true });
  await select.click();
  if (typed) await select.fill(typed);
  await pickOption(on, option);
}

/** Clicks an action on the request page, then the same-named button of the confirmation it opens. */
async function confirmAction(on: Page, label: string): Promise<void> {
  await on
    .getByRole('button', { name: buttonName(label) })
    .first()
    .click();
  const confirm = on.locator('.ant-modal-confirm:visible');
  await confirm.waitFor();
  await settle(on);
  await confirm.getByRole('button', { name: buttonName(label) }).click();
}

const bell = (on: Page) => on.getByTestId('notification-bell');
const bellLabel = (on: Page) => bell(on).getAttribute('aria-label');
const panelItems = (on: Page) => on.getByTestId('notification-panel').getByTestId('notification-item');
const status = (on: Page) => on.getByTestId('service-status');
const noSidewaysScroll = (on: Page) => on.evaluate(() => document.documentElement.scrollWidth);

async function openBell(on: Page): Promise<void> {
  await bell(on).click();
  await on.getByTestId('notification-panel').waitFor();
  await panelItems(on).first().waitFor();
  await settle(on);
}

// An admin opens a request for a rep's VIP customer; the rep hears of it through the bell, answers and
// resolves it; the admin reads the breach report; then the rep's pages in English and on a phone.
describe('customer service and notifications journey', () => {
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
    await saveScreenshot(admin.page, name);
    if (rep) await saveScreenshot(rep.page, `${name}-rep`);
  });
  afterAll(async () => {
    const cspViolations = [admin, rep].flatMap((s) => s?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? []);
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets up a rep and a VIP customer of theirs with a contact', async () => {
    const page = admin.page;
    const { id: repId } = await call<Row>(page, 'POST', '/users', { ...REP, role: 'rep' });
    const customer = await call<Row>(page, 'POST', '/customers', { name: CUSTOMER, region: '宁波', ownerId: repId });
    customerId = customer.id;
    await call(page, 'POST', '/contacts', { customerId, ...CONTACT, phone: '13800000000' });
    // VIP promises a 12-hour response; setting it by hand also tells the rep (a tier_change notification).
    const { data: tiers } = await call<{ data: { id: string; key: string }[] }>(page, 'GET', '/tiers');
    const vip = tiers.find((t) => t.key === 'vip');
    if (!vip) throw new Error('no VIP tier');
    await call(page, 'PUT', `/customers/${customerId}/tier`, { tierId: vip.id, reason: '年采购额上升', version: customer.version });
  });

  it('opens a service request from the page; it goes to the customer’s rep with the VIP deadline', async () => {
    const page = admin.page;
    await page.getByRole('link', { name: '客户服务' }).click();
    await page.getByRole('heading', { name: '客户服务' }).waitFor();
    await page.getByRole('button', { name: '新建服务请求' }).click();
    await choose(page, '客户', CUSTOMER, '海曙精工');
    await dialog(page).getByText('VIP客户 · 响应时限 12 小时').waitFor();
    await choose(page, '联系人', CONTACT.name);
    await dialog(page).getByLabel('标题').fill(TITLE);
    await dialog(page).getByLabel('问题描述').fill('3 号机床主轴运转时异响，已停机等待处理。');
    await choose(page, '渠道', '微信');
    await choose(page, '优先级', '紧急');
    await saveScreenshot(page, 'service-request-form-zh');
    await dialog(page)
      .getByRole('button', { name: buttonName('保存') })
      .click();
    await page.waitForURL(/\/service\/[0-9a-f-]{36}$/);
    requestUrl = new URL(page.url()).pathname;
    await page.getByTestId('service-title').getByText(TITLE).waitFor();
    expect(await status(page).textContent()).toBe('待响应');
    await page.getByTestId('highlight-tag').waitFor();
    expect(await page.getByTestId('sla-text').getAttribute('data-sla')).toBe('remaining');
    expect(await page.getByTestId('sla-text').textContent()).toMatch(/剩余 1[01]小时/);
    const details = (await page.getByTestId('service-details').textContent()) ?? '';
    expect(details).toContain(REP.name);
    expect(details).toContain(CONTACT.name);
    await saveScreenshot(page, 'service-request-open-zh');
  });

  it('lists requests with their SLA: a backdated one past its deadline shows in red, VIP rows are marked', async () => {
    const page = admin.page;
    // The call came in 15 hours ago and was logged only now: 3 hours past the 12-hour deadline.
    await call(page, 'POST', '/service-requests', {
      customerId,
      title: LATE_TITLE,
      channel: 'email',
      openedAt: new Date(Date.now() - 15 * 3_600_000).toISOString(),
    });
    // A fresh load: the list the admin saw a moment ago is cached for half a minute.
    await page.goto('/service');
    const late = page.locator('.ant-table-tbody > tr', { hasText: LATE_TITLE });
    await late.waitFor();
    expect(await late.getByTestId('sla-text').getAttribute('data-sla')).toBe('overdue');
    expect(await late.getByTestId('sla-text').textContent()).toContain('超时 3小时');
    expect(await late.getAttribute('data-highlight')).toBe('true');
    await page.getByText('只看超时').click();
    await page.waitForURL((url) => url.searchParams.get('breached') === 'true');
    await expect.poll(() => page.locator('.ant-table-tbody > tr', { hasText: TITLE }).count()).toBe(0);
    await late.waitFor();
    await page.getByText('只看超时').click();
    await page.locator('.ant-table-tbody > tr', { hasText: TITLE }).waitFor();
    await saveScreenshot(page, 'service-list-zh');
  });

  it('rings the rep’s bell; opening the assignment marks it read and leads to the request', async () => {
    rep = await openPage(browser, baseUrl);
    const page = rep.page;
    await page.goto('/login');
    await signIn(page, REP);
    await page.getByTestId('welcome-card').waitFor();
    // The tier change and the two requests — and, when the 5-minute SLA job has run meanwhile, the late request's breach.
    await expect.poll(() => bellLabel(page)).toMatch(/^通知，[34] 条未读$/);
    const before = Number((await bellLabel(page))?.match(/(\d+) 条未读/)?.[1]);
    await openBell(page);
    const assigned = panelItems(page).filter({ hasText: `${CUSTOMER} 的服务请求“${TITLE}”已分配给您` });
    await assigned.waitFor();
    expect(await assigned.textContent()).toContain('请在');
    await panelItems(page)
      .filter({ hasText: `客户“${CUSTOMER}”的等级由 小客户 调整为 VIP客户` })
      .waitFor();
    await saveScreenshot(page, 'notification-bell-zh');
    await assigned.getByRole('button').first().click();
    await page.waitForURL((url) => url.pathname === requestUrl);
    await page.getByTestId('service-title').getByText(TITLE).waitFor();
    await expect.poll(() => bellLabel(page)).toMatch(/^通知，[23] 条未读$/);
    // One fewer: the assignment was read (unless the SLA job's notice arrived in between).
    expect([before - 1, before]).toContain(Number((await bellLabel(page))?.match(/(\d+) 条未读/)?.[1]));
  });

  it('lets the rep answer, resolve and reopen; the first answer keeps its time', async () => {
    const page = rep.page;
    await confirmAction(page, '响应');
    await expect.poll(() => status(page).textContent()).toBe('已响应');
    expect(await page.getByTestId('sla-text').textContent()).toContain('已在时限内响应');

    await page.getByRole('button', { name: buttonName('解决') }).click();
    await dialog(page).getByLabel('解决方案').fill('更换主轴轴承并校准，试运行 2 小时无异响。');
    await settle(page);
    await dialog(page)
      .getByRole('button', { name: buttonName('解决') })
      .click();
    await expect.poll(() => status(page).textContent()).toBe('已解决');
    expect(await page.getByTestId('service-resolution').textContent()).toContain('更换主轴轴承');
    await saveScreenshot(page, 'service-request-resolved-zh');

    await confirmAction(page, '重新打开');
    await expect.poll(() => status(page).textContent()).toBe('待响应');
    expect(await page.getByTestId('sla-text').getAttribute('data-sla')).toBe('met');
    await page.getByRole('button', { name: buttonName('解决') }).waitFor();
  });

  it('shows the rep all and unread notifications, marks all read, and keeps a turned-off kind off', async () => {
    const page = rep.page;
    await openBell(page);
    await page.getByRole('button', { name: '查看全部' }).click();
    await page.getByRole('heading', { name: '通知' }).waitFor();
    // What the server holds for the rep (3, or 4 once the SLA job told them about the late request): the page shows exactly that.
    const mine = await call<{ data: { kind: string; readAt: string | null }[] }>(page, 'GET', '/notifications');
    expect(mine.data.filter((n) => n.kind !== 'service_sla')).toHaveLength(3);
    await expect.poll(() => page.getByTestId('notification-list').getByTestId('notification-item').count()).toBe(mine.data.length);
    await page.getByRole('tab', { name: /未读/ }).click();
    const unread = mine.data.filter((n) => !n.readAt).length;
    expect(unread).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator('[data-testid=notification-item][data-unread=true]:visible').count()).toBe(unread);
    await saveScreenshot(page, 'notifications-unread-zh');
    await page.getByRole('button', { name: '全部已读' }).click();
    await page.getByText('没有未读通知').waitFor();
    await expect.poll(() => bellLabel(page)).toBe('通知');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '通知设置' }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'preferences');
    const sla = page.getByRole('switch', { name: '服务响应超时' });
    expect(await sla.getAttribute('aria-checked')).toBe('true');
    await sla.click();
    await page.getByText('通知设置已保存').waitFor();
    await page.reload();
    await expect.poll(() => page.getByRole('switch', { name: '服务响应超时' }).getAttribute('aria-checked')).toBe('false');
    const saved = await call<{ data: { kind: string; enabled: boolean }[] }>(page, 'GET', '/notifications/preferences');
    expect(saved.data.find((p) => p.kind === 'service_sla')?.enabled).toBe(false);
    await saveScreenshot(page, 'notification-preferences-zh');
    await page.getByRole('switch', { name: '服务响应超时' }).click();
    await expect.poll(() => page.getByRole('switch', { name: '服务响应超时' }).getAttribute('aria-checked')).toBe('true');
  });

  it('gives the admin the breach report per rep and per team', async () => {
    const page = admin.page;
    await page.getByRole('tab', { name: '超时统计' }).click();
    const row = page.getByTestId('breach-report').locator('.ant-table-tbody > tr', { hasText: REP.name });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    // requests, answered in time, breached, pending, rate
    expect(cells.slice(1, 6)).toEqual(['2', '1', '1', '0', '50%']);
    await page.getByTestId('breach-chart').locator('canvas').waitFor();
    await saveScreenshot(page, 'service-breaches-zh');
    await page.getByTestId('breach-report').getByText('按团队').click();
    await page.getByTestId('breach-report').locator('.ant-table-tbody > tr', { hasText: '未分配团队' }).waitFor();
  });

  it('reads the same in English', async () => {
    const page = rep.page;
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.getByRole('link', { name: 'Service', exact: true }).click();
    await page.getByRole('heading', { name: 'Customer service' }).waitFor();
    const late = page.locator('.ant-table-tbody > tr', { hasText: LATE_TITLE });
    await late.waitFor();
    expect(await late.getByTestId('sla-text').textContent()).toContain('Overdue 3 h');
    await page.getByRole('columnheader', { name: 'Response SLA' }).waitFor();
    await saveScreenshot(page, 'service-list-en');

    await openBell(page);
    await panelItems(page)
      .filter({ hasText: `Service request “${TITLE}” from ${CUSTOMER} is now assigned to you` })
      .waitFor();
    await panelItems(page)
      .filter({ hasText: `Customer “${CUSTOMER}” moved from SMB to VIP` })
      .waitFor();
    await saveScreenshot(page, 'notification-bell-en');
    await page.keyboard.press('Escape');

    await page.goto(requestUrl);
    await page.getByRole('button', { name: 'Resolve' }).waitFor();
    expect(await status(page).textContent()).toBe('Open');
    await page.getByText('First answer').first().waitFor();
    await saveScreenshot(page, 'service-request-en');

    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    await page.getByRole('tab', { name: 'Settings' }).waitFor();
    await saveScreenshot(page, 'notifications-en');

    await page.goto('/service?tab=breaches');
    await page.getByTestId('breach-report').getByRole('columnheader', { name: 'Breach rate' }).waitFor();
    await saveScreenshot(page, 'service-breaches-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });

  it('fits a phone: the list, the request, the notifications and the bell', async () => {
    const page = rep.page;
    await page.setViewportSize(PHONE);
    await page.goto('/service');
    await page.locator('.ant-table-tbody > tr', { hasText: LATE_TITLE }).waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'service-list-phone');

    await page.goto(requestUrl);
    await page.getByTestId('service-title').waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'service-request-phone');

    await page.goto('/notifications');
    await page.getByTestId('notification-list').waitFor();
    expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(PHONE.width);

    await openBell(page);
    const box = await page.getByTestId('notification-panel').boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await saveScreenshot(page, 'notification-bell-phone');
  });
});
