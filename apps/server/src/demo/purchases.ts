import type { TOrderCreate } from '@tierline/contracts';
import { createOrders } from '../modules/orders/orders.usecases.ts';
import { type Product, REPEAT_PRODUCTS } from './catalogue.ts';
import { as, type DemoCustomer, type DemoWorld } from './demoWorld.ts';
import type { Rng } from './random.ts';

/** What a spend weight of 1 buys in a year, in CNY: the smallest buying customer. */
const SPEND_PER_WEIGHT = 12_000;
const ORDERS_PER_YEAR = { ka: [14, 26], vip: [6, 12], smb: [1, 5] } as const;

type PlannedOrder = { customer: DemoCustomer; day: number; at: Date; lines: TOrderCreate['lines'] };

/**
 * A year of purchases before the as-of date. Each buying customer has a few products it buys again and again
 * (what the VIP analysis shows as preferences) and its own negotiated price; its orders add up to roughly its
 * planned spending, so the tier rules (monetary value over 365 days) find the planned tiers, give or take a few.
 */
export function planOrders(w: DemoWorld, rng: Rng): PlannedOrder[] {
  const orders: PlannedOrder[] = [];
  for (const c of w.customers.filter((x) => x.spendWeight > 0)) {
    const first = Math.max(c.createdDay + 3, -364);
    const share = (-1 - first) / 364;
    const [lo, hi] = ORDERS_PER_YEAR[c.plannedTier];
    const count = Math.max(1, Math.round(rng.int(lo, hi) * share));
    const perOrder = (c.spendWeight * SPEND_PER_WEIGHT) / count;
    // What it buys fits its orders: a small customer does not buy a robot (which would make it a VIP by accident).
    const affordable = REPEAT_PRODUCTS.filter((p) => p.price <= perOrder * 0.7);
    const usual = rng.sample(affordable.length >= 3 ? affordable : REPEAT_PRODUCTS.filter((p) => p.price <= 1_000), rng.int(3, 6));
    const discount = rng.pick([0, 0.02, 0.05, 0.08]);
    for (let k = 0; k < count; k++) {
      const day = rng.int(first, -1);
      const picks = rng.sample(usual, rng.int(1, Math.min(3, usual.length)));
      const lines = picks.map((p: Product) => {
        const unit = Math.round(p.price * (1 - discount) * 100) / 100;
        const quantity = Math.max(1, Math.round((perOrder / picks.length / unit) * (0.6 + rng.next() * 0.8)));
        return { productCode: p.code, productName: p.name, category: p.category, quantity: String(quantity), unitPrice: unit.toFixed(2) };
      });
      orders.push({ customer: c, day, at: w.time.officeHours(rng, day), lines });
    }
  }
  return orders.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Records the orders month by month, as the ERP sync would: one batch per month, numbered SO-yyyymm-nnnn. */
export async function createPurchases(w: DemoWorld, rng: Rng) {
  const planned = planOrders(w, rng);
  const months = new Map<string, PlannedOrder[]>();
  for (const o of planned) {
    const month = w.time.date(w.time.dayOf(o.at)).slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), o]);
  }
  for (const [month, batch] of months) {
    const lastDay = Math.max(...batch.map((o) => w.time.dayOf(o.at)));
    const records = batch.map((o, i) => ({
      externalId: `SO-${month.replace('-', '')}-${String(i + 1).padStart(4, '0')}`,
      customerId: o.customer.id,
      orderedAt: o.at.toISOString(),
      lines: o.lines,
    }));
    for (let i = 0; i < records.length; i += 1000)
      await createOrders(as(w, w.admin, w.time.at(Math.min(lastDay + 1, 0), 7 * 60)), records.slice(i, i + 1000), 'records');
  }
  return planned.length;
}
