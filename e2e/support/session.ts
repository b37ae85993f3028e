import type { Page } from 'playwright-core';
import { ADMIN } from './server.ts';

export interface Credentials {
  email: string;
  password: string;
}

/** Signs in through the form, which is in Chinese (the default language) for a fresh browser. */
export async function signIn(page: Page, credentials: Credentials = ADMIN): Promise<void> {
  await page.getByLabel('邮箱').fill(credentials.email);
  await page.getByLabel('密码', { exact: true }).fill(credentials.password);
  await page.locator('button[type=submit]').click();
}

export interface SessionInfo {
  user: { id: string; name: string; role: string };
  csrfToken: string;
}

/** The session as the server sees it, through the page's own cookie (for checks and for set-up calls). */
export async function currentSession(page: Page): Promise<SessionInfo> {
  const response = await page.context().request.get('/api/v1/auth/me');
  if (response.status() !== 200) throw new Error(`GET /api/v1/auth/me answered ${response.status()}`);
  return (await response.json()) as SessionInfo;
}

/**
 * A button's name, whatever spacing antd adds: it puts a space between the two characters of a
 * two-character Chinese label ("保 存"), and a clicked button keeps a wave effect node inside it.
 */
export const buttonName = (label: string) => new RegExp([...label].join('\\s*'));

/** A JSON API call as the page's signed-in user (its cookie and CSRF token), for seeding a journey; throws on an error answer. */
export async function apiCall<T>(page: Page, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, data?: object): Promise<T> {
  const { csrfToken } = await currentSession(page);
  const response = await page.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}
