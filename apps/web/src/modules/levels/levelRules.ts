import type { TCriterionCheck, TKpi, TLevelCriterion, TLevelEvaluation, TPeriodKind, TRole } from '@tierline/contracts';
import { KPI_LIST } from '../performance/kpis.ts';

/**
 * The level evaluation board's pure parts (decision 0027): grouping reps by recommendation, reading a
 * decision's state, and turning a criterion check into something the UI can word in either language.
 */

/** Open the board and decide on their reps (the server decides which reps: a manager's team, a director's org). */
export const mayDecideLevels = (role: TRole) => role === 'manager' || role === 'director' || role === 'admin';
/** Edit the ladder's criteria and the commission plans. */
export const mayEditSettings = (role: TRole) => role === 'director' || role === 'admin';
/** Set a rep's own capacity (managers and up; the server checks the rep is theirs). */
export const mayEditCapacity = mayDecideLevels;

export type TRecommendation = TLevelEvaluation['recommendation'];
export const RECOMMENDATIONS: readonly TRecommendation[] = ['promote', 'hold', 'demote'];
export const RECOMMENDATION_COLORS: Record<TRecommendation, string> = { promote: 'green', hold: 'default', demote: 'orange' };

/** Where a rep's evaluation stands: waiting for a decision, rejected, accepted for a later date, or in force. */
export type DecisionState = 'open' | 'rejected' | 'scheduled' | 'applied';

export function decisionState(evaluation: Pick<TLevelEvaluation, 'decision'>): DecisionState {
  const d = evaluation.decision;
  if (!d) return 'open';
  if (d.decision === 'rejected') return 'rejected';
  return d.appliedAt ? 'applied' : 'scheduled';
}

/** Only a recommended move is decided on; a hold has nothing to accept. */
export const isDecidable = (evaluation: Pick<TLevelEvaluation, 'recommendation' | 'decision'>) =>
  evaluation.recommendation !== 'hold' && evaluation.decision === null;

export type Board = Record<TRecommendation, TLevelEvaluation[]>;

/**
 * The board's columns: 建议晋升, 保持, 建议降级. Within a column, what still waits for a decision comes
 * first, then by name, so a manager works down from the top.
 */
export function groupBoard(evaluations: readonly TLevelEvaluation[], locale = 'zh-CN'): Board {
  const board: Board = { promote: [], hold: [], demote: [] };
  for (const e of evaluations) board[e.recommendation].push(e);
  const collator = new Intl.Collator(locale);
  const waiting = (e: TLevelEvaluation) => (isDecidable(e) ? 0 : 1);
  for (const key of RECOMMENDATIONS) board[key].sort((a, b) => waiting(a) - waiting(b) || collator.compare(a.name, b.name));
  return board;
}

const isKpi = (value: string): value is TKpi => (KPI_LIST as readonly string[]).includes(value);

/**
 * What a check asks, as facts the UI words: the grade over how many periods, a KPI's minimum, or the
 * months at the level. The server states it in `required` (e.g. `A or better in each of 2 quarters`,
 * `revenueWon ≥ 300000 in each of 2 quarters`, `≥ 18 months at level`, a course's title); the step's criterion, when the caller has it, is the exact source. Anything unreadable
 * is shown as the server wrote it.
 */
export type CheckSpec =
  | { kind: 'grade'; direction: 'promote' | 'demote'; grade: string; count: number; periodKind: TPeriodKind | null }
  | { kind: 'kpiMinimum'; kpi: TKpi; min: string; below: boolean }
  | { kind: 'timeAtLevel'; months: number }
  | { kind: 'course'; courseId: string | null; title: string }
  | { kind: 'raw'; text: string };

const PERIOD_WORDS: [RegExp, TPeriodKind][] = [
  [/month|月/i, 'month'],
  [/quarter|季/i, 'quarter'],
  [/year|年/i, 'year'],
];

function periodKindIn(text: string): TPeriodKind | null {
  for (const [pattern, kind] of PERIOD_WORDS) if (pattern.test(text)) return kind;
  return null;
}

export function checkSpec(
  check: Pick<TCriterionCheck, 'kind' | 'required'> & { courseId?: string | null | undefined },
  direction: 'promote' | 'demote',
  criterion?: Pick<TLevelCriterion, 'grade' | 'consecutivePeriods' | 'periodKind' | 'minMonthsAtLevel'> | null,
): CheckSpec {
  const text = check.required.trim();
  switch (check.kind) {
    case 'grade': {
      const grade = criterion?.grade ?? /(?:^|[\s`'"≥≤>=<])([A-Z][+-]?)(?=$|[\s`'",，])/.exec(text)?.[1] ?? null;
      if (!grade) break;
      const count = criterion?.consecutivePeriods ?? Number(/(\d+)/.exec(text.replace(grade, ''))?.[1] ?? 1);
      return { kind: 'grade', direction, grade, count, periodKind: criterion?.periodKind ?? periodKindIn(text) };
    }
    case 'kpiMinimum': {
      // A promotion asks for at least the minimum; a demotion is triggered below it (`revenueWon < 100000`).
      const match = /^`?([A-Za-z][\w.]*)`?\s*(≥|>=|<)\s*([\d.]+)/.exec(text);
      if (match?.[1] && match[3] && isKpi(match[1])) return { kind: 'kpiMinimum', kpi: match[1], min: match[3], below: match[2] === '<' };
      break;
    }
    case 'timeAtLevel': {
      const months = criterion?.minMonthsAtLevel ?? Number(/(\d+)/.exec(text)?.[1] ?? Number.NaN);
      if (Number.isFinite(months)) return { kind: 'timeAtLevel', months };
      break;
    }
    // A curriculum course to pass before promotion: the server puts the course's title in `required`.
    case 'course':
      if (text) return { kind: 'course', courseId: check.courseId ?? null, title: text };
      break;
  }
  return { kind: 'raw', text };
}

/** The configured step behind one of an evaluation's steps (from the rep's level to the step's target). */
export function criterionOf(
  steps: readonly TLevelCriterion[] | undefined,
  fromLevelId: string | null,
  toLevelId: string,
): TLevelCriterion | null {
  return steps?.find((s) => s.fromLevelId === fromLevelId && s.toLevelId === toLevelId) ?? null;
}

/** How many of a step's checks are met ("2/3"), for the step's header. */
export function metCount(checks: readonly Pick<TCriterionCheck, 'met'>[]): { met: number; total: number } {
  return { met: checks.filter((c) => c.met).length, total: checks.length };
}
