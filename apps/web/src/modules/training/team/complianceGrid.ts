import type { TTeamCompliance } from '@tierline/contracts';

/**
 * 团队合规 grid, pure (tested in complianceGrid.test.ts): the server gives per rep the cells that concern them (their
 * level's required courses and everything assigned); the page shows one column per course, one row per rep.
 */

export type ComplianceRep = TTeamCompliance['reps'][number];
export type ComplianceCell = ComplianceRep['cells'][number];
export type ComplianceCourse = TTeamCompliance['courses'][number];
export type ComplianceState = ComplianceCell['state'];

/** The order a legend lists the states in: done first, then what is under way, then what needs attention. */
export const COMPLIANCE_STATES: readonly ComplianceState[] = [
  'completed',
  'in_progress',
  'assigned',
  'overdue',
  'failed',
  'expired',
  'missing',
];

/** antd Tag colours: green done, blue under way, red/volcano overdue or failed, orange lapsed, grey never started. */
export const STATE_COLORS: Record<ComplianceState, string> = {
  completed: 'success',
  in_progress: 'processing',
  assigned: 'blue',
  overdue: 'error',
  failed: 'volcano',
  expired: 'warning',
  missing: 'default',
};

/** States that ask a manager to act (shown in the summary and as "needs attention"). */
export const ATTENTION_STATES: ReadonlySet<ComplianceState> = new Set(['overdue', 'failed', 'expired', 'missing']);

export interface ComplianceColumn extends ComplianceCourse {
  /** Reps for whom the course is required (their level's curriculum). */
  requiredFor: number;
  /** Reps with a cell in the column (required or assigned). */
  concerned: number;
}

/**
 * The columns: courses required of anyone first (most reps first), then the assigned-only ones, each group by title
 * in the reader's language, so the core of the curriculum sits on the left where the eye starts.
 */
export function complianceColumns(data: TTeamCompliance, locale: string): ComplianceColumn[] {
  const counts = new Map<string, { requiredFor: number; concerned: number }>();
  for (const rep of data.reps) {
    for (const cell of rep.cells) {
      const count = counts.get(cell.courseId) ?? { requiredFor: 0, concerned: 0 };
      count.concerned += 1;
      if (cell.required) count.requiredFor += 1;
      counts.set(cell.courseId, count);
    }
  }
  return data.courses
    .map((course) => ({ ...course, ...(counts.get(course.id) ?? { requiredFor: 0, concerned: 0 }) }))
    .sort(
      (a, b) =>
        Number(b.requiredFor > 0) - Number(a.requiredFor > 0) || b.requiredFor - a.requiredFor || a.title.localeCompare(b.title, locale),
    );
}

export interface ComplianceRow extends ComplianceRep {
  /** The rep's cells by course id; a course missing from it does not concern the rep. */
  byCourse: Map<string, ComplianceCell>;
  attention: number;
}

/** The rows: least compliant first (nothing asked last), then by name, so who needs a word stands at the top. */
export function complianceRows(data: TTeamCompliance, locale: string): ComplianceRow[] {
  return data.reps
    .map((rep) => ({
      ...rep,
      byCourse: new Map(rep.cells.map((cell) => [cell.courseId, cell])),
      attention: rep.cells.filter((cell) => ATTENTION_STATES.has(cell.state)).length,
    }))
    .sort(
      (a, b) =>
        (a.compliance ?? Number.POSITIVE_INFINITY) - (b.compliance ?? Number.POSITIVE_INFINITY) || a.name.localeCompare(b.name, locale),
    );
}

export interface ComplianceSummary {
  reps: number;
  /** Cells overdue (a rep late on two courses counts twice: it is the work to chase). */
  overdue: number;
  /** Reps with at least one overdue course. */
  repsOverdue: number;
  /** Required courses never started or lapsed (missing or expired). */
  missingRequired: number;
  /** Mean of the reps' compliance, rounded; reps asked nothing are left out; null when nobody is asked anything. */
  averageCompliance: number | null;
  /** Reps at 100 % (of those asked something). */
  fullyCompliant: number;
}

export function complianceSummary(data: TTeamCompliance): ComplianceSummary {
  let overdue = 0;
  let repsOverdue = 0;
  let missingRequired = 0;
  const rated: number[] = [];
  for (const rep of data.reps) {
    const late = rep.cells.filter((cell) => cell.state === 'overdue').length;
    overdue += late;
    if (late > 0) repsOverdue += 1;
    missingRequired += rep.cells.filter((cell) => cell.required && (cell.state === 'missing' || cell.state === 'expired')).length;
    if (rep.compliance !== null) rated.push(rep.compliance);
  }
  const averageCompliance = rated.length ? Math.round(rated.reduce((sum, v) => sum + v, 0) / rated.length) : null;
  return {
    reps: data.reps.length,
    overdue,
    repsOverdue,
    missingRequired,
    averageCompliance,
    fullyCompliant: rated.filter((v) => v >= 100).length,
  };
}

/** The colour of a compliance figure: green at 100, amber from 60, red below; grey when nothing is asked. */
export function complianceTone(value: number | null): 'success' | 'normal' | 'exception' | 'none' {
  if (value === null) return 'none';
  if (value >= 100) return 'success';
  return value >= 60 ? 'normal' : 'exception';
}
