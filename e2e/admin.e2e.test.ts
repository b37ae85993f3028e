import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
const REP = { email: 'zhang.wei@example.com', name: '张伟', password: 'Rep-Passw0rd-1' };
const TEAM = { name: '华东一组', region: '上海' };

let browser: Browser;
let admin: TestPage;
let page: Page;

/** Picks an option of an antd Select: open it, type to filter, click the option. */
async function choose(scope: Page, label: string, option: string, typed?: string): Promise<void> {
  const select = scope.getByRole('dialog').getByLabel(label);
  await select.click();
  if (typed) await select.fill(typed);
  await pickOption(scope, option);
  // The next field must not be clicked through a list still closing (other journeys leave many teams in it).
  await expect.poll(() => scope.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

const dialog = () => page.getByRole('dialog');
/** The dialog's × (its footer button may say 关闭 too, with antd's space: "关 闭"). */
const closeDialog = () => dialog().getByRole('button', { name: '关闭', exact: true }).click();
const saveDialog = () =>
  dialog()
    .getByRole('button', { name: buttonName('保存') })
    .click();
/** Clicks the confirm button of an antd Popconfirm once it has finished opening (a click mid-animation is lost). */
async function confirmPopup(label: string): Promise<void> {
  const popup = page.locator('.ant-popconfirm:visible');
  await popup.waitFor();
  await settle(page);
  await popup.getByRole('button', { name: buttonName(label) }).click();
}
const row = (text: string) => page.locator('tr', { hasText: text });

// One admin session walks through the admin pages in order; each step builds on the last.
describe('admin journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    page = admin.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    // A picture of the moment a step failed says more than the timeout message.
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = admin?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('creates a team with a manager picked by searching users', async () => {
    await page.getByRole('menuitem', { name: '系统管理' }).click();
    await page.getByRole('link', { name: '团队' }).click();
    await page.getByRole('button', { name: '新建团队' }).click();
    await dialog().getByLabel('团队名称').fill(TEAM.name);
    await dialog().getByLabel('区域').fill(TEAM.region);
    await choose(page, '负责经理', 'admin@example.com', 'Admin');
    await saveDialog();
    await row(TEAM.name).getByText('Admin').waitFor();
    expect(await row(TEAM.name).textContent()).toContain(TEAM.region);
    await saveScreenshot(page, 'admin-teams-zh');
  });

  it('creates a user with role, team and level, and shows their names in the table', async () => {
    await page.getByRole('link', { name: '用户' }).click();
    await page.getByRole('button', { name: '新建用户' }).click();
    await dialog().getByLabel('邮箱').fill(REP.email);
    await dialog().getByLabel('姓名').fill(REP.name);
    await choose(page, '团队', TEAM.name, TEAM.name);
    await choose(page, '销售等级', '初级');
    await dialog().getByLabel('初始密码').fill(REP.password);
    await saveDialog();
    const rep = row(REP.email);
    await rep.getByText('销售代表').waitFor();
    expect(await rep.textContent()).toContain(TEAM.name);
    expect(await rep.textContent()).toContain('初级');
  });

  it('edits a user, and after a concurrent change shows the conflict and reloads the record', async () => {
    await row(REP.email)
      .getByRole('button', { name: buttonName('编辑') })
      .click();
    await choose(page, '角色', '销售经理');
    await saveDialog();
    await row(REP.email).getByText('销售经理').waitFor();

    // Someone else renames the user while this admin has the edit form open.
    await row(REP.email)
      .getByRole('button', { name: buttonName('编辑') })
      .click();
    await dialog().getByLabel('姓名').waitFor();
    const { csrfToken } = await currentSession(page);
    const list = await page.context().request.get(`/api/v1/users?q=${encodeURIComponent(REP.email)}`);
    const [stored] = ((await list.json()) as { data: { id: string; version: number }[] }).data;
    const patch = await page.context().request.patch(`/api/v1/users/${stored?.id}`, {
      data: { name: '张伟（外部修改）', version: stored?.version },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(patch.status()).toBe(200);

    await choose(page, '销售等级', '中级');
    await saveDialog();
    await dialog().getByText('该记录已被其他人修改').waitFor();
    await saveScreenshot(page, 'admin-user-conflict-zh');
    await dialog().getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => dialog().getByLabel('姓名').inputValue()).toBe('张伟（外部修改）');
    await choose(page, '销售等级', '中级');
    await saveDialog();
    await row(REP.email).getByText('中级').waitFor();
    expect(await row(REP.email).textContent()).toContain('张伟（外部修改）');
  });

  it('issues a one-time reset token that lets the user set a new password, then change it themselves', async () => {
    await row(REP.email).getByRole('button', { name: '重置密码' }).click();
    await confirmPopup('是');
    const token = (await page.getByTestId('reset-token').textContent())?.trim() ?? '';
    expect(token.length).toBeGreaterThan(10);
    await saveScreenshot(page, 'admin-reset-token-zh');
    await closeDialog();

    const rep = await openPage(browser, baseUrl);
    try {
      await rep.page.goto('/login');
      await rep.page.getByRole('link', { name: '已有密码重置令牌？' }).click();
      await rep.page.getByLabel('重置令牌').fill(token);
      await rep.page.getByLabel('新密码').fill('New-Rep-Passw0rd');
      await rep.page.locator('button[type=submit]').click();
      await rep.page.waitForURL('**/login');
      await rep.page.getByTestId('login-notice').getByText('密码已重置，请使用新密码登录').waitFor();
      await signIn(rep.page, { email: REP.email, password: 'New-Rep-Passw0rd' });
      await rep.page.getByTestId('welcome-card').getByText('欢迎，张伟（外部修改）').waitFor();
      // A manager sees the modules but not the admin group.
      expect(await rep.page.getByRole('menuitem', { name: '系统管理' }).count()).toBe(0);
      await saveScreenshot(rep.page, 'manager-dashboard-zh');

      // The user then picks a password of their own, signs out, and back in with it.
      await rep.page.getByTestId('user-menu').click();
      await rep.page.getByRole('menuitem', { name: '修改密码' }).click();
      const form = rep.page.getByRole('dialog');
      await form.getByLabel('当前密码').fill('New-Rep-Passw0rd');
      await form.getByLabel('新密码', { exact: true }).fill('My-Own-Passw0rd');
      await form.getByLabel('确认新密码').fill('My-Own-Passw0rd');
      await form.getByRole('button', { name: buttonName('保存') }).click();
      await rep.page.getByText('密码已修改').waitFor();
      await rep.page.getByTestId('user-menu').click();
      await rep.page.getByRole('menuitem', { name: '退出登录' }).click();
      await rep.page.waitForURL('**/login');
      await signIn(rep.page, { email: REP.email, password: 'My-Own-Passw0rd' });
      await rep.page.getByTestId('welcome-card').waitFor();
    } finally {
      await rep.context.close();
    }
  });

  it('shows the changes in the audit log, filtered by entity', async () => {
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByPlaceholder('对象类型，如 user').fill('user');
    await page.getByPlaceholder('对象类型，如 user').press('Enter');
    await page.getByText('张伟（外部修改）').first().waitFor();
    await page.locator('.ant-tag', { hasText: '修改' }).first().waitFor();
    await saveScreenshot(page, 'admin-audit-log-zh');
  });

  it('creates an API token shown once, which works until it is revoked', async () => {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'API 令牌' }).click();
    await page.getByRole('button', { name: '新建令牌' }).click();
    await dialog().getByLabel('名称').fill('数据同步脚本');
    await dialog()
      .getByRole('button', { name: buttonName('新建') })
      .click();
    const token = (await page.getByTestId('created-token').textContent())?.trim() ?? '';
    await saveScreenshot(page, 'api-token-created-zh');
    const asScript = (bearer: string) => fetch(`${baseUrl}/api/v1/users`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await asScript(token)).status).toBe(200);

    await closeDialog();
    await row('数据同步脚本')
      .getByRole('button', { name: buttonName('撤销') })
      .click();
    await confirmPopup('撤销');
    await row('数据同步脚本').waitFor({ state: 'detached' });
    expect((await asScript(token)).status).toBe(401);
  });
  // Last, because it locks the user out for 15 minutes.
  it('tells a user whose account got locked after repeated wrong passwords', async () => {
    const visitor = await openPage(browser, baseUrl);
    try {
      await visitor.page.goto('/login');
      const error = visitor.page.getByTestId('login-error');
      let text = '';
      for (let attempt = 1; attempt <= 7 && !text.includes('锁定'); attempt++) {
        const answered = visitor.page.waitForResponse('**/api/v1/auth/login');
        await signIn(visitor.page, { email: REP.email, password: `wrong-password-${attempt}` });
        await answered;
        // The form hides the previous error on submit and shows the new one after the answer.
        await error.waitFor();
        text = (await error.textContent()) ?? '';
      }
      expect(text).toMatch(/登录失败次数过多，账户已暂时锁定/);
      await saveScreenshot(visitor.page, 'signin-locked-zh');
    } finally {
      await visitor.context.close();
    }
  });
});
