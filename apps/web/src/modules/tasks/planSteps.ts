import type { TPlanStep } from '@tierline/contracts';

/** The server's limits on a plan (decision 0020): 1–20 steps, each 0–3650 days after enrollment. */
export const MAX_STEPS = 20;
export const MAX_DAY_OFFSET = 3650;

export type StepProblem =
  | { kind: 'count' }
  | { kind: 'order'; index: number; previousDay: number }
  | { kind: 'range'; index: number }
  | { kind: 'title'; index: number };

/**
 * What the server would refuse in a plan's steps, found before saving so the editor can point at the
 * row: days ascending (two steps on one day are fine), each a whole day 0–3650, a title each, 1–20 steps.
 */
export function stepProblems(steps: ReadonlyArray<Partial<TPlanStep>>): StepProblem[] {
  const problems: StepProblem[] = [];
  if (steps.length < 1 || steps.length > MAX_STEPS) problems.push({ kind: 'count' });
  steps.forEach((step, index) => {
    const day = step.dayOffset;
    if (day === undefined || day === null || !Number.isInteger(day) || day < 0 || day > MAX_DAY_OFFSET)
      problems.push({ kind: 'range', index });
    else {
      const previousDay = index > 0 ? steps[index - 1].dayOffset : undefined;
      if (typeof previousDay === 'number' && day < previousDay) problems.push({ kind: 'order', index, previousDay });
    }
    if (!step.title?.trim()) problems.push({ kind: 'title', index });
  });
  return problems;
}

/** Steps by day, keeping the written order of steps on the same day (a call then an email on day 0). */
export function sortSteps<T extends { dayOffset: number }>(steps: readonly T[]): T[] {
  return steps
    .map((step, i) => [step, i] as const)
    .sort(([a, i], [b, j]) => a.dayOffset - b.dayOffset || i - j)
    .map(([step]) => step);
}

/** The day a step after the last one should default to: the last step's day plus a few, so new rows stay in order. */
export function nextStepDay(steps: ReadonlyArray<Partial<TPlanStep>>, gap = 3): number {
  const days = steps.map((s) => s.dayOffset).filter((d): d is number => typeof d === 'number');
  return days.length ? Math.min(MAX_DAY_OFFSET, Math.max(...days) + gap) : 0;
}

/**
 * A plan in one line: "第0天 电话 → 第3天 邮件 → 第7天 拜访". `label` words one step in the UI language;
 * past `max` steps the rest are counted ("… +4").
 */
export function stepsSummary(steps: readonly TPlanStep[], label: (step: TPlanStep) => string, max = 6): string {
  const shown = steps.slice(0, max).map(label).join(' → ');
  return steps.length > max ? `${shown} → … +${steps.length - max}` : shown;
}
