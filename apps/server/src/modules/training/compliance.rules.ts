import { percentHalfUp } from './quiz.rules.ts';

export type CellState = 'completed' | 'in_progress' | 'assigned' | 'overdue' | 'failed' | 'expired' | 'missing';

/** A rep's latest enrolment in a course that was not cancelled (open, completed or failed). */
export type LatestEnrolment = { status: 'assigned' | 'in_progress' | 'completed' | 'failed'; dueOn: string | null };
export type Holding = { completedOn: string; expiresOn: string | null; valid: boolean };

export type ComplianceCell = {
  courseId: string;
  required: boolean;
  state: CellState;
  dueOn: string | null;
  completedOn: string | null;
  expiresOn: string | null;
};

/**
 * Where a rep stands in one course. Holding it (valid today) counts as completed even while a re-certification is
 * open; otherwise open work shows (overdue before in progress or assigned), then a lapsed certification (expired),
 * then a failed attempt, and a required course never taken is missing.
 */
export function cellState(latest: LatestEnrolment | null, holding: Holding | null, today: string): CellState {
  if (holding?.valid) return 'completed';
  if (latest && (latest.status === 'assigned' || latest.status === 'in_progress')) {
    if (latest.dueOn !== null && latest.dueOn < today) return 'overdue';
    return latest.status;
  }
  if (holding) return 'expired';
  if (latest?.status === 'failed') return 'failed';
  return 'missing';
}

/**
 * One rep's cells: a cell per course required by their level or ever assigned to them (not cancelled), in the
 * order of `courseIds` (the columns); courses neither required nor assigned get no cell.
 */
export function repCells(input: {
  courseIds: string[];
  required: Set<string>;
  latest: Map<string, LatestEnrolment>;
  holdings: Map<string, Holding>;
  today: string;
}): ComplianceCell[] {
  const cells: ComplianceCell[] = [];
  for (const courseId of input.courseIds) {
    const latest = input.latest.get(courseId) ?? null;
    const holding = input.holdings.get(courseId) ?? null;
    const required = input.required.has(courseId);
    if (!required && !latest && !holding) continue;
    cells.push({
      courseId,
      required,
      state: cellState(latest, holding, input.today),
      dueOn: latest?.dueOn ?? null,
      completedOn: holding?.completedOn ?? null,
      expiresOn: holding?.expiresOn ?? null,
    });
  }
  return cells;
}

/** Completed ÷ cells as an integer percent (half up); null when nothing is asked of the rep. */
export function complianceOf(cells: { state: CellState }[]): number | null {
  if (cells.length === 0) return null;
  return percentHalfUp(cells.filter((c) => c.state === 'completed').length, cells.length);
}
