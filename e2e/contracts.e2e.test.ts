import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const CUSTOMER = `常州合盛机电有限公司 ${RUN}`;
const DEAL = `合盛伺服电机采购 ${RUN}`;
const REP = { name: `陈静 ${RUN}`, email: `chen.jing.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const REP_DEAL = `合盛产线二期 ${RUN}`;

let browser: Browser;
let admin: TestPage;
let page: Page;
let contractUrl: string;

type Row = { id: string; version: number };

/** A request through the API as the page's signed-in user (cookie + CSRF token), for set-up and checks. */
async function request(as: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: object) {
  const { csrfToken } = await currentSession(as);
  return as.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
}

async function call<T>(as: Page, method: 'GET' | 'POST' | 'PATCH', path: string, data?: object): Promise<T> {
  const response = await request(as, method, path, data);
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const juniorLevel = async () =>
  (await call<{ data: (Row & { key: string; maxContractAmount?: string | null })[] }>(page, 'GET', '/levels')).data.find(
    (l) => l.key === 'junior',
  );

/** A customer with a deal of `amount` in the short pipeline, moved to Won, owned by the page's user. */
async function wonDeal(as: Page, customer: string, deal: string, amount: string): Promise<string> {
  const { id: customerId } = await call<Row>(as, 'POST', '/customers', { name: customer, region: '常州' });
  const { data } = await call<{ data: { id: string; processType: string; stages: { id: string; kind: string }[] }[] }>(
    as,
    'GET',
    '/pipelines',
  );
  const short = data.find((p) => p.processType === 'short');
  const won = short?.stages.find((s) => s.kind === 'won');
  if (!short || !won) throw new Error('no short pipeline with a won stage');
  const created = await call<Row>(as, 'POST', '/deals', { name: deal, pipelineId: short.id, customerId, amount });
  await call(as, 'POST', `/deals/${created.id}/move`, { stageId: won.id, version: created.version });
  return created.id;
}

/** A calendar date `days` from today, as date inputs and the API write it. */
function day(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const dialog = (on = page) => on.getByRole('dialog');
const saveDialog = (on = page) =>
  dialog(on)
    .getByRole('button', { name: buttonName('保存') })
    .click();

/** Picks a won deal in the new-contract dialog: type part of its name, click the option. */
async function chooseDeal(on: Page, name: string): Promise<void> {
  const select = dialog(on).getByLabel('商机');
  await select.click();
  await select.fill(name.slice(0, 6));
  await pickOption(on, name);
}

/** Clicks an action, then the same-named button of the confirmation it opens. */
async function confirmAction(label: string): Promise<void> {
  await page
    .getByRole('button', { name: buttonName(label) })
    .first()
    .click();
  const confirm = page.locator('.ant-modal-confirm:visible');
  await confirm.waitFor();
  await settle(page);
  await confirm.getByRole('button', { name: buttonName(label) }).click();
}

const planRows = () => page.getByTestId('payment-plan').locator('.ant-table-tbody > tr[data-row-key]');

// An admin makes a contract from a won deal, plans it, activates it and records a payment; then a
// rep's contract above their level's limit waits for the admin's approval.
describe('contracts, payments and approvals journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    page = admin.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = admin?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('creates a contract from a won deal; it is numbered automatically and starts as a draft', async () => {
    await wonDeal(page, CUSTOMER, DEAL, '300000');
    await page.getByRole('link', { name: '合同回款' }).click();
    await page.getByRole('heading', { name: '合同回款' }).waitFor();
    await page.getByRole('button', { name: '新建合同' }).click();
    await chooseDeal(page, DEAL);
    await dialog().getByLabel('签订日期').fill(day(-20));
    await saveDialog();
    await page.getByTestId('contract-number').waitFor();
    contractUrl = new URL(page.url()).pathname;
    expect(await page.getByTestId('contract-number').textContent()).toMatch(/^HT\d{8}-\d{4}$/);
    expect(await page.getByTestId('contract-status').textContent()).toBe('草稿');
    expect(await page.getByTestId('contract-details').textContent()).toContain('¥300,000.00');
  });

  it('plans two instalments; saving waits until they add up to the contract amount', async () => {
    await page.getByRole('button', { name: '编辑计划' }).click();
    await dialog().getByLabel('平均分成').fill('2');
    await dialog()
      .getByRole('button', { name: buttonName('生成') })
      .click();
    await dialog().getByTestId('plan-row').nth(1).waitFor();
    await dialog().getByLabel('金额', { exact: true }).first().fill('100000');
    const check = dialog().getByTestId('plan-check');
    await check.getByText('还差 ¥50,000.00').waitFor();
    expect(
      await dialog()
        .getByRole('button', { name: buttonName('保存') })
        .isDisabled(),
    ).toBe(true);
    await saveScreenshot(page, 'contracts-plan-short-zh');
    await check.getByRole('button', { name: '差额计入最后一期' }).click();
    await check.getByText('与合同金额一致').waitFor();
    await saveDialog();
    await expect.poll(() => planRows().count()).toBe(2);
    expect(await planRows().nth(0).textContent()).toContain('¥100,000.00');
    expect(await planRows().nth(1).textContent()).toContain('¥200,000.00');
  });

  it('activates the contract: its first instalment, due 20 days ago, is overdue, also under 应收逾期', async () => {
    await confirmAction('生效');
    await page.getByTestId('contract-status').getByText('执行中').waitFor();
    await planRows().nth(0).getByText('已逾期').waitFor();
    await page.getByRole('link', { name: '合同回款' }).click();
    await page.getByRole('tab', { name: '应收逾期' }).click();
    const row = page.getByTestId('overdue-by-customer').locator('tr', { hasText: CUSTOMER });
    await row.waitFor();
    expect(await row.textContent()).toContain('¥100,000.00');
    await saveScreenshot(page, 'contracts-overdue-zh');
  });

  it('records the first instalment’s payment (not more than is owed); progress and statuses follow', async () => {
    await page.goto(contractUrl);
    await page.getByRole('button', { name: '记录回款' }).click();
    const amount = dialog().getByLabel('回款金额');
    // It suggests what is left of the earliest unpaid instalment.
    expect(await amount.inputValue()).toBe('100000.00');
    await amount.fill('300000.01');
    await dialog().getByText('不能超过未回款余额 ¥300,000.00').waitFor();
    await amount.fill('100000');
    await dialog().getByLabel('付款方式').fill('银行转账');
    await dialog().getByLabel('凭证号 / 备注').fill(`CMB-${RUN}`);
    await saveDialog();
    await page.getByTestId('payments').getByText(`CMB-${RUN}`).waitFor();
    await page.getByTestId('contract-progress').getByText('33.3%').waitFor();
    await planRows().nth(0).getByText('已回款').waitFor();
    expect(await planRows().nth(1).getByTestId('installment-status').textContent()).toBe('未到期');
    await saveScreenshot(page, 'contracts-contract-paid-zh');
  });

  it('fits a phone: the contract page does not scroll sideways', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.getByTestId('contract-progress').getByText('33.3%').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await saveScreenshot(page, 'contracts-contract-phone-zh');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('holds a rep’s contract above their level’s limit for approval; the admin approves it under 审批', async (ctx) => {
    const junior = await juniorLevel();
    // Level limits are set with PATCH /levels/:id; a server without that route cannot run this journey.
    const limit =
      junior && (await request(page, 'PATCH', `/levels/${junior.id}`, { maxContractAmount: '100000', version: junior.version }));
    if (!junior || !limit || limit.status() === 404) return ctx.skip();
    expect(limit.status()).toBe(200);
    const rep = await openPage(browser, baseUrl);
    try {
      const me = (await currentSession(page)).user;
      const team = await call<Row>(page, 'POST', '/teams', { name: `合同审批组 ${RUN}`, managerId: me.id });
      await call(page, 'POST', '/users', { ...REP, role: 'rep', teamId: team.id, levelId: junior?.id });
      await rep.page.goto('/login');
      await signIn(rep.page, REP);
      await rep.page.getByTestId('welcome-card').waitFor();
      await wonDeal(rep.page, `${CUSTOMER} 二期`, REP_DEAL, '150000');

      // The rep makes the contract: above the limit, it goes to the team's manager (the admin here).
      await rep.page.goto('/contracts');
      await rep.page.getByRole('button', { name: '新建合同' }).click();
      await chooseDeal(rep.page, REP_DEAL);
      await saveDialog(rep.page);
      await rep.page.getByTestId('contract-status').getByText('待审批').waitFor();
      const alert = rep.page.getByTestId('contract-approval');
      await alert.getByText(`等待 ${me.name} 审批`).waitFor();
      expect(await alert.textContent()).toContain('¥150,000.00');
      const number = (await rep.page.getByTestId('contract-number').textContent()) ?? '';
      await saveScreenshot(rep.page, 'contracts-rep-pending-zh');

      await page.getByRole('link', { name: '审批' }).click();
      const row = page.getByTestId('approvals-table').locator('tr', { hasText: number });
      await row.waitFor();
      expect(await row.textContent()).toContain('¥150,000.00，限额 ¥100,000.00');
      await saveScreenshot(page, 'contracts-approvals-inbox-zh');
      await row.getByRole('button', { name: buttonName('通过') }).click();
      await dialog().getByLabel('审批意见（选填）').fill('客户资信良好，同意');
      await dialog()
        .getByRole('button', { name: buttonName('通过') })
        .click();
      await row.waitFor({ state: 'detached' });

      // Approved: the contract is active by itself, and the rep sees the decision among their requests.
      await rep.page.reload();
      await rep.page.getByTestId('contract-status').getByText('执行中').waitFor();
      await rep.page.goto('/approvals');
      const mine = rep.page.getByTestId('approvals-table').locator('tr', { hasText: number });
      await mine.getByText('已通过').waitFor();
      expect(await mine.textContent()).toContain('客户资信良好，同意');
      await saveScreenshot(rep.page, 'contracts-rep-approvals-zh');
    } finally {
      await rep.context.close();
      const after = await juniorLevel();
      // Other journeys share the organisation: the junior level gets its limit back.
      if (after)
        await call(page, 'PATCH', `/levels/${after.id}`, { maxContractAmount: junior.maxContractAmount ?? null, version: after.version });
    }
  });
});
