import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Debian's chromium (CI installs it with apt); playwright-core downloads no browser of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and page crashes seen so far (CSP violations show up here). */
  errors: string[];
}

/** A fresh context per test: no cookies, no localStorage, nothing left over from another test. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = { width: 1280, height: 800 },
): Promise<TestPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Waits out antd's transitions (drawer slide, popup zoom); endless ones (a spinner, a caret) do not count. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
  );
}

/**
 * Clicks an option of the antd Select that is open now. The option list is found through the open combobox's
 * `aria-controls`: a dropdown that is still closing (its combobox no longer expanded) can look visible for a moment,
 * and matching options by text across all dropdowns picked from it.
 */
export async function pickOption(page: Page, text: string): Promise<void> {
  const combobox = page.locator('[role="combobox"][aria-expanded="true"][aria-controls]');
  await combobox.first().waitFor();
  const listId = await combobox.first().getAttribute('aria-controls');
  await page
    .locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) })
    .locator('.ant-select-item-option', { hasText: text })
    .first()
    .click();
}

/** Saves a screenshot to e2e/artifacts/<name>.png for people (and reviewers) to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  // Or the picture catches a drawer or a dialog halfway.
  await settle(page);
  await page.screenshot({ path: `${ARTIFACTS_DIR}${name}.png` });
}
