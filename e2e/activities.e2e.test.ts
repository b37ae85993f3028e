import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const CUSTOMER = `上海澄明医疗器械有限公司 ${RUN}`;
const CONTACT = { name: '陈静', title: '设备科主任' };
const LEAVER = { name: '周涛', title: '采购专员' };
const DEAL = `澄明手术室设备采购 ${RUN}`;
const LEAD = `赵磊 ${RUN}`;
const VISIT = '现场演示新一代内窥镜';
const CALL = '确认招标时间表';
const PLACE = '上海市徐汇区宜山路 700 号';
const NOTES = '科室对 4K 画质满意，要求下周提供报价。';
// People's Square, Shanghai: the position the browser reports when the rep taps 定位.
const POSITION = { latitude: 31.2304, longitude: 121.4737, accuracy: 25 };

let browser: Browser;
let session: TestPage;
let page: Page;
let customerId: string;
let dealId: string;
let leadId: string;
let leaver: { id: string; version: number };

/** Set-up and checks through the API, as the signed-in admin (cookie + CSRF token of the page). */
async function call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, data?: object): Promise<T> {
  const { csrfToken } = await currentSession(page);
  const response = await page.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const dialog = () => page.getByRole('dialog');
const events = (testId: string) => page.getByTestId(testId).getByTestId('timeline-event');
/** The value beside a label in a bordered antd Descriptions. */
const described = (label: string) => page.locator('th', { hasText: label }).locator('xpath=following-sibling::td[1]');

/** Picks an option of an antd Select found by its label in the dialog. */
async function choose(label: string, option: string): Promise<void> {
  await dialog().getByLabel(label).click();
  await pickOption(page, option);
}

async function chooseKind(label: string): Promise<void> {
  await dialog().locator('.ant-segmented-item', { hasText: label }).click();
}

async function saveDialog(): Promise<void> {
  await dialog()
    .getByRole('button', { name: buttonName('保存') })
    .click();
}

// One admin session: a visit with a check-in logged on a customer, its timeline and last contact, a call on
// one of its deals, a refusal shown on its field, a note on a lead; then English and a phone.
describe('activities and timelines journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openPage(browser, baseUrl);
    page = session.page;
    await session.context.grantPermissions(['geolocation']);
    await session.context.setGeolocation(POSITION);
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();

    customerId = (await call<{ id: string }>('POST', '/customers', { name: CUSTOMER, region: '上海', industry: '医疗器械' })).id;
    await call('POST', '/contacts', { customerId, ...CONTACT });
    leaver = await call<{ id: string; version: number }>('POST', '/contacts', { customerId, ...LEAVER });
    const pipelines = await call<{ data: { id: string; processType: string }[] }>('GET', '/pipelines');
    const short = pipelines.data.find((p) => p.processType === 'short') ?? pipelines.data[0]!;
    dealId = (await call<{ id: string }>('POST', '/deals', { name: DEAL, pipelineId: short.id, customerId, amount: '380000' })).id;
    leadId = (await call<{ id: string }>('POST', '/leads', { name: LEAD, company: '杭州明德医院', source: '展会' })).id;
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = session?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('logs a visit with its check-in from the customer page’s 记录跟进', async () => {
    await page.goto(`/customers/${customerId}`);
    await page.getByTestId('customer-name').getByText(CUSTOMER).waitFor();
    expect(await described('最近联系').textContent()).toContain('从未联系');

    await page.getByTestId('log-activity').click();
    await dialog().locator('.ant-modal-title').getByText(CUSTOMER).waitFor();
    await chooseKind('拜访');
    await dialog().getByLabel('主题').fill(VISIT);
    await choose('联系人', CONTACT.name);
    await choose('关联商机', DEAL);
    await choose('结果', '有意向');
    await dialog().getByLabel('时长').fill('45');
    await dialog().getByLabel('拜访地点').fill(PLACE);
    await dialog().getByTestId('locate').click();
    expect(await dialog().getByTestId('geo-fix').textContent()).toContain('31.2304, 121.4737');
    await dialog().getByLabel('详细记录').fill(NOTES);
    await saveScreenshot(page, 'activities-form-visit-zh');
    await saveDialog();
    await page.getByText('跟进已记录，客户的最近联系时间已更新').waitFor();

    const [activity] = (await call<{ data: Record<string, unknown>[] }>('GET', `/activities?customerId=${customerId}`)).data;
    expect(activity).toMatchObject({ kind: 'visit', subject: VISIT, location: PLACE, latitude: 31.2304, longitude: 121.4737, dealId });
    expect(activity?.durationMinutes).toBe(45);
  });

  it('shows the visit on the customer’s timeline under today, with contact, place and a link to its deal', async () => {
    await page.getByRole('tab', { name: '时间线' }).click();
    const visit = events('customer-timeline').filter({ hasText: `拜访：${VISIT}` });
    await visit.waitFor();
    // Contact names are looked up after the events arrive: wait for them before reading the line.
    await expect.poll(() => visit.textContent()).toContain(`联系人：${CONTACT.name}`);
    const text = (await visit.textContent()) ?? '';
    expect(text).toContain('结果：有意向');
    expect(text).toContain('45 分钟');
    expect(text).toContain(`联系人：${CONTACT.name}`);
    expect(text).toContain(`地点：${PLACE}`);
    await visit.getByRole('link', { name: DEAL }).waitFor();
    expect(await page.getByTestId('timeline-day').first().textContent()).toMatch(/^今天 · /);
    // The timeline carries no notes; they are read when asked for.
    await visit.getByText('详细记录').click();
    expect(await visit.getByTestId('activity-notes').textContent()).toBe(NOTES);
    // The deal's creation is on the customer's story too.
    await events('customer-timeline')
      .filter({ hasText: `商机“${DEAL}”进入` })
      .waitFor();
    await saveScreenshot(page, 'activities-customer-timeline-zh');
  });

  it('narrows the timeline with the kind chips', async () => {
    await page.getByTestId('timeline-filters').getByText('阶段变化').click();
    await expect
      .poll(() => events('customer-timeline').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind'))))
      .toEqual(['stage_change']);
    // Swap it for orders: the customer has none yet.
    await page.getByTestId('timeline-filters').getByText('阶段变化').click();
    await page.getByTestId('timeline-filters').getByText('订单').click();
    await page.getByText('没有这些类型的记录').waitFor();
    await page.getByTestId('timeline-filters').getByText('全部').click();
    await events('customer-timeline').filter({ hasText: VISIT }).waitFor();
  });

  it('moves the customer’s last contact (overview) without a reload', async () => {
    await page.getByRole('tab', { name: '概览' }).click();
    await expect.poll(async () => (await described('最近联系').textContent()) ?? '').not.toContain('从未联系');
    const customer = await call<{ lastContactAt: string | null }>('GET', `/customers/${customerId}`);
    expect(Date.now() - Date.parse(customer.lastContactAt ?? '')).toBeLessThan(10 * 60_000);
  });

  it('logs a call on the deal from its page; it shows on the deal’s timeline and the customer’s', async () => {
    await page.goto(`/deals/${dealId}`);
    await page.getByTestId('deal-name').getByText(DEAL).waitFor();
    await page.getByTestId('log-activity').click();
    await dialog().locator('.ant-modal-title').getByText(DEAL).waitFor();
    // A deal's activity is the deal's: no deal picker.
    expect(await dialog().getByLabel('关联商机').count()).toBe(0);
    await dialog().getByLabel('主题').fill(CALL);
    await choose('结果', '需再跟进');
    await dialog().getByLabel('时长').fill('12');
    await saveDialog();
    await page.getByText('跟进已记录，客户的最近联系时间已更新').waitFor();
    const callEvent = events('deal-timeline').filter({ hasText: `电话：${CALL}` });
    await callEvent.waitFor();
    expect(await callEvent.textContent()).toContain('12 分钟');
    // On its own timeline the deal is not named again.
    await events('deal-timeline')
      .filter({ hasText: /^进入“/ })
      .first()
      .waitFor();
    await page.getByTestId('deal-timeline').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'activities-deal-page-zh');

    await page.goto(`/customers/${customerId}?tab=timeline`);
    await events('customer-timeline')
      .filter({ hasText: `电话：${CALL}` })
      .getByRole('link', { name: DEAL })
      .waitFor();
  });

  it('puts the server’s refusal on its field: a contact deleted while the form was open', async () => {
    await page.getByTestId('log-activity').click();
    await dialog().getByLabel('主题').fill('电话回访');
    await choose('联系人', LEAVER.name);
    await call('DELETE', `/contacts/${leaver.id}?version=${leaver.version}`);
    await saveDialog();
    await dialog().getByText('该联系人不属于这个客户').waitFor();
    await page.getByText('请检查标出的字段').waitFor();
    await saveScreenshot(page, 'activities-form-field-error-zh');
    await dialog()
      .getByRole('button', { name: buttonName('取消') })
      .click();
  });

  it('refuses a time in the future on the form itself', async () => {
    await page.getByTestId('log-activity').click();
    await dialog().getByLabel('主题').fill('明天拜访');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await dialog()
      .getByLabel('发生时间')
      .fill(`${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T10:00`);
    await saveDialog();
    await dialog().getByText('不能晚于现在；计划中的跟进请建成任务').waitFor();
    await dialog()
      .getByRole('button', { name: buttonName('取消') })
      .click();
  });

  it('logs a note on a lead and lists it on the lead’s page', async () => {
    await page.goto(`/leads/${leadId}`);
    await page.getByTestId('lead-name').getByText(LEAD).waitFor();
    await page.getByTestId('log-activity').click();
    // A lead has no contacts or deals yet.
    expect(await dialog().getByLabel('联系人').count()).toBe(0);
    await chooseKind('备注');
    await dialog().getByLabel('主题').fill('展会上留下名片，关注腔镜产品');
    await saveDialog();
    await page.getByText('跟进已记录', { exact: true }).waitFor();
    await page.getByTestId('lead-activities').getByText('备注：展会上留下名片，关注腔镜产品').waitFor();
    await saveScreenshot(page, 'activities-lead-page-zh');
  });
});

describe('activities in English and on a phone', () => {
  let en: TestPage;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads in English: the timeline and the form', async () => {
    en = await openPage(browser, baseUrl);
    page = en.page;
    try {
      await page.goto('/login');
      await signIn(page);
      await page.getByTestId('welcome-card').waitFor();
      await page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
      await page.goto(`/customers/${customerId}?tab=timeline`);
      const visit = events('customer-timeline').filter({ hasText: `Visit: ${VISIT}` });
      await visit.waitFor();
      // Contact names are looked up after the events arrive: wait for them.
      await expect.poll(() => visit.textContent()).toContain(`With ${CONTACT.name}`);
      expect(await page.getByTestId('timeline-day').first().textContent()).toMatch(/^Today · /);
      await page.getByRole('tab', { name: 'Timeline' }).waitFor();
      await saveScreenshot(page, 'activities-customer-timeline-en');

      await page.getByRole('button', { name: 'Log activity' }).click();
      await dialog().getByText('Subject').waitFor();
      await chooseKind('Visit');
      await dialog().getByText('Visit location').waitFor();
      await saveScreenshot(page, 'activities-form-en');
      await dialog().getByRole('button', { name: 'Cancel' }).click();

      await page.goto(`/deals/${dealId}`);
      await events('deal-timeline')
        .filter({ hasText: `Call: ${CALL}` })
        .waitFor();
      await saveScreenshot(page, 'activities-deal-page-en');
    } finally {
      await en.context.close();
    }
  });

  it('fits a phone: the timeline and the form, no sideways scrolling', async () => {
    const phone = await openPage(browser, baseUrl, { width: 390, height: 844 });
    page = phone.page;
    try {
      await page.goto('/login');
      await signIn(page);
      await page.getByTestId('welcome-card').waitFor();
      await page.goto(`/customers/${customerId}?tab=timeline`);
      await events('customer-timeline').filter({ hasText: VISIT }).waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'activities-customer-timeline-phone-zh');

      await page.getByTestId('log-activity').click();
      await chooseKind('拜访');
      await dialog().getByLabel('拜访地点').waitFor();
      await settle(page);
      expect(await overflow()).toBeLessThanOrEqual(0);
      // The five kinds fit across the dialog.
      const segmented = await dialog().locator('.ant-segmented').boundingBox();
      const body = await dialog().locator('.ant-modal-body').boundingBox();
      expect((segmented?.width ?? 0) <= (body?.width ?? 0)).toBe(true);
      await saveScreenshot(page, 'activities-form-phone-zh');
    } finally {
      await phone.context.close();
    }
  });
});
