import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
const FIRST = { name: '王芳', company: '鞍山钢铁集团有限公司', email: 'wang.fang@ansteel.cn', phone: '138 0000 1234', source: '转介绍' };
// The same person again, from a trade show: the email differs only in case, which the duplicate check ignores.
const SECOND = { name: '王芳（展会）', email: 'Wang.Fang@ANSTEEL.cn', title: '采购经理', source: '展会' };
const CUSTOMER = FIRST.company;

let browser: Browser;
let session: TestPage;
let page: Page;

const dialog = (name?: string) => page.getByRole('dialog', name ? { name } : undefined);
const button = (label: string, scope: Pick<Page, 'getByRole'> = page) => scope.getByRole('button', { name: buttonName(label) });

/** Picks an option of an antd Select found by its label: open it, type to filter, click the option. */
async function choose(scope: ReturnType<typeof dialog>, label: string, option: string): Promise<void> {
  await scope.getByLabel(label).last().click();
  await pickOption(page, option);
}

async function openLeads(): Promise<void> {
  await page.getByRole('link', { name: '线索', exact: true }).click();
  await page.getByRole('heading', { name: '线索' }).waitFor();
}

const leadRow = (name: string) =>
  page.locator('.ant-table-tbody > tr[data-row-key]').filter({ has: page.getByRole('link', { name, exact: true }) });

// One admin session: scoring rules, a lead, its duplicate, the merge, then the conversion into customer + contact + deal.
describe('leads journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openPage(browser, baseUrl);
    page = session.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-leads-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = session?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets two scoring rules in the drawer of the leads page', async () => {
    await openLeads();
    await button('评分规则').click();
    const drawer = page.locator('.ant-drawer:visible');
    await drawer.getByText('还没有评分规则').waitFor();
    await button('添加规则', drawer).click();
    await drawer.getByLabel('名称').last().fill('转介绍');
    await drawer.getByLabel('值').last().fill(FIRST.source);
    await drawer.getByLabel('分数').last().fill('30');
    await button('添加规则', drawer).click();
    await drawer.getByLabel('名称').last().fill('留了电话');
    await choose(drawer, '字段', '电话');
    await choose(drawer, '条件', '已填写');
    await drawer.getByLabel('分数').last().fill('10');
    await saveScreenshot(page, 'leads-scoring-rules-zh');
    await button('保存', drawer).click();
    await page.getByText('评分规则已保存').waitFor();
  });

  it('captures a lead, scored by the rules, and opens it', async () => {
    await button('新建线索').click();
    await dialog().getByLabel('姓名').fill(FIRST.name);
    await dialog().getByLabel('公司').fill(FIRST.company);
    await dialog().getByLabel('邮箱').fill(FIRST.email);
    await dialog().getByLabel('电话').fill(FIRST.phone);
    await dialog().getByLabel('来源').fill(FIRST.source);
    await button('保存', dialog()).click();
    await page.getByTestId('lead-name').getByText(FIRST.name, { exact: true }).waitFor();
    expect(await page.getByTestId('lead-score').textContent()).toBe('40');
    const breakdown = (await page.getByTestId('score-breakdown').first().textContent()) ?? '';
    expect(breakdown).toContain('转介绍+30');
    expect(breakdown).toContain('留了电话+10');
    await page.getByTestId('lead-duplicates').getByText('没有发现疑似重复').waitFor();
    await saveScreenshot(page, 'leads-lead-page-zh');
  });

  it('a second lead with the same email is created, and its duplicate shown at once', async () => {
    await openLeads();
    await button('新建线索').click();
    await dialog().getByLabel('姓名').fill(SECOND.name);
    await dialog().getByLabel('职务').fill(SECOND.title);
    await dialog().getByLabel('邮箱').fill(SECOND.email);
    await dialog().getByLabel('来源').fill(SECOND.source);
    await button('保存', dialog()).click();
    const found = dialog('线索已创建，发现疑似重复');
    const item = found.getByTestId('duplicate-item');
    await item.getByRole('link', { name: FIRST.name, exact: true }).waitFor();
    expect(await item.textContent()).toContain('相同的邮箱');
    await saveScreenshot(page, 'leads-created-duplicate-zh');
  });

  it('merges them, keeping the first lead, which gains the title it lacked', async () => {
    await button('合并', dialog('线索已创建，发现疑似重复')).click();
    const merge = dialog('合并线索');
    // The older lead is proposed as the survivor: the new one is the duplicate.
    await merge.getByTestId('merge-candidate-other').locator('.ant-radio-wrapper-checked').waitFor();
    await expect.poll(() => merge.getByTestId('merge-preview').textContent()).toContain(`${SECOND.title}来自另一条`);
    await saveScreenshot(page, 'leads-merge-zh');
    await button('合并', merge).click();
    await page.getByText(`已合并到“${FIRST.name}”`).waitFor();
    await page.getByTestId('lead-name').getByText(FIRST.name, { exact: true }).waitFor();
    await page.getByTestId('lead-details').getByText(SECOND.title).waitFor();
  });

  it('lists both leads: the kept one with its score breakdown, the other merged', async () => {
    await openLeads();
    await leadRow(FIRST.name).waitFor();
    expect(await leadRow(SECOND.name).getByText('已合并').count()).toBe(1);
    await leadRow(FIRST.name).getByTestId('score-tag').hover();
    await page.locator('.ant-popover:visible').getByText('转介绍').waitFor();
    await saveScreenshot(page, 'leads-list-zh');
  });

  it('converts the lead into a customer, a contact and a deal, and lands on the deal', async () => {
    await leadRow(FIRST.name).getByRole('link', { name: FIRST.name, exact: true }).click();
    await page.getByTestId('lead-name').getByText(FIRST.name, { exact: true }).waitFor();
    await button('转化').click();
    const convert = dialog(`转化线索：${FIRST.name}`);
    // Prefilled from the lead: a new customer named after its company, the contact, a deal in the short pipeline.
    expect(await convert.getByLabel('客户名称').inputValue()).toBe(CUSTOMER);
    expect(await convert.getByLabel('邮箱').inputValue()).toBe(FIRST.email);
    await choose(convert, '采购角色', '经济决策人');
    await convert.getByLabel('金额').fill('120000');
    await saveScreenshot(page, 'leads-convert-zh');
    await button('转化', convert).click();
    await page.waitForURL(/\/deals\//);
    await page.getByTestId('deal-name').getByText(`${CUSTOMER} 新商机`).waitFor();
    await page.getByTestId('deal-overview').getByRole('link', { name: CUSTOMER }).waitFor();
    await page.getByTestId('deal-contacts').getByText(FIRST.name).waitFor();
    await saveScreenshot(page, 'leads-converted-deal-zh');
  });

  it('the converted lead links to its customer, which has the contact', async () => {
    await page.goBack();
    await page.getByTestId('converted-banner').waitFor();
    expect(await page.getByTestId('lead-status').textContent()).toBe('已转化');
    // History is read, not changed: no convert, edit or delete any more.
    expect(await button('转化').count()).toBe(0);
    await page.getByTestId('converted-banner').getByRole('link', { name: '查看客户' }).click();
    await page.getByTestId('customer-name').getByText(CUSTOMER).waitFor();
    await page.getByRole('tab', { name: '联系人' }).click();
    await page.locator('tr', { hasText: FIRST.name }).getByText('经济决策人').waitFor();
  });
});

// The same pages in English and at phone width, for people (and reviewers) to look at.
describe('leads pages in English and on a phone', () => {
  let en: TestPage;
  beforeAll(async () => {
    browser = await launchBrowser();
    en = await openPage(browser, baseUrl);
    page = en.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
    await page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
    // A lead that matches the converted customer by phone: the convert dialog proposes reusing it.
    const { csrfToken } = await currentSession(page);
    const response = await page.context().request.post('/api/v1/leads', {
      headers: { 'x-csrf-token': csrfToken },
      data: { name: 'Li Lei', company: 'Ansteel Trading', phone: '+86 138-0000-1234', source: '转介绍', title: 'Buyer' },
    });
    expect(response.status()).toBe(201);
    await page.goto(`/leads/${((await response.json()) as { id: string }).id}`);
    await page.getByTestId('lead-name').getByText('Li Lei').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the lead page, its duplicate customer and the convert dialog proposing it', async () => {
    await page.getByTestId('lead-duplicates').getByRole('link', { name: CUSTOMER }).waitFor();
    await saveScreenshot(page, 'leads-lead-page-en');
    await page.getByRole('button', { name: 'Convert' }).click();
    const convert = dialog('Convert lead: Li Lei');
    await convert.getByText('This lead matches an existing customer (phone)').waitFor();
    await convert.getByText(CUSTOMER).first().waitFor();
    await saveScreenshot(page, 'leads-convert-en');
    await convert.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows the list and the scoring rules in English', async () => {
    await page.goto('/leads');
    await page.getByRole('heading', { name: 'Leads' }).waitFor();
    await leadRow('Li Lei').waitFor();
    await saveScreenshot(page, 'leads-list-en');
    await page.getByRole('button', { name: 'Scoring rules' }).click();
    await page.locator('.ant-drawer:visible').getByLabel('Name').first().waitFor();
    await saveScreenshot(page, 'leads-scoring-rules-en');
  });

  it('fits a phone: the list, then the lead page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.localStorage.setItem('tierline.locale', 'zh-CN'));
    await page.goto('/leads');
    await leadRow('Li Lei').waitFor();
    await settle(page);
    await saveScreenshot(page, 'leads-list-phone-zh');
    await leadRow('Li Lei').click();
    await page.getByTestId('lead-name').waitFor();
    await saveScreenshot(page, 'leads-lead-page-phone-zh');
    // Nothing sticks out sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
