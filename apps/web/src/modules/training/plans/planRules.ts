import type {
  TCriterionCheck,
  TDevelopmentPlan,
  TKpi,
  TLevelGap,
  TPeriodKind,
  TPlanGoal,
  TPlanGoalWrite,
  TRole,
} from '@tierline/contracts';
import type { TFunction } from 'i18next';
import { formatDate } from '../../../shared/format.ts';
import { formatKpiValue, inputToTarget, kpiLabel, targetToInput } from '../../performance/kpis.ts';
import { periodLabel } from '../../performance/periods.ts';
import { COACH_ROLES } from '../access.ts';

/**
 * The development plan pages' pure parts (decision 0029): who writes plans, a plan's progress, the level gap with
 * what is still missing first, a goal's state and words, and the form's values to and from the API's shapes.
 */

/** Managers (for their teams' reps), directors and admins write plans; the server checks the rep is theirs. */
export const mayWritePlans = (role: TRole) => COACH_ROLES.includes(role);

/** Goals met of all goals, as "2/3" and a whole percent (null: a plan without goals has nothing to measure). */
export function planProgress(plan: Pick<TDevelopmentPlan, 'goals' | 'goalsMet'>): { met: number; total: number; percent: number | null } {
  const total = plan.goals.length;
  return { met: plan.goalsMet, total, percent: total === 0 ? null : Math.round((100 * plan.goalsMet) / total) };
}

/** An active plan past its due date (`today` as YYYY-MM-DD, the browser's calendar); a finished or cancelled one never is. */
export function planOverdue(plan: Pick<TDevelopmentPlan, 'dueOn' | 'status'>, today: string): boolean {
  return plan.status === 'active' && plan.dueOn !== null && plan.dueOn < today;
}

/** The gap's checks as shown: what is still missing first, then what is met, each in the server's order. */
export function gapSections(gap: Pick<TLevelGap, 'checks'>): { missing: TCriterionCheck[]; met: TCriterionCheck[] } {
  return { missing: gap.checks.filter((c) => !c.met), met: gap.checks.filter((c) => c.met) };
}

/** Where the rep stands against the target level: already there, no step toward it, every check met, or a gap. */
export type GapState = 'reached' | 'noStep' | 'ready' | 'missing';

export function gapState(gap: Pick<TLevelGap, 'reached' | 'stepToLevelId' | 'checks'>): GapState {
  if (gap.reached) return 'reached';
  if (gap.stepToLevelId === null) return 'noStep';
  return gap.checks.every((c) => c.met) ? 'ready' : 'missing';
}

export type GoalState = 'met' | 'overdue' | 'open';

export const goalState = (goal: Pick<TPlanGoal, 'met' | 'overdue'>): GoalState => (goal.met ? 'met' : goal.overdue ? 'overdue' : 'open');

/** Names of the things goals point at; a name not (yet) loaded reads "…". */
export interface GoalNames {
  course: (id: string) => string | undefined;
  skill: (id: string) => string | undefined;
}

/** What a goal asks: "回款额达到 ¥300,000.00（季度）", "通过课程“谈判入门”", "技能“需求挖掘”达到 3 级（经理评估）". */
export function goalText(goal: TPlanGoalWrite, names: GoalNames, t: TFunction, locale: string): string {
  switch (goal.kind) {
    case 'kpi':
      return t('trainingPlans.goal.kpiText', {
        kpi: kpiLabel(goal.kpi, t),
        target: formatKpiValue(goal.kpi, goal.target, locale),
        period: t(`trainingPlans.periodKinds.${goal.periodKind}`),
      });
    case 'course':
      return t('trainingPlans.goal.courseText', { title: names.course(goal.courseId) ?? '…' });
    case 'skill':
      return t('trainingPlans.goal.skillText', { skill: names.skill(goal.skillId) ?? '…', level: goal.level });
  }
}

/** The figure a goal was judged on: the KPI's actual in the last closed period, the completion date, the manager's level. */
export function goalFigure(goal: TPlanGoal, t: TFunction, locale: string): string {
  switch (goal.kind) {
    case 'kpi':
      if (goal.value === null) return t('trainingPlans.goal.noFigure');
      return goal.period
        ? t('trainingPlans.goal.kpiFigure', { period: periodLabel(goal.period, t), value: formatKpiValue(goal.kpi, goal.value, locale) })
        : formatKpiValue(goal.kpi, goal.value, locale);
    case 'course':
      return goal.value === null
        ? t('trainingPlans.goal.notCompleted')
        : t('trainingPlans.goal.completedOn', { date: formatDate(goal.value, locale) });
    case 'skill':
      return goal.value === null ? t('trainingPlans.goal.notAssessed') : t('trainingPlans.goal.skillFigure', { level: goal.value });
  }
}

// ── The form ────────────────────────────────────────────────────────────────────────────────────────────────

/** A goal as the form holds it: every kind's fields optional, a KPI target as typed (rates in percent). */
export interface GoalFormValue {
  kind: TPlanGoalWrite['kind'];
  kpi?: TKpi;
  target?: number | null;
  periodKind?: TPeriodKind;
  courseId?: string;
  skillId?: string;
  level?: number;
  dueOn?: string | null;
}

export interface PlanFormValues {
  repId?: string;
  targetLevelId?: string;
  title?: string;
  dueOn?: string | null;
  notes?: string;
  status?: TDevelopmentPlan['status'];
  goals?: GoalFormValue[];
}

/** A date input's value (`YYYY-MM-DD`, or empty when cleared) for the API. */
const dateText = (value: string | null | undefined): string | null => (value ? value : null);

/** A goal for the API; null when a field the kind needs is missing (the form's rules say which). */
export function goalToWrite(goal: GoalFormValue): TPlanGoalWrite | null {
  const dueOn = dateText(goal.dueOn);
  switch (goal.kind) {
    case 'kpi': {
      if (!goal.kpi || !goal.periodKind) return null;
      const target = inputToTarget(goal.kpi, goal.target);
      return target === null ? null : { kind: 'kpi', kpi: goal.kpi, target, periodKind: goal.periodKind, dueOn };
    }
    case 'course':
      return goal.courseId ? { kind: 'course', courseId: goal.courseId, dueOn } : null;
    case 'skill':
      return goal.skillId && goal.level ? { kind: 'skill', skillId: goal.skillId, level: goal.level, dueOn } : null;
  }
}

/** A saved goal back into the form (a rate target in percent again). */
export function goalToForm(goal: TPlanGoalWrite): GoalFormValue {
  const dueOn = goal.dueOn ?? '';
  switch (goal.kind) {
    case 'kpi':
      return { kind: 'kpi', kpi: goal.kpi, target: targetToInput(goal.kpi, goal.target), periodKind: goal.periodKind, dueOn };
    case 'course':
      return { kind: 'course', courseId: goal.courseId, dueOn };
    case 'skill':
      return { kind: 'skill', skillId: goal.skillId, level: goal.level, dueOn };
  }
}

/** The form's values as the create body (the goals the form could not complete are left out; its rules stop that first). */
export function toPlanWrite(values: PlanFormValues) {
  return {
    repId: values.repId ?? '',
    targetLevelId: values.targetLevelId ?? '',
    title: (values.title ?? '').trim(),
    dueOn: dateText(values.dueOn),
    goals: (values.goals ?? []).map(goalToWrite).filter((g): g is TPlanGoalWrite => g !== null),
    notes: values.notes ?? '',
  };
}

/** The form's values as the update body: no rep (a plan stays with its rep), the status, and the version it was loaded at. */
export function toPlanUpdate(values: PlanFormValues, version: number) {
  const { repId: _repId, ...write } = toPlanWrite(values);
  return { ...write, status: values.status ?? 'active', version };
}

/** A plan into the form. */
export function planToForm(plan: TDevelopmentPlan): PlanFormValues {
  return {
    repId: plan.repId,
    targetLevelId: plan.targetLevelId,
    title: plan.title,
    dueOn: plan.dueOn ?? '',
    notes: plan.notes,
    status: plan.status,
    goals: plan.goals.map(goalToForm),
  };
}
