/**
 * Issue 10 item 5, measured in Debian's chromium against the benchmark's running server: the JavaScript the first
 * page loads (the sign-in page for a visitor, the dashboard for someone signed in), gzipped, and whether a page of
 * 200 customers renders and scrolls without jank.
 */
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type CustomersRender, measureCustomers } from './webBudget.customers.ts';

export type ScriptLoad = { file: string; bytes: number; gzipBytes: number };
export type FirstLoad = { page: string; scripts: number; bytes: number; gzipBytes: number; biggest: ScriptLoad[] };
export type WebResult = {
  loadavg: number[];
  signIn: FirstLoad;
  dashboard: FirstLoad;
  customers: CustomersRender;
};

/** The figure for the first page, and what "jank" means here: a main-thread task longer than this. */
export const FIRST_PAGE_GZIP_BUDGET = 300 * 1024;
export const JANK_TASK_MS = 100;

/** The flags this machine's chromium needs (as in e2e/support/browser.ts): headless, no sandbox, no GPU, no network. */
function launch(): Promise<Browser> {
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

/**
 * Records every JavaScript file the page fetches. The server sends them uncompressed (a proxy in front compresses in
 * production), so each body is gzipped here at zlib's default level, what such a proxy does; a response that came
 * compressed counts as it came.
 */
function recordScripts(page: Page) {
  const loads: Promise<ScriptLoad | undefined>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    loads.push(
      (async () => {
        const body = await response.body().catch(() => undefined);
        if (!body) return undefined;
        const encoded = (await response.headerValue('content-encoding')) !== null;
        const sizes = encoded ? await response.request().sizes() : undefined;
        return { file: url.pathname, bytes: body.length, gzipBytes: sizes ? sizes.responseBodySize : gzipSync(body).length };
      })(),
    );
  });
  return async (name: string): Promise<FirstLoad> => {
    const seen = new Map<string, ScriptLoad>();
    for (const load of await Promise.all(loads)) if (load) seen.set(load.file, load);
    const all = [...seen.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
    return {
      page: name,
      scripts: all.length,
      bytes: all.reduce((n, s) => n + s.bytes, 0),
      gzipBytes: all.reduce((n, s) => n + s.gzipBytes, 0),
      biggest: all.slice(0, 6),
    };
  };
}

/** Waits until nothing more is fetched: lazily loaded pages ask for their chunks after the first render. */
async function settleNetwork(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.waitForLoadState('networkidle');
}

export async function measureWeb(baseUrl: string, email: string, password: string, log: (line: string) => void): Promise<WebResult> {
  const browser = await launch();
  try {
    // A visitor: the sign-in page, from an empty cache.
    const visitor = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const signInPage = await visitor.newPage();
    const signInScripts = recordScripts(signInPage);
    await signInPage.goto('/login');
    await signInPage.locator('input[autocomplete="username"]').waitFor();
    await settleNetwork(signInPage);
    const signIn = await signInScripts('/login');
    await signInPage.locator('input[autocomplete="username"]').fill(email);
    await signInPage.locator('input[autocomplete="current-password"]').fill(password);
    await signInPage.locator('button[type="submit"]').click();
    await signInPage.getByTestId('dashboard-view').waitFor({ timeout: 60_000 });
    const session = await visitor.storageState();
    await visitor.close();

    // Someone signed in opening Tierline: the dashboard, from an empty cache again (a new context shares none).
    const member = await browser.newContext({
      baseURL: baseUrl,
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      storageState: session,
    });
    const dashboardPage = await member.newPage();
    const dashboardScripts = recordScripts(dashboardPage);
    await dashboardPage.goto('/');
    await dashboardPage.getByTestId('dashboard-view').waitFor({ timeout: 60_000 });
    await settleNetwork(dashboardPage);
    const dashboard = await dashboardScripts('/');
    await dashboardPage.close();

    const customers = await measureCustomers(await member.newPage(), 200);
    await member.close();
    const result = { loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100), signIn, dashboard, customers };
    printWeb(result, log);
    return result;
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function printWeb(r: WebResult, log: (line: string) => void) {
  for (const load of [r.signIn, r.dashboard]) {
    log(`- web ${load.page}: ${load.scripts} scripts, ${kb(load.bytes)} (${kb(load.gzipBytes)} gzipped); biggest:`);
    for (const s of load.biggest) log(`    ${s.file}  ${kb(s.bytes)} → ${kb(s.gzipBytes)} gz`);
  }
  const c = r.customers;
  log(
    `- web /customers: ${c.rows} rows (${c.virtual ? 'virtual' : 'plain'} table), first ${c.firstPageRows} in ${c.firstRowsMs} ms, each further 50 in ${c.loadMoreMs.join(' / ')} ms; ` +
      `scroll down and up in ${c.scroll.wheelSteps} wheel notches${c.scroll.reachedLastRow ? ' (last row reached)' : ' (LAST ROW NOT REACHED)'}, ${c.scroll.durationMs} ms, ${c.scroll.frames} frames (longest frame ${c.scroll.longestFrameMs} ms, longest task ${c.scroll.longestTaskMs} ms); ` +
      `total blocking time ${c.totalBlockingMs} ms over ${c.longTasks} long tasks (longest ${c.longestTaskMs} ms); load average ${r.loadavg.join(' ')}`,
  );
}

type Budget = { budget: string; limit: string; measured: string; met: boolean | null };

/** The budget lines: bundle sizes against the 300 kB, and no long task over 100 ms while scrolling. */
export function webBudgets(r: WebResult | undefined): Budget[] {
  if (!r) return [];
  const size = (budget: string, load: FirstLoad): Budget => ({
    budget,
    limit: `≤ ${kb(FIRST_PAGE_GZIP_BUDGET)}`,
    measured: kb(load.gzipBytes),
    met: load.gzipBytes <= FIRST_PAGE_GZIP_BUDGET,
  });
  const c = r.customers;
  return [
    size('web: first page (sign-in) JS gz', r.signIn),
    size('web: dashboard (first page signed in) JS gz', r.dashboard),
    {
      budget: `web: ${c.rows} customers, longest task while scrolling`,
      limit: `≤ ${JANK_TASK_MS} ms`,
      measured: `${c.scroll.longestTaskMs} ms`,
      met: c.rows >= 200 && c.scroll.reachedLastRow && c.scroll.longestTaskMs <= JANK_TASK_MS,
    },
    {
      budget: `web: ${c.rows} customers, render of each further 50 rows (longest)`,
      limit: 'reported',
      measured: `${Math.max(...c.loadMoreMs)} ms`,
      met: null,
    },
    {
      budget: `web: ${c.rows} customers, total blocking time (load and scroll; load average ${r.loadavg[0]})`,
      limit: 'reported',
      measured: `${c.totalBlockingMs} ms`,
      met: null,
    },
  ];
}
