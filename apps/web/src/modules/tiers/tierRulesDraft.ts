import type { TTier, TTierCutoff, TTierMetric, TTierRules } from '@tierline/contracts';
import type { TierRulesDraft } from './tiers.api.ts';

export type CutoffKind = TTierCutoff['kind'] | 'none';

/** The rules as the form holds them: one row per tier above the lowest (which takes everyone else). */
export interface RulesFormValues {
  metric: TTierMetric;
  windowDays: number;
  cutoffs: Record<string, { kind: CutoffKind; value?: number | null }>;
}

export function toFormValues(rules: TTierRules, tiers: readonly TTier[]): RulesFormValues {
  const byTier = new Map(rules.cutoffs.map((c) => [c.tierId, c]));
  return {
    metric: rules.metric,
    windowDays: rules.windowDays,
    cutoffs: Object.fromEntries(
      tiers.slice(0, -1).map((tier) => {
        const c = byTier.get(tier.id);
        return [tier.id, c ? { kind: c.kind, value: c.value } : { kind: 'none' as const, value: null }];
      }),
    ),
  };
}

/** The form's rules as the API takes them, tiers highest first, rows without a cut-off left out. */
export function toDraft(values: RulesFormValues, tiers: readonly TTier[]): TierRulesDraft {
  const cutoffs = tiers.flatMap((tier) => {
    const row = values.cutoffs?.[tier.id];
    if (!row || row.kind === 'none' || row.value === null || row.value === undefined) return [];
    return [{ tierId: tier.id, kind: row.kind, value: Number(row.value) }];
  });
  return { metric: values.metric, windowDays: Number(values.windowDays), cutoffs };
}

/** Same rules, whatever the order of cut-offs: then applying needs no new version. */
export function sameRules(a: TierRulesDraft, b: Pick<TTierRules, 'metric' | 'windowDays' | 'cutoffs'>): boolean {
  const key = (r: Pick<TTierRules, 'metric' | 'windowDays' | 'cutoffs'>) =>
    JSON.stringify([
      r.metric,
      r.windowDays,
      [...r.cutoffs].sort((x, y) => x.tierId.localeCompare(y.tierId)).map((c) => [c.tierId, c.kind, c.value]),
    ]);
  return key(a) === key(b);
}

export type DraftProblem = { tierId: string; problem: 'percentRange' | 'negative' | 'wholeNumber' | 'notCumulative' };

/**
 * What the server would refuse, found before asking: a percentage in (0, 100], relative cut-offs
 * that never fall going down the ladder (they are cumulative), absolute values ≥ 0 and whole
 * for counts, days and scores.
 */
export function draftProblems(draft: TierRulesDraft, tiers: readonly TTier[]): DraftProblem[] {
  const rank = new Map(tiers.map((tier) => [tier.id, tier.rank]));
  const problems: DraftProblem[] = [];
  let highestPercent: number | null = null;
  for (const c of [...draft.cutoffs].sort((a, b) => (rank.get(a.tierId) ?? 0) - (rank.get(b.tierId) ?? 0))) {
    if (c.kind === 'top_percent') {
      if (!(c.value > 0 && c.value <= 100)) problems.push({ tierId: c.tierId, problem: 'percentRange' });
      else if (highestPercent !== null && c.value < highestPercent) problems.push({ tierId: c.tierId, problem: 'notCumulative' });
      else highestPercent = c.value;
    } else if (c.value < 0) {
      problems.push({ tierId: c.tierId, problem: 'negative' });
    } else if (draft.metric !== 'monetary' && !Number.isInteger(c.value)) {
      problems.push({ tierId: c.tierId, problem: 'wholeNumber' });
    }
  }
  return problems;
}

/** The number of customers in each tier before a change, from the counts after it and the moves. */
export function countsBefore(
  after: readonly { tierId: string; count: number }[],
  moves: readonly { fromTierId: string; toTierId: string; count: number }[],
): Map<string, number> {
  const before = new Map(after.map((tier) => [tier.tierId, tier.count]));
  for (const m of moves) {
    before.set(m.toTierId, (before.get(m.toTierId) ?? 0) - m.count);
    before.set(m.fromTierId, (before.get(m.fromTierId) ?? 0) + m.count);
  }
  return before;
}
