/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions handed to page.evaluate run in the browser: they are typed against the DOM.
/**
 * A director's customers page with 200 rows, as a user gets there: open 客户, press 加载更多 until 200 rows are
 * loaded, then scroll through the table. Main-thread long tasks (PerformanceObserver 'longtask') are recorded from
 * the navigation on; times are read inside the page, on animation frames, so the polling of the driver adds nothing.
 */
import type { Page } from 'playwright-core';

export type CustomersRender = {
  rows: number;
  /** Whether the page drew the rows in antd's virtual table (only the visible rows in the DOM). */
  virtual: boolean;
  firstPageRows: number;
  /** Navigation start to the first frame showing rows. */
  firstRowsMs: number;
  /** Each press of "load more": click to the first frame after the new rows were committed. */
  loadMoreMs: number[];
  scroll: {
    wheelSteps: number;
    reachedLastRow: boolean;
    durationMs: number;
    frames: number;
    longestFrameMs: number;
    longestTaskMs: number;
  };
  longTasks: number;
  longestTaskMs: number;
  /** Σ (task − 50 ms) over every long task from navigation to the end of the scroll. */
  totalBlockingMs: number;
};

declare global {
  interface Window {
    __benchLongTasks: { start: number; duration: number }[];
    __benchCustomerPages: number;
  }
}

/** Installed before the page's own scripts: the long-task observer, and a count of customer pages answered. */
function instrument() {
  window.__benchLongTasks = [];
  window.__benchCustomerPages = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const fetch = window.fetch.bind(window);
  window.fetch = async (...args: Parameters<typeof window.fetch>) => {
    const response = await fetch(...args);
    const url = String(args[0] instanceof Request ? args[0].url : args[0]);
    if (/\/api\/v1\/customers\?/.test(url)) window.__benchCustomerPages++;
    return response;
  };
}

const round = (x: number) => Math.round(x * 10) / 10;
const LOAD_MORE = 'button:has-text("加载更多")';

export async function measureCustomers(page: Page, wanted: number): Promise<CustomersRender> {
  // tsx compiles this file with esbuild's keepNames, which wraps the named functions handed to the browser in a
  // `__name(fn, "name")` helper the page does not have: the page gets an identity one.
  await page.addInitScript('globalThis.__name = (target) => target;');
  await page.addInitScript(instrument);
  let rows = 0;
  let firstPageRows = 0;
  let pagesCounted = 0;
  let lastId = '';
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.pathname !== '/api/v1/customers' || !url.searchParams.has('limit')) return;
    const body = (await response.json().catch(() => undefined)) as { data?: unknown[] } | undefined;
    rows += body?.data?.length ?? 0;
    lastId = (body?.data?.at(-1) as { id?: string } | undefined)?.id ?? lastId;
    firstPageRows ||= rows;
    pagesCounted++;
  });
  /** The rows are counted from the answers, read here asynchronously: wait until every answer the page got is counted. */
  const countedUpTo = async () => {
    const pages = await page.evaluate(() => window.__benchCustomerPages);
    while (pagesCounted < pages) await new Promise((r) => setTimeout(r, 10));
  };
  await page.goto('/customers');
  const firstRowsMs = (await (
    await page.waitForFunction(() => document.querySelector('.ant-table-row') !== null && performance.now(), undefined, {
      polling: 'raf',
      timeout: 60_000,
    })
  ).jsonValue()) as number;

  const loadMoreMs: number[] = [];
  await countedUpTo();
  while (rows < wanted) {
    const button = page.locator(LOAD_MORE);
    if ((await button.count()) === 0) break; // fewer customers in scope than wanted
    const pagesBefore = await page.evaluate(() => window.__benchCustomerPages);
    const clickedAt = await button.evaluate((b: HTMLElement) => {
      b.click();
      return performance.now();
    });
    // The rows are in once the page has its answer and the button is no longer loading (the same render appends them).
    const renderedAt = (await (
      await page.waitForFunction(
        (before) => {
          const b = [...document.querySelectorAll('button')].find(
            (x) => x.textContent?.includes('加载更多') || x.textContent?.includes('没有更多'),
          );
          const done = window.__benchCustomerPages > before && !b?.classList.contains('ant-btn-loading');
          return done && performance.now();
        },
        pagesBefore,
        { polling: 'raf', timeout: 60_000 },
      )
    ).jsonValue()) as number;
    loadMoreMs.push(round(renderedAt - clickedAt));
    await countedUpTo();
  }
  // Let the last page's rendering finish before the scroll starts.
  await page.waitForTimeout(500);

  const virtual = (await page.locator('.ant-table-tbody-virtual').count()) > 0;
  const scroll = await scrollThrough(page, rows, lastId);
  await page.waitForTimeout(200); // a long task is reported after it ends
  const tasks = await page.evaluate(() => window.__benchLongTasks);
  await page.close();
  return {
    rows,
    virtual,
    firstPageRows,
    firstRowsMs: Math.round(firstRowsMs),
    loadMoreMs,
    scroll,
    longTasks: tasks.length,
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    totalBlockingMs: Math.round(tasks.reduce((n, t) => n + Math.max(0, t.duration - 50), 0)),
  };
}

/**
 * Scrolls the table to its last row and back with the mouse wheel, 120 px a notch as a wheel gives, over the table
 * (a virtual table scrolls itself on wheel events; a plain one scrolls the page). Frames are timed in the page.
 */
async function scrollThrough(page: Page, rows: number, lastId: string) {
  await page.locator('.ant-table-tbody, .ant-table-tbody-virtual').first().hover();
  await page.evaluate(() => {
    const w = window as Window & { __benchFrames?: number[]; __benchFramesOn?: boolean };
    w.__benchFrames = [];
    w.__benchFramesOn = true;
    const tick = (now: number) => {
      w.__benchFrames?.push(now);
      if (w.__benchFramesOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Rows are ~55 px high (names wrap on two lines in places): enough notches to pass the last row, with a margin.
  const steps = Math.ceil((rows * 80) / 120) + 10;
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  // The end of the list is in view: the last row's key is in the DOM, and the table (or the page) is scrolled to its end.
  const reachedLastRow =
    lastId !== '' &&
    (await page.locator(`[data-row-key="${lastId}"]`).count()) > 0 &&
    (await page.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder') ?? document.scrollingElement;
      return scroller !== null && scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
    }));
  for (let i = 0; i < steps; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(16);
  }
  await page.waitForTimeout(200);
  return page.evaluate(
    ({ wheelSteps, reachedLastRow }) => {
      const w = window as Window & { __benchFrames?: number[]; __benchFramesOn?: boolean };
      w.__benchFramesOn = false;
      const frames = w.__benchFrames ?? [];
      const start = frames[0] ?? 0;
      const end = frames.at(-1) ?? 0;
      let longestFrame = 0;
      for (let i = 1; i < frames.length; i++) longestFrame = Math.max(longestFrame, frames[i] - frames[i - 1]);
      const tasks = window.__benchLongTasks.filter((t) => t.start + t.duration >= start && t.start <= end);
      return {
        wheelSteps,
        reachedLastRow,
        durationMs: Math.round(end - start),
        frames: frames.length,
        longestFrameMs: Math.round(longestFrame),
        longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      };
    },
    { wheelSteps: steps * 2, reachedLastRow },
  );
}
