import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, type TestPage } from './support/browser.ts';
import { apiCall, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');

/**
 * User-supplied text is never executed in the UI (issue 11, item 3). Markup saved through the API as a
 * customer's name, address and tags and as an activity's subject and notes is opened in the real web app:
 * it must show as text, inject no element, and run nothing — no dialog, no global set, no CSP report.
 */
const PAYLOADS = [
  `<img src=x onerror="window.__xss='img';alert('xss-img')">`,
  `<script>window.__xss='script';alert('xss-script')</script>`,
  `"><svg onload="window.__xss='svg';alert('xss-svg')">`,
];
const NAME = `XSS 测试 ${PAYLOADS[0]}`;

let browser: Browser;
let session: TestPage;
let page: Page;
const dialogs: string[] = [];
let customerId: string;

/** Elements or attributes a payload would have created, had it become markup. */
const injected = (p: Page) =>
  p.evaluate(() => ({
    elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], script:not([src])').length,
    flag: (window as unknown as { __xss?: string }).__xss ?? null,
  }));

describe('user text is never executed in the web app', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    session = await openPage(browser, baseUrl);
    page = session.page;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
    const customer = await apiCall<{ id: string }>(page, 'POST', '/customers', {
      name: NAME,
      address: PAYLOADS[1],
      tags: ['<b>粗体</b>', '<i onmouseover=alert(1)>x</i>'],
    });
    customerId = customer.id;
    for (const payload of PAYLOADS) {
      await apiCall(page, 'POST', '/activities', { kind: 'note', subject: payload.slice(0, 200), notes: payload, customerId });
    }
  });
  afterAll(async () => {
    if (page) await saveScreenshot(page, 'xss-customer');
    const cspReports = session?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    expect(cspReports).toEqual([]);
  });

  it('the built page has no inline script and is served with a strict CSP', async () => {
    const response = await page.context().request.get('/');
    const csp = response.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    const html = await response.text();
    for (const [, attributes, content] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(attributes).toMatch(/\ssrc="/);
      expect(content.trim()).toBe('');
    }
  });

  it('the customer page shows the markup as text in the header and the overview', async () => {
    await page.goto(`/customers/${customerId}`);
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toContain(NAME);
    await page.getByText(PAYLOADS[1]).first().waitFor(); // the address, as written
    await page.getByText('<b>粗体</b>').first().waitFor(); // a tag, as written
    expect(await injected(page)).toEqual({ elements: 0, flag: null });
    expect(dialogs).toEqual([]);
  });

  it('the timeline shows every activity’s markup as text', async () => {
    await page.goto(`/customers/${customerId}?tab=timeline`);
    for (const payload of PAYLOADS) await page.getByText(payload).first().waitFor();
    expect(await injected(page)).toEqual({ elements: 0, flag: null });
    expect(dialogs).toEqual([]);
  });

  it('the customer list and its search show the name as text', async () => {
    await page.goto(`/customers?q=${encodeURIComponent('XSS 测试')}`);
    await page.getByText(NAME).first().waitFor();
    expect(await injected(page)).toEqual({ elements: 0, flag: null });
    expect(dialogs).toEqual([]);
  });
});
