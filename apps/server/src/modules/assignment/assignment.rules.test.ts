import { describe, expect, it } from 'vitest';
import { defaultAssignmentRules } from './assignment.defaults.ts';
import {
  assign,
  type Candidate,
  compareDecimal,
  type EngineRule,
  matchConditions,
  type RecordAttributes,
  unassignedReasonOf,
} from './assignment.rules.ts';

// Ids sort as written: u1 < u2 < u3 < u4, which is the stable order round-robin and ties use.
const rep = (userId: string, over: Partial<Candidate> = {}): Candidate => ({
  userId,
  levelId: 'junior',
  teamId: 'east',
  active: true,
  available: true,
  load: 0,
  capacity: 10,
  ...over,
});
const rule = (over: Partial<EngineRule> = {}): EngineRule => ({
  id: 'r1',
  name: 'Rule 1',
  entity: 'deal',
  active: true,
  conditions: {},
  eligibleLevelIds: ['junior'],
  eligibleTeamIds: [],
  strategy: 'least_loaded',
  lastAssignedUserId: null,
  ...over,
});
const deal = (over: Partial<RecordAttributes> = {}): RecordAttributes => ({
  entity: 'deal',
  tierId: null,
  processType: 'short',
  region: null,
  industry: null,
  amount: null,
  ...over,
});
const reasons = (e: ReturnType<typeof assign>) => Object.fromEntries(e.candidates.map((c) => [c.userId, c.passedOver ?? 'CHOSEN']));

describe('exact decimal comparison', () => {
  it.each([
    ['100', '100.00', 0],
    ['99.99', '100', -1],
    ['100.5', '100.49', 1],
    ['0100', '99', 1], // leading zeros do not make a number bigger
    ['1000000000000.01', '1000000000000.1', -1], // beyond what a float tells apart at this scale
  ])('%s vs %s → %i', (a, b, sign) => expect(Math.sign(compareDecimal(a, b))).toBe(sign));
});

describe('rule matching', () => {
  it.each([
    ['no conditions match anything', {}, deal(), ['any record']],
    ['process type', { processTypes: ['short' as const, 'long' as const] }, deal({ processType: 'long' }), ['process type long']],
    ['process type mismatch', { processTypes: ['project' as const] }, deal(), null],
    ['tier by name in words', { tierIds: ['t-ka'] }, deal({ tierId: 't-ka' }), ['tier KA']],
    ['a record without a tier fails a tier condition', { tierIds: ['t-ka'] }, deal(), null],
    ['region ignores case', { regions: ['East China'] }, deal({ region: 'east china' }), ['region east china']],
    ['industry', { industries: ['Energy'] }, deal({ industry: 'Retail' }), null],
    [
      'amount within bounds, inclusive',
      { minAmount: '100000', maxAmount: '500000.00' },
      deal({ amount: '500000' }),
      ['amount ≥ 100000', 'amount ≤ 500000.00'],
    ],
    ['amount below the minimum', { minAmount: '100000' }, deal({ amount: '99999.99' }), null],
    ['no amount fails an amount condition', { minAmount: '0' }, deal(), null],
  ])('%s', (_name, conditions, record, matched) => expect(matchConditions(conditions, record, { 't-ka': 'KA' })).toEqual(matched));

  it('takes the first active rule of the record’s entity, in order', () => {
    const rules = [
      rule({ id: 'lead-rule', entity: 'lead' }),
      rule({ id: 'off', active: false }),
      rule({ id: 'project', conditions: { processTypes: ['project'] } }),
      rule({ id: 'short', conditions: { processTypes: ['short'] } }),
      rule({ id: 'any' }),
    ];
    expect(assign({ record: deal(), rules, candidates: [rep('u1')] }).ruleId).toBe('short');
    expect(assign({ record: deal({ processType: 'long' }), rules, candidates: [rep('u1')] }).ruleId).toBe('any');
  });
});

describe('who is eligible', () => {
  const candidates = [
    rep('u1', { levelId: 'senior' }),
    rep('u2', { teamId: 'west' }),
    rep('u3', { available: false }),
    rep('u4', { load: 10, capacity: 10 }),
    rep('u5', { active: false }),
    rep('u6', { load: 3 }),
    rep('u7', { load: 500, capacity: null }), // no limit at this level
  ];

  it('passes over wrong level, wrong team, away, at capacity and inactive reps, each with its reason', () => {
    const e = assign({ record: deal(), rules: [rule({ eligibleTeamIds: ['east'] })], candidates });
    expect(reasons(e)).toEqual({
      u1: 'wrong_level',
      u2: 'wrong_team',
      u3: 'away',
      u4: 'at_capacity',
      u5: 'inactive',
      u6: 'CHOSEN',
      u7: 'higher_load',
    });
    expect(e).toMatchObject({ chosen: 'u6', ruleId: 'r1', strategy: 'least_loaded', matched: ['any record'] });
  });

  it('with no levels named, any level in the named teams is eligible', () => {
    const e = assign({ record: deal(), rules: [rule({ eligibleLevelIds: [], eligibleTeamIds: ['west'] })], candidates });
    expect(e.chosen).toBe('u2');
  });

  it('keeps a manager within their teams', () => {
    const e = assign({ record: deal(), rules: [rule({ eligibleLevelIds: [] })], candidates, assignableTeamIds: ['west'] });
    expect(e.chosen).toBe('u2');
    expect(reasons(e).u6).toBe('outside_your_teams');
  });

  it('assigns nobody when nobody is eligible, and says why', () => {
    const e = assign({
      record: deal(),
      rules: [rule({ eligibleLevelIds: ['senior'] })],
      candidates: [rep('u1', { available: false }), rep('u2')],
    });
    expect(e.chosen).toBeNull();
    expect(reasons(e)).toEqual({ u1: 'wrong_level', u2: 'wrong_level' });
    expect(unassignedReasonOf(e)).toBe('no eligible rep under rule "Rule 1" (2 wrong level)');
  });

  it('assigns nobody when no rule matches', () => {
    const e = assign({
      record: deal({ processType: 'long' }),
      rules: [rule({ conditions: { processTypes: ['short'] } })],
      candidates: [rep('u1')],
    });
    expect(e).toMatchObject({ ruleId: null, chosen: null, candidates: [{ userId: 'u1' }] });
    expect(unassignedReasonOf(e)).toBe('no active rule matches this record');
  });

  it('assigns nobody when there are no reps', () => {
    expect(unassignedReasonOf(assign({ record: deal(), rules: [rule()], candidates: [] }))).toBe('there are no reps to assign to');
  });
});

describe('round-robin', () => {
  /** Runs `n` assignments in a row, carrying the rule's memory and the loads from one to the next. */
  function run(n: number, reps: Candidate[], strategy: 'round_robin' | 'least_loaded' = 'round_robin') {
    const r = rule({ strategy });
    const loads = new Map(reps.map((c) => [c.userId, c.load]));
    const order: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      const e = assign({ record: deal(), rules: [r], candidates: reps.map((c) => ({ ...c, load: loads.get(c.userId) ?? 0 })) });
      order.push(e.chosen);
      if (e.chosen) {
        r.lastAssignedUserId = e.chosen;
        loads.set(e.chosen, (loads.get(e.chosen) ?? 0) + 1);
      }
    }
    return { order, loads };
  }

  it.each([
    ['goes round in user-id order and wraps', [rep('u2'), rep('u1'), rep('u3')], ['u1', 'u2', 'u3', 'u1', 'u2']],
    ['skips an away rep', [rep('u1'), rep('u2', { available: false }), rep('u3')], ['u1', 'u3', 'u1', 'u3']],
    ['skips a rep once they reach capacity', [rep('u1', { load: 1, capacity: 2 }), rep('u2')], ['u1', 'u2', 'u2', 'u2']],
  ])('%s', (_name, reps, expected) => expect(run(expected.length, reps).order).toEqual(expected));

  it('continues after the last rep served, even when that rep has since left', () => {
    const e = assign({
      record: deal(),
      rules: [rule({ strategy: 'round_robin', lastAssignedUserId: 'u2' })],
      candidates: [rep('u1'), rep('u3')],
    });
    expect(e.chosen).toBe('u3');
    expect(reasons(e)).toEqual({ u1: 'not_next_in_turn', u3: 'CHOSEN' });
  });

  it.each(['round_robin', 'least_loaded'] as const)('%s never takes a rep past capacity, and stops when all are full', (strategy) => {
    const reps = [
      rep('u1', { capacity: 3 }),
      rep('u2', { capacity: 1, load: 1 }),
      rep('u3', { capacity: 5, load: 2 }),
      rep('u4', { capacity: 0 }),
    ];
    const { order, loads } = run(12, reps, strategy);
    for (const c of reps) expect(loads.get(c.userId)).toBeLessThanOrEqual(c.capacity as number);
    expect(order.filter(Boolean)).toHaveLength(3 + 0 + 3 + 0); // the room there was
    expect(order.slice(6)).toEqual([null, null, null, null, null, null]);
  });
});

describe('least-loaded', () => {
  it.each([
    [
      'lowest load wins',
      [rep('u1', { load: 4 }), rep('u2', { load: 2 }), rep('u3', { load: 3 })],
      'u2',
      { u1: 'higher_load', u3: 'higher_load' },
    ],
    [
      'a tie goes to the lowest user id',
      [rep('u3', { load: 1 }), rep('u2', { load: 1 }), rep('u1', { load: 5 })],
      'u2',
      { u1: 'higher_load', u3: 'same_load_later_id' },
    ],
  ])('%s', (_name, reps, chosen, passed) => {
    const e = assign({ record: deal(), rules: [rule()], candidates: reps });
    expect(e.chosen).toBe(chosen);
    expect(reasons(e)).toEqual({ ...passed, [chosen]: 'CHOSEN' });
  });

  it('spreads a run of records evenly', () => {
    const r = rule();
    const loads: Record<string, number> = { u1: 0, u2: 0, u3: 0 };
    for (let i = 0; i < 9; i++) {
      const e = assign({ record: deal(), rules: [r], candidates: Object.entries(loads).map(([id, load]) => rep(id, { load })) });
      loads[e.chosen as string]++;
    }
    expect(loads).toEqual({ u1: 3, u2: 3, u3: 3 });
  });
});

describe('default rules', () => {
  const levels = { junior: 'L1', mid: 'L2', senior: 'L3' };
  const tiers = { ka: 'T-KA', vip: 'T-VIP', smb: 'T-SMB' };
  const defaults = defaultAssignmentRules(levels, tiers);
  const pick = (record: RecordAttributes) => {
    const rules = defaults.map((d, i) => ({ ...d, id: `d${i}`, active: true, eligibleTeamIds: [], lastAssignedUserId: null }));
    const e = assign({
      record,
      rules,
      candidates: [rep('j', { levelId: 'L1' }), rep('m', { levelId: 'L2' }), rep('s', { levelId: 'L3' })],
    });
    return e.candidates.filter((c) => c.passedOver !== 'wrong_level').map((c) => c.userId);
  };

  it.each([
    ['KA customer → senior', { entity: 'customer' as const, tierId: 'T-KA' }, ['s']],
    ['SMB customer → junior or mid', { entity: 'customer' as const, tierId: 'T-SMB' }, ['j', 'm']],
    ['VIP customer → mid or senior', { entity: 'customer' as const, tierId: 'T-VIP' }, ['m', 's']],
    ['project deal → senior', { processType: 'project' as const }, ['s']],
    ['long-cycle deal → mid or senior', { processType: 'long' as const }, ['m', 's']],
    ['short-cycle deal → junior or mid', { processType: 'short' as const }, ['j', 'm']],
    ['lead → junior or mid', { entity: 'lead' as const, processType: null }, ['j', 'm']],
  ])('%s', (_name, record, eligible) => expect(pick(deal(record))).toEqual(eligible));

  it('leaves out what an organisation renamed away rather than accept anyone', () => {
    expect(defaultAssignmentRules({ mid: 'L2' }, {}).map((r) => r.name)).toEqual([
      'Other customers (VIP) → mid or senior',
      'Long-cycle deals → mid or senior',
      'Short-cycle deals → junior or mid',
      'Leads → junior or mid',
    ]);
  });
});
