import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { apiCall, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const MANAGER = { name: `赵敏 ${RUN}`, email: `zhao.min.${RUN}@example.com`, password: 'Manager-Passw0rd-1' };
const REP = { name: `周子轩 ${RUN}`, email: `zhou.zixuan.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const TEAM = `绩效一组 ${RUN}`;

/**
 * The rep's quarter, computed by hand (decision 0026), with this journey's cycle: revenue won 40, payments 40,
 * new customers 20 (no target, so its weight is shared: effective weights 50 and 50); cap 150 %; 70/30.
 * - revenue won ¥120,000 of ¥300,000 → 40 % × 50 = 20 points
 * - payments ¥100,000 of ¥50,000 → 200 %, capped at 150 % × 50 = 75 points
 * - quantitative = min(100, 95) = 95
 * - manager review: rating 4/5 (weight 60), teamwork 3/5 (weight 40) → (80 × 60 + 60 × 40) / 100 = 72
 * - total = 70 % × 95 + 30 % × 72 = 66.5 + 21.6 = 88.1 → A (≥ 85), 6.9 short of S
 */
const SCHEME = {
  quantitativeWeight: 70,
  attainmentCap: 1.5,
  gradeBands: [
    { grade: 'S', min: 95 },
    { grade: 'A', min: 85 },
    { grade: 'B', min: 70 },
    { grade: 'C', min: 60 },
    { grade: 'D', min: 0 },
  ],
  levels: [
    {
      levelId: null,
      kpis: [
        { kpi: 'revenueWon', weight: 40 },
        { kpi: 'paymentsCollected', weight: 40 },
        { kpi: 'newCustomers', weight: 20 },
      ],
      criteria: [
        { key: 'managerRating', weight: 60 },
        { key: 'teamwork', weight: 40 },
      ],
    },
  ],
};

let browser: Browser;
let admin: TestPage;
let rep: TestPage | undefined;
let manager: TestPage | undefined;
let repId: string;

type Row = { id: string; version: number };

const call = apiCall;

/** Today and its quarter by the browser's calendar, as the pages open on it (the org's for this suite). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
const QUARTER = (() => {
  const d = new Date();
  return `${d.getFullYear()}-Q${Math.ceil((d.getMonth() + 1) / 3)}`;
})();

async function signedIn(credentials: { email: string; password: string }, viewport?: { width: number; height: number }) {
  const session = await openPage(browser, baseUrl, viewport);
  await session.page.goto('/login');
  await signIn(session.page, credentials);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

/** A won deal of `amount` owned by the caller, its contract activated, and `paid` received today. */
async function wonAndPaid(as: Page, amount: string, paid: string): Promise<void> {
  const { id: customerId } = await call<Row>(as, 'POST', '/customers', { name: `苏州恒泰精密 ${RUN}`, region: '苏州' });
  const { data } = await call<{ data: { id: string; processType: string; stages: { id: string; kind: string }[] }[] }>(
    as,
    'GET',
    '/pipelines',
  );
  const short = data.find((p) => p.processType === 'short');
  const won = short?.stages.find((s) => s.kind === 'won');
  if (!short || !won) throw new Error('no short pipeline with a won stage');
  const deal = await call<Row>(as, 'POST', '/deals', { name: `恒泰检测设备 ${RUN}`, pipelineId: short.id, customerId, amount });
  await call(as, 'POST', `/deals/${deal.id}/move`, { stageId: won.id, version: deal.version });
  const contract = await call<Row>(as, 'POST', '/contracts', { dealId: deal.id, signedOn: today() });
  await call(as, 'POST', `/contracts/${contract.id}/status`, { status: 'active', version: contract.version });
  await call(as, 'POST', `/contracts/${contract.id}/payments`, { amount: paid, receivedOn: today(), method: '银行转账' });
}

const drawer = (on: Page, testId: string) => on.getByTestId(testId);
const howLines = (on: Page, section: string) => on.getByTestId(`how-${section}`).getByTestId('how-line').allTextContents();

// A rep's quarter with known deals, payments, targets and a manager review: the rep sees the grade and its
// computation line by line; the manager sees the team's scorecard, opens the rep's, and the leaderboard.
describe('scorecards and leaderboard journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    await admin.page.goto('/login');
    await signIn(admin.page);
    await admin.page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
    await saveScreenshot(admin.page, name);
    if (rep) await saveScreenshot(rep.page, `${name}-rep`);
    if (manager) await saveScreenshot(manager.page, `${name}-manager`);
  });
  afterAll(async () => {
    const cspViolations = [admin, rep, manager].flatMap((s) => s?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? []);
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets up a team, its manager, a mid rep, the quarter’s cycle and the rep’s targets', async () => {
    const page = admin.page;
    const levels = (await call<{ data: { id: string; key: string }[] }>(page, 'GET', '/levels')).data;
    const mid = levels.find((l) => l.key === 'mid');
    const { id: managerId } = await call<Row>(page, 'POST', '/users', { ...MANAGER, role: 'manager' });
    const team = await call<Row>(page, 'POST', '/teams', { name: TEAM, managerId });
    ({ id: repId } = await call<Row>(page, 'POST', '/users', { ...REP, role: 'rep', teamId: team.id, levelId: mid?.id }));
    // One cycle per period: another journey may have opened this quarter's already; it then takes this scheme.
    const cycles = await call<{ data: (Row & { period: string })[] }>(page, 'GET', `/appraisal-cycles?period=${QUARTER}`);
    const existing = cycles.data.find((c) => c.period === QUARTER);
    if (existing) await call(page, 'PATCH', `/appraisal-cycles/${existing.id}`, { ...SCHEME, version: existing.version });
    else await call(page, 'POST', '/appraisal-cycles', { name: `${QUARTER} 销售考核`, period: QUARTER, ...SCHEME });
    await call(page, 'PUT', '/targets', {
      targets: [
        { kpi: 'revenueWon', period: QUARTER, repId, value: '300000' },
        { kpi: 'paymentsCollected', period: QUARTER, repId, value: '50000' },
      ],
    });
  });

  it('the rep wins a deal and collects a payment; the manager submits the review', async () => {
    rep = await signedIn(REP);
    await wonAndPaid(rep.page, '120000', '100000');
    manager = await signedIn(MANAGER);
    const cycle = (
      await call<{ data: { id: string; period: string }[] }>(manager.page, 'GET', `/appraisal-cycles?period=${QUARTER}`)
    ).data.find((c) => c.period === QUARTER);
    const review = await call<Row>(manager.page, 'POST', '/reviews', {
      cycleId: cycle?.id,
      repId,
      kind: 'manager',
      ratings: [
        { key: 'managerRating', score: 4, comment: '回款跟进扎实' },
        { key: 'teamwork', score: 3 },
      ],
    });
    await call(manager.page, 'POST', `/reviews/${review.id}/submit`, { version: review.version });
  });

  it('the rep opens 我的业绩: total 88.1, grade A, every KPI with its target and attainment', async () => {
    const page = (rep as TestPage).page;
    await page.getByRole('link', { name: '绩效', exact: true }).click();
    await page.getByTestId('score-summary').waitFor();
    expect(await page.getByTestId('period-select').textContent()).toContain(`第${QUARTER.slice(-1)}季度`);
    await expect.poll(() => page.getByTestId('scorecard-total').textContent()).toBe('88.1');
    expect(await page.getByTestId('scorecard-grade').textContent()).toBe('A');
    expect(await page.getByTestId('scorecard-quantitative').textContent()).toBe('95');
    expect(await page.getByTestId('scorecard-qualitative').textContent()).toBe('72');
    const row = (kpi: string) => page.getByTestId('kpi-table').locator(`tr[data-row-key="${kpi}"]`);
    expect(await row('revenueWon').textContent()).toContain('¥120,000.00');
    expect(await row('revenueWon').textContent()).toContain('¥300,000.00');
    expect(await row('paymentsCollected').getByTestId('kpi-attainment').textContent()).toBe('200%');
    expect(await row('newCustomers').textContent()).toContain('无目标，不计分');
    await page.getByTestId('attainment-chart').waitFor();
    await page.getByTestId('trend-chart').waitFor();
    await saveScreenshot(page, 'performance-my-scorecard-zh');
  });

  it('the total opens its computation, line by line, with the same numbers', async () => {
    const page = (rep as TestPage).page;
    await page.getByTestId('how-open-total').click();
    await drawer(page, 'computation-drawer').waitFor();
    await settle(page);
    expect(await howLines(page, 'weights')).toEqual([
      '新增客户 没有目标，不计分；它们的权重（共 20）由其余指标按比例分担。',
      '有效权重 = 权重 × 100 ÷ 80（有目标指标的权重之和）。',
      '赢单金额：40 × 100 ÷ 80 = 50',
      '回款金额：40 × 100 ÷ 80 = 50',
    ]);
    expect(await howLines(page, 'kpi:revenueWon')).toEqual([
      '赢单金额：实际 ¥120,000.00 ÷ 目标 ¥300,000.00 = 达成率 40%',
      '→ min(40%, 上限 150%) = 40% × 有效权重 50 = 20 分',
    ]);
    expect(await howLines(page, 'kpi:paymentsCollected')).toEqual([
      '回款金额：实际 ¥100,000.00 ÷ 目标 ¥50,000.00 = 达成率 200%',
      '→ min(200%, 上限 150%) = 150% × 有效权重 50 = 75 分',
      '超过上限 150% 的部分不计分。',
    ]);
    expect(await howLines(page, 'quantitative')).toEqual(['Σ 各指标得分 = 20 + 75 = 95', '定量得分 = min(100, 95) = 95']);
    expect(await howLines(page, 'qualitative')).toEqual([
      '经理评价：4/5 × 100 = 80，× 权重 60 = 4,800',
      '团队协作：3/5 × 100 = 60，× 权重 40 = 2,400',
      '定性得分 = (4,800 + 2,400) ÷ 权重之和 100 = 72',
    ]);
    expect(await howLines(page, 'total')).toEqual(['总分 = 70% × 定量 95 + 30% × 定性 72 = 66.5 + 21.6 = 88.1']);
    expect(await howLines(page, 'grade')).toEqual([
      '评级区间（从高到低取第一个达到的）：S ≥ 95 · A ≥ 85 · B ≥ 70 · C ≥ 60 · D ≥ 0',
      '88.1 ≥ 85 → 评级 A',
      '距 S（≥ 95）还差 6.9 分。',
    ]);
    await saveScreenshot(page, 'performance-computation-zh');
    await page.keyboard.press('Escape');
    await drawer(page, 'computation-drawer').waitFor({ state: 'hidden' });
  });

  it('a KPI’s points open the same computation at that KPI', async () => {
    const page = (rep as TestPage).page;
    await page.getByTestId('how-open-kpi-paymentsCollected').click();
    const section = page.getByTestId('how-kpi:paymentsCollected');
    await section.waitFor();
    await settle(page);
    // The clicked KPI is the highlighted section, scrolled into view.
    expect(await section.isVisible()).toBe(true);
    expect(await section.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.keyboard.press('Escape');
  });

  it('fits a phone: 我的业绩 does not scroll sideways', async () => {
    const page = (rep as TestPage).page;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await expect.poll(() => page.getByTestId('scorecard-total').textContent()).toBe('88.1');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await saveScreenshot(page, 'performance-my-scorecard-phone-zh');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('the manager opens 团队业绩: the team’s card, then the rep among the members, whose card opens', async () => {
    const page = (manager as TestPage).page;
    await page.getByRole('link', { name: '绩效', exact: true }).click();
    await page.getByRole('tab', { name: '团队业绩' }).click();
    // The tab replaces the manager's own card (我的业绩) with the team's.
    await expect.poll(() => page.getByTestId('scorecard-subject').textContent()).toBe(TEAM);
    // A team is scored on its KPIs only: the rep's figures are the team's (one member, records stamped with the team).
    const teamRow = (kpi: string) => page.getByTestId('kpi-table').locator(`tr[data-row-key="${kpi}"]`);
    expect(await teamRow('revenueWon').textContent()).toContain('¥120,000.00');
    expect(await teamRow('revenueWon').textContent()).toContain('成员目标汇总');
    await expect.poll(() => page.getByTestId('scorecard-total').first().textContent()).toBe('95');
    const member = page.getByTestId('team-members').locator('tr', { hasText: REP.name });
    await member.waitFor();
    expect(await member.textContent()).toContain('88.1');
    expect(await member.textContent()).toContain('已完成');
    await saveScreenshot(page, 'performance-team-zh');
    await member.click();
    const memberDrawer = page.getByTestId('member-drawer');
    await memberDrawer.getByTestId('scorecard-total').waitFor();
    expect(await memberDrawer.getByTestId('scorecard-total').textContent()).toBe('88.1');
    expect(await memberDrawer.getByTestId('scorecard-grade').textContent()).toBe('A');
    await settle(page);
    await saveScreenshot(page, 'performance-team-member-zh');
    await page.keyboard.press('Escape');
  });

  it('the manager opens 排行榜: the rep leads the organisation with a gold medal, and the team', async () => {
    const page = (manager as TestPage).page;
    await page.getByRole('tab', { name: '排行榜' }).click();
    const board = page.getByTestId('leaderboard');
    const row = board.locator('tr', { hasText: REP.name });
    await row.waitFor();
    // The only rep of the organisation with targets and a review this quarter: first.
    await row.getByTestId('medal-1').waitFor();
    expect(await row.getByTestId('leaderboard-value').textContent()).toBe('88.1');
    await saveScreenshot(page, 'performance-leaderboard-zh');
    // By a KPI: payments collected, as money.
    await page.getByTestId('metric-select').click();
    await pickOption(page, '回款金额');
    await expect.poll(() => row.getByTestId('leaderboard-value').textContent()).toBe('¥100,000.00');
    // Within the team: the rep alone.
    await page.locator('.ant-segmented-item', { hasText: /^团队$/ }).click();
    const teamSelect = page.getByLabel('选择团队');
    await teamSelect.click();
    await teamSelect.fill(RUN);
    await pickOption(page, TEAM);
    await expect.poll(() => board.locator('tbody tr[data-row-key]').count()).toBe(1);
    await row.getByTestId('medal-1').waitFor();
  });
});
