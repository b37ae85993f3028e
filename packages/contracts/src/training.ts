import { z } from 'zod';
import { ZDate, ZId, ZListQuery, ZQueryBoolean, ZTimestamp, ZVersion } from './common.ts';
import { ZCriterionCheck } from './levelEvaluation.ts';
import { ZKpi, ZPeriod, ZPeriodKind } from './performance.ts';

/**
 * Training and development (PRODUCT.md E, decision 0029): courses with quizzes, curricula per level, enrolments
 * with certifications, the skills matrix, development plans tied to the level criteria, and training triggered by
 * outcomes.
 */

const ZDecimalText = z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, 'a non-negative number with at most 4 decimals');

// ── Courses ─────────────────────────────────────────────────────────────────────────────────────────────────

export const COURSE_CATEGORIES = ['product', 'sales_skills', 'negotiation', 'industry', 'compliance'] as const;
export const ZCourseCategory = z.enum(COURSE_CATEGORIES);
export const COURSE_FORMATS = ['online', 'classroom', 'video', 'document', 'workshop'] as const;
export const ZCourseFormat = z.enum(COURSE_FORMATS);

export const ZCourseMaterial = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), title: z.string().trim().min(1).max(200), body: z.string().max(20_000) }),
  z.object({ kind: z.literal('link'), title: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(2000) }),
]);

export const ZQuizOption = z.object({ id: z.string().trim().min(1).max(20), text: z.string().trim().min(1).max(500) });
/** A question with its answer key: `single` has exactly one correct option, `multiple` at least one. */
export const ZQuizQuestion = z.object({
  id: z.string().trim().min(1).max(20),
  kind: z.enum(['single', 'multiple']),
  prompt: z.string().trim().min(1).max(2000),
  options: z.array(ZQuizOption).min(2).max(10),
  correct: z.array(z.string()).min(1).max(10),
});
export type TQuizQuestion = z.infer<typeof ZQuizQuestion>;
export const ZQuiz = z.object({
  questions: z.array(ZQuizQuestion).min(1).max(100),
  /** Percent of questions right (0–100) needed to pass. */
  passScore: z.number().int().min(0).max(100),
  /** null: unlimited attempts. */
  attemptsAllowed: z.number().int().min(1).max(20).nullable(),
});
export type TQuiz = z.infer<typeof ZQuiz>;
/** The quiz as a learner sees it: no answer key. */
export const ZQuizForLearner = ZQuiz.extend({ questions: z.array(ZQuizQuestion.omit({ correct: true })) });

/** Passing the course grants a certification, valid `validMonths` months from the completion date (null: no expiry). */
export const ZCourseCertification = z.object({
  name: z.string().trim().min(1).max(200),
  validMonths: z.number().int().min(1).max(120).nullable(),
});

export const ZCourseWrite = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  source: z.enum(['internal', 'external']),
  /** External courses: who runs it. */
  provider: z.string().trim().max(200).nullable().default(null),
  category: ZCourseCategory,
  format: ZCourseFormat,
  durationMinutes: z.number().int().min(1).max(100_000),
  materials: z.array(ZCourseMaterial).max(50).default([]),
  quiz: ZQuiz.nullable().default(null),
  certification: ZCourseCertification.nullable().default(null),
  active: z.boolean().default(true),
});
export const ZCourseUpdate = ZCourseWrite.extend({ version: ZVersion.optional() });

/** A course. `quiz` carries the answer key only for those who edit the catalogue (directors, admins). */
export const ZCourse = z.object({
  id: ZId,
  title: z.string(),
  description: z.string(),
  source: z.enum(['internal', 'external']),
  provider: z.string().nullable(),
  category: ZCourseCategory,
  format: ZCourseFormat,
  durationMinutes: z.number().int(),
  materials: z.array(ZCourseMaterial),
  quiz: z.union([ZQuiz, ZQuizForLearner]).nullable(),
  certification: ZCourseCertification.nullable(),
  active: z.boolean(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TCourse = z.infer<typeof ZCourse>;
export const ZCourseListQuery = ZListQuery.extend({
  category: ZCourseCategory.optional(),
  q: z.string().trim().max(200).optional(),
  /** Inactive courses are listed only when asked. */
  includeInactive: ZQueryBoolean.optional(),
});

// ── Curricula ───────────────────────────────────────────────────────────────────────────────────────────────

/** One level's curriculum: courses to hold while at it, and courses to pass before promotion from it. */
export const ZCurriculum = z.object({
  levelId: ZId,
  required: z.array(ZId),
  forPromotion: z.array(ZId),
});
export type TCurriculum = z.infer<typeof ZCurriculum>;
export const ZCurriculumReplace = z.object({
  required: z.array(ZId).max(100),
  forPromotion: z.array(ZId).max(100),
});

// ── Enrolments, quiz attempts, certifications ───────────────────────────────────────────────────────────────

export const ENROLMENT_STATUSES = ['assigned', 'in_progress', 'completed', 'failed', 'cancelled'] as const;
export const ZEnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export const ZEnrolmentSource = z.enum(['manual', 'trigger', 'recertification']);

export const ZEnrolment = z.object({
  id: ZId,
  courseId: ZId,
  courseTitle: z.string(),
  repId: ZId,
  repName: z.string(),
  teamId: ZId.nullable(),
  source: ZEnrolmentSource,
  /** How it was assigned: to this rep, to their team or to their level. */
  assignedVia: z.enum(['rep', 'team', 'level']),
  assignedBy: ZId.nullable(),
  dueOn: ZDate.nullable(),
  status: ZEnrolmentStatus,
  /** Due date passed (organisation's today) and not completed. */
  overdue: z.boolean(),
  progress: z.number().int().min(0).max(100),
  /** Best quiz score so far (percent); null before any attempt or without a quiz. */
  quizScore: z.number().int().nullable(),
  passed: z.boolean().nullable(),
  attemptsUsed: z.number().int(),
  /** null: unlimited (or no quiz). */
  attemptsLeft: z.number().int().nullable(),
  startedAt: ZTimestamp.nullable(),
  completedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  version: z.number().int(),
});
export type TEnrolment = z.infer<typeof ZEnrolment>;

/** Assign a course to one rep, every active rep of a team, or every active rep at a level (within the caller's teams). */
export const ZEnrolmentCreate = z.object({
  courseId: ZId,
  target: z.object({ kind: z.enum(['rep', 'team', 'level']), id: ZId }),
  dueOn: ZDate.nullable().default(null),
});
/** Reps who already have an open enrolment in the course are skipped, not enrolled twice. */
export const ZEnrolmentCreateResult = z.object({ enrolled: z.number().int(), skipped: z.number().int(), data: z.array(ZEnrolment) });

export const ZEnrolmentListQuery = ZListQuery.extend({
  repId: ZId.optional(),
  teamId: ZId.optional(),
  courseId: ZId.optional(),
  status: ZEnrolmentStatus.optional(),
  overdue: ZQueryBoolean.optional(),
});
export const ZEnrolmentProgress = z.object({ progress: z.number().int().min(0).max(100), version: ZVersion.optional() });

export const ZQuizAnswers = z.object({
  answers: z.array(z.object({ questionId: z.string().min(1).max(20), optionIds: z.array(z.string().max(20)).max(10) })).max(100),
});
export const ZQuizAttempt = z.object({
  id: ZId,
  enrolmentId: ZId,
  score: z.number().int(),
  passed: z.boolean(),
  /** Which questions were answered right; the answer key itself is not revealed. */
  results: z.array(z.object({ questionId: z.string(), correct: z.boolean() })),
  attemptNumber: z.number().int(),
  attemptsLeft: z.number().int().nullable(),
  submittedAt: ZTimestamp,
  enrolment: ZEnrolment,
});
export type TQuizAttempt = z.infer<typeof ZQuizAttempt>;

export const ZCertification = z.object({
  id: ZId,
  repId: ZId,
  repName: z.string(),
  courseId: ZId,
  name: z.string(),
  grantedOn: ZDate,
  /** null: never expires. */
  expiresOn: ZDate.nullable(),
  status: z.enum(['valid', 'expiring', 'expired']),
  enrolmentId: ZId,
});
export type TCertification = z.infer<typeof ZCertification>;
export const ZCertificationListQuery = ZListQuery.extend({
  repId: ZId.optional(),
  teamId: ZId.optional(),
  status: z.enum(['valid', 'expiring', 'expired']).optional(),
});

/** Team training compliance: per rep, their level's required courses and everything assigned, with where they stand. */
export const ZComplianceCell = z.object({
  courseId: ZId,
  required: z.boolean(),
  state: z.enum(['completed', 'in_progress', 'assigned', 'overdue', 'failed', 'expired', 'missing']),
  dueOn: ZDate.nullable(),
  completedOn: ZDate.nullable(),
  expiresOn: ZDate.nullable(),
});
export const ZTeamCompliance = z.object({
  courses: z.array(z.object({ id: ZId, title: z.string(), category: ZCourseCategory })),
  reps: z.array(
    z.object({
      repId: ZId,
      name: z.string(),
      teamId: ZId.nullable(),
      levelId: ZId.nullable(),
      cells: z.array(ZComplianceCell),
      /** Completed ÷ (required + assigned), 0–100; null when nothing is asked of the rep. */
      compliance: z.number().int().nullable(),
    }),
  ),
});
export type TTeamCompliance = z.infer<typeof ZTeamCompliance>;
export const ZTeamComplianceQuery = z.object({ teamId: ZId.optional() });

// ── Skills matrix ───────────────────────────────────────────────────────────────────────────────────────────

export const ZSkillWrite = z.object({
  name: z.string().trim().min(1).max(100),
  category: z.string().trim().max(50).default(''),
  description: z.string().max(2000).default(''),
});
export const ZSkill = ZSkillWrite.extend({ id: ZId, version: z.number().int() });
export type TSkill = z.infer<typeof ZSkill>;
export const ZSkillUpdate = ZSkillWrite.extend({ version: ZVersion.optional() });

export const ZSkillLevel = z.number().int().min(1).max(5);
export const ZSkillCell = z.object({
  skillId: ZId,
  self: ZSkillLevel.nullable(),
  manager: ZSkillLevel.nullable(),
  selfAt: ZTimestamp.nullable(),
  managerAt: ZTimestamp.nullable(),
  version: z.number().int().nullable(),
});
export const ZSkillsMatrix = z.object({
  skills: z.array(ZSkill),
  reps: z.array(z.object({ repId: ZId, name: z.string(), teamId: ZId.nullable(), levelId: ZId.nullable(), cells: z.array(ZSkillCell) })),
});
export type TSkillsMatrix = z.infer<typeof ZSkillsMatrix>;
export const ZSkillsMatrixQuery = z.object({ teamId: ZId.optional(), repId: ZId.optional() });
/** A rep assesses themselves (`self`); the manager of their team, a director or an admin sets `manager`. */
export const ZSkillAssessment = z.object({
  self: ZSkillLevel.nullable().optional(),
  manager: ZSkillLevel.nullable().optional(),
  version: ZVersion.optional(),
});

// ── Development plans ───────────────────────────────────────────────────────────────────────────────────────

const ZKpiGoal = z.object({
  kind: z.literal('kpi'),
  kpi: ZKpi,
  target: ZDecimalText,
  periodKind: ZPeriodKind,
  dueOn: ZDate.nullable(),
});
const ZCourseGoal = z.object({ kind: z.literal('course'), courseId: ZId, dueOn: ZDate.nullable() });
const ZSkillGoal = z.object({ kind: z.literal('skill'), skillId: ZId, level: ZSkillLevel, dueOn: ZDate.nullable() });
export const ZPlanGoalWrite = z.discriminatedUnion('kind', [ZKpiGoal, ZCourseGoal, ZSkillGoal]);
export type TPlanGoalWrite = z.infer<typeof ZPlanGoalWrite>;
const goalState = {
  id: z.string(),
  met: z.boolean(),
  /** The figure judged: the KPI's actual in the last closed period, the completion date, the manager's skill level. */
  value: z.string().nullable(),
  /** For a KPI goal: the period that figure is from. */
  period: z.string().nullable(),
  overdue: z.boolean(),
};
export const ZPlanGoal = z.discriminatedUnion('kind', [
  ZKpiGoal.extend(goalState),
  ZCourseGoal.extend(goalState),
  ZSkillGoal.extend(goalState),
]);
export type TPlanGoal = z.infer<typeof ZPlanGoal>;

export const ZDevelopmentPlanWrite = z.object({
  repId: ZId,
  targetLevelId: ZId,
  title: z.string().trim().min(1).max(200),
  dueOn: ZDate.nullable().default(null),
  goals: z.array(ZPlanGoalWrite).max(30).default([]),
  notes: z.string().max(5000).default(''),
});
export const ZDevelopmentPlanUpdate = ZDevelopmentPlanWrite.omit({ repId: true }).extend({
  status: z.enum(['active', 'completed', 'cancelled']),
  version: ZVersion.optional(),
});

/**
 * What separates the rep from the target level, in the level evaluation's own terms: the step from their level
 * (to the target, else the first step toward it) evaluated for `period`, every check met or missing.
 */
export const ZLevelGap = z.object({
  period: ZPeriod,
  fromLevelId: ZId.nullable(),
  toLevelId: ZId,
  /** The step evaluated (null: no step leads from the rep's level toward the target, or the rep is already there). */
  stepToLevelId: ZId.nullable(),
  reached: z.boolean(),
  met: z.boolean(),
  checks: z.array(ZCriterionCheck),
  missing: z.array(ZCriterionCheck),
});
export type TLevelGap = z.infer<typeof ZLevelGap>;

export const ZDevelopmentPlan = z.object({
  id: ZId,
  repId: ZId,
  repName: z.string(),
  teamId: ZId.nullable(),
  targetLevelId: ZId,
  title: z.string(),
  dueOn: ZDate.nullable(),
  status: z.enum(['active', 'completed', 'cancelled']),
  notes: z.string(),
  goals: z.array(ZPlanGoal),
  goalsMet: z.number().int(),
  createdBy: ZId.nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  version: z.number().int(),
});
export type TDevelopmentPlan = z.infer<typeof ZDevelopmentPlan>;
/** One plan with the level gap (GET /development-plans/{id}). */
export const ZDevelopmentPlanDetail = ZDevelopmentPlan.extend({ levelGap: ZLevelGap });
export type TDevelopmentPlanDetail = z.infer<typeof ZDevelopmentPlanDetail>;
export const ZDevelopmentPlanListQuery = ZListQuery.extend({
  repId: ZId.optional(),
  teamId: ZId.optional(),
  status: z.enum(['active', 'completed', 'cancelled']).optional(),
});
export const ZDevelopmentPlanDetailQuery = z.object({ period: ZPeriod.optional() });

// ── Training triggered by outcomes ──────────────────────────────────────────────────────────────────────────

/**
 * What a trigger watches for each rep over a closed period: a KPI of the catalogue, the win rate in one pipeline
 * type, or the conversion out of one stage (deals that left it moving forward ÷ all that left it).
 */
export const ZTriggerMetric = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kpi'), kpi: ZKpi }),
  z.object({ kind: z.literal('winRate'), processType: z.enum(['short', 'long', 'project']) }),
  z.object({ kind: z.literal('stageConversion'), stageId: ZId }),
]);
export type TTriggerMetric = z.infer<typeof ZTriggerMetric>;

export const ZTrainingTriggerWrite = z.object({
  name: z.string().trim().min(1).max(200),
  metric: ZTriggerMetric,
  /** Fires when the figure is below the threshold (rates as fractions: 0.2 = 20 %). */
  threshold: ZDecimalText,
  periodKind: ZPeriodKind,
  /** Rates fire only over at least this many deals (won + lost, or deals that left the stage). */
  minSample: z.number().int().min(1).max(10_000).default(1),
  courseId: ZId,
  /** The enrolment's due date: this many days after the period closes. */
  dueDays: z.number().int().min(1).max(365).default(30),
  /** Only reps of these teams / levels (empty: everyone). */
  teamIds: z.array(ZId).max(100).default([]),
  levelIds: z.array(ZId).max(20).default([]),
  enabled: z.boolean().default(true),
});
export const ZTrainingTriggerUpdate = ZTrainingTriggerWrite.extend({ version: ZVersion.optional() });
export const ZTrainingTrigger = ZTrainingTriggerWrite.extend({
  id: ZId,
  /** Periods ending after this are evaluated by the job; earlier ones only by an explicit run. */
  createdAt: ZTimestamp,
  lastRunPeriod: z.string().nullable(),
  version: z.number().int(),
});
export type TTrainingTrigger = z.infer<typeof ZTrainingTrigger>;

/** One rep the trigger fired for, with the figure that fired it. */
export const ZTriggerFire = z.object({
  id: ZId,
  triggerId: ZId,
  period: z.string(),
  repId: ZId,
  repName: z.string(),
  value: z.string(),
  threshold: z.string(),
  sample: z.number().int().nullable(),
  outcome: z.enum(['enrolled', 'already_enrolled']),
  enrolmentId: ZId.nullable(),
  firedAt: ZTimestamp,
});
export type TTriggerFire = z.infer<typeof ZTriggerFire>;
export const ZTriggerFireListQuery = ZListQuery.extend({ triggerId: ZId.optional(), repId: ZId.optional(), period: ZPeriod.optional() });
export const ZTriggerRun = z.object({ period: ZPeriod });
export const ZTriggerRunResult = z.object({
  period: z.string(),
  evaluated: z.number().int(),
  fired: z.array(ZTriggerFire),
  /** false when this period had already been run (nothing new is enrolled). */
  ran: z.boolean(),
});
