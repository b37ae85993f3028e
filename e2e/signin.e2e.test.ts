import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, type TestPage } from './support/browser.ts';
import { ADMIN } from './support/server.ts';
import { currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };

let browser: Browser;
let current: TestPage | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  // Whatever the journey, the app must run under the server's CSP (no inline scripts, no eval).
  const cspViolations = current?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
  await current?.context.close();
  current = undefined;
  expect(cspViolations).toEqual([]);
});

async function open(viewport?: { width: number; height: number }): Promise<Page> {
  current = await openPage(browser, baseUrl, viewport);
  return current.page;
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('sign-in journey', () => {
  it('sends a visitor to sign-in in Chinese, signs the admin in, and remembers English across a reload', async () => {
    const page = await open();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录 Tierline' }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    await saveScreenshot(page, 'signin-zh');

    await signIn(page);
    await page.waitForURL((url) => url.pathname === '/');
    const { name } = (await currentSession(page)).user;
    const welcome = page.getByTestId('welcome-card');
    await welcome.getByText(`欢迎，${name}`).waitFor();
    expect(await welcome.textContent()).toContain(ADMIN.orgName);
    expect(await welcome.textContent()).toContain('管理员');
    await page.getByRole('link', { name: '客户', exact: true }).waitFor();
    await saveScreenshot(page, 'dashboard-zh');

    await page.getByTestId('lang-switch').getByText('English').click();
    await welcome.getByText(`Welcome, ${name}`).waitFor();
    await page.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    await saveScreenshot(page, 'dashboard-en');

    await page.reload();
    await page.getByTestId('welcome-card').getByText(`Welcome, ${name}`).waitFor();
    await page.getByRole('link', { name: 'Customers' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.evaluate(() => localStorage.getItem('tierline.locale'))).toBe('en');

    // Admin pages in English, against the real API.
    await page.getByRole('menuitem', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByRole('cell', { name: ADMIN.email }).waitFor();
    await saveScreenshot(page, 'admin-users-en');
  });

  it('shows an error for a wrong password and stays on the sign-in page', async () => {
    const page = await open();
    await page.goto('/login');
    await signIn(page, { email: ADMIN.email, password: 'not-the-password' });
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('邮箱或密码错误');
    expect(new URL(page.url()).pathname).toBe('/login');
    await saveScreenshot(page, 'signin-wrong-password');
  });

  it('at 390×844 keeps the layout within the screen and opens the navigation from the menu button', async () => {
    const page = await open(PHONE);
    await page.goto('/');
    await page.waitForURL('**/login');
    await saveScreenshot(page, 'phone-signin');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();

    // The sider is folded away: its links are not on screen until the drawer opens.
    expect(await page.getByRole('link', { name: '客户', exact: true }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'phone-dashboard');

    await page.getByTestId('nav-menu-button').click();
    const customers = page.getByRole('link', { name: '客户', exact: true });
    await customers.waitFor();
    await saveScreenshot(page, 'phone-navigation');

    await customers.click();
    await page.waitForURL('**/customers');
    await page.getByRole('heading', { name: '客户' }).waitFor();
    await page.getByPlaceholder('按客户名称搜索').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'phone-customers');

    // The deals board scrolls sideways inside itself; the page stays within the screen.
    await page.goto('/deals');
    await page.getByTestId('kanban').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'phone-deals');
  });
});
