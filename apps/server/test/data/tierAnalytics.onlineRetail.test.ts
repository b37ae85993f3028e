import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasOnlineRetail, loadOnlineRetail, readOnlineRetailLines } from '../onlineRetail.ts';
import { createTestApp, seedOrg } from '../testApp.ts';

/**
 * Tier analytics on real purchase history: the first 60 trading days of the UCI Online Retail lines (2010-12-01 …
 * 2011-02), loaded through the batch endpoints (test/onlineRetail.ts). Revenue concentration, churn-risk counts and
 * RFM segment counts must equal a computation written here in plain TypeScript from the CSV lines: it shares no
 * code with the server, only the definitions in the routes' descriptions and decision 0010.
 */
const DAYS = 60;
const NOW = new Date('2011-03-01T00:00:00Z');
const DAY = 86_400_000;

type Invoice = { customer: string; at: number; cents: bigint };

/** 1/10,000ths of a unit; quantities are whole. Rounded to cents per invoice, halves away from zero (SQL round). */
function invoicesOf(lines: ReturnType<typeof readOnlineRetailLines>): Invoice[] {
  const units = (s: string) => {
    const [w, f = ''] = s.replace('-', '').split('.');
    const v = BigInt(w) * 10_000n + BigInt(f.padEnd(4, '0').slice(0, 4));
    return s.startsWith('-') ? -v : v;
  };
  const byInvoice = new Map<string, { customer: string; at: number; sum: bigint }>();
  for (const l of lines) {
    const inv = byInvoice.get(l.invoice) ?? { customer: l.customer, at: l.at.getTime(), sum: 0n };
    inv.at = Math.min(inv.at, l.at.getTime());
    inv.sum += BigInt(l.quantity) * units(l.unitPrice);
    byInvoice.set(l.invoice, inv);
  }
  return [...byInvoice.values()].map((i) => ({
    customer: i.customer,
    at: i.at,
    cents: i.sum >= 0n ? (i.sum + 50n) / 100n : -((-i.sum + 50n) / 100n),
  }));
}

/** a / b to 4 places, half up (both positive here). */
const share = (a: bigint, b: bigint) => {
  const q = (a * 20000n) / b;
  const r = (q + 1n) / 2n;
  return `${r / 10000n}.${String(r % 10000n).padStart(4, '0')}`;
};

const t = await createTestApp();
t.clock.set(NOW); // "now" for churn and RFM; set before anyone signs in, so sessions stay valid
const org = await seedOrg(t, 'Online Retail Analytics');
let invoices: Invoice[] = [];
let ids = new Map<string, string>();

beforeAll(async () => {
  if (!hasOnlineRetail) return;
  const lines = readOnlineRetailLines(DAYS);
  invoices = invoicesOf(lines);
  ids = await loadOnlineRetail(t, org.admin, org.orgId, lines);
  // Statistics as autovacuum would gather them after a bulk load: without them the planner takes the freshly loaded
  // customers for a few rows and loops over them (seconds instead of milliseconds; the answers are the same).
  await t.db.execute(sql`analyze customers, orders`);
}, 120_000);

describe.skipIf(!hasOnlineRetail)('tier analytics on the Online Retail purchase history', () => {
  it('revenue concentration: top 5 % and 20 % shares and the Lorenz points', async () => {
    // 2010-12-15 … 2011-02-15 in Asia/Shanghai (the org's zone): instants 8 hours earlier.
    const from = Date.parse('2010-12-14T16:00:00Z');
    const to = Date.parse('2011-02-14T16:00:00Z');
    const revenue = new Map<string, bigint>();
    for (const i of invoices) if (i.at >= from && i.at < to) revenue.set(i.customer, (revenue.get(i.customer) ?? 0n) + i.cents);
    const paying = [...revenue]
      .filter(([, v]) => v > 0n)
      .map(([customer, v]) => ({ id: ids.get(customer) as string, v }))
      .sort((a, b) => (a.v !== b.v ? (a.v > b.v ? -1 : 1) : a.id < b.id ? -1 : 1));
    const n = paying.length;
    const total = paying.reduce((s, x) => s + x.v, 0n);
    const topShare = (p: number) => {
      const k = Math.ceil((p * n) / 100);
      return {
        k,
        share: share(
          paying.slice(0, k).reduce((s, x) => s + x.v, 0n),
          total,
        ),
      };
    };
    const res = await org.admin.get('/api/v1/analytics/tiers/concentration?from=2010-12-15&to=2011-02-15');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(n).toBeGreaterThan(500);
    expect(d.payingCustomers).toBe(n);
    expect(d.payingRevenue).toBe(`${total / 100n}.${String(total % 100n).padStart(2, '0')}`);
    expect(d.top5).toMatchObject({ customers: topShare(5).k, share: topShare(5).share });
    expect(d.top20).toMatchObject({ customers: topShare(20).k, share: topShare(20).share });
    for (const point of d.lorenz) expect(point.revenueShare).toBe(topShare(point.customerPercent).share);
  });

  it('churn risk: customers silent for more than twice their mean purchase interval', async () => {
    const purchases = new Map<string, number[]>();
    for (const i of invoices)
      if (i.cents > 0n && i.at <= NOW.getTime()) purchases.set(i.customer, [...(purchases.get(i.customer) ?? []), i.at]);
    let assessed = 0;
    let atRisk = 0;
    for (const times of purchases.values()) {
      const first = Math.min(...times);
      const last = Math.max(...times);
      if (times.length < 2 || first === last) continue;
      assessed++;
      const meanGapDays = (last - first) / DAY / (times.length - 1);
      // exact in integers of milliseconds: since × (n − 1) > 2 × span
      if ((NOW.getTime() - last) * (times.length - 1) > 2 * (last - first)) atRisk++;
      expect(meanGapDays).toBeGreaterThan(0);
    }
    const res = await org.admin.get('/api/v1/analytics/tiers/churn-risk?limit=500');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(assessed).toBeGreaterThan(100);
    expect(d).toMatchObject({ assessed, atRisk });
    expect(d.customers.length).toBe(Math.min(atRisk, 500));
    for (const c of d.customers.slice(0, 20)) expect(Number(c.ratio)).toBeGreaterThan(2);
  });

  it('RFM segments: decision-0010 quintile scores mapped to segments', async () => {
    const windowDays = 45;
    const start = NOW.getTime() - windowDays * DAY;
    const stats = new Map<string, { m: bigint; f: number; last: number }>();
    for (const i of invoices) {
      if (i.at <= start || i.at > NOW.getTime()) continue;
      const x = stats.get(i.customer) ?? { m: 0n, f: 0, last: 0 };
      x.m += i.cents;
      x.f += 1;
      x.last = Math.max(x.last, i.at);
      stats.set(i.customer, x);
    }
    const rows = [...stats.values()].map((x) => ({ ...x, r: Math.floor((NOW.getTime() - x.last) / DAY) }));
    const n = rows.length;
    // score = 5 − floor(5 × (number strictly better) / N); sorted once so counting "strictly better" stays fast
    const scorer = (values: number[] | bigint[], lowerBetter: boolean) => {
      const sorted = [...values].sort((a, b) => (a === b ? 0 : a < b === lowerBetter ? -1 : 1));
      const firstAt = new Map<number | bigint, number>();
      sorted.forEach((v, i) => {
        if (!firstAt.has(v)) firstAt.set(v, i);
      });
      return (v: number | bigint) => 5 - Math.floor((5 * (firstAt.get(v) as number)) / n);
    };
    const R = scorer(
      rows.map((x) => x.r),
      true,
    );
    const F = scorer(
      rows.map((x) => x.f),
      false,
    );
    const M = scorer(
      rows.map((x) => x.m),
      false,
    );
    const counts: Record<string, number> = {};
    for (const x of rows) {
      const [r, f, m] = [R(x.r), F(x.f), M(x.m)];
      const segment =
        r >= 4 && f >= 4 && m >= 4
          ? 'champions'
          : r >= 3 && f >= 4
            ? 'loyal'
            : x.f === 1 && r >= 4
              ? 'new'
              : r >= 4
                ? 'potential'
                : r <= 2 && f >= 3
                  ? 'at_risk'
                  : r <= 2
                    ? 'hibernating'
                    : 'needs_attention';
      counts[segment] = (counts[segment] ?? 0) + 1;
    }
    counts.no_purchases = ids.size - n;
    const res = await org.admin.get(`/api/v1/analytics/tiers/rfm-segments?windowDays=${windowDays}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const got = Object.fromEntries(
      d.segments
        .filter((s: { customers: number }) => s.customers > 0)
        .map((s: { segment: string; customers: number }) => [s.segment, s.customers]),
    );
    expect(got).toEqual(Object.fromEntries(Object.entries(counts).filter(([, v]) => v > 0)));
    expect(d.totalCustomers).toBe(ids.size);
  });
});
