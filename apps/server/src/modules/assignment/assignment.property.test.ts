import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, type Candidate, compareDecimal, type EngineRule, matchConditions, type RecordAttributes } from './assignment.rules.ts';
import type { AssignmentConditions } from './assignment.table.ts';

/**
 * Properties of the assignment engine (issue 11): whoever it picks satisfies the rule that matched,
 * nobody eligible is left out when it picks nobody, and round robin is fair over k·n assignments.
 */

const LEVELS = ['junior', 'senior'];
const TEAMS = ['east', 'west', 'north'];
const REGIONS = ['华东', 'North', 'south'];
const amount = fc.integer({ min: 0, max: 1_000_000_00 }).map((c) => (c / 100).toFixed(2));

const recordArb: fc.Arbitrary<RecordAttributes> = fc.record({
  entity: fc.constantFrom('lead' as const, 'customer' as const, 'deal' as const),
  tierId: fc.option(fc.constantFrom('ka', 'smb'), { nil: null }),
  processType: fc.option(fc.constantFrom('short' as const, 'long' as const, 'project' as const), { nil: null }),
  region: fc.option(fc.constantFrom(...REGIONS, 'NORTH '), { nil: null }),
  industry: fc.option(fc.constantFrom('retail', 'Retail', 'energy'), { nil: null }),
  amount: fc.option(amount, { nil: null }),
});
const conditionsArb: fc.Arbitrary<AssignmentConditions> = fc.record(
  {
    tierIds: fc.subarray(['ka', 'smb']),
    processTypes: fc.subarray(['short', 'long', 'project'] as const),
    regions: fc.subarray(REGIONS),
    industries: fc.subarray(['retail', 'energy']),
    minAmount: amount,
    maxAmount: amount,
  },
  { requiredKeys: [] },
);
const ruleArb = (id: string): fc.Arbitrary<EngineRule> =>
  fc.record({
    id: fc.constant(id),
    name: fc.constant(id),
    entity: fc.constantFrom('lead' as const, 'customer' as const, 'deal' as const),
    active: fc.boolean(),
    conditions: conditionsArb,
    eligibleLevelIds: fc.subarray(LEVELS),
    eligibleTeamIds: fc.subarray(TEAMS),
    strategy: fc.constantFrom('round_robin' as const, 'least_loaded' as const),
    lastAssignedUserId: fc.option(fc.constantFrom('u0', 'u3', 'u9'), { nil: null }),
  });
const candidateArb = (userId: string): fc.Arbitrary<Candidate> =>
  fc.record({
    userId: fc.constant(userId),
    levelId: fc.option(fc.constantFrom(...LEVELS), { nil: null }),
    teamId: fc.option(fc.constantFrom(...TEAMS), { nil: null }),
    active: fc.boolean(),
    available: fc.boolean(),
    load: fc.integer({ min: 0, max: 12 }),
    capacity: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
  });
const inputArb = fc.record({
  record: recordArb,
  rules: fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => ruleArb(`r${i}`)))),
  candidates: fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => candidateArb(`u${i}`)))),
  assignableTeamIds: fc.option(fc.subarray(TEAMS), { nil: undefined }),
});

/** Whether a rep may take a record under a rule: the rule's conditions, stated again independently. */
const eligible = (rule: EngineRule, c: Candidate, assignable?: string[]) =>
  c.active &&
  c.available &&
  (c.capacity === null || c.load < c.capacity) &&
  (!rule.eligibleLevelIds.length || (c.levelId !== null && rule.eligibleLevelIds.includes(c.levelId))) &&
  (!rule.eligibleTeamIds.length || (c.teamId !== null && rule.eligibleTeamIds.includes(c.teamId))) &&
  (!assignable || (c.teamId !== null && assignable.includes(c.teamId)));

describe('the assignment engine, for any record, rules and reps', () => {
  it('applies the first active rule of the entity whose conditions hold, and picks a rep that rule allows', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = assign(input);
        const rule = input.rules.find(
          (r) => r.active && r.entity === input.record.entity && matchConditions(r.conditions, input.record) !== null,
        );
        expect(e.ruleId).toBe(rule?.id ?? null);
        if (!rule) {
          expect(e.chosen).toBeNull();
          return;
        }
        const ok = input.candidates.filter((c) => eligible(rule, c, input.assignableTeamIds));
        if (e.chosen === null) {
          expect(ok).toEqual([]);
          return;
        }
        const chosen = input.candidates.find((c) => c.userId === e.chosen) as Candidate;
        expect(eligible(rule, chosen, input.assignableTeamIds)).toBe(true);
        if (rule.strategy === 'least_loaded') for (const c of ok) expect(chosen.load).toBeLessThanOrEqual(c.load);
      }),
    );
  });

  it('explains every rep exactly once: the chosen one without a reason, every other with one', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const e = assign(input);
        expect(e.candidates.map((c) => c.userId).sort()).toEqual(input.candidates.map((c) => c.userId).sort());
        if (e.chosen) for (const c of e.candidates) expect(c.passedOver === undefined).toBe(c.userId === e.chosen);
      }),
    );
  });

  it('round robin is fair: over k·n assignments each of n eligible reps gets exactly k', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 6 }),
        fc.option(fc.constantFrom('u0', 'u4', 'zz'), { nil: null }),
        (n, k, start) => {
          const reps = Array.from(
            { length: n },
            (_, i): Candidate => ({
              userId: `u${i}`,
              levelId: 'junior',
              teamId: 'east',
              active: true,
              available: true,
              load: 0,
              capacity: null,
            }),
          );
          let rule: EngineRule = {
            id: 'rr',
            name: 'rr',
            entity: 'lead',
            active: true,
            conditions: {},
            eligibleLevelIds: [],
            eligibleTeamIds: [],
            strategy: 'round_robin',
            lastAssignedUserId: start,
          };
          const got = new Map<string, number>();
          for (let i = 0; i < k * n; i++) {
            const chosen = assign({
              record: { entity: 'lead', tierId: null, processType: null, region: null, industry: null, amount: null },
              rules: [rule],
              candidates: reps,
            }).chosen as string;
            got.set(chosen, (got.get(chosen) ?? 0) + 1);
            rule = { ...rule, lastAssignedUserId: chosen };
          }
          expect([...got.values()]).toEqual(Array.from({ length: n }, () => k));
        },
      ),
    );
  });

  it('least loaded keeps loads within one of each other when it places many records on reps without limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 40 }),
        (loads, records) => {
          const reps = loads.map(
            (load, i): Candidate => ({ userId: `u${i}`, levelId: null, teamId: null, active: true, available: true, load, capacity: null }),
          );
          const rule: EngineRule = {
            id: 'll',
            name: 'll',
            entity: 'deal',
            active: true,
            conditions: {},
            eligibleLevelIds: [],
            eligibleTeamIds: [],
            strategy: 'least_loaded',
            lastAssignedUserId: null,
          };
          for (let i = 0; i < records; i++) {
            const chosen = assign({
              record: { entity: 'deal', tierId: null, processType: 'short', region: null, industry: null, amount: null },
              rules: [rule],
              candidates: reps,
            }).chosen;
            const rep = reps.find((r) => r.userId === chosen) as Candidate;
            rep.load++;
          }
          const max = Math.max(...reps.map((r) => r.load));
          const min = Math.min(...reps.map((r) => r.load));
          // Once the lowest has caught up, loads never spread more than one apart.
          if (records >= loads.reduce((s, l) => s + (Math.max(...loads) - l), 0)) expect(max - min).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('compares decimals exactly, like numbers, whatever the trailing zeros', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.nat(3),
        fc.nat(3),
        (a, b, za, zb) => {
          const text = (units: bigint, zeros: number) => `${units / 100n}.${String(units % 100n).padStart(2, '0')}${'0'.repeat(zeros)}`;
          expect(compareDecimal(text(a, za), text(b, zb))).toBe(a === b ? 0 : a < b ? -1 : 1);
        },
      ),
    );
  });
});
