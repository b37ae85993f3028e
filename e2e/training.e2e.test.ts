import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, pickOption, saveScreenshot, settle, type TestPage } from './support/browser.ts';
import { apiCall, signIn } from './support/session.ts';

const baseUrl = inject('baseUrl');
// The suite shares one organisation: names carry a run mark so reruns and other journeys never clash.
const RUN = Date.now().toString(36);
const MANAGER = { name: `周海峰 ${RUN}`, email: `zhou.haifeng.${RUN}@example.com`, password: 'Manager-Passw0rd-1' };
const REP = { name: `陈思远 ${RUN}`, email: `chen.siyuan.${RUN}@example.com`, password: 'Rep-Passw0rd-1' };
const COURSE_TITLE = `大客户谈判入门 ${RUN}`;
const PLAN_TITLE = `晋升中级计划 ${RUN}`;

let browser: Browser;
let admin: TestPage;
let manager: TestPage | undefined;
let rep: TestPage | undefined;
let levels: { id: string; key: string }[];
let courseId: string;
/** 初级's curriculum as the journey found it, restored at the end (the server is shared by every journey). */
let juniorBefore: { required: string[]; forPromotion: string[] } | undefined;
let enrolmentId: string;
let planId: string;

type Row = { id: string; version: number };
type Step = { fromLevelId: string; toLevelId: string; direction: 'promote' | 'demote' };

/** The quarter of today, as the level evaluation opens on it. */
function thisQuarter(): string {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.ceil((now.getMonth() + 1) / 3)}`;
}

/** The same quarter as the period picker words it: 2026年第4季度. */
function thisQuarterLabel(): string {
  const [year, quarter] = thisQuarter().split('-Q');
  return `${year}年第${quarter}季度`;
}

const levelId = (key: string) => {
  const level = levels.find((l) => l.key === key);
  if (!level) throw new Error(`no ${key} level`);
  return level.id;
};

async function signedIn(credentials: { email: string; password: string }) {
  const session = await openPage(browser, baseUrl);
  await session.page.goto('/login');
  await signIn(session.page, credentials);
  await session.page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return session;
}

/** Opens an antd select and picks the option with this text (typing it first when the select searches). */
async function pick(page: Page, select: Locator, text: string, type = false) {
  await select.click();
  if (type) await select.locator('input').fill(text);
  await pickOption(page, text);
}

/** The course's check in the plan's level gap (by the course's id, so another journey's curriculum courses do not matter). */
const courseCheck = (page: Page) => page.getByTestId('plan-gap').locator(`[data-testid="level-check"][data-course-id="${courseId}"]`);

// A course with a quiz is required for promotion from 初级; a manager writes a development plan toward 中级 for a
// junior rep, who sees the course among what is still missing, passes its quiz in the browser, and then sees it met.
describe('training: development plan, curriculum course and quiz journey (zh-CN)', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await openPage(browser, baseUrl);
    await admin.page.goto('/login');
    await signIn(admin.page);
    await admin.page.getByTestId('welcome-card').waitFor();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `failed-training-${task.name.slice(0, 40).replace(/\W+/g, '-')}`;
    if (manager) await saveScreenshot(manager.page, name);
    if (rep) await saveScreenshot(rep.page, `${name}-rep`);
  });
  afterAll(async () => {
    // Put 初级's promotion curriculum back: a journey run after this one (levels) expects juniors promoted on grades alone.
    if (juniorBefore && admin) await apiCall(admin.page, 'PUT', `/curricula/${levelId('junior')}`, juniorBefore);
    const cspViolations = [admin, manager, rep].flatMap((s) => s?.errors.filter((error) => /Content Security Policy/i.test(error)) ?? []);
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });

  it('sets up a team, a junior rep, a course with a two-question quiz in 初级’s promotion curriculum, and enrols the rep', async () => {
    const page = admin.page;
    levels = (await apiCall<{ data: { id: string; key: string }[] }>(page, 'GET', '/levels')).data;
    const { id: managerId } = await apiCall<Row>(page, 'POST', '/users', { ...MANAGER, role: 'manager' });
    const team = await apiCall<Row>(page, 'POST', '/teams', { name: `培训发展组 ${RUN}`, managerId });
    const { id: repId } = await apiCall<Row>(page, 'POST', '/users', { ...REP, role: 'rep', teamId: team.id, levelId: levelId('junior') });
    ({ id: courseId } = await apiCall<Row>(page, 'POST', '/courses', {
      title: COURSE_TITLE,
      description: '识别决策链，准备让步方案，守住价格底线。',
      source: 'internal',
      category: 'negotiation',
      format: 'online',
      durationMinutes: 90,
      materials: [{ kind: 'text', title: '要点', body: '先问清预算与决策流程，再谈价格。' }],
      quiz: {
        questions: [
          {
            id: 'q1',
            kind: 'single',
            prompt: '客户第一次压价时，最好的回应是？',
            options: [
              { id: 'a', text: '先了解客户的预算和决策流程' },
              { id: 'b', text: '立即给出最低折扣' },
            ],
            correct: ['a'],
          },
          {
            id: 'q2',
            kind: 'multiple',
            prompt: '哪些属于有效的让步策略？',
            options: [
              { id: 'a', text: '以条件交换让步' },
              { id: 'b', text: '一次让到底' },
              { id: 'c', text: '让步幅度逐次递减' },
            ],
            correct: ['a', 'c'],
          },
        ],
        passScore: 100,
        attemptsAllowed: 3,
      },
    }));
    // Add the course to 初级's promotion list, keeping whatever else is there (the server is shared).
    const curricula = await apiCall<{ data: { levelId: string; required: string[]; forPromotion: string[] }[] }>(page, 'GET', '/curricula');
    const junior = curricula.data.find((c) => c.levelId === levelId('junior')) ?? { required: [], forPromotion: [] };
    juniorBefore = { required: junior.required, forPromotion: junior.forPromotion };
    await apiCall(page, 'PUT', `/curricula/${levelId('junior')}`, {
      required: junior.required,
      forPromotion: [...junior.forPromotion, courseId],
    });
    // The gap needs a promotion step 初级 → 中级: the built-in criteria have one; saved criteria get one if they lack it.
    const criteria = await apiCall<{ isDefault: boolean; steps: Step[] }>(page, 'GET', '/level-criteria');
    const hasStep = criteria.steps.some(
      (s) => s.fromLevelId === levelId('junior') && s.toLevelId === levelId('mid') && s.direction === 'promote',
    );
    if (!hasStep) {
      await apiCall(page, 'PUT', '/level-criteria', {
        steps: [
          ...criteria.steps,
          {
            fromLevelId: levelId('junior'),
            toLevelId: levelId('mid'),
            direction: 'promote',
            periodKind: 'quarter',
            consecutivePeriods: 1,
            grade: 'D',
            kpiMinimums: [],
            minMonthsAtLevel: null,
          },
        ],
      });
    }
    const enrolled = await apiCall<{ data: { id: string }[] }>(page, 'POST', '/enrolments', {
      courseId,
      target: { kind: 'rep', id: repId },
      dueOn: null,
    });
    const first = enrolled.data[0];
    if (!first) throw new Error('the rep was not enrolled');
    enrolmentId = first.id;
  });

  it('the manager writes a development plan toward 中级 with the course as a goal', async () => {
    manager = await signedIn(MANAGER);
    const page = manager.page;
    await page.goto('/training/plans');
    await page.getByRole('heading', { name: '发展计划' }).waitFor();
    await page.getByTestId('plan-create').click();
    const form = page.getByTestId('plan-form');
    await form.waitFor();
    await settle(page);
    await pick(page, form.getByTestId('plan-rep'), REP.name, true);
    await pick(page, form.getByTestId('plan-target-level'), '中级');
    await form.getByLabel('计划名称').fill(PLAN_TITLE);
    await form.getByTestId('plan-add-goal-course').click();
    const goal = form.getByTestId('plan-goal-editor').first();
    await pick(page, goal.getByTestId('plan-goal-course'), COURSE_TITLE, true);
    await saveScreenshot(page, 'training-plan-form-zh');
    await page.getByTestId('plan-save').click();
    // Saved, the plan opens on its own page.
    await page.waitForURL(/\/training\/plans\/[0-9a-f-]{36}/);
    planId = page.url().split('/').pop()?.split('?')[0] ?? '';
    await page.getByTestId('plan-title').getByText(PLAN_TITLE).waitFor();
    expect(await page.getByTestId('plan-rep').textContent()).toBe(REP.name);
  });

  it('the rep opens the plan and sees the course among what is still missing', async () => {
    rep = await signedIn(REP);
    const page = rep.page;
    await page.goto('/training/plans');
    await page.getByTestId('plan-link').filter({ hasText: PLAN_TITLE }).click();
    await page.waitForURL(`**/training/plans/${planId}`);
    // This new rep had no level at the end of the last closed quarter: the gap opens on this quarter by itself.
    await page.getByTestId('plan-gap-period').filter({ hasText: thisQuarterLabel() }).waitFor();
    const check = courseCheck(page);
    await check.waitFor();
    expect(await page.getByTestId('plan-levels').textContent()).toBe('初级 → 中级');
    expect(await check.getAttribute('data-met')).toBe('false');
    expect(await check.textContent()).toContain(`通过课程“${COURSE_TITLE}”`);
    expect(await check.getByTestId('level-evidence').textContent()).toBe('未完成');
    // Listed under 尚缺, and the plan's course goal is not met either.
    expect(await page.getByTestId('plan-gap-missing').locator(`[data-course-id="${courseId}"]`).count()).toBe(1);
    expect(await page.getByTestId('plan-goal').first().getAttribute('data-state')).toBe('open');
    await saveScreenshot(page, 'training-plan-missing-zh');
  });

  it('the rep takes the quiz in My learning and passes', async () => {
    const page = rep?.page;
    if (!page) throw new Error('no rep session');
    await page.getByRole('tab', { name: '我的学习' }).click();
    await page.getByTestId(`enrolment-open-${enrolmentId}`).click();
    const learn = page.getByTestId(`learn-${enrolmentId}`);
    await learn.waitFor();
    await settle(page);
    // Assigned → in progress, then the quiz.
    const start = learn.getByTestId('learn-start');
    if (await start.isVisible()) await start.click();
    await learn.getByTestId('quiz-start').click();
    const q1 = learn.getByTestId('quiz-q-1');
    await q1.getByText('先了解客户的预算和决策流程').click();
    const q2 = learn.getByTestId('quiz-q-2');
    await q2.getByText('以条件交换让步').click();
    await q2.getByText('让步幅度逐次递减').click();
    await learn.getByTestId('quiz-submit').click();
    const result = learn.getByTestId('quiz-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('100');
    await saveScreenshot(page, 'training-quiz-passed-zh');
    await page.locator('.ant-drawer:visible .ant-drawer-close').click();
  });

  it('the plan now shows the course criterion met, with its completion date', async () => {
    const page = rep?.page;
    if (!page) throw new Error('no rep session');
    await page.goto(`/training/plans/${planId}?period=${thisQuarter()}`);
    const check = courseCheck(page);
    await page.getByTestId('plan-gap-met').locator(`[data-course-id="${courseId}"]`).waitFor();
    expect(await check.getAttribute('data-met')).toBe('true');
    expect(await check.getByTestId('level-evidence').textContent()).toMatch(/^完成于 /);
    expect(await page.getByTestId('plan-goal').first().getAttribute('data-state')).toBe('met');
    await saveScreenshot(page, 'training-plan-met-zh');
    // The same criterion reads met in the level evaluation the manager decides on.
    const evaluations = await apiCall<{
      data: { name: string; steps: { checks: { kind: string; courseId?: string; met: boolean }[] }[] }[];
    }>(manager?.page ?? page, 'GET', `/level-evaluations?period=${thisQuarter()}`);
    const mine = evaluations.data.find((e) => e.name === REP.name);
    const checks = mine?.steps.flatMap((s) => s.checks).filter((c) => c.kind === 'course' && c.courseId === courseId) ?? [];
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.every((c) => c.met)).toBe(true);
  });
});
