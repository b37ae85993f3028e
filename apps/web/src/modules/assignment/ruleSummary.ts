import type { TAssignmentRule } from '@tierline/contracts';

/**
 * A rule's conditions and eligibility as parts a sentence is made of ("tier is KA or VIP",
 * "region is East"). Kept apart from the words so the parts can be tested without i18n and the
 * same parts serve the list, the editor's preview and the explanation.
 */

export type Conditions = TAssignmentRule['conditions'];
export type ProcessType = NonNullable<Conditions['processTypes']>[number];
export const PROCESS_TYPES: readonly ProcessType[] = ['short', 'long', 'project'];

export type ConditionPart =
  | { kind: 'tier' | 'region' | 'industry'; values: string[] }
  | { kind: 'processType'; values: ProcessType[] }
  | { kind: 'amountBetween'; min: string; max: string }
  | { kind: 'amountAtLeast'; min: string }
  | { kind: 'amountAtMost'; max: string };

const given = <T>(list: T[] | undefined): list is T[] => Array.isArray(list) && list.length > 0;

/**
 * One part per condition the rule sets, in reading order; [] means the rule takes any record.
 * Tier ids become names through `tierName` (org data, in the reader's language).
 */
export function conditionParts(c: Conditions, tierName: (id: string) => string): ConditionPart[] {
  const parts: ConditionPart[] = [];
  if (given(c.tierIds)) parts.push({ kind: 'tier', values: c.tierIds.map(tierName) });
  if (given(c.processTypes)) {
    // The canonical order (short, long, project), whatever order they were picked in.
    parts.push({ kind: 'processType', values: PROCESS_TYPES.filter((p) => c.processTypes?.includes(p)) });
  }
  if (given(c.regions)) parts.push({ kind: 'region', values: c.regions });
  if (given(c.industries)) parts.push({ kind: 'industry', values: c.industries });
  const { minAmount: min, maxAmount: max } = c;
  if (min !== undefined && max !== undefined) parts.push({ kind: 'amountBetween', min, max });
  else if (min !== undefined) parts.push({ kind: 'amountAtLeast', min });
  else if (max !== undefined) parts.push({ kind: 'amountAtMost', max });
  return parts;
}

/** Who may receive records under a rule: level and team names, or null for "any". */
export function eligibility(
  rule: Pick<TAssignmentRule, 'eligibleLevelIds' | 'eligibleTeamIds'>,
  levelName: (id: string) => string,
  teamName: (id: string) => string,
): { levels: string[] | null; teams: string[] | null } {
  return {
    levels: rule.eligibleLevelIds.length ? rule.eligibleLevelIds.map(levelName) : null,
    teams: rule.eligibleTeamIds.length ? rule.eligibleTeamIds.map(teamName) : null,
  };
}

/** "KA or VIP" / "大客户或VIP客户": alternatives joined the way the reader's language does it. */
export function orList(values: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(values);
}
