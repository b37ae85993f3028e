import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasOnlineRetail, loadOnlineRetail, type RetailLine, readOnlineRetailLines } from '../../../test/onlineRetail.ts';
import { createTestApp, seedOrg } from '../../../test/testApp.ts';
import { customers } from '../customers/customers.table.ts';

/**
 * Real purchase history: the first 60 trading days of the UCI Online Retail order lines, loaded as test/onlineRetail.ts
 * describes (customers and orders through the batch endpoints). After each recompute through the API, every customer's tier must
 * equal an independent computation written here in plain TypeScript from the CSV lines: it shares no code with the
 * tier rules or their SQL, only the spec (issue 3, item 4) and the RFM formula of docs/decisions/0010-rfm-score.md.
 */
const DAYS = 60;

// ---- the independent computation -------------------------------------------------------------------------

/** A decimal string in units of 1/10,000 (unit prices have up to 4 decimals, quantities are whole here). */
const tenThousandths = (s: string) => {
  const [whole, frac = ''] = s.replace('-', '').split('.');
  const v = BigInt(whole) * 10_000n + BigInt(frac.padEnd(4, '0').slice(0, 4));
  return s.startsWith('-') ? -v : v;
};
/** Round 1/10,000ths of a unit… ×quantity to cents, halves away from zero (what SQL round(numeric, 2) does). */
const toCents = (v: bigint) => (v >= 0n ? (v + 50n) / 100n : -((-v + 50n) / 100n));

type Invoice = { customer: string; at: Date; cents: bigint };
/** Invoices as orders: earliest line's time, amount rounded to cents once per invoice, as the loader does. */
function invoicesOf(lines: RetailLine[]): Invoice[] {
  const byInvoice = new Map<string, { customer: string; at: Date; sum: bigint }>();
  for (const l of lines) {
    const inv = byInvoice.get(l.invoice) ?? { customer: l.customer, at: l.at, sum: 0n };
    if (inv.customer !== l.customer) throw new Error(`invoice ${l.invoice} has two customers`);
    if (l.at < inv.at) inv.at = l.at;
    inv.sum += BigInt(l.quantity) * tenThousandths(l.unitPrice);
    byInvoice.set(l.invoice, inv);
  }
  return [...byInvoice.values()].map((i) => ({ customer: i.customer, at: i.at, cents: toCents(i.sum) }));
}

type Rule = {
  metric: 'monetary' | 'frequency' | 'recency' | 'rfm';
  windowDays: number;
  cutoffs: { tier: 'ka' | 'vip'; kind: 'absolute' | 'top_percent'; value: number }[];
};

/** Which tier each customer (by external id) should have; `ids` maps external id → customer id for tie-breaks. */
function expectedTiers(invoices: Invoice[], ids: Map<string, string>, rule: Rule, asOf: Date, pinned: Set<string>) {
  const start = asOf.getTime() - rule.windowDays * 86_400_000;
  const stats = new Map<string, { cents: bigint; count: number; last: number }>();
  for (const inv of invoices) {
    const t = inv.at.getTime();
    if (t <= start || t > asOf.getTime()) continue;
    const s = stats.get(inv.customer) ?? { cents: 0n, count: 0, last: 0 };
    s.cents += inv.cents;
    s.count += 1;
    s.last = Math.max(s.last, t);
    stats.set(inv.customer, s);
  }
  const ranked = [...stats].map(([customer, s]) => ({
    customer,
    id: ids.get(customer) as string,
    m: s.cents,
    f: BigInt(s.count),
    r: BigInt(Math.floor((asOf.getTime() - s.last) / 86_400_000)),
  }));
  const n = ranked.length;
  // RFM: for each dimension, 1 + how many are strictly better, then 5 − floor(5 × (that − 1) / N). Quadratic on purpose: plain.
  const score = (better: (a: (typeof ranked)[0], b: (typeof ranked)[0]) => boolean) =>
    new Map(ranked.map((a) => [a.customer, 5 - Math.floor((5 * ranked.filter((b) => better(b, a)).length) / n)]));
  const rs = score((b, a) => b.r < a.r);
  const fs_ = score((b, a) => b.f > a.f);
  const ms = score((b, a) => b.m > a.m);
  const value = (x: (typeof ranked)[0]) =>
    rule.metric === 'monetary'
      ? x.m
      : rule.metric === 'frequency'
        ? x.f
        : rule.metric === 'recency'
          ? x.r
          : BigInt((rs.get(x.customer) ?? 0) + (fs_.get(x.customer) ?? 0) + (ms.get(x.customer) ?? 0));
  const lowFirst = rule.metric === 'recency';
  ranked.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va !== vb) return (lowFirst ? va < vb : va > vb) ? -1 : 1;
    return a.id < b.id ? -1 : 1;
  });
  const result = new Map<string, { tier: 'ka' | 'vip' | 'smb'; rank: number | null; value: bigint | null }>();
  for (const customer of ids.keys()) result.set(customer, { tier: 'smb', rank: null, value: null });
  ranked.forEach((x, i) => {
    const rank = i + 1;
    const v = value(x);
    const hit = rule.cutoffs.find((c) =>
      c.kind === 'top_percent'
        ? rank <= Math.ceil((c.value * n) / 100)
        : lowFirst
          ? v <= BigInt(c.value)
          : v >= BigInt(rule.metric === 'monetary' ? c.value * 100 : c.value),
    );
    result.set(x.customer, { tier: hit ? hit.tier : 'smb', rank, value: v });
  });
  for (const p of pinned) result.delete(p);
  return { result, n };
}

// ---- the test ------------------------------------------------------------------------------------------------

const t = await createTestApp();
const acme = await seedOrg(t, 'Online Retail UK');
const put = (url: string, body: unknown) => acme.admin.request('PUT', url, body);
let lines: RetailLine[] = [];
let invoices: Invoice[] = [];
let ids = new Map<string, string>(); // external id → customer id
let tierIds: Record<string, string> = {};

beforeAll(async () => {
  if (!hasOnlineRetail) return;
  lines = readOnlineRetailLines(DAYS);
  invoices = invoicesOf(lines);
  ids = await loadOnlineRetail(t, acme.admin, acme.orgId, lines);
  tierIds = Object.fromEntries((await acme.admin.get('/api/v1/tiers')).json().data.map((x: { key: string; id: string }) => [x.key, x.id]));
}, 120_000);

/** The customer (external id) with the most money over all loaded invoices. */
function biggestSpender(): string {
  const totals = new Map<string, bigint>();
  for (const i of invoices) totals.set(i.customer, (totals.get(i.customer) ?? 0n) + i.cents);
  return [...totals].reduce((best, x) => (x[1] > best[1] ? x : best))[0];
}

/** Sets the rules through the API and recomputes as of `asOf`; returns the recompute summary. */
async function apply(rule: Rule, asOf: Date) {
  const version = (await acme.admin.get('/api/v1/tier-rules')).json().version;
  const cutoffs = rule.cutoffs.map((c) => ({ tierId: tierIds[c.tier], kind: c.kind, value: c.value }));
  const saved = await put('/api/v1/tier-rules', { version, metric: rule.metric, windowDays: rule.windowDays, cutoffs });
  expect(saved.statusCode, saved.body).toBe(200);
  const res = await acme.admin.post('/api/v1/tiers/recompute', { asOf: asOf.toISOString() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const scenarios: { name: string; rule: Rule; asOf: Date }[] = [
  {
    name: 'the default: monetary over 365 days, KA top 5 %, VIP top 20 %',
    rule: {
      metric: 'monetary',
      windowDays: 365,
      cutoffs: [
        { tier: 'ka', kind: 'top_percent', value: 5 },
        { tier: 'vip', kind: 'top_percent', value: 20 },
      ],
    },
    asOf: new Date('2011-02-19T00:00:00Z'),
  },
  {
    name: 'monetary ≥ £5,000 for KA, top 30 % VIP, as of mid-January',
    rule: {
      metric: 'monetary',
      windowDays: 30,
      cutoffs: [
        { tier: 'ka', kind: 'absolute', value: 5000 },
        { tier: 'vip', kind: 'top_percent', value: 30 },
      ],
    },
    asOf: new Date('2011-01-20T12:00:00Z'),
  },
  {
    name: 'frequency over 30 days: KA ≥ 4 orders, VIP top 25 %',
    rule: {
      metric: 'frequency',
      windowDays: 30,
      cutoffs: [
        { tier: 'ka', kind: 'absolute', value: 4 },
        { tier: 'vip', kind: 'top_percent', value: 25 },
      ],
    },
    asOf: new Date('2011-02-19T00:00:00Z'),
  },
  {
    name: 'recency over 45 days: KA top 10 %, VIP within 14 days',
    rule: {
      metric: 'recency',
      windowDays: 45,
      cutoffs: [
        { tier: 'ka', kind: 'top_percent', value: 10 },
        { tier: 'vip', kind: 'absolute', value: 14 },
      ],
    },
    asOf: new Date('2011-02-19T00:00:00Z'),
  },
  {
    name: 'RFM over 90 days: KA score ≥ 14, VIP top 30 %',
    rule: {
      metric: 'rfm',
      windowDays: 90,
      cutoffs: [
        { tier: 'ka', kind: 'absolute', value: 14 },
        { tier: 'vip', kind: 'top_percent', value: 30 },
      ],
    },
    asOf: new Date('2011-02-19T00:00:00Z'),
  },
];

describe.skipIf(!hasOnlineRetail)('tiers from the real Online Retail purchase history equal an independent computation', () => {
  it('loaded the first 60 days as the source says: customers, invoices and the money to the penny', async () => {
    expect(ids.size).toBeGreaterThan(1500);
    const result = await t.db.execute(
      sql`select count(*)::int as orders, sum(amount)::text as total from orders where org_id = ${acme.orgId}`,
    );
    const { rows } = result as unknown as { rows: { orders: number; total: string }[] };
    expect(rows[0].orders).toBe(invoices.length);
    const cents = invoices.reduce((s, i) => s + i.cents, 0n);
    expect(rows[0].total).toBe(`${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`);
  });

  it('pins the biggest spender to VIP by hand, so the rules must leave it alone', async () => {
    const c = (await acme.admin.get(`/api/v1/customers/${ids.get(biggestSpender())}`)).json();
    const res = await put(`/api/v1/customers/${c.id}/tier`, {
      tierId: tierIds.vip,
      reason: 'pinned for the real-data check',
      pinned: true,
      version: c.version,
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(scenarios)('$name', async ({ rule, asOf }) => {
    t.clock.advance(60_000);
    const pinnedExternal = biggestSpender();
    const summary = await apply(rule, asOf);
    const { result, n } = expectedTiers(invoices, ids, rule, asOf, new Set([pinnedExternal]));
    expect(summary.ranked).toBe(n);
    expect(n).toBeGreaterThan(100);

    const actual = new Map(
      (
        await t.db
          .select({ id: customers.id, externalId: customers.externalId, tierId: customers.tierId })
          .from(customers)
          .where(eq(customers.orgId, acme.orgId))
      ).map((c) => [c.externalId as string, c]),
    );
    const mismatches = [...result]
      .filter(([x, e]) => actual.get(x)?.tierId !== tierIds[e.tier])
      .map(([x, e]) => `${x}: expected ${e.tier} (rank ${e.rank}, value ${e.value})`);
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(result.size).toBe(actual.size - 1);
    expect(actual.get(pinnedExternal)?.tierId).toBe(tierIds.vip);
    const counts = { ka: 0, vip: 0, smb: 0 };
    for (const e of result.values()) counts[e.tier]++;
    expect(counts.ka).toBeGreaterThan(0);
    expect(counts.vip).toBeGreaterThan(0);

    // Every customer's latest history row names its tier; a rule row of this version carries the same rank and value.
    const latest =
      (await t.db.execute(sql`select distinct on (customer_id) customer_id::text as customer, to_tier_id::text as to, source, rule_version as v, explanation as e
      from tier_changes where org_id = ${acme.orgId} order by customer_id, effective_at desc, id desc`)) as unknown as {
        rows: {
          customer: string;
          to: string;
          source: string;
          v: number | null;
          e: { rank: number | null; value: number | null; n: number } | null;
        }[];
      };
    const byId = new Map(latest.rows.map((r) => [r.customer, r]));
    const version = summary.ruleVersion;
    expect(byId.get(ids.get(pinnedExternal) as string)).toMatchObject({ source: 'manual', to: tierIds.vip });
    for (const [x, e] of result) {
      const h = byId.get(ids.get(x) as string);
      expect(h?.to, x).toBe(tierIds[e.tier]);
      expect(h?.source, x).toBe('rule'); // decided by the rules at least once, with an explanation
      if (h?.v === version) {
        expect(h?.e?.rank, x).toBe(e.rank);
        expect(h?.e?.n).toBe(n);
        const shown = e.value === null ? null : rule.metric === 'monetary' ? Number(e.value) / 100 : Number(e.value);
        expect(h?.e?.value, x).toBe(shown);
      }
    }
  });
});
