import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const CUSTOMER = `无锡启航自动化有限公司 ${RUN}`;
const TODAY_TASK = `确认二期报价 ${RUN}`;
const OVERDUE_TASK = `回访试用反馈 ${RUN}`;
const VISIT = `上门演示新产线 ${RUN}`;
const PLAN = `大客户首月跟进 ${RUN}`;
const PLAN_STEPS = ['首次电话沟通', '发送方案资料', '上门拜访'];
const REP = { name: `周晓燕 ${RUN}`, email: `zhou.xiaoyan.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const REP_TASK = `催收样品确认单 ${RUN}`;
const DAY = 86_400_000;

let browser: Browser;
let session: TestPage;
let page: Page;
let customerId: string;
let overdueTaskId: string;

type Row = { id: string; version: number };

/** A call through the API as the page's signed-in user (cookie + CSRF token), for set-up and checks. */
async function call<T>(method: 'GET' | 'POST' | 'PATCH', path: string, data?: object): Promise<T> {
  const { csrfToken } = await currentSession(page);
  const response = await page.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Today in the browser's time zone (the app's "today"), and a datetime-local value later today. */
async function browserToday(on: Page): Promise<{ day: string; laterToday: string }> {
  return on.evaluate(() => {
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const now = new Date();
    // An hour from now, but never past 23:59 today.
    const later = new Date(
      Math.min(now.getTime() + 3_600_000, new Date(now.getFullYear(), now.getMonth(), now.getDate(), 23, 59).getTime()),
    );
    return { day: local(now), laterToday: `${local(later)}T${pad(later.getHours())}:${pad(later.getMinutes())}` };
  });
}

const dialog = () => page.getByRole('dialog');
const card = (testId: string) => page.getByTestId(testId);
const taskRow = (scope: ReturnType<typeof card>, title: string) => scope.getByTestId('task-row').filter({ hasText: title });

/** Picks an option of an antd Select found by its label: open it, type to filter, click the option. */
async function choose(label: string, option: string, typed?: string, scope = dialog()): Promise<void> {
  const select = scope.getByLabel(label, { exact: true }).last();
  await select.click();
  if (typed) await select.fill(typed);
  await pickOption(page, option);
}

/** Opens a day of the month calendar (a drawer at laptop width) by clicking its cell. */
async function openDay(day: string): Promise<void> {
  await card('calendar').locator(`td[title="${day}"]`).click();
  await card('day-panel').waitFor();
}

async function closeDay(): Promise<void> {
  await page.locator('.ant-drawer-close:visible').click();
  await page.locator('.ant-drawer-content:visible').waitFor({ state: 'hidden' });
}

const noSidewaysScroll = (on: Page) => on.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

// One admin session: tasks on my day, completing one with its follow-up, the calendar, a three-step plan.
describe('tasks journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openPage(browser, baseUrl);
    page = session.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
    customerId = (await call<Row>('POST', '/customers', { name: CUSTOMER, region: '无锡' })).id;
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = session?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('creates a task for later today on my day; one three days overdue shows in red with how late', async () => {
    // A task may be given a due time in the past (the server allows it): set one up as if it had been forgotten.
    overdueTaskId = (
      await call<Row>('POST', '/tasks', {
        title: OVERDUE_TASK,
        dueAt: new Date(Date.now() - 3 * DAY).toISOString(),
        customerId,
        activityKind: 'call',
        priority: 'high',
      })
    ).id;

    await page.getByRole('link', { name: '跟进', exact: true }).click();
    await page.getByRole('heading', { name: '我的一天' }).waitFor();
    await page.getByRole('button', { name: '新建任务' }).click();
    await dialog().getByLabel('任务标题').fill(TODAY_TASK);
    const { laterToday } = await browserToday(page);
    await dialog().getByLabel('到期时间').fill(laterToday);
    await choose('优先级', '紧急');
    await choose('跟进方式', '拜访');
    await choose('客户', CUSTOMER, RUN);
    await dialog()
      .getByRole('button', { name: buttonName('保存') })
      .click();
    await page.getByText('任务已创建').waitFor();

    const today = taskRow(card('today-card'), TODAY_TASK);
    await today.waitFor();
    expect(await today.textContent()).toContain('紧急');
    expect(await today.textContent()).toContain('手动');
    await today.getByRole('link', { name: CUSTOMER }).waitFor();
    // A planned visit also shows among the upcoming visits.
    await taskRow(card('visits-card'), TODAY_TASK).waitFor();

    const overdue = taskRow(card('overdue-card'), OVERDUE_TASK);
    await overdue.getByTestId('task-overdue').getByText('逾期 3 天').waitFor();
    await saveScreenshot(page, 'tasks-my-day-zh');
  });

  it('completes the overdue task and logs its call in the same step', async () => {
    await taskRow(card('overdue-card'), OVERDUE_TASK).getByTestId('task-complete').click();
    await dialog().getByText('完成任务').first().waitFor();
    expect(await dialog().getByRole('checkbox', { name: '同时记录跟进' }).isChecked()).toBe(true);
    await choose('结果', '有意向');
    await dialog().getByLabel('跟进内容').fill('试用顺利，下周报价');
    await saveScreenshot(page, 'tasks-complete-dialog-zh');
    await dialog().getByRole('button', { name: '完成任务' }).click();
    await page.getByText('任务已完成，跟进已记录').waitFor();
    await expect.poll(() => taskRow(card('overdue-card'), OVERDUE_TASK).count()).toBe(0);

    const done = await call<{ status: string; activityId: string | null }>('GET', `/tasks/${overdueTaskId}`);
    expect(done.status).toBe('done');
    expect(done.activityId).not.toBeNull();
    const logged = await call<{ data: { kind: string; outcome: string; notes: string }[] }>('GET', `/activities?customerId=${customerId}`);
    expect(logged.data).toEqual([expect.objectContaining({ kind: 'call', outcome: 'interested', notes: '试用顺利，下周报价' })]);
  });

  it('reschedules the visit to tomorrow 9:00: it moves to the next 7 days', async () => {
    await taskRow(card('today-card'), TODAY_TASK).getByTestId('task-more').click();
    await page.locator('.ant-dropdown:visible .ant-dropdown-menu-item', { hasText: '改期' }).click();
    await dialog().getByRole('button', { name: '明天 9:00' }).click();
    await page.getByText('已改期到', { exact: false }).waitFor();
    const moved = taskRow(card('upcoming-card'), TODAY_TASK);
    await moved.waitFor();
    // Under its day's heading, the row says only the time.
    expect(await moved.textContent()).toContain('9:00');
    expect(await taskRow(card('today-card'), TODAY_TASK).count()).toBe(0);
  });

  it('shows the team’s overdue tasks per rep to an admin, and one rep’s when picked', async () => {
    const rep = await call<Row>('POST', '/users', { ...REP, role: 'rep' });
    await call('POST', '/tasks', { title: REP_TASK, assigneeId: rep.id, customerId, dueAt: new Date(Date.now() - 2 * DAY).toISOString() });
    await page.getByTestId('scope-switch').getByText('团队').click();
    await page.getByText('团队逾期', { exact: true }).waitFor();
    const repRow = page.getByTestId('team-overdue').locator('tr', { hasText: REP.name });
    await repRow.getByText('逾期 2 天').waitFor();
    await repRow.click();
    await page.getByText(`${REP.name} 的逾期任务`).waitFor();
    const task = page.getByTestId('task-row').filter({ hasText: REP_TASK });
    await task.getByText('逾期 2 天').waitFor();
    await saveScreenshot(page, 'tasks-team-overdue-zh');
    await page.getByTestId('scope-switch').getByText('我的').click();
    await card('today-card').waitFor();
  });

  it('gives a rep their own day: no team view, no plans', async () => {
    const rep = await openPage(browser, baseUrl);
    try {
      await rep.page.goto('/login');
      await signIn(rep.page, REP);
      await rep.page.getByTestId('welcome-card').waitFor();
      await rep.page.goto('/activities');
      await rep.page.getByTestId('overdue-card').getByTestId('task-row').filter({ hasText: REP_TASK }).waitFor();
      expect(await rep.page.getByTestId('scope-switch').count()).toBe(0);
      expect(await rep.page.getByTestId('tasks-nav').textContent()).not.toContain('跟进计划');
      await rep.page.goto('/activities/plans');
      await rep.page.getByText('只有管理员、销售总监和销售经理可以管理跟进计划').waitFor();
    } finally {
      await rep.context.close();
    }
  });

  it('shows tasks by due day and visits by the day they happened on the calendar', async () => {
    await call('POST', '/activities', { kind: 'visit', subject: VISIT, customerId, location: '无锡新区' });
    await page.getByTestId('tasks-nav').getByText('日历').click();
    await page.getByRole('heading', { name: '任务与拜访日历' }).waitFor();
    await card('calendar').getByText(VISIT).first().waitFor();
    await saveScreenshot(page, 'tasks-calendar-month-zh');
    // A laptop-wide screen opens a day in a drawer, leaving the month its width.
    const { day } = await browserToday(page);
    await openDay(day);
    await card('day-panel').getByTestId('visit-row').filter({ hasText: VISIT }).waitFor();
    await saveScreenshot(page, 'tasks-calendar-day-zh');
    await closeDay();

    // The completed task sits on its due day, three days ago, struck through as done.
    const threeDaysAgo = await page.evaluate((d) => {
      const [y, m, dd] = d.split('-').map(Number);
      const back = new Date(y, m - 1, dd - 3);
      return `${back.getFullYear()}-${String(back.getMonth() + 1).padStart(2, '0')}-${String(back.getDate()).padStart(2, '0')}`;
    }, day);
    await page.goto(`/activities/calendar?date=${threeDaysAgo}`);
    await openDay(threeDaysAgo);
    await taskRow(card('day-panel'), OVERDUE_TASK).getByText('已完成').waitFor();
    await closeDay();

    await page.getByTestId('calendar-view').getByText('周').click();
    await card('calendar').getByTestId('week-list').getByText(OVERDUE_TASK).waitFor();
    await saveScreenshot(page, 'tasks-calendar-week-zh');
  });

  it('creates a follow-up plan with three steps, enrolls the customer, and deactivates the plan the server will not delete', async () => {
    await page.getByTestId('tasks-nav').getByText('跟进计划').click();
    await page.getByRole('heading', { name: '跟进计划' }).waitFor();
    await page.getByRole('button', { name: '新建计划' }).click();
    await dialog().getByLabel('计划名称').fill(PLAN);
    // KA, which the suite's customers are not in, so the plans job enrolls nobody else's customers.
    await choose('客户分级', '大客户');
    const steps = dialog().getByTestId('plan-step');
    await steps.nth(0).getByLabel('任务标题').fill(PLAN_STEPS[0]);
    await dialog().getByRole('button', { name: '添加步骤' }).click();
    await choose('方式', '邮件', undefined, steps.nth(1));
    await steps.nth(1).getByLabel('任务标题').fill(PLAN_STEPS[1]);
    await dialog().getByRole('button', { name: '添加步骤' }).click();
    await steps.nth(2).getByLabel('第几天').fill('7');
    await choose('方式', '拜访', undefined, steps.nth(2));
    await steps.nth(2).getByLabel('任务标题').fill(PLAN_STEPS[2]);
    await saveScreenshot(page, 'tasks-plan-form-zh');
    await dialog()
      .getByRole('button', { name: buttonName('保存') })
      .click();
    await page.getByText('计划已创建').waitFor();
    const plan = page.locator('tr', { hasText: PLAN });
    expect(await plan.getByTestId('plan-steps').textContent()).toBe('第0天 电话 → 第3天 邮件 → 第7天 拜访');
    await saveScreenshot(page, 'tasks-plans-zh');

    // Enrolled by hand: its day-0 step becomes a task at once.
    await plan.getByRole('button', { name: '参与记录' }).click();
    await choose('选择要加入的客户', CUSTOMER, RUN, page.getByTestId('enroll-form'));
    await page.getByRole('button', { name: '手动加入' }).click();
    await page.getByText('已加入计划').waitFor();
    const enrolled = page.locator('.ant-drawer tr', { hasText: CUSTOMER });
    await enrolled.getByText('进行中').waitFor();
    expect(await enrolled.textContent()).toContain(PLAN_STEPS[1]);
    await saveScreenshot(page, 'tasks-plan-enrollments-zh');
    await page.locator('.ant-drawer-close').click();

    // Someone took part, so the server keeps the plan: the page says so and offers to deactivate it.
    await plan.getByRole('button', { name: '删除' }).click();
    await page
      .locator('.ant-modal-confirm:visible')
      .getByRole('button', { name: buttonName('删除') })
      .click();
    const refusal = page.locator('.ant-modal-confirm:visible', { hasText: '无法删除' });
    await refusal.getByRole('button', { name: '改为停用' }).click();
    await page
      .locator('.ant-modal-confirm:visible', { hasText: '进行中的 1 个参与将停止' })
      .getByRole('button', { name: buttonName('停用') })
      .click();
    await page.getByText('计划已停用').waitFor();
    await expect.poll(() => plan.getByTestId('plan-active').getAttribute('aria-checked')).toBe('false');

    // The plan's open task was cancelled with the enrollment.
    const open = await call<{ data: { title: string; status: string }[] }>('GET', `/tasks?customerId=${customerId}&source=plan`);
    expect(open.data.map((t) => [t.title, t.status])).toEqual([[PLAN_STEPS[0], 'cancelled']]);
  });
});

describe('tasks in English and on a phone', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads in English: my day, the calendar, the plans and the plan form', async () => {
    const en = await openPage(browser, baseUrl);
    page = en.page;
    try {
      await page.goto('/login');
      await signIn(page);
      await page.getByTestId('welcome-card').waitFor();
      await page.evaluate(() => window.localStorage.setItem('tierline.locale', 'en'));
      await page.goto('/activities');
      await page.getByRole('heading', { name: 'My day' }).waitFor();
      await taskRow(card('upcoming-card'), TODAY_TASK).getByText('Urgent').waitFor();
      await card('overdue-card').getByText('Overdue', { exact: true }).first().waitFor(); // other journeys leave tasks too
      await saveScreenshot(page, 'tasks-my-day-en');

      await taskRow(card('upcoming-card'), TODAY_TASK).getByTestId('task-complete').click();
      await dialog().getByText('Also log the follow-up').waitFor();
      await saveScreenshot(page, 'tasks-complete-dialog-en');
      await dialog().getByRole('button', { name: 'Cancel' }).click();

      await page.getByTestId('tasks-nav').getByText('Calendar').click();
      await page.getByRole('heading', { name: 'Tasks and visits' }).waitFor();
      await saveScreenshot(page, 'tasks-calendar-month-en');
      await openDay((await browserToday(page)).day);
      await card('day-panel').getByText('Visited', { exact: true }).first().waitFor();
      await saveScreenshot(page, 'tasks-calendar-day-en');
      await closeDay();

      await page.getByTestId('tasks-nav').getByText('Follow-up plans').click();
      const plan = page.locator('tr', { hasText: PLAN });
      expect(await plan.getByTestId('plan-steps').textContent()).toBe('Day 0 Call → Day 3 Email → Day 7 Visit');
      await saveScreenshot(page, 'tasks-plans-en');
      await page.getByRole('button', { name: 'New plan' }).click();
      await dialog().getByText('Add step').waitFor();
      await saveScreenshot(page, 'tasks-plan-form-en');
    } finally {
      await en.context.close();
    }
  });

  it('fits a phone: my day, the calendar and the plans without sideways scrolling', async () => {
    const phone = await openPage(browser, baseUrl, { width: 390, height: 844 });
    page = phone.page;
    try {
      await page.goto('/login');
      await signIn(page);
      await page.getByTestId('welcome-card').waitFor();
      await page.goto('/activities');
      await taskRow(card('upcoming-card'), TODAY_TASK).waitFor();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'tasks-my-day-phone-zh');

      await taskRow(card('upcoming-card'), TODAY_TASK).getByTestId('task-complete').click();
      await dialog().getByText('同时记录跟进').waitFor();
      await settle(page);
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'tasks-complete-dialog-phone-zh');
      await dialog()
        .getByRole('button', { name: buttonName('取消') })
        .click();

      await page.goto('/activities/calendar');
      await card('day-panel').getByText(VISIT).waitFor();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'tasks-calendar-phone-zh');

      await page.goto('/activities/plans');
      // Cards, not a table, on a phone.
      await page.getByTestId('plan-card').filter({ hasText: PLAN }).getByText('第0天 电话 → 第3天 邮件 → 第7天 拜访').waitFor();
      expect(await noSidewaysScroll(page)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'tasks-plans-phone-zh');
    } finally {
      await phone.context.close();
    }
  });
});
