import type { TEnrolment, TQuiz, TQuizQuestion } from '@tierline/contracts';
import { count, eq, sql } from 'drizzle-orm';
import { type Period, periodContaining, periodsEndingWith } from '../modules/performance/periods.rules.ts';
import { createCourse } from '../modules/training/courses.usecases.ts';
import { replaceCurriculum } from '../modules/training/curricula.usecases.ts';
import { createDevelopmentPlan } from '../modules/training/developmentPlans.usecases.ts';
import { runTrainingReminders } from '../modules/training/enrolments.jobs.ts';
import { completeEnrolment, createEnrolments, recordProgress, submitAttempt } from '../modules/training/enrolments.usecases.ts';
import { assessSkill, createSkill } from '../modules/training/skills.usecases.ts';
import { certifications } from '../modules/training/training.table.ts';
import { createTrigger, runTrigger } from '../modules/training/triggers.usecases.ts';
import { allReps, as, type DemoTeam, type DemoUser, type DemoWorld, type LevelKey, scaled } from './demoWorld.ts';
import type { Rng } from './random.ts';
import { COURSES, type CourseKey, SKILLS } from './trainingCourses.ts';

type Course = { id: string; quiz: TQuiz | null };
type Catalogue = Record<CourseKey, Course>;
type Tally = { enrolments: number; completed: number; attempts: number; failedOut: number };

/**
 * A round of training a manager assigns: the course, to whom (their team, or the reps of some levels in it), when
 * (days from the as-of date) and the due date (days after). `finish` is how likely a rep gets through it at all;
 * the rest stall (overdue once the due date passes).
 */
type Campaign = { course: CourseKey; day: number; dueIn: number; finish: number; levels?: LevelKey[]; teams?: number[] };
const CAMPAIGNS: Campaign[] = [
  { course: 'compliance', day: -352, dueIn: 30, finish: 0.97 },
  { course: 'product', day: -280, dueIn: 45, finish: 0.95 },
  { course: 'integrity', day: -125, dueIn: 30, finish: 0.95 },
  { course: 'spin', day: -95, dueIn: 45, finish: 0.9, levels: ['junior'] },
  { course: 'negotiation', day: -62, dueIn: 40, finish: 0.7, levels: ['junior', 'mid'] },
  { course: 'kam', day: -40, dueIn: 50, finish: 0.6, levels: ['mid'] },
  { course: 'launch', day: -20, dueIn: 22, finish: 0.5 },
  { course: 'industry', day: -9, dueIn: 30, finish: 0.3, teams: [1, 3] },
];

/** A moment in office hours on `day` (or the workday before), but always after `after`, and before the demo's now. */
function moment(w: DemoWorld, rng: Rng, day: number, after?: Date): Date {
  let t = w.time.officeHours(rng, Math.min(day, -1));
  if (after && t <= after) t = new Date(after.getTime() + rng.int(15, 120) * 60_000);
  return t < w.time.now ? t : new Date(w.time.now.getTime() - 3_600_000);
}

/** Answers that get `right` of the quiz's questions right: the others pick a wrong option, or miss one of several. */
function answersFor(rng: Rng, quiz: TQuiz, right: number) {
  const wrong = new Set(rng.sample(quiz.questions, quiz.questions.length - right).map((x) => x.id));
  return {
    answers: quiz.questions.map((question: TQuizQuestion) => {
      if (!wrong.has(question.id)) return { questionId: question.id, optionIds: [...question.correct] };
      const others = question.options.map((o) => o.id).filter((id) => !question.correct.includes(id));
      if (question.kind === 'multiple' && question.correct.length > 1 && rng.chance(0.6))
        return { questionId: question.id, optionIds: question.correct.slice(1) };
      return { questionId: question.id, optionIds: [rng.pick(others)] };
    }),
  };
}

/**
 * One rep working through one enrolment, as they would: they open it a few days after it is assigned, and — if
 * they get through it before the as-of date — pass its quiz (most at the first attempt, some at the second; the
 * `failOut` rep uses every attempt up) or mark it complete. Otherwise it stays in progress or untouched.
 */
async function learn(
  w: DemoWorld,
  rng: Rng,
  e: TEnrolment,
  course: Course,
  rep: DemoUser,
  plan: { assigned: Date; startDay: number; doneDay: number | null; failOut?: boolean },
  tally: Tally,
) {
  if (plan.startDay > -1) return;
  const finishing = plan.doneDay !== null && plan.doneDay <= -1;
  let at = moment(w, rng, plan.startDay, plan.assigned);
  // Those still at it show their progress; many who finish never touched the progress bar.
  if (!finishing || rng.chance(0.3)) await recordProgress(as(w, rep, at), e.id, finishing ? 50 : rng.int(1, 8) * 10, e.version);
  if (!finishing) return;
  at = moment(w, rng, plan.doneDay as number, at);
  if (!course.quiz) {
    await completeEnrolment(as(w, rep, at), e.id);
    tally.completed++;
    return;
  }
  const allowed = course.quiz.attemptsAllowed ?? 3;
  const questions = course.quiz.questions.length;
  const fails = plan.failOut ? allowed : rng.chance(0.2) ? 1 : 0;
  for (let i = 0; i < Math.min(fails + 1, allowed); i++) {
    const right = i < fails ? rng.int(questions - 3, questions - 2) : rng.chance(0.7) ? questions : questions - 1;
    await submitAttempt(as(w, rep, at), e.id, answersFor(rng, course.quiz, right));
    tally.attempts++;
    at = moment(w, rng, w.time.dayOf(at) + rng.int(1, 3), at);
  }
  if (plan.failOut) tally.failedOut++;
  else tally.completed++;
}

/** The catalogue, written by a sales director when the organisation started on Tierline. */
async function createCatalogue(w: DemoWorld, rng: Rng): Promise<Catalogue> {
  const out = {} as Catalogue;
  let at = w.time.at(-386, 10 * 60);
  for (const [key, input] of Object.entries(COURSES) as [CourseKey, (typeof COURSES)[CourseKey]][]) {
    at = new Date(at.getTime() + rng.int(20, 90) * 60_000);
    const row = await createCourse(as(w, w.directors[0], at), input);
    out[key] = { id: row.id, quiz: input.quiz };
  }
  return out;
}

/** Each level's required courses and those passed before promotion from it (the top level has none for promotion). */
async function createCurricula(w: DemoWorld, c: Catalogue) {
  const lists: Record<LevelKey, { required: CourseKey[]; forPromotion: CourseKey[] }> = {
    junior: { required: ['compliance', 'product'], forPromotion: ['spin', 'negotiation'] },
    mid: { required: ['compliance', 'integrity'], forPromotion: ['kam', 'kaNegotiation'] },
    senior: { required: ['compliance', 'integrity'], forPromotion: [] },
  };
  for (const [i, level] of (['junior', 'mid', 'senior'] as const).entries())
    await replaceCurriculum(as(w, w.directors[0], w.time.at(-383, 14 * 60 + i * 5)), w.levels[level], {
      required: lists[level].required.map((k) => c[k].id),
      forPromotion: lists[level].forPromotion.map((k) => c[k].id),
    });
}

/** The managers' training rounds, each rep working through their enrolment; one junior fails the SPIN quiz out. */
async function runCampaigns(w: DemoWorld, rng: Rng, c: Catalogue, tally: Tally) {
  const failOut = w.teams[1]?.reps.find((r) => r.levelKey === 'junior');
  for (const campaign of CAMPAIGNS)
    for (const [t, team] of w.teams.entries()) {
      if (campaign.teams && !campaign.teams.includes(t)) continue;
      const day = campaign.day + t;
      const assigned = moment(w, rng, day);
      const dueOn = w.time.date(day + campaign.dueIn);
      const ctx = as(w, team.manager, assigned);
      const targets = campaign.levels
        ? campaign.levels.map((l) => ({ kind: 'level' as const, id: w.levels[l] }))
        : [{ kind: 'team' as const, id: team.id }];
      const made: TEnrolment[] = [];
      for (const target of targets) made.push(...(await createEnrolments(ctx, { courseId: c[campaign.course].id, target, dueOn })).data);
      made.sort((a, b) => repIndex(team, a.repId) - repIndex(team, b.repId));
      tally.enrolments += made.length;
      for (const e of made) {
        const rep = team.reps[repIndex(team, e.repId)] as DemoUser;
        const fails = campaign.course === 'spin' && rep.id === failOut?.id;
        const startDay = day + rng.int(1, Math.ceil(campaign.dueIn / 3));
        const finishes = fails || rng.chance(campaign.finish);
        const doneDay = fails ? startDay + 10 : finishes ? startDay + rng.int(1, campaign.dueIn) : null;
        // Half of those who will not get through it never even open it.
        const opens = finishes || rng.chance(0.5);
        await learn(w, rng, e, c[campaign.course], rep, { assigned, startDay: opens ? startDay : 0, doneDay, failOut: fails }, tally);
        if (fails) await secondChance(w, rng, c, team, rep, doneDay as number, tally);
      }
    }
  // A few reps each manager sends to the call-skills videos, one by one.
  for (const [t, team] of w.teams.entries()) {
    const day = -16 + t;
    const assigned = moment(w, rng, day);
    for (const rep of rng.sample(
      team.reps.filter((r) => r.levelKey !== 'senior'),
      2,
    )) {
      const { data } = await createEnrolments(as(w, team.manager, assigned), {
        courseId: c.visits.id,
        target: { kind: 'rep', id: rep.id },
        dueOn: w.time.date(day + 21),
      });
      tally.enrolments += data.length;
      for (const e of data)
        await learn(w, rng, e, c.visits, rep, { assigned, startDay: day + rng.int(1, 5), doneDay: day + rng.int(3, 20) }, tally);
    }
  }
}

const repIndex = (team: DemoTeam, repId: string) => team.reps.findIndex((r) => r.id === repId);

/** The junior who used up the SPIN quiz attempts: a week later the manager enrols them again, and they pass. */
async function secondChance(w: DemoWorld, rng: Rng, c: Catalogue, team: DemoTeam, rep: DemoUser, failedDay: number, tally: Tally) {
  const day = failedDay + 7;
  const assigned = moment(w, rng, day);
  const { data } = await createEnrolments(as(w, team.manager, assigned), {
    courseId: c.spin.id,
    target: { kind: 'rep', id: rep.id },
    dueOn: w.time.date(day + 30),
  });
  tally.enrolments += data.length;
  for (const e of data) await learn(w, rng, e, c.spin, rep, { assigned, startDay: day + 2, doneDay: day + rng.int(10, 25) }, tally);
}

/** The skills matrix: every rep rates themselves, then their manager rates them — now and then two levels apart. */
async function assessSkills(w: DemoWorld, rng: Rng): Promise<{ skills: Map<string, string>; cells: number }> {
  const skills = new Map<string, string>();
  for (const [i, [name, category, description]] of SKILLS.entries()) {
    const row = await createSkill(as(w, w.directors[0], w.time.at(-383, 15 * 60 + i)), { name, category, description });
    skills.set(name, row.id);
  }
  const base: Record<LevelKey, number> = { junior: 2, mid: 3, senior: 4 };
  const clamp = (n: number) => Math.max(1, Math.min(5, n));
  let cells = 0;
  for (const team of w.teams)
    for (const rep of team.reps) {
      const selfAt = moment(w, rng, -35 + rng.int(0, 8));
      const managerAt = moment(w, rng, -22 + rng.int(0, 8));
      for (const skillId of skills.values()) {
        const manager = clamp(base[rep.levelKey as LevelKey] + rng.weighted([-1, 0, 1], (d) => (d === 0 ? 6 : 2)));
        const gap = rng.weighted(
          [-2, -1, 0, 1, 2],
          (d) => ({ '-2': 1, '-1': 4, '0': 12, '1': rep.levelKey === 'junior' ? 7 : 4, '2': 2 })[d] as number,
        );
        const self = await assessSkill(as(w, rep, selfAt), rep.id, skillId, { self: clamp(manager + gap) }, undefined);
        await assessSkill(as(w, team.manager, managerAt), rep.id, skillId, { manager }, self.version ?? undefined);
        cells++;
      }
    }
  return { skills, cells };
}

/**
 * Brings the planner's statistics up to date for the tables a plan's KPI goal reads (the scorecard's KPI query).
 * The demo writes its whole year in one transaction, which autovacuum never sees: to the planner those tables look
 * empty, and that query takes ~1.5 s per plan on the full demo instead of ~15 ms. Statistics only, no data.
 */
async function refreshStatistics(w: DemoWorld) {
  await w.db.execute(
    sql`analyze deals, stages, payments, contracts, customers, orders, activities, satisfaction_scores, tasks, forecast_commits`,
  );
}

/** Development plans toward mid for the first junior of four teams: a revenue figure, two courses, a skill. */
async function createPlans(w: DemoWorld, rng: Rng, c: Catalogue, skills: Map<string, string>) {
  const revenue = String(Math.max(1000, Math.round((100_000 * w.options.scale) / 1000) * 1000));
  let made = 0;
  for (const [t, team] of w.teams.slice(0, 4).entries()) {
    const rep = team.reps.find((r) => r.levelKey === 'junior');
    if (!rep) continue;
    const day = -30 + t * 2;
    await createDevelopmentPlan(as(w, team.manager, moment(w, rng, day)), {
      repId: rep.id,
      targetLevelId: w.levels.mid,
      title: `${rep.name}：晋升中级销售发展计划`,
      dueOn: w.time.date(day + 180),
      notes: '每月一对一复盘一次。重点：提升长周期项目的赢单率，多参与资深同事的客户拜访。',
      goals: [
        { kind: 'kpi', kpi: 'revenueWon', target: revenue, periodKind: 'quarter', dueOn: w.time.date(day + 120) },
        { kind: 'course', courseId: c.spin.id, dueOn: w.time.date(day + 60) },
        { kind: 'course', courseId: c.negotiation.id, dueOn: w.time.date(day + 90) },
        { kind: 'skill', skillId: skills.get('商务谈判') as string, level: 3, dueOn: w.time.date(day + 150) },
      ],
    });
    made++;
  }
  return made;
}

/**
 * The outcome rule "long-pipeline win rate below 20 % in a quarter → 大客户谈判与价格博弈", set up early in the
 * year and run by the director for every quarter closed since, the day after each closed. Between runs, some of
 * the reps it enrolled take the workshop (so a later fire enrols them again, or finds them still enrolled).
 */
async function outcomeTrigger(w: DemoWorld, rng: Rng, c: Catalogue) {
  const director = w.directors[0];
  const created = w.time.at(-330, 11 * 60);
  const trigger = await createTrigger(as(w, director, created), {
    name: '长周期管道赢单率低于20%',
    metric: { kind: 'winRate', processType: 'long' },
    threshold: '0.2',
    periodKind: 'quarter',
    minSample: scaled(w, 2),
    courseId: c.kaNegotiation.id,
    dueDays: 30,
    teamIds: [],
    levelIds: [],
    enabled: true,
  });
  const createdOn = w.time.date(-330);
  const quarters = periodsEndingWith(periodContaining(w.time.asOf, 'quarter').key, 6).filter(
    (p: Period) => p.to > createdOn && p.to <= w.time.asOf,
  );
  const pending: { at: Date; enrolmentId: string; rep: DemoUser }[] = [];
  const reps = new Map(allReps(w).map((r) => [r.id, r]));
  const settle = async (before: Date) => {
    pending.sort((a, b) => a.at.getTime() - b.at.getTime());
    while (pending.length && (pending[0] as (typeof pending)[number]).at < before) {
      const p = pending.shift() as (typeof pending)[number];
      await completeEnrolment(as(w, p.rep, p.at), p.enrolmentId);
    }
  };
  let fires = 0;
  let runs = 0;
  for (const quarter of quarters) {
    const runAt = w.time.at(w.time.workdayFrom(w.time.dayOf(new Date(`${quarter.to}T00:00:00+08:00`)) + 1), 9 * 60 + 30);
    if (runAt >= w.time.now) continue;
    await settle(runAt);
    const result = await runTrigger(as(w, director, runAt), trigger.id, quarter.key);
    runs++;
    fires += result.fired.length;
    for (const f of result.fired) {
      const rep = reps.get(f.repId);
      if (f.outcome !== 'enrolled' || !f.enrolmentId || !rep || !rng.chance(0.6)) continue;
      const at = new Date(w.time.at(w.time.dayOf(runAt) + rng.int(10, 45), rng.int(9 * 60, 17 * 60)).getTime() + rng.int(0, 59) * 60_000);
      pending.push({ at, enrolmentId: f.enrolmentId, rep });
    }
  }
  await settle(new Date(w.time.at(-1, 18 * 60).getTime()));
  return { runs, fires };
}

/**
 * Training (issue 8): the course catalogue with quizzes and certifications, curricula per level, a year of the
 * managers' training rounds worked through by the reps (quiz attempts and all), the skills matrix, development
 * plans for juniors, and the outcome trigger with its log — all through the training use cases at their historical
 * moments. Last, the reminders job as of the demo's now: due-soon and overdue reminders, and re-certification of
 * the compliance certificates about to expire. (The job's function serves every organisation, as the hourly job
 * does: whatever else is due at the demo's now goes out too.)
 */
export async function createTraining(w: DemoWorld, rng: Rng): Promise<string> {
  const catalogue = await createCatalogue(w, rng);
  await createCurricula(w, catalogue);
  const tally: Tally = { enrolments: 0, completed: 0, attempts: 0, failedOut: 0 };
  await runCampaigns(w, rng, catalogue, tally);
  const { skills, cells } = await assessSkills(w, rng);
  await refreshStatistics(w);
  const plans = await createPlans(w, rng, catalogue, skills);
  const trigger = await outcomeTrigger(w, rng, catalogue);
  const reminders = await runTrainingReminders(w.db, w.time.now);
  const [certs] = await w.db.select({ n: count() }).from(certifications).where(eq(certifications.orgId, w.orgId));
  return [
    `${Object.keys(catalogue).length} courses, curricula for 3 levels`,
    `${tally.enrolments} enrolments by managers (${tally.completed} completed, ${tally.attempts} quiz attempts, ${tally.failedOut} failed)`,
    `${certs?.n ?? 0} certifications, ${skills.size} skills (${cells} rep-skill assessments), ${plans} development plans`,
    `outcome trigger: ${trigger.fires} fired over ${trigger.runs} quarters`,
    `reminders: ${reminders.renewalsEnrolled} re-certifications, ${reminders.dueSoon} due soon, ${reminders.overdue} overdue`,
  ].join(', ');
}
