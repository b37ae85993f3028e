import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { buttonName, currentSession, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names and external ids carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const IMPORTED = [
  { id: `IMP-${RUN}-1`, name: `无锡华澄纺织有限公司 ${RUN}`, region: '华东', tags: '重点、纺织' },
  { id: `IMP-${RUN}-2`, name: `佛山粤丰陶瓷有限公司 ${RUN}`, region: '华南', tags: '陶瓷' },
  { id: `IMP-${RUN}-3`, name: `成都蜀锦电子有限公司 ${RUN}`, region: '西南', tags: '' },
];
const SKIPPED = [
  { id: `BAD-${RUN}-1`, name: `青岛海宁食品有限公司 ${RUN}`, email: 'buy@haining.example.com' },
  { id: `BAD-${RUN}-2`, name: `大连北港船舶配件 ${RUN}`, email: '不是邮箱' },
  { id: `BAD-${RUN}-3`, name: `烟台金岸果业 ${RUN}`, email: '' },
];
/** The export's search filter: only the two customers below carry it. */
const EXPORT_MARK = `导出${RUN}`;
const FORMULA_CUSTOMER = `=SUM(1,2) 测试${EXPORT_MARK}`;
const PLAIN_CUSTOMER = `温州东瓯阀门厂 ${EXPORT_MARK}`;
const MANAGER = { name: `周敏 ${RUN}`, email: `zhou.min.${RUN}@example.com`, password: 'Mgr-Passw0rd-1' };

let browser: Browser;
let session: TestPage;
let page: Page;
let dir: string;

const drawer = () => page.locator('.ant-drawer:visible');
const button = (label: string, scope: Pick<Page, 'getByRole'> = page) => scope.getByRole('button', { name: buttonName(label) });
const run = () => drawer().getByTestId('import-run');
/** The run once it has ended well (the wizard polls it every second). */
const succeeded = () => drawer().locator('[data-testid=import-run][data-status=succeeded]');

/** A quoted CSV field when it needs one (commas, quotes, newlines). */
const field = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes a CSV (UTF-8, no BOM, as a spreadsheet's "CSV UTF-8" save) into the journey's temp dir. */
async function csvFile(name: string, rows: string[][]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`, 'utf8');
  return path;
}

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Clicks what starts a download and reads the downloaded file as text (BOM kept). */
async function download(click: () => Promise<void>): Promise<{ file: Download; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { file, text: await readFile(path, 'utf8') };
}

/** A statistic of the run's counts by its exact title (新增 and 可新增 are different ones). */
const count = (title: string) =>
  run()
    .getByTestId('import-counts')
    .locator('.ant-statistic')
    .filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) })
    .locator('.ant-statistic-content-value');

/** One choice of 要导入的数据 (customers, leads… users), by its label. */
const entityOption = (wizard: Locator, label: string) =>
  wizard
    .getByTestId('import-entity')
    .locator('label.ant-radio-button-wrapper')
    .filter({ hasText: new RegExp(`^${label}$`) });

/** Opens the wizard on /imports through the nav, on a fresh page (the drawer forgets everything when closed). */
async function openWizard(on: Page = page): Promise<Locator> {
  await on.goto('/');
  await on.getByRole('link', { name: '数据导入' }).click();
  await on.getByRole('heading', { name: '数据导入' }).waitFor();
  await on.getByTestId('import-create').click();
  const wizard = on.locator('.ant-drawer:visible');
  await wizard.getByTestId('import-entity').waitFor();
  return wizard;
}

/** Step 1: the entity and the file; then on to the mapping, which the server guessed from the headers. */
async function chooseFile(entity: string, path: string): Promise<void> {
  // Button-style radios hide their input: the label is what a user clicks.
  await entityOption(drawer(), entity).click();
  await drawer().getByRole('radio', { name: entity, exact: true, checked: true }).waitFor({ state: 'attached' });
  await drawer().locator('input[type=file]').setInputFiles(path);
  await drawer()
    .getByText(path.split('/').pop() ?? '')
    .waitFor();
  await drawer().getByTestId('import-next').click();
  await drawer().getByTestId('import-sample').waitFor();
}

/** Step 3: the mode, by its label (the radio's name goes on with its hint), then start. */
async function startIn(mode: string): Promise<void> {
  await drawer().getByTestId('import-next').click();
  await drawer()
    .getByRole('radio', { name: new RegExp(`^${mode}`) })
    .check();
  await drawer().getByTestId('import-start').click();
}

/** A request through the API as the page's signed-in user (cookie + CSRF token), for set-up. */
async function call<T>(method: 'GET' | 'POST', path: string, data?: object): Promise<T> {
  const { csrfToken } = await currentSession(page);
  const response = await page.context().request.fetch(`/api/v1${path}`, { method, data, headers: { 'x-csrf-token': csrfToken } });
  if (response.status() >= 300) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

const customerRows = () => page.locator('.ant-table-tbody > tr[data-row-key]');

/** The customer list searched by name, as a user does: type, Enter, and the URL follows. */
async function searchCustomers(q: string): Promise<void> {
  await page.getByRole('link', { name: '客户', exact: true }).click();
  await page.getByRole('heading', { name: '客户' }).waitFor();
  const search = page.getByPlaceholder('按客户名称搜索');
  await search.fill(q);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}

// An admin imports customers (dry run, then for real), imports a file with a bad row skipping it and downloads
// the error file, then exports a searched customer list; a manager is not offered the users import.
describe('imports and exports journey (zh-CN)', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tierline-e2e-imports-'));
    browser = await launchBrowser();
    session = await openPage(browser, baseUrl);
    page = session.page;
    await page.goto('/login');
    await signIn(page);
    await page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await saveScreenshot(page, `failed-imports-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
  });
  afterAll(async () => {
    const cspViolations = session?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? [];
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    expect(cspViolations).toEqual([]);
  });

  it('reads a CSV with Chinese headers and guesses the mapping from them', async () => {
    const path = await csvFile(`客户-${RUN}.csv`, [
      ['客户编号', '客户名称', '地区', '标签'],
      ...IMPORTED.map((c) => [c.id, c.name, c.region, c.tags]),
    ]);
    await openWizard();
    await chooseFile('客户', path);
    for (const [key, column] of [
      ['externalId', '客户编号'],
      ['name', '客户名称'],
      ['region', '地区'],
      ['tags', '标签'],
    ]) {
      expect(await drawer().getByTestId(`import-column-${key}`).textContent()).toContain(column);
    }
    // Fields no header matched stay unmapped; every column is used, and the sample shows the file's rows.
    expect(await drawer().getByTestId('import-column-owner').textContent()).toContain('不导入');
    expect(await drawer().getByTestId('import-unused').count()).toBe(0);
    const sample = drawer().getByTestId('import-sample');
    await sample.getByText(IMPORTED[1].name).waitFor();
    expect(await sample.locator('thead').textContent()).toContain('→ 客户名称');
    await saveScreenshot(page, 'imports-mapping-zh');
  });

  it('dry-runs: it would insert 3 and writes nothing; then imports for real with the same mapping', async () => {
    await startIn('试运行');
    await succeeded().waitFor();
    expect(await drawer().getByTestId('import-outcome').textContent()).toContain('试运行完成，没有写入任何数据');
    expect(await count('可新增').textContent()).toBe('3');
    expect(await count('错误').textContent()).toBe('0');
    await saveScreenshot(page, 'imports-dry-run-zh');
    // Nothing was written by the dry run.
    expect((await call<{ data: unknown[] }>('GET', `/customers?q=${encodeURIComponent(IMPORTED[0].name)}`)).data).toEqual([]);

    await drawer().getByTestId('import-run-for-real').click();
    await drawer().getByTestId('import-outcome').getByText('导入完成').waitFor();
    await succeeded().waitFor();
    expect(await count('新增').textContent()).toBe('3');
    expect(await count('错误').textContent()).toBe('0');
    await saveScreenshot(page, 'imports-done-zh');

    // The list of imports shows this one as done.
    await button('关闭', drawer()).last().click();
    await drawer().waitFor({ state: 'detached' });
    const row = page
      .getByTestId('imports-list')
      .locator('tr', { hasText: `客户-${RUN}.csv` })
      .filter({ hasText: '全部成功才导入' });
    await row.getByText('已完成').waitFor();
    expect(await row.textContent()).toContain('新增 3 · 更新 0 · 跳过 0');
  });

  it('finds an imported customer in the customer list, with its region and tags', async () => {
    await searchCustomers(IMPORTED[0].name);
    const row = customerRows().filter({ hasText: IMPORTED[0].name });
    await row.waitFor();
    await expect.poll(() => customerRows().count()).toBe(1);
    expect(await row.textContent()).toContain('华东');
    expect(await row.textContent()).toContain('纺织');
  });

  it('skips an invalid row: the error table names its row and column, and the error file lists it', async () => {
    const path = await csvFile(`客户-有错误-${RUN}.csv`, [
      ['客户编号', '客户名称', '邮箱'],
      ...SKIPPED.map((c) => [c.id, c.name, c.email]),
    ]);
    await openWizard();
    await chooseFile('客户', path);
    expect(await drawer().getByTestId('import-column-email').textContent()).toContain('邮箱');
    await startIn('跳过无效行');
    await succeeded().waitFor();
    const outcome = (await drawer().getByTestId('import-outcome').textContent()) ?? '';
    expect(outcome).toContain('导入完成');
    expect(outcome).toContain('1 行无效，已跳过');
    expect(await count('新增').textContent()).toBe('2');
    expect(await count('跳过').textContent()).toBe('1');
    expect(await count('错误').textContent()).toBe('1');

    // The second data row, its 邮箱 column.
    const errors = drawer().getByTestId('import-errors').locator('.ant-table-tbody > tr[data-row-key]');
    await expect.poll(() => errors.count()).toBe(1);
    const cells = await errors.first().locator('td').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['2', '邮箱']);
    expect(cells[2]).not.toBe('');
    await saveScreenshot(page, 'imports-skipped-row-zh');

    const { file, text } = await download(() => drawer().getByTestId('import-errors-csv').click());
    expect(file.suggestedFilename()).toMatch(/errors\.csv$/);
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['row', 'column', 'message']);
    expect(rows.slice(1).map((r) => r.slice(0, 2))).toEqual([['2', '邮箱']]);
    expect(rows[1][2]).toBe(cells[2]);

    // The valid rows were written, the invalid one was not.
    const written = await call<{ data: { name: string }[] }>('GET', `/customers?q=${encodeURIComponent(RUN)}&limit=100`);
    const names = written.data.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining([SKIPPED[0].name, SKIPPED[2].name]));
    expect(names).not.toContain(SKIPPED[1].name);
    await button('关闭', drawer()).last().click();
    await drawer().waitFor({ state: 'detached' });
  });

  it('exports the searched customer list as CSV: BOM, Chinese headers, only the matches, formulas neutralised', async () => {
    await call('POST', '/customers', { name: FORMULA_CUSTOMER, region: '温州' });
    await call('POST', '/customers', { name: PLAIN_CUSTOMER, region: '温州' });
    await searchCustomers(EXPORT_MARK);
    await expect.poll(() => customerRows().count()).toBe(2);
    await customerRows().filter({ hasText: FORMULA_CUSTOMER }).waitFor();

    await page.getByTestId('export-customers').click();
    const csvLink = page.locator('.ant-dropdown:visible').getByTestId('export-csv');
    await csvLink.waitFor();
    await settle(page);
    const { file, text } = await download(() => csvLink.click());
    expect(file.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(expect.arrayContaining(['外部编号', '客户名称', '地区', '标签', '负责人']));
    const name = header.indexOf('客户名称');
    expect(rows.map((r) => r[name]).sort()).toEqual([`'${FORMULA_CUSTOMER}`, PLAIN_CUSTOMER].sort());
    expect(rows.every((r) => r[header.indexOf('地区')] === '温州')).toBe(true);
  });

  it('does not offer a manager the users import', async () => {
    await call('POST', '/users', { ...MANAGER, role: 'manager' });
    const manager = await openPage(browser, baseUrl);
    try {
      await manager.page.goto('/login');
      await signIn(manager.page, MANAGER);
      await manager.page.getByTestId('welcome-card').waitFor();
      const wizard = await openWizard(manager.page);
      await entityOption(wizard, '客户').waitFor();
      expect(await entityOption(wizard, '回款').count()).toBe(1);
      expect(await entityOption(wizard, '用户').count()).toBe(0);
      expect(await wizard.getByRole('radio', { name: '用户', exact: true }).count()).toBe(0);
      await saveScreenshot(manager.page, 'imports-manager-entities-zh');
      // Nor does the server take one from them.
      const { csrfToken } = await currentSession(manager.page);
      const refused = await manager.context.request.post('/api/v1/imports', {
        headers: { 'x-csrf-token': csrfToken },
        multipart: {
          entity: 'users',
          mode: 'dry-run',
          mapping: '{}',
          options: '{}',
          file: { name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(`邮箱,姓名\nx.${RUN}@example.com,某人\n`) },
        },
      });
      expect(refused.status()).toBe(403);
      expect(await refused.text()).toContain('Only admins import users');
    } finally {
      await manager.context.close();
    }
  });
});
