import type { TKpi, TLevelScheme, TRating } from '@tierline/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { upsertCommissionPlan } from '../modules/commissions/commissions.usecases.ts';
import { levelHistory } from '../modules/levels/levels.table.ts';
import { createCycle } from '../modules/performance/appraisal.usecases.ts';
import { commitForecast } from '../modules/performance/forecasts.usecases.ts';
import { type Period, periodContaining, periodsEndingWith } from '../modules/performance/periods.rules.ts';
import { createReview, submitReview } from '../modules/performance/reviews.usecases.ts';
import { createSatisfactionScoresBatch } from '../modules/performance/satisfaction.usecases.ts';
import { setTargets } from '../modules/performance/targets.usecases.ts';
import { users } from '../modules/users/users.table.ts';
import { newId } from '../platform/ids.ts';
import { allReps, as, type DemoUser, type DemoWorld, type LevelKey, scaled } from './demoWorld.ts';
import type { Rng } from './random.ts';

const DAY = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const LEVELS: LevelKey[] = ['junior', 'mid', 'senior'];

/**
 * A quarter's default targets per level (CNY, counts, rates), at the full demo's volumes: about what a good rep of
 * the level reaches in a quarter of the demo's year (measured on it), so grades spread from A to D. Money and
 * counts shrink with --scale, like the data they are measured on.
 */
const LEVEL_TARGETS: Record<LevelKey, Partial<Record<TKpi, number>>> = {
  junior: { revenueWon: 80_000, paymentsCollected: 60_000, newCustomers: 2, activities: 15, followUpCompliance: 0.85 },
  mid: { revenueWon: 150_000, paymentsCollected: 120_000, newCustomers: 2, activities: 20, followUpCompliance: 0.9 },
  senior: { revenueWon: 500_000, paymentsCollected: 300_000, newCustomers: 1, activities: 40, followUpCompliance: 0.9 },
};
/** What each level is appraised on: juniors on building a base, seniors on revenue and cash. */
const LEVEL_KPI_WEIGHTS: Record<LevelKey, [TKpi, number][]> = {
  junior: [
    ['revenueWon', 30],
    ['paymentsCollected', 20],
    ['newCustomers', 20],
    ['activities', 20],
    ['followUpCompliance', 10],
  ],
  mid: [
    ['revenueWon', 40],
    ['paymentsCollected', 30],
    ['newCustomers', 10],
    ['activities', 10],
    ['followUpCompliance', 10],
  ],
  senior: [
    ['revenueWon', 45],
    ['paymentsCollected', 35],
    ['newCustomers', 5],
    ['activities', 5],
    ['followUpCompliance', 10],
  ],
};
const CRITERIA = [
  { key: 'managerRating', weight: 50 },
  { key: 'customerFeedback', weight: 25 },
  { key: 'teamwork', weight: 25 },
];
/** 提成: 2 / 3 / 4 % of payments received, half a point more from 100 % of the payments target, a point more from 120 %. */
const COMMISSION: Record<LevelKey, number> = { junior: 0.02, mid: 0.03, senior: 0.04 };

const MANAGER_COMMENTS = [
  '本季度回款跟进到位，客户关系维护稳定。',
  '新客户开拓积极，拜访量充足，成交转化还需提升。',
  '大客户项目推进顺利，能主动协调售前资源。',
  '跟进节奏有时滞后，下季度需按时完成回访任务。',
  '团队协作好，乐于分享经验，带新人有耐心。',
  '商务谈判能力提升明显，报价和折扣控制合理。',
];
const SELF_COMMENTS = [
  '本季度重点客户续约完成，下季度计划拓展两家新客户。',
  '拜访量达标，但成交偏少，希望在方案撰写上得到更多支持。',
  '回款全部按期到账，希望承担更大的项目。',
];
const SATISFACTION_COMMENTS = [
  '响应及时，服务专业。',
  '交付周期偏长。',
  '销售经理很专业，沟通顺畅。',
  '价格偏高，但质量稳定。',
  null,
  null,
];

/** A rating of 2–5, mostly 3 and 4, a little better for a rep who has been at it longer. */
const ratingOf = (rng: Rng, level: LevelKey | null): number =>
  rng.weighted([2, 3, 4, 5], (s) => ({ 2: 5, 3: level === 'junior' ? 35 : 25, 4: 42, 5: level === 'senior' ? 28 : 18 })[s] as number);

/** Rounds a scaled target to a plain figure: money to the thousand, counts to at least one. */
function scaledTarget(w: DemoWorld, kpi: TKpi, full: number): string {
  if (kpi === 'followUpCompliance') return String(full);
  if (kpi === 'revenueWon' || kpi === 'paymentsCollected')
    return String(Math.max(1000, Math.round((full * w.options.scale) / 1000) * 1000));
  return String(Math.max(1, Math.round(full * w.options.scale)));
}

/**
 * Every rep's level ladder from their hire (level history, decision 0027): hired junior, then promoted — mid reps
 * once, seniors twice — all before the organisation started on Tierline, as the HR records it was loaded with say
 * (`import`). createUser dated each rep's current level from the hire; the ladder replaces that one entry.
 */
async function levelLadders(w: DemoWorld, rng: Rng) {
  const reps = allReps(w);
  const hired = new Map(
    (
      await w.db
        .select({ id: users.id, hireDate: users.hireDate })
        .from(users)
        .where(
          and(
            eq(users.orgId, w.orgId),
            inArray(
              users.id,
              reps.map((r) => r.id),
            ),
          ),
        )
    ).map((u) => [u.id, u.hireDate as string]),
  );
  const founded = w.time.date(-420);
  const before = (date: string) => (date < founded ? date : addDays(founded, -1));
  const loaded = w.time.at(-420, 9 * 60 + 50);
  const rows = reps.flatMap((rep) => {
    const hire = hired.get(rep.id) as string;
    const toMid = before(addDays(hire, rng.int(300, 500)));
    const toSenior = before(addDays(toMid, rng.int(400, 700)));
    const steps: [LevelKey | null, LevelKey, string][] = [[null, 'junior', hire]];
    if (rep.levelKey === 'mid' || rep.levelKey === 'senior') steps.push(['junior', 'mid', toMid]);
    if (rep.levelKey === 'senior') steps.push(['mid', 'senior', toSenior]);
    return steps.map(([from, to, effectiveOn], i) => ({
      orgId: w.orgId,
      id: newId(),
      userId: rep.id,
      fromLevelId: from ? w.levels[from] : null,
      toLevelId: w.levels[to],
      effectiveOn,
      reason: 'import' as const,
      changedBy: w.admin.id,
      createdAt: new Date(loaded.getTime() + i),
    }));
  });
  await w.db.delete(levelHistory).where(and(eq(levelHistory.orgId, w.orgId), inArray(levelHistory.userId, [...hired.keys()])));
  await w.db.insert(levelHistory).values(rows);
  return rows.length;
}

/** The moment `days` after a period's first day at `minutes` past midnight, never after the demo's now. */
function inPeriod(w: DemoWorld, p: Period, days: number, minutes: number) {
  const at = w.time.at(w.time.dayOf(new Date(`${p.from}T00:00:00+08:00`)) + days, minutes);
  return at < w.time.now ? at : new Date(w.time.now.getTime() - 3_600_000);
}
/** The moment `days` after a period ended, never after the demo's now. */
const afterPeriod = (w: DemoWorld, p: Period, days: number, minutes: number) =>
  new Date(
    Math.min(w.time.at(w.time.dayOf(new Date(`${p.to}T00:00:00+08:00`)) + days, minutes).getTime(), w.time.now.getTime() - 1_800_000),
  );

/** The appraisal cycle of the quarter, its manager reviews (all submitted) and some self reviews. */
async function appraise(w: DemoWorld, rng: Rng, quarter: Period) {
  const director = w.directors[0];
  const levels: TLevelScheme[] = [
    ...LEVELS.map((l) => ({
      levelId: w.levels[l],
      kpis: LEVEL_KPI_WEIGHTS[l].map(([kpi, weight]) => ({ kpi, weight })),
      criteria: CRITERIA,
    })),
    { levelId: null, kpis: LEVEL_KPI_WEIGHTS.mid.map(([kpi, weight]) => ({ kpi, weight })), criteria: CRITERIA },
  ];
  const name = `${quarter.year}年第${quarter.index}季度销售考核`;
  const cycle = await createCycle(as(w, director, inPeriod(w, quarter, 2, 10 * 60)), {
    name,
    period: quarter.key,
    quantitativeWeight: 70,
    levels,
  });
  const review = async (
    author: DemoUser,
    rep: DemoUser,
    kind: 'manager' | 'self',
    ratings: TRating[],
    comment: string,
    at: Date,
    submit: boolean,
  ) => {
    const row = await createReview(as(w, author, at), { cycleId: cycle.id, repId: rep.id, kind, ratings, comment });
    if (submit) await submitReview(as(w, author, new Date(at.getTime() + 20 * 60_000)), row.id, row.version);
  };
  let selfReviews = 0;
  for (const team of w.teams)
    for (const rep of team.reps) {
      if (rng.chance(0.35)) {
        const ratings = CRITERIA.map((c) => ({ key: c.key, score: Math.min(5, ratingOf(rng, rep.levelKey) + 1), comment: null }));
        await review(
          rep,
          rep,
          'self',
          ratings,
          rng.pick(SELF_COMMENTS),
          afterPeriod(w, quarter, rng.int(1, 3), rng.int(9 * 60, 17 * 60)),
          rng.chance(0.8),
        );
        selfReviews++;
      }
      const ratings = CRITERIA.map((c) => ({ key: c.key, score: ratingOf(rng, rep.levelKey), comment: null }));
      const at = afterPeriod(w, quarter, rng.int(4, 9), rng.int(9 * 60, 17 * 60));
      await review(team.manager, rep, 'manager', ratings, rng.pick(MANAGER_COMMENTS), at, true);
    }
  return selfReviews;
}

/** Each rep commits a forecast early in each quarter: what they won in the quarter, misjudged by up to ±30 %. */
async function forecasts(w: DemoWorld, rng: Rng, quarters: Period[]) {
  let made = 0;
  for (const quarter of quarters) {
    const from = w.time.dayOf(new Date(`${quarter.from}T00:00:00+08:00`));
    const to = w.time.dayOf(new Date(`${quarter.to}T00:00:00+08:00`));
    if (from + 3 > -1) continue; // a quarter that has just begun has no commits yet
    for (const rep of allReps(w)) {
      const won = w.deals
        .filter((d) => d.owner.id === rep.id && d.outcome === 'won' && d.closedDay !== null && d.closedDay >= from && d.closedDay < to)
        .reduce((sum, d) => sum + Math.round(Number(d.amount)), 0);
      const typical = Number(scaledTarget(w, 'revenueWon', LEVEL_TARGETS[rep.levelKey as LevelKey].revenueWon as number));
      const base = won > 0 ? won : typical * (0.3 + rng.next() * 0.5);
      const amount = Math.max(1000, Math.round((base * (0.7 + rng.next() * 0.6)) / 1000) * 1000);
      await commitForecast(as(w, rep, inPeriod(w, quarter, rng.int(1, 5), rng.int(9 * 60, 18 * 60))), {
        period: quarter.key,
        amount: String(amount),
      });
      made++;
    }
  }
  return made;
}

/** Satisfaction surveys (满意度回访) of some owned customers, loaded after each quarter (the current one so far). */
async function satisfaction(w: DemoWorld, rng: Rng, quarters: Period[]) {
  let made = 0;
  for (const [q, quarter] of quarters.entries()) {
    const from = w.time.dayOf(new Date(`${quarter.from}T00:00:00+08:00`));
    const last = Math.min(w.time.dayOf(new Date(`${quarter.to}T00:00:00+08:00`)) - 1, -1);
    if (last < from) continue;
    const surveyed = rng.sample(
      w.customers.filter((c) => c.owner && c.createdDay < last),
      scaled(w, q === 0 ? 180 : 90, 2),
    );
    const records = surveyed.map((c, i) => {
      const first = Math.max(from, c.createdDay + 1);
      const day = Math.max(first, w.time.workdayAtOrBefore(rng.int(first, last)));
      const score = rng.weighted([1, 2, 3, 4, 5], (s) => [3, 7, 20, 40, 30][s - 1] as number);
      return {
        customerId: c.id,
        score,
        recordedOn: w.time.date(day),
        comment: rng.pick(SATISFACTION_COMMENTS),
        externalId: `CSAT-${quarter.key}-${String(i + 1).padStart(4, '0')}`,
      };
    });
    if (!records.length) continue;
    await createSatisfactionScoresBatch(as(w, w.directors[1], afterPeriod(w, quarter, 1, 10 * 60)), records);
    made += records.length;
  }
  return made;
}

/**
 * Sales performance (issue 7): level ladders, quarter targets per level, commission plans, the last complete
 * quarter's appraisal cycle with every rep's manager review and some self reviews, forecast commits, and
 * satisfaction scores — through the use cases, except the ladders' history from before the organisation existed.
 */
export async function createPerformance(w: DemoWorld, rng: Rng): Promise<string> {
  const current = periodContaining(w.time.asOf, 'quarter');
  const [quarter] = periodsEndingWith(current.key, 2) as [Period, Period];
  const ladders = await levelLadders(w, rng);
  const director = w.directors[0];
  const settingUp = w.time.at(-400, 10 * 60);
  await setTargets(
    as(w, director, settingUp),
    LEVELS.flatMap((l) =>
      Object.entries(LEVEL_TARGETS[l]).map(([kpi, full]) => ({
        kpi: kpi as TKpi,
        period: 'quarter' as const,
        levelId: w.levels[l],
        value: scaledTarget(w, kpi as TKpi, full),
      })),
    ),
  );
  for (const l of LEVELS) {
    const base = COMMISSION[l];
    const accelerators = [
      { minAttainment: 1, rate: Math.round((base + 0.005) * 1000) / 1000 },
      { minAttainment: 1.2, rate: Math.round((base + 0.01) * 1000) / 1000 },
    ];
    await upsertCommissionPlan(as(w, director, settingUp), { levelId: w.levels[l], baseRate: base, accelerators }, undefined);
  }
  const selfReviews = await appraise(w, rng, quarter);
  const commits = await forecasts(w, rng, [quarter, current]);
  const scores = await satisfaction(w, rng, [quarter, current]);
  return `${ladders} level changes, targets and commission plans for 3 levels, ${quarter.key} appraised (${allReps(w).length} manager reviews, ${selfReviews} self), ${commits} forecasts, ${scores} satisfaction scores`;
}
