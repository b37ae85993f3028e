import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
const CUSTOMER = '苏州恒远精密制造有限公司';
const CONTACT = { name: '李秀英', title: '财务总监' };
const DEAL = '恒远二期产线改造';

let browser: Browser;
let session: TestPage;
let page: Page;

const dialog = () => page.getByRole('dialog');
const saveDialog = () =>
  dialog()
    .getByRole('button', { name: buttonName('保存') })
    .click();

/** Picks an option of an antd Select found by its label: open it, type to filter, click the option. */
async function choose(label: string, option: string, typed?: string, scope = dialog()): Promise<void> {
  const select = scope.getByLabel(label).last();
  await select.click();
  if (typed) await select.fill(typed);
  await pickOption(page, option);
}

const column = (stageKey: string) => page.getByTestId(`stage-${stageKey}`);
const card = (stageKey: string) => column(stageKey).getByTestId('deal-card').filter({ hasText: DEAL });

// One admin session: a customer with a contact, a deal for it, a move its gate refuses, then fixed and moved.
describe('customers and deals journey (zh-CN)', () => {
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

  it('creates a customer and lands on its page, with its tier as a tag', async () => {
    await page.getByRole('link', { name: '客户', exact: true }).click();
    await page.getByRole('heading', { name: '客户' }).waitFor();
    await page.getByRole('button', { name: '新建客户' }).click();
    await dialog().getByLabel('客户名称').fill(CUSTOMER);
    await dialog().getByLabel('区域').fill('苏州');
    await dialog().getByLabel('行业').fill('制造业');
    await saveDialog();
    await page.getByTestId('customer-name').getByText(CUSTOMER).waitFor();
    // A new customer starts in the lowest tier until the rules run.
    expect(await page.getByTestId('tier-tag').first().textContent()).toBe('小客户');
    await saveScreenshot(page, 'journey-customer-created-zh');
  });

  it('adds a contact with a buying role', async () => {
    await page.getByRole('tab', { name: '联系人' }).click();
    await page.getByRole('button', { name: '添加联系人' }).click();
    await dialog().getByLabel('姓名').fill(CONTACT.name);
    await dialog().getByLabel('职务').fill(CONTACT.title);
    await choose('采购角色', '经济决策人');
    await saveDialog();
    const row = page.locator('tr', { hasText: CONTACT.name });
    await row.getByText('经济决策人').waitFor();
    expect(await row.textContent()).toContain(CONTACT.title);
    await saveScreenshot(page, 'journey-customer-contact-zh');
  });

  it('shows the purchase summary with its monthly chart once the customer has orders', async () => {
    // Orders come from integrations (there is no order form): record two through the API, as the page's user.
    const customerId = new URL(page.url()).pathname.split('/').pop();
    const { csrfToken } = await currentSession(page);
    for (const [daysAgo, quantity] of [
      [70, 10],
      [10, 4],
    ]) {
      const response = await page.context().request.post('/api/v1/orders', {
        headers: { 'x-csrf-token': csrfToken },
        data: {
          customerId,
          orderedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
          lines: [{ productCode: 'P-300', productName: '数控主轴', category: '机械部件', quantity, unitPrice: '15600' }],
        },
      });
      expect(response.status()).toBe(201);
    }
    await page.getByRole('tab', { name: '购买分析' }).click();
    await page.getByTestId('monthly-chart').locator('canvas').waitFor();
    const figures = (await page.getByTestId('purchase-figures').textContent()) ?? '';
    expect(figures).toContain('218,400'); // 14 × 15,600
    expect(figures).toContain('60'); // days between the two orders
    await page.locator('tr', { hasText: '数控主轴' }).first().waitFor();
    await saveScreenshot(page, 'journey-customer-purchases-zh');
  });

  it('finds the customer in the list by searching its name', async () => {
    await page.getByRole('link', { name: '客户', exact: true }).click();
    await page.getByPlaceholder('按客户名称搜索').fill('恒远');
    await page.getByPlaceholder('按客户名称搜索').press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '恒远');
    const rows = page.locator('.ant-table-tbody > tr[data-row-key]');
    await rows.filter({ hasText: CUSTOMER }).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
  });

  it('creates a long-cycle deal for the customer; it appears in the first stage', async () => {
    await page.getByRole('link', { name: '商机' }).click();
    await page.getByTestId('pipeline-switch').getByText('长期销售').click();
    await column('discovery').waitFor();
    await page.getByRole('button', { name: '新建商机' }).click();
    await dialog().getByLabel('商机名称').fill(DEAL);
    await choose('客户', CUSTOMER, '恒远');
    await saveDialog();
    await card('discovery').waitFor();
    await saveScreenshot(page, 'journey-deal-created-zh');
  });

  it('refuses a drag into Proposal and lists what its gate misses; the card stays where it was', async () => {
    await settle(page);
    await card('discovery').dragTo(column('proposal'));
    const missing = page.getByTestId('gate-missing');
    await missing.waitFor();
    const text = (await missing.textContent()) ?? '';
    expect(text).toContain('填写金额');
    expect(text).toContain('“经济决策人”');
    await saveScreenshot(page, 'journey-gate-refused-zh');
    await dialog()
      .getByRole('button', { name: buttonName('关闭') })
      .last()
      .click();
    await card('discovery').waitFor();
    expect(await card('proposal').count()).toBe(0);
  });

  it('on the deal page, adds the economic buyer and the amount, then moves the deal to Proposal', async () => {
    await card('discovery').getByRole('link', { name: DEAL }).click();
    await page.getByTestId('deal-name').getByText(DEAL).waitFor();

    await page.getByTestId('deal-contacts').waitFor();
    await page
      .locator('.ant-card', { hasText: '联系人与采购角色' })
      .getByRole('button', { name: buttonName('编辑') })
      .click();
    await dialog().getByRole('button', { name: '添加联系人' }).click();
    await choose('姓名', CONTACT.name);
    await choose('采购角色', '经济决策人');
    await saveDialog();
    await page.getByTestId('deal-contacts').getByText('经济决策人').waitFor();

    await page
      .getByRole('button', { name: buttonName('编辑') })
      .first()
      .click();
    await dialog().getByLabel('金额').fill('500000');
    await saveDialog();
    await page.getByTestId('deal-overview').getByText('¥500,000.00').first().waitFor();

    await choose('移到阶段', '提交方案', undefined, page.locator('body'));
    await page.getByTestId('deal-stage').getByText('提交方案').waitFor();
    await page.getByTestId('stage-history').getByText('提交方案').waitFor();
    await saveScreenshot(page, 'journey-deal-moved-zh');
  });

  it('shows the deal in Proposal on the board, with the column total and the weighted total (60 %)', async () => {
    await page.getByRole('link', { name: '商机' }).click();
    await page.getByTestId('pipeline-switch').getByText('长期销售').click();
    await card('proposal').waitFor();
    expect(await card('discovery').count()).toBe(0);
    const totals = (await column('proposal').getByTestId('column-totals').textContent()) ?? '';
    expect(totals).toContain('合计 ¥50万');
    expect(totals).toContain('加权 ¥30万');
    await saveScreenshot(page, 'journey-board-zh');
  });

  it('moves a deal from its card menu (the way on a phone); Lost asks for the loss reason first', async () => {
    await card('proposal').getByRole('button', { name: '移到阶段' }).click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '输单' }).click();
    await dialog().getByLabel('输单原因').fill('预算削减，项目延期到明年');
    await dialog().getByRole('button', { name: '确认输单' }).click();
    await card('lost').waitFor();
    expect(await card('proposal').count()).toBe(0);
    await saveScreenshot(page, 'journey-board-lost-zh');
  });
});
