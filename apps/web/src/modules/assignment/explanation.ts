import type { ZAssignmentExplanation, ZPassedOverReason } from '@tierline/contracts';
import type { Infer } from '../../shared/types.ts';
import { PROCESS_TYPES, type ProcessType } from './ruleSummary.ts';

/**
 * Reading an assignment's explanation (what the server logged when it ran the rules): the outcome,
 * why each rep was passed over, and the conditions that held. The server stores reasons as codes
 * and conditions as short English phrases; these turn both into things the UI can say in either
 * language.
 */

export type TExplanation = Infer<typeof ZAssignmentExplanation>;
export type TCandidate = TExplanation['candidates'][number];
export type PassedOverReason = Infer<typeof ZPassedOverReason>;

/**
 * Nearest to winning first: those who lost only on turn or load, then those who could not take the
 * record at all, in the order the engine checks them backwards (capacity is the easiest to change).
 */
export const REASON_ORDER: readonly PassedOverReason[] = [
  'same_load_later_id',
  'higher_load',
  'not_next_in_turn',
  'at_capacity',
  'away',
  'outside_your_teams',
  'wrong_team',
  'wrong_level',
  'inactive',
];

/** The reason's message key; a reason this build does not know (a newer server) reads as "other". */
export function reasonKey(passedOver: string): PassedOverReason | 'unknown' {
  return (REASON_ORDER as readonly string[]).includes(passedOver) ? (passedOver as PassedOverReason) : 'unknown';
}

/** Where a rep goes in the table: the chosen one first, unknown reasons after the known ones. */
function rank(c: TCandidate, chosen: string | null): number {
  if (c.userId === chosen) return -1;
  if (c.passedOver === undefined) return REASON_ORDER.length + 1;
  const i = REASON_ORDER.indexOf(c.passedOver as PassedOverReason);
  return i < 0 ? REASON_ORDER.length : i;
}

/** The chosen rep first, then the others nearest to winning first; equal ones by load, then id (stable). */
export function sortCandidates(candidates: readonly TCandidate[], chosen: string | null): TCandidate[] {
  return [...candidates].sort(
    (a, b) => rank(a, chosen) - rank(b, chosen) || a.load - b.load || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0),
  );
}

/** How many reps were passed over for each reason, in REASON_ORDER ("3 at capacity, 2 wrong level"). */
export function reasonCounts(candidates: readonly TCandidate[]): { reason: PassedOverReason | 'unknown'; n: number }[] {
  const counts = new Map<PassedOverReason | 'unknown', number>();
  for (const c of candidates) {
    if (c.passedOver === undefined) continue;
    const key = reasonKey(c.passedOver);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...REASON_ORDER, 'unknown' as const].flatMap((reason) => {
    const n = counts.get(reason);
    return n ? [{ reason, n }] : [];
  });
}

export type Outcome =
  | { kind: 'assigned'; userId: string }
  | { kind: 'noRule' }
  | { kind: 'noReps' }
  | { kind: 'noneEligible'; ruleName: string };

/** What happened, derived from the explanation alone (the server's own sentence is English). */
export function outcomeOf(e: TExplanation): Outcome {
  if (e.chosen) return { kind: 'assigned', userId: e.chosen };
  if (!e.ruleId) return { kind: 'noRule' };
  if (!e.candidates.some((c) => c.passedOver !== undefined)) return { kind: 'noReps' };
  return { kind: 'noneEligible', ruleName: e.ruleName ?? '' };
}

export type MatchedCondition =
  | { kind: 'any' }
  | { kind: 'tier' | 'region' | 'industry' | 'amountAtLeast' | 'amountAtMost'; value: string }
  | { kind: 'processType'; value: ProcessType }
  | { kind: 'raw'; value: string };

// The phrases the server's engine writes (assignment.rules.ts, matchConditions), longest prefix first.
const PHRASES: [string, MatchedCondition['kind']][] = [
  ['process type ', 'processType'],
  ['amount ≥ ', 'amountAtLeast'],
  ['amount ≤ ', 'amountAtMost'],
  ['industry ', 'industry'],
  ['region ', 'region'],
  ['tier ', 'tier'],
];

/** One matched condition as the server phrased it ("tier KA", "amount ≥ 100.00") → a kind and its value. */
export function parseMatched(text: string): MatchedCondition {
  if (text === 'any record') return { kind: 'any' };
  for (const [prefix, kind] of PHRASES) {
    if (!text.startsWith(prefix)) continue;
    const value = text.slice(prefix.length);
    if (kind === 'processType') {
      return (PROCESS_TYPES as readonly string[]).includes(value) ? { kind, value: value as ProcessType } : { kind: 'raw', value: text };
    }
    return { kind, value } as MatchedCondition;
  }
  // A phrase this build does not know: shown as the server wrote it rather than dropped.
  return { kind: 'raw', value: text };
}
