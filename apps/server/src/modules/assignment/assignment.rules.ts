/**
 * The assignment engine: which rep gets a record, and why every other rep did not. Pure: it is
 * given the record, the rules and the reps with their loads, and decides; the use case reads and
 * writes. Table-driven tests in assignment.rules.test.ts.
 */
import type { AssignmentConditions, AssignmentExplanation } from './assignment.table.ts';

export type Entity = 'lead' | 'customer' | 'deal';
export type Strategy = 'round_robin' | 'least_loaded';

/** What routing looks at. A deal carries its customer's tier, region and industry. */
export type RecordAttributes = {
  entity: Entity;
  tierId: string | null;
  processType: 'short' | 'long' | 'project' | null;
  region: string | null;
  industry: string | null;
  /** Decimal string (numeric from SQL): compared as a decimal, never as a float. */
  amount: string | null;
};

export type EngineRule = {
  id: string;
  name: string;
  entity: Entity;
  active: boolean;
  conditions: AssignmentConditions;
  eligibleLevelIds: string[];
  eligibleTeamIds: string[];
  strategy: Strategy;
  lastAssignedUserId: string | null;
};

export type Candidate = {
  userId: string;
  levelId: string | null;
  teamId: string | null;
  active: boolean;
  available: boolean;
  /** Records of this entity the rep carries now: open deals, owned customers or open leads. */
  load: number;
  /** From the rep's level; null: no limit. */
  capacity: number | null;
};

export type PassedOver =
  | 'inactive'
  | 'wrong_level'
  | 'wrong_team'
  | 'outside_your_teams'
  | 'away'
  | 'at_capacity'
  | 'not_next_in_turn'
  | 'higher_load'
  | 'same_load_later_id';

export type EngineInput = {
  record: RecordAttributes;
  /** The entity's rules in order; the first active one whose conditions hold decides. */
  rules: EngineRule[];
  candidates: Candidate[];
  /** Teams the person assigning may give records to (a manager's); undefined: any. */
  assignableTeamIds?: string[];
  /** Names for the conditions in the explanation (tier ids → "KA"); ids are shown when missing. */
  tierNames?: Record<string, string>;
};

/** Compares two non-negative decimal strings exactly ("100.5" vs "100.50" → 0). */
export function compareDecimal(a: string, b: string): number {
  const [ai, af = ''] = a.split('.');
  const [bi, bf = ''] = b.split('.');
  const ia = ai.replace(/^0+(?=\d)/, '');
  const ib = bi.replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

const fold = (s: string) => s.trim().toLowerCase();
const given = <T>(list: T[] | undefined): list is T[] => Array.isArray(list) && list.length > 0;

/** The conditions that hold, in words; null when one fails. Region and industry ignore case. */
export function matchConditions(c: AssignmentConditions, r: RecordAttributes, tierNames: Record<string, string> = {}): string[] | null {
  const matched: string[] = [];
  if (given(c.tierIds)) {
    if (!r.tierId || !c.tierIds.includes(r.tierId)) return null;
    matched.push(`tier ${tierNames[r.tierId] ?? r.tierId}`);
  }
  if (given(c.processTypes)) {
    if (!r.processType || !c.processTypes.includes(r.processType)) return null;
    matched.push(`process type ${r.processType}`);
  }
  if (given(c.regions)) {
    if (!r.region || !c.regions.some((x) => fold(x) === fold(r.region as string))) return null;
    matched.push(`region ${r.region}`);
  }
  if (given(c.industries)) {
    if (!r.industry || !c.industries.some((x) => fold(x) === fold(r.industry as string))) return null;
    matched.push(`industry ${r.industry}`);
  }
  if (c.minAmount !== undefined) {
    if (r.amount === null || compareDecimal(r.amount, c.minAmount) < 0) return null;
    matched.push(`amount ≥ ${c.minAmount}`);
  }
  if (c.maxAmount !== undefined) {
    if (r.amount === null || compareDecimal(r.amount, c.maxAmount) > 0) return null;
    matched.push(`amount ≤ ${c.maxAmount}`);
  }
  return matched.length ? matched : ['any record'];
}

/** Why a rep cannot take the record under this rule at all; null when they can. */
function ineligibility(rule: EngineRule, c: Candidate, assignableTeamIds: string[] | undefined): PassedOver | null {
  if (!c.active) return 'inactive';
  if (rule.eligibleLevelIds.length && !(c.levelId && rule.eligibleLevelIds.includes(c.levelId))) return 'wrong_level';
  if (rule.eligibleTeamIds.length && !(c.teamId && rule.eligibleTeamIds.includes(c.teamId))) return 'wrong_team';
  if (assignableTeamIds && !(c.teamId && assignableTeamIds.includes(c.teamId))) return 'outside_your_teams';
  if (!c.available) return 'away';
  // Taking one more must not go over: load < capacity, so capacity is never exceeded.
  if (c.capacity !== null && c.load >= c.capacity) return 'at_capacity';
  return null;
}

const byUserId = (a: Candidate, b: Candidate) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/** Round-robin: the first eligible rep after the last one served, in user-id order, wrapping round. */
function nextInTurn(eligible: Candidate[], last: string | null): Candidate {
  return (last === null ? undefined : eligible.find((c) => c.userId > last)) ?? eligible[0];
}

/** Least-loaded: the lowest load; ties go to the lowest user id so the choice is reproducible. */
function leastLoaded(eligible: Candidate[]): Candidate {
  return eligible.reduce((best, c) => (c.load < best.load ? c : best));
}

export function assign(input: EngineInput): AssignmentExplanation {
  const { record } = input;
  const candidates = [...input.candidates].sort(byUserId);
  let rule: EngineRule | undefined;
  let matched: string[] | null = null;
  for (const r of input.rules) {
    if (!r.active || r.entity !== record.entity) continue;
    matched = matchConditions(r.conditions, record, input.tierNames);
    if (matched) {
      rule = r;
      break;
    }
  }
  const listed = (passedOver?: (c: Candidate) => string | undefined) =>
    candidates.map((c) => {
      const reason = passedOver?.(c);
      return { userId: c.userId, load: c.load, capacity: c.capacity, ...(reason ? { passedOver: reason } : {}) };
    });
  if (!rule || !matched) {
    return {
      ruleId: null,
      ruleName: null,
      matched: [],
      candidates: listed(),
      chosen: null,
      strategy: null,
    };
  }
  const reasons = new Map(candidates.map((c) => [c.userId, ineligibility(rule, c, input.assignableTeamIds)]));
  const eligible = candidates.filter((c) => reasons.get(c.userId) === null);
  if (!eligible.length) {
    return {
      ruleId: rule.id,
      ruleName: rule.name,
      matched,
      candidates: listed((c) => reasons.get(c.userId) ?? undefined),
      chosen: null,
      strategy: rule.strategy,
    };
  }
  const chosen = rule.strategy === 'round_robin' ? nextInTurn(eligible, rule.lastAssignedUserId) : leastLoaded(eligible);
  const lost = (c: Candidate): PassedOver =>
    rule.strategy === 'round_robin' ? 'not_next_in_turn' : c.load > chosen.load ? 'higher_load' : 'same_load_later_id';
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    matched,
    candidates: listed((c) => (c.userId === chosen.userId ? undefined : (reasons.get(c.userId) ?? lost(c)))),
    chosen: chosen.userId,
    strategy: rule.strategy,
  };
}

/** Why nobody was assigned, in words, from the explanation alone (so the log can say it again later). */
export function unassignedReasonOf(e: AssignmentExplanation): string | null {
  if (e.chosen) return null;
  if (!e.ruleId) return 'no active rule matches this record';
  const counts = new Map<string, number>();
  for (const c of e.candidates) if (c.passedOver) counts.set(c.passedOver, (counts.get(c.passedOver) ?? 0) + 1);
  if (!counts.size) return 'there are no reps to assign to';
  return `no eligible rep under rule "${e.ruleName}" (${[...counts].map(([r, n]) => `${n} ${r.replaceAll('_', ' ')}`).join(', ')})`;
}
