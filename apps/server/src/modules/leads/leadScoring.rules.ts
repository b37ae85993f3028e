import type { FieldError } from '../../platform/errors.ts';
import type { LeadScoreLine } from './leads.table.ts';

/** The lead fields a scoring rule may look at. */
export const SCORABLE_FIELDS = ['company', 'title', 'email', 'phone', 'source', 'region', 'industry'] as const;
export type ScorableField = (typeof SCORABLE_FIELDS)[number];
export type ScoredLead = Record<ScorableField, string | null>;

export type ScoringRule =
  | {
      id: string;
      label: string;
      kind: 'field';
      field: string | null;
      operator: 'equals' | 'in' | 'contains' | 'present' | null;
      value: string | string[] | null;
      points: number;
    }
  | { id: string; label: string; kind: 'activity'; activityKind: string | null; points: number };

/** Activities of the lead by kind. Until the activities module lands every count is 0. */
export type ActivityCounts = Partial<Record<string, number>>;

export const MIN_SCORE = 0;
export const MAX_SCORE = 100;

const fold = (s: string) => s.trim().toLowerCase();

/** Text comparisons ignore case and surrounding spaces: "Trade Show" equals "trade show ". */
function fieldRuleHolds(rule: Extract<ScoringRule, { kind: 'field' }>, lead: ScoredLead): boolean {
  const raw = rule.field && (SCORABLE_FIELDS as readonly string[]).includes(rule.field) ? lead[rule.field as ScorableField] : null;
  const value = raw?.trim() ? fold(raw) : null;
  switch (rule.operator) {
    case 'present':
      return value !== null;
    case 'equals':
      return value !== null && typeof rule.value === 'string' && value === fold(rule.value);
    case 'contains':
      return value !== null && typeof rule.value === 'string' && value.includes(fold(rule.value));
    case 'in':
      return value !== null && Array.isArray(rule.value) && rule.value.some((v) => fold(v) === value);
    default:
      return false;
  }
}

/**
 * score = Σ points of the rules that hold, clamped to 0–100. A field rule earns its points once;
 * an activity rule earns its points once per activity of its kind. The breakdown lists every rule
 * that contributed, in rule order, so the score can be read line by line.
 */
export function scoreLead(lead: ScoredLead, rules: ScoringRule[], activities: ActivityCounts = {}) {
  const breakdown: LeadScoreLine[] = [];
  for (const rule of rules) {
    if (rule.kind === 'field') {
      if (fieldRuleHolds(rule, lead)) breakdown.push({ ruleId: rule.id, label: rule.label, points: rule.points });
    } else {
      const n = (rule.activityKind && activities[rule.activityKind]) || 0;
      if (n > 0) breakdown.push({ ruleId: rule.id, label: n > 1 ? `${rule.label} ×${n}` : rule.label, points: rule.points * n });
    }
  }
  const total = breakdown.reduce((sum, line) => sum + line.points, 0);
  return { score: Math.min(MAX_SCORE, Math.max(MIN_SCORE, total)), breakdown };
}

type RuleInput =
  | { kind: 'field'; field: string; operator: 'equals' | 'in' | 'contains' | 'present'; value?: string | string[] | null }
  | { kind: 'activity'; activityKind: string };

/** The value a field rule needs follows from its operator; a mismatch is named by its path. */
export function checkScoringRules(rules: RuleInput[]): FieldError[] {
  const errors: FieldError[] = [];
  rules.forEach((r, i) => {
    if (r.kind !== 'field') return;
    const path = `rules.${i}.value`;
    const v = r.value ?? null;
    if (r.operator === 'present' && v !== null) errors.push({ path, message: 'present takes no value' });
    if ((r.operator === 'equals' || r.operator === 'contains') && typeof v !== 'string')
      errors.push({ path, message: `${r.operator} needs one text value` });
    if (r.operator === 'in' && !Array.isArray(v)) errors.push({ path, message: 'in needs a list of values' });
  });
  return errors;
}
