import type { Actor } from '../../platform/access.ts';
import type { FieldError } from '../../platform/errors.ts';
import type { PlanStep } from './tasks.table.ts';

/**
 * The rules of follow-up tasks, cadences and plans, as pure functions. The scheduled jobs apply the
 * same rules set-based in SQL (cadence.repository.ts, planSteps.repository.ts); keep the two in step
 * (the db tests compare them).
 */

export const DAY_MS = 86_400_000;
/** A task_due reminder goes out when the task falls due within this time (decision 0020). */
export const DUE_SOON_MS = 60 * 60_000;
export const MAX_PLAN_STEPS = 20;

/** `n` days later, as exact 24-hour days (a daylight-saving change never moves a due time). */
export const addDays = (from: Date, n: number) => new Date(from.getTime() + n * DAY_MS);

/**
 * When the customer's next contact is due: the last contact plus the tier's cadence; a customer never
 * contacted counts from when its owner took it, or else from its creation (as tier compliance does).
 */
export function cadenceDueAt(c: { lastContactAt: Date | null; ownedSince: Date | null; createdAt: Date }, cadenceDays: number): Date {
  return addDays(c.lastContactAt ?? c.ownedSince ?? c.createdAt, cadenceDays);
}

/** The stored title of a cadence task is this prefix, in its assignee's language, and the customer's name. */
export const CADENCE_TITLE_PREFIX = { en: 'Follow up: ', 'zh-CN': '跟进：' } as const;
export const cadenceTitle = (customerName: string, locale: 'zh-CN' | 'en') => `${CADENCE_TITLE_PREFIX[locale]}${customerName}`;

/** When a step of an enrollment started at `startedAt` becomes a task. */
export const stepTime = (startedAt: Date, step: Pick<PlanStep, 'dayOffset'>) => addDays(startedAt, step.dayOffset);

/** The steps from `nextStep` on whose time has come at `now`, in order (steps are in ascending day order). */
export function stepsDue(startedAt: Date, steps: Pick<PlanStep, 'dayOffset'>[], nextStep: number, now: Date): number[] {
  const due: number[] = [];
  for (let i = Math.max(0, nextStep); i < steps.length; i++) {
    if (stepTime(startedAt, steps[i]).getTime() > now.getTime()) break;
    due.push(i);
  }
  return due;
}

/** When the next step becomes a task; null once every step has. */
export function nextStepAt(startedAt: Date, steps: Pick<PlanStep, 'dayOffset'>[], nextStep: number): Date | null {
  const step = steps[nextStep];
  return step ? stepTime(startedAt, step) : null;
}

/**
 * What is wrong with a plan: 1–20 steps, days ascending (two steps on one day are fine), each
 * day 0–3650; a customer plan names its tier, a deal plan its stage, and not the other.
 */
export function planProblems(plan: {
  target: 'customer' | 'deal';
  tierId?: string | null;
  stageId?: string | null;
  steps: Pick<PlanStep, 'dayOffset' | 'title'>[];
}): FieldError[] {
  const problems: FieldError[] = [];
  if (plan.target === 'customer') {
    if (!plan.tierId) problems.push({ path: 'tierId', message: 'a customer plan names the tier whose customers it enrolls' });
    if (plan.stageId) problems.push({ path: 'stageId', message: 'a customer plan has no stage' });
  } else {
    if (!plan.stageId) problems.push({ path: 'stageId', message: 'a deal plan names the stage whose deals it enrolls' });
    if (plan.tierId) problems.push({ path: 'tierId', message: 'a deal plan has no tier' });
  }
  if (plan.steps.length < 1 || plan.steps.length > MAX_PLAN_STEPS)
    problems.push({ path: 'steps', message: `a plan has 1 to ${MAX_PLAN_STEPS} steps` });
  plan.steps.forEach((s, i) => {
    if (!Number.isInteger(s.dayOffset) || s.dayOffset < 0 || s.dayOffset > 3650)
      problems.push({ path: `steps.${i}.dayOffset`, message: 'a whole number of days from 0 to 3650' });
    else if (i > 0 && s.dayOffset < plan.steps[i - 1].dayOffset)
      problems.push({ path: `steps.${i}.dayOffset`, message: `must not come before step ${i} (day ${plan.steps[i - 1].dayOffset})` });
    if (!s.title.trim()) problems.push({ path: `steps.${i}.title`, message: 'required' });
  });
  return problems;
}

export type Assignee = { id: string; teamId: string | null; role: Actor['role']; active: boolean };

/**
 * Who may give a task to whom: anyone to themself; a rep to a member of their own team; a manager to
 * a member of the teams they manage or belong to; directors and admins to anyone active who can work
 * (not a viewer). Returns why not, or null.
 */
export function assignmentRefusal(actor: Pick<Actor, 'userId' | 'role' | 'teamId' | 'managedTeamIds'>, to: Assignee | undefined) {
  if (!to?.active || to.role === 'viewer') return 'no such active user who can work on tasks';
  if (to.id === actor.userId) return null;
  switch (actor.role) {
    case 'admin':
    case 'director':
      return null;
    case 'manager': {
      const teams = new Set([...actor.managedTeamIds, ...(actor.teamId ? [actor.teamId] : [])]);
      return to.teamId && teams.has(to.teamId) ? null : 'not a member of your teams';
    }
    case 'rep':
      return actor.teamId && to.teamId === actor.teamId ? null : 'a rep gives tasks only to members of their own team';
    default:
      return 'a viewer gives no tasks';
  }
}

type TaskKind = { source: 'manual' | 'cadence' | 'plan'; status: 'open' | 'done' | 'cancelled' };
type TaskChange = {
  dueAt?: unknown;
  assigneeId?: unknown;
  customerId?: unknown;
  dealId?: unknown;
  leadId?: unknown;
  status?: 'open' | 'done' | 'cancelled';
};

/**
 * What a change may not touch. A cadence task follows its customer: its due time comes from the last
 * contact, its assignee is the owner, and once closed the cadence makes the next one, so it is not
 * reopened. A plan task belongs to its enrollment's customer or deal.
 */
export function taskChangeProblems(task: TaskKind, change: TaskChange): FieldError[] {
  const problems: FieldError[] = [];
  const links = ['customerId', 'dealId', 'leadId'] as const;
  if (task.source !== 'manual')
    for (const f of links)
      if (change[f] !== undefined) problems.push({ path: f, message: `a ${task.source} task keeps the record it was made for` });
  if (task.source === 'cadence') {
    if (change.dueAt !== undefined) problems.push({ path: 'dueAt', message: 'a cadence task is due at the last contact plus the cadence' });
    if (change.assigneeId !== undefined) problems.push({ path: 'assigneeId', message: 'a cadence task goes to the customer’s owner' });
    if (change.status === 'open' && task.status !== 'open')
      problems.push({ path: 'status', message: 'a closed cadence task is not reopened: the cadence makes the next one' });
  }
  return problems;
}

export const isOverdue = (t: { status: string; dueAt: Date }, now: Date) => t.status === 'open' && t.dueAt.getTime() < now.getTime();
