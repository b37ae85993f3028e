import type { TAssignmentEntity, TAssignmentRule, TAssignmentRuleCreate } from '@tierline/contracts';
import type { ProcessType } from './ruleSummary.ts';

/**
 * The rule editor's values, to and from the API. The server refuses conditions an entity cannot
 * have (a lead has no tier, only deals have a process type and an amount), so the editor shows
 * only the ones that apply and the body never carries the others.
 */

export type Strategy = TAssignmentRule['strategy'];
export const STRATEGIES: readonly Strategy[] = ['round_robin', 'least_loaded'];

export interface RuleFormValues {
  name: string;
  tierIds: string[];
  processTypes: ProcessType[];
  regions: string[];
  industries: string[];
  /** Decimal text (antd InputNumber in string mode): money is never a float. */
  minAmount: string | null;
  maxAmount: string | null;
  eligibleLevelIds: string[];
  eligibleTeamIds: string[];
  strategy: Strategy;
  active: boolean;
}

export type ConditionField = 'tierIds' | 'processTypes' | 'regions' | 'industries' | 'amount';

/** The conditions each entity can be routed on (a deal carries its customer's tier, region and industry). */
export const CONDITION_FIELDS: Record<TAssignmentEntity, readonly ConditionField[]> = {
  lead: ['regions', 'industries'],
  customer: ['tierIds', 'regions', 'industries'],
  deal: ['tierIds', 'processTypes', 'regions', 'industries', 'amount'],
};

export function emptyRuleValues(): RuleFormValues {
  return {
    name: '',
    tierIds: [],
    processTypes: [],
    regions: [],
    industries: [],
    minAmount: null,
    maxAmount: null,
    eligibleLevelIds: [],
    eligibleTeamIds: [],
    strategy: 'round_robin',
    active: true,
  };
}

export function toFormValues(rule: TAssignmentRule): RuleFormValues {
  const c = rule.conditions;
  return {
    name: rule.name,
    tierIds: c.tierIds ?? [],
    processTypes: c.processTypes ?? [],
    regions: c.regions ?? [],
    industries: c.industries ?? [],
    minAmount: c.minAmount ?? null,
    maxAmount: c.maxAmount ?? null,
    eligibleLevelIds: rule.eligibleLevelIds,
    eligibleTeamIds: rule.eligibleTeamIds,
    strategy: rule.strategy,
    active: rule.active,
  };
}

/** Trimmed, without blanks or repeats (tags typed twice, "East" and "East "). */
function cleanList(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter(Boolean))];
}

const amount = (v: string | null | undefined) => (v === null || v === undefined || String(v).trim() === '' ? undefined : String(v).trim());

/** The body of a create (the entity is added by the caller) or of a full update. */
export function toRuleBody(values: RuleFormValues, entity: TAssignmentEntity): Omit<TAssignmentRuleCreate, 'entity' | 'position'> {
  const fields = CONDITION_FIELDS[entity];
  const conditions: TAssignmentRuleCreate['conditions'] = {};
  if (fields.includes('tierIds') && values.tierIds.length) conditions.tierIds = [...new Set(values.tierIds)];
  if (fields.includes('processTypes') && values.processTypes.length) conditions.processTypes = [...new Set(values.processTypes)];
  const regions = cleanList(values.regions);
  if (regions.length) conditions.regions = regions;
  const industries = cleanList(values.industries);
  if (industries.length) conditions.industries = industries;
  if (fields.includes('amount')) {
    const min = amount(values.minAmount);
    const max = amount(values.maxAmount);
    if (min !== undefined) conditions.minAmount = min;
    if (max !== undefined) conditions.maxAmount = max;
  }
  return {
    name: values.name.trim(),
    conditions,
    eligibleLevelIds: [...new Set(values.eligibleLevelIds)],
    eligibleTeamIds: [...new Set(values.eligibleTeamIds)],
    strategy: values.strategy,
    active: values.active,
  };
}

/** Compares two non-negative decimal strings exactly ("100.5" = "100.50"), as the server does. */
export function compareAmounts(a: string, b: string): number {
  const [ai = '', af = ''] = a.trim().split('.');
  const [bi = '', bf = ''] = b.trim().split('.');
  const ia = ai.replace(/^0+(?=\d)/, '');
  const ib = bi.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

export type RuleProblem = { field: 'eligibleLevelIds' | 'maxAmount'; problem: 'eligibleRequired' | 'amountOrder' };

/** What the server would refuse that the form can say before sending (the server checks again). */
export function ruleProblems(values: RuleFormValues, entity: TAssignmentEntity): RuleProblem[] {
  const problems: RuleProblem[] = [];
  // Neither levels nor teams would make the rule give records to anyone at all.
  if (!values.eligibleLevelIds.length && !values.eligibleTeamIds.length) {
    problems.push({ field: 'eligibleLevelIds', problem: 'eligibleRequired' });
  }
  const min = amount(values.minAmount);
  const max = amount(values.maxAmount);
  if (CONDITION_FIELDS[entity].includes('amount') && min !== undefined && max !== undefined && compareAmounts(min, max) > 0) {
    problems.push({ field: 'maxAmount', problem: 'amountOrder' });
  }
  return problems;
}
