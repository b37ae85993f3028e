import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const RULE = `华东制造业客户 → 高级销售 ${RUN}`;
const CUSTOMER = `杭州华东精机有限公司 ${RUN}`;
const SENIOR = { name: `周敏 ${RUN}`, email: `zhou.min.${RUN}@example.com` };
const JUNIOR = { name: `王磊 ${RUN}`, email: `wang.lei.${RUN}@example.com` };
const DEFAULT_CUSTOMER_RULES = ['KA customers → senior', 'SMB customers → junior or mid', 'Other customers (VIP) → mid or senior'];

let browser: Browser;
let session: TestPage;
let page: Page;
let customerId: string;

const dialog = () => page.getByRole('dialog');
const drawer = () => page.locator('.ant-drawer:visible');
const cards = () => page.locator('[role=tabpanel]:visible [data-testid=assignment-rule]');
const cardNames = async () => (await cards().locator('.ant-card-head-title').allTextContents()).map((t) => t.replace(/^第 \d+ 条/, ''));

/** Set-up and checks through the API, as the signed-in admin (cookie + CSRF token of the page). */
async function call<T>(method: 'GET' | 'POST', path: string, data?: object): Promise<T> {
  const { csrfToken } = await currentSession(page);
  const response = await page.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (response.status() === 204 ? undefined : await response.json()) as T;
}
const customerRules = async () =>
  (await call<{ data: { name: string }[] }>('GET', '/assignment-rules?entity=customer')).data.map((r) => r.name);

/** Clicks the confirm button of an antd Popconfirm once it has finished opening (a click mid-animation is lost). */
async function confirmPopup(label: string): Promise<void> {
  const popup = page.locator('.ant-popconfirm:visible');
  await popup.waitFor();
  await settle(page);
  await popup.getByRole('button', { name: buttonName(label) }).click();
}

/** Types a tag into an antd tags Select and presses Enter. */
async function addTag(label: string, value: string): Promise<void> {
  const input = dialog().getByLabel(label);
  await input.fill(value);
  await input.press('Enter');
}

// One admin session: the default rules put back, a rule added and moved to the top,
// then a customer auto-assigned and its explanation read.
describe('assignment rules journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openPage(browser, baseUrl);
    page = session.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = session?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('opens from the admin menu and puts the default rules back in place', async () => {
    // The server installs the defaults on an org's first use (this very page load); an org that
    // changed them gets them back from the "more" menu, after a warning that all rules are replaced.
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '分配规则' }).click();
    await page.getByRole('heading', { name: '分配规则' }).waitFor();
    await page.getByRole('tab', { name: /^客户/ }).waitFor();
    await page.getByRole('button', { name: '更多操作' }).click();
    await page.getByRole('menuitem', { name: '恢复默认规则' }).click();
    await page.locator('.ant-modal-confirm-title:visible', { hasText: '用默认规则替换全部规则？' }).waitFor();
    await settle(page);
    await page
      .locator('.ant-modal-confirm:visible')
      .getByRole('button', { name: buttonName('替换') })
      .click();
    await page.getByText('默认规则已安装').waitFor();

    await page.getByRole('tab', { name: '客户（3）' }).click();
    await expect.poll(cardNames).toEqual(DEFAULT_CUSTOMER_RULES);
    const ka = (await cards().first().textContent()) ?? '';
    expect(ka).toContain('客户分级为大客户');
    expect(ka).toContain('高级销售');
    expect(ka).toContain('负载最少优先');
    await page.getByRole('tab', { name: '商机（3）' }).click();
    await cards().filter({ hasText: '销售类型为项目型销售' }).waitFor();
    await page.getByRole('tab', { name: '客户（3）' }).click();
    await saveScreenshot(page, 'assignment-rules-zh');
  });

  it('creates a customer rule; the list says its conditions in words', async () => {
    await page.getByRole('button', { name: '新建规则' }).click();
    await dialog().getByText('新建客户分配规则').waitFor();
    await dialog().getByLabel('规则名称').fill(RULE);
    await addTag('区域', '华东');
    await addTag('行业', '制造业');
    await dialog().getByRole('checkbox', { name: '高级' }).check();
    await dialog()
      .getByRole('radio', { name: /负载最少优先/ })
      .check();
    await saveScreenshot(page, 'assignment-rule-editor-zh');
    await dialog()
      .getByRole('button', { name: buttonName('保存') })
      .click();

    const card = cards().filter({ hasText: RULE });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('第 4 条');
    expect(text).toContain('区域为华东，且行业为制造业');
    expect(text).toContain('高级销售 · 任意团队');
    expect(await customerRules()).toEqual([...DEFAULT_CUSTOMER_RULES, RULE]);
  });

  it('moves the new rule to the top: up twice with the buttons, then dragged onto the first', async () => {
    const card = () => cards().filter({ hasText: RULE });
    for (const place of [3, 2]) {
      await card().getByRole('button', { name: '上移' }).click();
      await card().getByText(`第 ${place} 条`).waitFor();
    }
    await expect.poll(customerRules).toEqual([DEFAULT_CUSTOMER_RULES[0], RULE, ...DEFAULT_CUSTOMER_RULES.slice(1)]);

    await settle(page);
    await card().dragTo(cards().first());
    await card().getByText('第 1 条').waitFor();
    await expect.poll(customerRules).toEqual([RULE, ...DEFAULT_CUSTOMER_RULES]);
    expect(await cardNames()).toEqual([RULE, ...DEFAULT_CUSTOMER_RULES]);
  });

  it('auto-assigns a customer and explains why a junior rep was passed over', async () => {
    const levels = (await call<{ data: { id: string; key: string }[] }>('GET', '/levels')).data;
    const levelId = (key: string) => levels.find((l) => l.key === key)?.id;
    for (const [rep, level] of [
      [SENIOR, 'senior'],
      [JUNIOR, 'junior'],
    ] as const) {
      await call('POST', '/users', { ...rep, role: 'rep', password: 'Rep-Passw0rd-1', levelId: levelId(level) });
    }
    customerId = (await call<{ id: string }>('POST', '/customers', { name: CUSTOMER, region: '华东', industry: '制造业' })).id;

    await page.getByRole('button', { name: '试一试' }).click();
    await drawer().getByText('客户', { exact: true }).click();
    await drawer().getByLabel('记录').fill('华东精机');
    await pickOption(page, CUSTOMER);
    await drawer().getByTestId('assignment-explain-none').waitFor();

    await drawer().getByTestId('auto-assign').click();
    await confirmPopup('分配');
    const explanation = drawer().getByTestId('assignment-explanation');
    await explanation.waitFor();
    expect(await explanation.textContent()).toContain(RULE);
    expect(await explanation.textContent()).toContain('区域：华东');
    // The junior rep is named, with why: the rule takes senior reps only.
    const junior = explanation.locator('tr', { hasText: JUNIOR.name });
    await junior.getByText('等级不符合规则').waitFor();
    await explanation.getByText(/^分配给 /).waitFor();

    // The server agrees: the customer now belongs to a senior rep, by the new rule.
    const result = await call<{ assigned: boolean; explanation: { ruleName: string; chosen: string } }>(
      'GET',
      `/assignments/customer/${customerId}/explain`,
    );
    expect(result).toMatchObject({ assigned: true, explanation: { ruleName: RULE } });
    const owner = await call<{ levelId: string }>('GET', `/users/${result.explanation.chosen}`);
    expect(owner.levelId).toBe(levelId('senior'));
    await saveScreenshot(page, 'assignment-explain-zh');
  });

  it('reads the same in English', async () => {
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Assignment rules' }).waitFor();
    await cards().first().getByText('region is 华东 and industry is 制造业').waitFor();
    await saveScreenshot(page, 'assignment-rules-en');

    await cards().first().getByRole('button', { name: 'Edit' }).click();
    await dialog().getByText('Edit assignment rule for customers').waitFor();
    await saveScreenshot(page, 'assignment-rule-editor-en');
    await dialog().getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Try it' }).click();
    await drawer().getByText('Customers', { exact: true }).click();
    await drawer().getByLabel('Record').fill('华东精机');
    await pickOption(page, CUSTOMER);
    const explanation = drawer().getByTestId('assignment-explanation');
    await explanation.locator('tr', { hasText: JUNIOR.name }).getByText('Level not eligible').waitFor();
    expect(await explanation.textContent()).toContain('Region: 华东');
    await saveScreenshot(page, 'assignment-explain-en');
    // Leave the next journeys the language they expect.
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });

  it('fits a phone: the rules as cards with up and down buttons, no sideways scrolling', async () => {
    const phone = await openPage(browser, baseUrl, { width: 390, height: 844 });
    try {
      await phone.page.goto('/login');
      await signIn(phone.page);
      await phone.page.getByTestId('welcome-card').waitFor();
      await phone.page.goto('/admin/assignment-rules?entity=customer');
      await phone.page.locator('[data-testid=assignment-rule]').first().waitFor();
      await phone.page.getByText('用上移、下移调整顺序', { exact: false }).waitFor();
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await saveScreenshot(phone.page, 'assignment-rules-phone-zh');
    } finally {
      await phone.context.close();
    }
  });
});
