import type { TLeadScoringRuleInput } from '@tierline/contracts';
import type { TLeadScoringRule } from './leads.api.ts';

export const SCORING_FIELDS = ['source', 'industry', 'region', 'title', 'company', 'email', 'phone'] as const;
export type ScoringField = (typeof SCORING_FIELDS)[number];
export const OPERATORS = ['equals', 'in', 'contains', 'present'] as const;
export type ScoringOperator = (typeof OPERATORS)[number];
export const ACTIVITY_KINDS = ['call', 'email', 'visit', 'meeting', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const MIN_POINTS = -100;
export const MAX_POINTS = 100;

/** One rule as the editor holds it: `value` is text for equals/contains, a list for in, nothing for present. */
export interface RuleFormValue {
  id?: string;
  label?: string;
  kind: 'field' | 'activity';
  field?: ScoringField;
  operator?: ScoringOperator;
  value?: string | string[] | null;
  activityKind?: ActivityKind;
  points?: number | null;
}

export function toRuleForm(rule: TLeadScoringRule): RuleFormValue {
  if (rule.kind === 'activity') {
    return {
      id: rule.id,
      label: rule.label,
      kind: 'activity',
      activityKind: (rule.activityKind ?? 'visit') as ActivityKind,
      points: rule.points,
    };
  }
  const operator = (rule.operator ?? 'equals') as ScoringOperator;
  return {
    id: rule.id,
    label: rule.label,
    kind: 'field',
    field: (rule.field ?? 'source') as ScoringField,
    operator,
    value: valueFor(operator, rule.value),
    points: rule.points,
  };
}

/** A new rule starts as the most common kind: a field equal to a value, worth 10 points. */
export const newRule = (): RuleFormValue => ({ kind: 'field', field: 'source', operator: 'equals', value: '', label: '', points: 10 });

/** The value carried over when the operator changes: text ↔ list keep what was typed, present drops it. */
export function valueFor(operator: ScoringOperator, value: RuleFormValue['value']): RuleFormValue['value'] {
  const list = (Array.isArray(value) ? value : value ? [value] : []).map((v) => v.trim()).filter(Boolean);
  if (operator === 'present') return null;
  if (operator === 'in') return list;
  return list.join(', ');
}

/** What is wrong with a field rule's value for its operator (the server's checkScoringRules, asked first). */
export function valueProblem(operator: ScoringOperator | undefined, value: RuleFormValue['value']): 'needsValue' | 'needsValues' | null {
  if (operator === 'equals' || operator === 'contains') return typeof value === 'string' && value.trim() ? null : 'needsValue';
  if (operator === 'in') return Array.isArray(value) && value.some((v) => v.trim()) ? null : 'needsValues';
  return null;
}

/** The rules as PUT /lead-scoring-rules takes them, in the editor's order (which is the breakdown's order). */
export function toRulesInput(rules: readonly RuleFormValue[]): TLeadScoringRuleInput[] {
  return rules.map((r) => {
    const base = { ...(r.id ? { id: r.id } : {}), label: (r.label ?? '').trim(), points: Math.trunc(Number(r.points ?? 0)) };
    if (r.kind === 'activity') return { ...base, kind: 'activity', activityKind: r.activityKind ?? 'visit' };
    const operator = r.operator ?? 'equals';
    const value = valueFor(operator, r.value ?? null);
    return { ...base, kind: 'field', field: r.field ?? 'source', operator, ...(value === null ? {} : { value }) };
  });
}
