/**
 * Training inputs (issue 8): a catalogue of courses (some with a quiz and a certification), each level's curriculum,
 * enrolments of every rep in their level's required courses and a few others (completed, in progress, overdue),
 * certifications of the completed certifying courses (some expiring, some expired), a skills catalogue assessed by
 * reps and managers, development plans toward the next level, and two outcome triggers.
 */
import {
  certifications,
  courses,
  curriculumItems,
  developmentPlans,
  enrolments,
  skillAssessments,
  skills,
  trainingTriggers,
} from '../../apps/server/src/modules/training/training.table.ts';
import { cols, DAY, f, type Gen, iso, LEVEL_KEYS, levelPlaceholder, localDate, officeHours, type People } from './generate.shared.ts';
import { uuidv7At } from './prng.ts';
import { AS_OF } from './scales.ts';

export const trainingTables = [
  courses,
  curriculumItems,
  enrolments,
  certifications,
  skills,
  skillAssessments,
  developmentPlans,
  trainingTriggers,
];

const CATEGORIES = ['product', 'sales_skills', 'negotiation', 'industry', 'compliance'] as const;
const FORMATS = ['online', 'classroom', 'video', 'document', 'workshop'] as const;
const COURSE_TITLES: Record<(typeof CATEGORIES)[number], string[]> = {
  product: ['核心产品线概览', '新品上市培训', '解决方案配置', '产品演示技巧', '竞品对比分析', '售后服务体系'],
  sales_skills: ['顾问式销售', '需求挖掘与提问', '电话销售技巧', '客户拜访流程', '商机管理实务', '大客户经营'],
  negotiation: ['商务谈判基础', '价格谈判策略', '合同条款谈判', '多方谈判实战'],
  industry: ['制造业客户洞察', '零售行业趋势', '医疗行业合规采购', '政府项目招投标', '金融行业客户经营'],
  compliance: ['反商业贿赂', '数据保护与隐私', '合同审批流程', '财务报销规范'],
};
const SKILL_NAMES = [
  '需求分析',
  '产品演示',
  '商务谈判',
  '方案撰写',
  '客户关系',
  '项目管理',
  '行业洞察',
  '时间管理',
  '数据分析',
  '跨部门协作',
  '招投标',
  '回款管理',
];
const QUIZ = {
  questions: [
    {
      id: 'q1',
      kind: 'single',
      prompt: '客户首次接触后多久内应完成跟进记录？',
      options: [
        { id: 'a', text: '当天' },
        { id: 'b', text: '一周内' },
      ],
      correct: ['a'],
    },
    {
      id: 'q2',
      kind: 'multiple',
      prompt: '以下哪些属于有效的需求挖掘问题？',
      options: [
        { id: 'a', text: '开放式问题' },
        { id: 'b', text: '影响类问题' },
        { id: 'c', text: '只问预算' },
      ],
      correct: ['a', 'b'],
    },
  ],
  passScore: 80,
  attemptsAllowed: 3,
};

/** Months later, clamped to the month's end (the app's certification rule). */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

export async function generateTraining(g: Gen, people: People, skill: Float64Array) {
  const asOf = AS_OF.getTime();
  const rng = g.root.fork(20);
  const director = people.directorIds[0];
  const managerOf = (r: number) => people.managerIds[people.repTeam[r]];
  const catalogueAt = officeHours(asOf - 400 * DAY, rng);

  // ── Courses: every title of the catalogue; about half have a quiz, compliance and product ones certify ──────
  const cw = g.writer(
    courses,
    cols(
      courses.orgId,
      courses.id,
      courses.title,
      courses.description,
      courses.source,
      courses.provider,
      courses.category,
      courses.format,
      courses.durationMinutes,
      courses.materials,
      courses.quiz,
      courses.certification,
      courses.active,
      courses.createdBy,
      courses.createdAt,
      courses.updatedAt,
    ),
  );
  type Course = {
    id: string;
    title: string;
    category: (typeof CATEGORIES)[number];
    quiz: boolean;
    validMonths: number | null;
    certifies: boolean;
  };
  const catalogue: Course[] = [];
  let seq = 0;
  for (const category of CATEGORIES) {
    for (const title of COURSE_TITLES[category]) {
      const id = uuidv7At(catalogueAt, seq++, rng);
      const quiz = rng.chance(0.55);
      const certifies = category === 'compliance' || (category === 'product' && rng.chance(0.5));
      const validMonths = certifies ? rng.pick([12, 24, null]) : null;
      const external = category === 'industry' && rng.chance(0.5);
      catalogue.push({ id, title, category, quiz, validMonths, certifies });
      const materials = [
        { kind: 'text', title: '课程简介', body: `${title}：本课程帮助销售人员掌握关键方法与实战技巧。` },
        { kind: 'link', title: '课程资料', url: `https://learning.example.com/${category}/${seq}` },
      ];
      await cw.row([
        '@ORG@',
        id,
        f(title),
        f(`${title}（${category}）`),
        external ? 'external' : 'internal',
        f(external ? '行业协会培训中心' : null),
        category,
        rng.pick(FORMATS),
        rng.pick([30, 45, 60, 90, 120, 240]),
        f(JSON.stringify(materials)),
        f(quiz ? JSON.stringify(QUIZ) : null),
        f(certifies ? JSON.stringify({ name: `${title}认证`, validMonths }) : null),
        'true',
        director,
        iso(catalogueAt),
        iso(catalogueAt),
      ]);
    }
  }
  await cw.close();

  // ── Curricula: per level three required courses (compliance first) and two for promotion (none at the top) ──
  const iw = g.writer(
    curriculumItems,
    cols(curriculumItems.orgId, curriculumItems.levelId, curriculumItems.courseId, curriculumItems.purpose),
  );
  const required: Course[][] = [];
  const compliance = catalogue.filter((c) => c.category === 'compliance');
  const others = catalogue.filter((c) => c.category !== 'compliance');
  for (let level = 0; level < LEVEL_KEYS.length; level++) {
    const req = [compliance[level % compliance.length], ...rng.sample(others, 2)];
    required.push(req);
    for (const c of req) await iw.row(['@ORG@', levelPlaceholder(level), c.id, 'required']);
    if (level < LEVEL_KEYS.length - 1)
      for (const c of rng.sample(
        others.filter((o) => !req.includes(o)),
        2,
      ))
        await iw.row(['@ORG@', levelPlaceholder(level), c.id, 'forPromotion']);
  }
  await iw.close();

  // ── Enrolments: the level's required courses and 2–6 others per rep; certifications of completed certifying ones
  const ew = g.writer(
    enrolments,
    cols(
      enrolments.orgId,
      enrolments.id,
      enrolments.courseId,
      enrolments.repId,
      enrolments.source,
      enrolments.assignedVia,
      enrolments.assignedBy,
      enrolments.dueOn,
      enrolments.status,
      enrolments.progress,
      enrolments.quizScore,
      enrolments.passed,
      enrolments.attemptsUsed,
      enrolments.startedAt,
      enrolments.completedAt,
      enrolments.createdAt,
      enrolments.updatedAt,
    ),
  );
  const certw = g.writer(
    certifications,
    cols(
      certifications.orgId,
      certifications.id,
      certifications.repId,
      certifications.courseId,
      certifications.enrolmentId,
      certifications.name,
      certifications.grantedOn,
      certifications.expiresOn,
      certifications.createdAt,
    ),
  );
  seq = 0;
  let certSeq = 0;
  for (let r = 0; r < people.repIds.length; r++) {
    const mine = [...required[people.repLevel[r]], ...rng.sample(catalogue, rng.int(2, 6))];
    for (const course of new Set(mine)) {
      const assigned = officeHours(asOf - rng.int(5, 500) * DAY, rng);
      const due = localDate(assigned + rng.int(14, 60) * DAY);
      // Better reps finish more; what is due long ago is mostly done.
      const doneP = Math.min(0.95, 0.45 + 0.25 * skill[r] + (Date.parse(due) < asOf - 60 * DAY ? 0.2 : 0));
      const done = rng.chance(doneP);
      const started = done || rng.chance(0.5) ? assigned + rng.int(1, 10) * DAY : null;
      const completed = done ? Math.min(asOf - DAY, (started as number) + rng.int(1, 20) * DAY) : null;
      const score = course.quiz && done ? rng.pick([80, 90, 100]) : null;
      const id = uuidv7At(assigned, seq++, rng);
      const status = done ? 'completed' : started ? 'in_progress' : 'assigned';
      await ew.row([
        '@ORG@',
        id,
        course.id,
        people.repIds[r],
        'manual',
        rng.chance(0.6) ? 'level' : 'rep',
        managerOf(r),
        due,
        status,
        done ? 100 : started ? rng.int(10, 90) : 0,
        score ?? '',
        course.quiz && done ? 'true' : '',
        course.quiz && done ? rng.int(1, 2) : 0,
        started === null ? '' : iso(started),
        completed === null ? '' : iso(completed),
        iso(assigned),
        iso(completed ?? started ?? assigned),
      ]);
      if (done && course.certifies) {
        const granted = localDate(completed as number);
        await certw.row([
          '@ORG@',
          uuidv7At(completed as number, certSeq++, rng),
          people.repIds[r],
          course.id,
          id,
          f(`${course.title}认证`),
          granted,
          course.validMonths === null ? '' : addMonths(granted, course.validMonths),
          iso(completed as number),
        ]);
      }
    }
  }
  await ew.close();
  await certw.close();

  // ── Skills and their assessments: most reps assessed themselves, their managers most reps ──────────────────
  const sw = g.writer(skills, cols(skills.orgId, skills.id, skills.name, skills.category, skills.description));
  const skillIds = SKILL_NAMES.map((_, k) => uuidv7At(catalogueAt, 1000 + k, rng));
  for (let k = 0; k < SKILL_NAMES.length; k++) await sw.row(['@ORG@', skillIds[k], f(SKILL_NAMES[k]), k < 6 ? '销售' : '通用', '""']);
  await sw.close();
  const aw = g.writer(
    skillAssessments,
    cols(
      skillAssessments.orgId,
      skillAssessments.repId,
      skillAssessments.skillId,
      skillAssessments.selfLevel,
      skillAssessments.managerLevel,
      skillAssessments.selfAt,
      skillAssessments.managerAt,
      skillAssessments.managerId,
    ),
  );
  const level15 = (x: number) => Math.max(1, Math.min(5, Math.round(x)));
  for (let r = 0; r < people.repIds.length; r++) {
    for (const skillId of skillIds) {
      const self = rng.chance(0.8) ? level15(2.5 + people.repLevel[r] * 0.7 + skill[r] + rng.normal() * 0.8) : null;
      const manager = rng.chance(0.7) ? level15(2 + people.repLevel[r] * 0.7 + skill[r] + rng.normal() * 0.7) : null;
      if (self === null && manager === null) continue;
      const at = officeHours(asOf - rng.int(5, 120) * DAY, rng);
      await aw.row([
        '@ORG@',
        people.repIds[r],
        skillId,
        self ?? '',
        manager ?? '',
        self === null ? '' : iso(at),
        manager === null ? '' : iso(at + DAY),
        manager === null ? '' : managerOf(r),
      ]);
    }
  }
  await aw.close();

  // ── Development plans: a third of the juniors and mids, toward the next level ────────────────────────────────
  const pw = g.writer(
    developmentPlans,
    cols(
      developmentPlans.orgId,
      developmentPlans.id,
      developmentPlans.repId,
      developmentPlans.targetLevelId,
      developmentPlans.title,
      developmentPlans.dueOn,
      developmentPlans.status,
      developmentPlans.goals,
      developmentPlans.notes,
      developmentPlans.createdBy,
      developmentPlans.createdAt,
      developmentPlans.updatedAt,
    ),
  );
  seq = 0;
  for (let r = 0; r < people.repIds.length; r++) {
    const level = people.repLevel[r];
    if (level >= LEVEL_KEYS.length - 1 || !rng.chance(0.33)) continue;
    const at = officeHours(asOf - rng.int(10, 200) * DAY, rng);
    const course = rng.pick(catalogue);
    const goals = [
      { id: 'g1', kind: 'kpi', kpi: 'revenueWon', target: String(100_000 * (level + 1)), periodKind: 'quarter', dueOn: null },
      { id: 'g2', kind: 'course', courseId: course.id, dueOn: localDate(asOf + 60 * DAY) },
      { id: 'g3', kind: 'skill', skillId: rng.pick(skillIds), level: 4, dueOn: null },
    ];
    await pw.row([
      '@ORG@',
      uuidv7At(at, seq++, rng),
      people.repIds[r],
      levelPlaceholder(level + 1),
      f(`晋升${LEVEL_KEYS[level + 1] === 'mid' ? '中级' : '高级'}发展计划`),
      localDate(asOf + 180 * DAY),
      'active',
      f(JSON.stringify(goals)),
      '""',
      managerOf(r),
      iso(at),
      iso(at),
    ]);
  }
  await pw.close();

  // ── Two outcome triggers: long-pipeline win rate below 20 % per quarter, activities below 15 per month ───────
  const tw = g.writer(
    trainingTriggers,
    cols(
      trainingTriggers.orgId,
      trainingTriggers.id,
      trainingTriggers.name,
      trainingTriggers.metric,
      trainingTriggers.threshold,
      trainingTriggers.periodKind,
      trainingTriggers.minSample,
      trainingTriggers.courseId,
      trainingTriggers.dueDays,
      trainingTriggers.enabled,
      trainingTriggers.createdBy,
      trainingTriggers.createdAt,
      trainingTriggers.updatedAt,
    ),
  );
  const salesSkills = catalogue.filter((c) => c.category === 'sales_skills');
  const triggers = [
    ['长周期管道赢单率低于 20%', { kind: 'winRate', processType: 'long' }, '0.2', 'quarter', 5, salesSkills[0].id],
    ['月度活动量低于 15 次', { kind: 'kpi', kpi: 'activities' }, '15', 'month', 1, salesSkills[3].id],
  ] as const;
  for (let k = 0; k < triggers.length; k++) {
    const [name, metric, threshold, periodKind, minSample, courseId] = triggers[k];
    await tw.row([
      '@ORG@',
      uuidv7At(catalogueAt, 2000 + k, rng),
      f(name),
      f(JSON.stringify(metric)),
      threshold,
      periodKind,
      minSample,
      courseId,
      30,
      'true',
      director,
      iso(catalogueAt),
      iso(catalogueAt),
    ]);
  }
  await tw.close();

  const writers = [cw, iw, ew, certw, sw, aw, pw, tw];
  g.log(`  training: ${writers.map((w) => `${w.table} ${w.rows}`).join(', ')}`);
  return writers.map((w) => ({ table: w.table, rows: w.rows, ms: w.ms }));
}
