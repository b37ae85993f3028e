import type { FieldError } from '../../platform/errors.ts';
import type { LadderTier, TierRules } from './tierRules.rules.ts';

/** Whole hundredths: percents and money carry at most 2 decimals, so every boundary is exact in SQL and in TypeScript. */
const hasAtMostTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-7;

/**
 * What makes a rule set one the organisation can apply, as field errors (empty: valid):
 * every cut-off names an existing tier other than the lowest (which takes everyone else), one per tier;
 * a percentage is in (0, 100]; relative cut-offs are cumulative, so their percentages never fall going down
 * the ladder; absolute values are ≥ 0 — money with at most 2 decimals, counts, days and scores whole.
 */
export function validateTierRules(rules: TierRules, ladder: (LadderTier & { key: string })[], path = 'cutoffs'): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(ladder.map((t) => [t.id, t]));
  const lowestRank = Math.max(...ladder.map((t) => t.rank));
  const seen = new Set<string>();
  const relative: { index: number; rank: number; key: string; value: number }[] = [];

  rules.cutoffs.forEach((c, i) => {
    const at = (field: string) => `${path}.${i}.${field}`;
    const tier = byId.get(c.tierId);
    if (!tier) errors.push({ path: at('tierId'), message: 'no such tier' });
    else if (tier.rank === lowestRank)
      errors.push({ path: at('tierId'), message: 'the lowest tier takes every other customer and has no cut-off' });
    else if (seen.has(c.tierId)) errors.push({ path: at('tierId'), message: 'one cut-off per tier' });
    if (tier) seen.add(c.tierId);

    if (c.kind === 'top_percent') {
      if (!(c.value > 0 && c.value <= 100)) errors.push({ path: at('value'), message: 'a percentage above 0 and at most 100' });
      else if (!hasAtMostTwoDecimals(c.value)) errors.push({ path: at('value'), message: 'at most 2 decimal places' });
      else if (tier) relative.push({ index: i, rank: tier.rank, key: tier.key, value: c.value });
    } else if (c.value < 0) {
      errors.push({ path: at('value'), message: 'at least 0' });
    } else if (rules.metric === 'monetary' && !hasAtMostTwoDecimals(c.value)) {
      errors.push({ path: at('value'), message: 'money has at most 2 decimal places' });
    } else if (rules.metric !== 'monetary' && !Number.isInteger(c.value)) {
      errors.push({
        path: at('value'),
        message: `a whole number (${rules.metric === 'recency' ? 'days' : rules.metric === 'rfm' ? 'score 3–15' : 'orders'})`,
      });
    }
  });

  relative.sort((a, b) => a.rank - b.rank);
  relative.forEach((c, j) => {
    const above = relative[j - 1];
    if (above && c.value < above.value) {
      errors.push({
        path: `${path}.${c.index}.value`,
        message: `top ${c.value} % is less than the higher tier ${above.key}'s top ${above.value} %; relative cut-offs are cumulative`,
      });
    }
  });
  return errors;
}
