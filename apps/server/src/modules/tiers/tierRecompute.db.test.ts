import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp, seedOrg } from '../../../test/testApp.ts';
import { newId } from '../../platform/ids.ts';
import { customers } from '../customers/customers.table.ts';
import { orders } from '../orders/orders.table.ts';
import { applyTiers, listAssignments, previewTiers, setBulkPlanning, type TierPlan } from './tierRecompute.repository.ts';
import { activityInWindow, assignTiers, DAY_MS, decimalToCents, summarizeAssignments, type TierRules } from './tierRules.rules.ts';
import { insertTierAt, listTiers } from './tiers.repository.ts';
import { tierChanges } from './tiers.table.ts';

/**
 * The set-based SQL and the pure rules must give every customer the same tier, for the same reason.
 * The data is built to hit the edges: equal amounts, frequencies and recencies (ties broken by id, with ids of
 * both UUID shapes), orders exactly at the window's start and at asOf, refunds, deleted and pinned customers.
 */
const t = await createTestApp();
const { orgId } = await seedOrg(t, 'Agreement');
const now = t.clock.now();
const asOf = new Date('2025-06-30T16:00:00.000Z');

// A fourth tier on top, through the same path the API uses, so the ladder is not just the default three.
const defaults = await listTiers(t.db, orgId);
await insertTierAt(
  t.db,
  { orgId, id: newId(), key: 'strategic', nameZh: '战略客户', nameEn: 'Strategic', rank: 1, color: 'red' },
  defaults[0].id,
);
const ladder = await listTiers(t.db, orgId);
const [STRATEGIC, KA, VIP, SMB] = ladder.map((x) => x.id);

function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ (x + x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20250630);
const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];

// 400 customers: random (v4) and time-ordered (v7) ids, some pinned, some deleted, some never ordering.
const customerRows = Array.from({ length: 400 }, (_, i) => {
  const pinned = i % 37 === 0;
  return {
    orgId,
    id: i % 2 ? randomUUID() : newId(),
    name: `Customer ${i}`,
    tierId: pinned ? pick([STRATEGIC, KA, VIP, SMB]) : pick([KA, VIP, SMB, SMB]),
    tierPinned: pinned,
    createdAt: now,
    updatedAt: now,
    deletedAt: i % 41 === 5 ? now : null,
  };
});
await t.db.insert(customers).values(customerRows);

// Few distinct amounts and whole-day offsets, so ties are everywhere.
const amounts = ['10.00', '10.00', '25.50', '99.99', '100.00', '250.00', '-3.20', '0.01'];
const orderRows = customerRows
  .filter((_, i) => i % 9 !== 3)
  .flatMap((c) =>
    Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
      const days = Math.floor(random() * 420);
      return {
        orgId,
        id: newId(),
        customerId: c.id,
        orderedAt: new Date(asOf.getTime() - days * DAY_MS),
        amount: pick(amounts),
        createdAt: now,
      };
    }),
  );
// The window's edges for a 30-day window: exactly 30 days before asOf is out, a millisecond later is in.
orderRows.push(
  {
    orgId,
    id: newId(),
    customerId: customerRows[1].id,
    orderedAt: new Date(asOf.getTime() - 30 * DAY_MS),
    amount: '5000.00',
    createdAt: now,
  },
  {
    orgId,
    id: newId(),
    customerId: customerRows[2].id,
    orderedAt: new Date(asOf.getTime() - 30 * DAY_MS + 1),
    amount: '5000.00',
    createdAt: now,
  },
  { orgId, id: newId(), customerId: customerRows[4].id, orderedAt: new Date(asOf.getTime() + 1), amount: '9999.00', createdAt: now },
);
await t.db.insert(orders).values(orderRows);

/** The inputs of the pure rules, read back from the database (amounts as the exact text of numeric). */
async function pureInputs() {
  const cs = await t.db
    .select({ customerId: customers.id, tierId: customers.tierId, pinned: customers.tierPinned })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), isNull(customers.deletedAt)));
  const os = await t.db
    .select({ customerId: orders.customerId, orderedAt: orders.orderedAt, amount: sql<string>`${orders.amount}::text` })
    .from(orders)
    .where(eq(orders.orgId, orgId));
  return { cs, os };
}

async function pureAssignments(rules: TierRules, at: Date) {
  const { cs, os } = await pureInputs();
  return assignTiers({ rules, ladder, customers: cs, activity: activityInWindow(os, at, rules.windowDays), asOf: at });
}

const top = (tierId: string, value: number) => ({ tierId, kind: 'top_percent' as const, value });
const abs = (tierId: string, value: number) => ({ tierId, kind: 'absolute' as const, value });

const scenarios: { name: string; rules: TierRules; asOf?: Date }[] = [
  {
    name: 'monetary, cumulative top 1 / 5 / 20 %',
    rules: { metric: 'monetary', windowDays: 365, cutoffs: [top(STRATEGIC, 1), top(KA, 5), top(VIP, 20)] },
  },
  {
    name: 'monetary, absolute over relative',
    rules: { metric: 'monetary', windowDays: 365, cutoffs: [abs(STRATEGIC, 600), abs(KA, 250.5), top(VIP, 33.33)] },
  },
  { name: 'monetary over 30 days (window edges)', rules: { metric: 'monetary', windowDays: 30, cutoffs: [top(KA, 2), top(VIP, 10)] } },
  { name: 'frequency, heavy ties', rules: { metric: 'frequency', windowDays: 200, cutoffs: [abs(KA, 3), top(VIP, 50)] } },
  {
    name: 'recency, fewest days first',
    rules: { metric: 'recency', windowDays: 90, cutoffs: [top(STRATEGIC, 7), abs(KA, 10), top(VIP, 60)] },
  },
  { name: 'rfm score', rules: { metric: 'rfm', windowDays: 365, cutoffs: [abs(STRATEGIC, 15), top(KA, 10), abs(VIP, 11)] } },
  { name: 'no cut-offs', rules: { metric: 'monetary', windowDays: 365, cutoffs: [] } },
  {
    name: 'an empty window (N = 0)',
    rules: { metric: 'rfm', windowDays: 30, cutoffs: [top(KA, 5)] },
    asOf: new Date('2020-01-01T00:00:00Z'),
  },
  { name: 'one day (small N)', rules: { metric: 'monetary', windowDays: 1, cutoffs: [top(KA, 5), top(VIP, 100)] } },
];

describe('the SQL assigns exactly what the pure rules assign', () => {
  it.each(scenarios)('$name: customer by customer, with the same explanation', async ({ rules, asOf: at = asOf }) => {
    const plan: TierPlan = { orgId, rules, ladder, asOf: at };
    const fromSql = await listAssignments(t.db, plan);
    const fromRules = await pureAssignments(rules, at);
    expect(fromSql).toHaveLength(fromRules.length);
    const pure = new Map(fromRules.map((a) => [a.customerId, a]));
    for (const row of fromSql) {
      const expected = pure.get(row.customerId);
      expect(expected, row.customerId).toBeDefined();
      if (!expected) continue;
      expect({ id: row.customerId, to: row.toTierId, pinned: row.pinned }).toEqual({
        id: row.customerId,
        to: expected.toTierId,
        pinned: expected.pinned,
      });
      expect(row.explanation).toEqual(expected.explanation);
      const exact =
        row.metricValue === null ? null : rules.metric === 'monetary' ? decimalToCents(row.metricValue) : BigInt(row.metricValue);
      expect(exact).toBe(expected.metricValue);
    }
    // The summary the API shows agrees too.
    const preview = await previewTiers(t.db, plan);
    const { customers: n, ranked, pinned, changed, tiers, moves } = preview;
    expect({ customers: n, ranked, pinned, changed, tiers, moves }).toEqual(summarizeAssignments(rules.metric, ladder, fromRules));
    expect(preview.sample.length).toBe(Math.min(20, changed));
    for (const s of preview.sample) expect(s.explanation).toEqual(pure.get(s.customerId)?.explanation);
  });

  it('sees ties, boundaries and the deleted/pinned cases the scenarios are meant to cover', async () => {
    const rules = scenarios[2].rules;
    const fromRules = await pureAssignments(rules, asOf);
    const byId = new Map(fromRules.map((a) => [a.customerId, a]));
    expect(byId.get(customerRows[2].id)?.explanation?.rank).toBe(1); // the order a millisecond inside the window
    expect(byId.get(customerRows[1].id)?.metricValue ?? 0n).toBeLessThan(500000n); // the order exactly 30 days back is out
    expect(byId.has(customerRows[5].id)).toBe(false); // deleted
    const values = fromRules.filter((a) => a.metricValue !== null).map((a) => a.metricValue);
    expect(new Set(values).size).toBeLessThan(values.length); // ties exist
    expect(fromRules.some((a) => a.pinned && a.metricValue !== null)).toBe(true);
  });
});

/** What the recompute use case does around the statement: one transaction, bulk planning settings. */
const recompute = (plan: TierPlan, ruleVersion: number) =>
  t.db.transaction(async (tx) => {
    await setBulkPlanning(tx);
    return applyTiers(tx, plan, { ruleVersion, actorId: null, at: now });
  });

describe('applying the rules (recompute) in one statement', () => {
  it('moves exactly the customers the pure rules move, records each decision with its explanation, and then has nothing left to do', async () => {
    const rules = scenarios[0].rules;
    const plan: TierPlan = { orgId, rules, ladder, asOf };
    const expected = await pureAssignments(rules, asOf);
    const moving = expected.filter((a) => a.toTierId !== a.fromTierId);
    expect(moving.length).toBeGreaterThan(10);

    const summary = await recompute(plan, 7);
    expect(summary.changed).toBe(moving.length);

    const after = new Map((await pureInputs()).cs.map((c) => [c.customerId, c.tierId]));
    for (const a of expected) expect(after.get(a.customerId), a.customerId).toBe(a.toTierId);
    // One row per move, plus one for each customer the rules decide for the first time and leave where it is.
    const history = await t.db
      .select()
      .from(tierChanges)
      .where(and(eq(tierChanges.orgId, orgId), eq(tierChanges.ruleVersion, 7)));
    expect(history).toHaveLength(expected.filter((a) => !a.pinned).length);
    for (const h of history) {
      const a = expected.find((m) => m.customerId === h.customerId);
      expect(h).toMatchObject({ fromTierId: a?.fromTierId, toTierId: a?.toTierId, source: 'rule', effectiveAt: now, reason: null });
      expect(h.explanation).toEqual(a?.explanation);
      expect(h.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // UUIDv7
    }
    expect((await recompute(plan, 8)).changed).toBe(0);
    expect(await t.db.$count(tierChanges, and(eq(tierChanges.orgId, orgId), eq(tierChanges.ruleVersion, 8)))).toBe(0);
  });
});
