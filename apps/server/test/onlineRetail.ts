import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { customers } from '../src/modules/customers/customers.table.ts';
import { orderLines, orders } from '../src/modules/orders/orders.table.ts';
import { newId } from '../src/platform/ids.ts';
import type { Caller, TestApp } from './testApp.ts';

/**
 * The UCI Online Retail order lines (../shared/data/online-retail, CC BY 4.0; see its SOURCE.md), read and loaded
 * as Tierline customers and orders. How the data becomes orders:
 * - a row without CustomerID is skipped; CustomerID "17850.0" is the customer with externalId "17850";
 * - an invoice is an order (externalId = InvoiceNo), dated at its earliest line, read as UTC;
 * - cancellations ("C…" invoices) are orders of their own, with negative quantities and so a negative amount;
 * - the order's amount is round(Σ quantity × unit price, 2), summed by the database from the loaded lines.
 */
export const ONLINE_RETAIL_DIR = fileURLToPath(new URL('../../../../shared/data/online-retail/by-day/', import.meta.url));
export const hasOnlineRetail = fs.existsSync(ONLINE_RETAIL_DIR);

export type RetailLine = {
  invoice: string;
  stockCode: string;
  description: string;
  quantity: string;
  at: Date;
  unitPrice: string;
  customer: string;
};

/** One CSV line into fields: commas inside double quotes belong to the field, "" is a quote. */
function splitCsv(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') field += line[i++];
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** The lines with a CustomerID of the first `days` trading days (one file per day, in date order). */
export function readOnlineRetailLines(days: number): RetailLine[] {
  const files = fs
    .readdirSync(ONLINE_RETAIL_DIR)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .slice(0, days);
  const lines: RetailLine[] = [];
  for (const file of files) {
    for (const raw of fs.readFileSync(`${ONLINE_RETAIL_DIR}${file}`, 'utf8').split('\n').slice(1)) {
      if (!raw) continue;
      const [invoice, stockCode, description, quantity, date, unitPrice, customerId] = splitCsv(raw);
      if (!customerId) continue;
      lines.push({
        invoice,
        stockCode,
        description,
        quantity,
        at: new Date(`${date.replace(' ', 'T')}Z`),
        unitPrice,
        customer: customerId.replace(/\.0$/, ''),
      });
    }
  }
  return lines;
}

/**
 * Customers through `POST /api/v1/customers/batch` (1,000 a call, as an integrator would), orders and their lines
 * straight into the tables with multi-row inserts (there is no orders endpoint yet). Returns externalId → customer id.
 */
export async function loadOnlineRetail(t: TestApp, admin: Caller, orgId: string, lines: RetailLine[]): Promise<Map<string, string>> {
  const externalIds = [...new Set(lines.map((l) => l.customer))].sort();
  for (let i = 0; i < externalIds.length; i += 1000) {
    const records = externalIds.slice(i, i + 1000).map((x) => ({ name: `Online Retail ${x}`, externalId: x }));
    const res = await admin.post('/api/v1/customers/batch', { records });
    if (res.statusCode !== 200) throw new Error(`customer batch refused: ${res.body}`);
  }
  const rows = await t.db.select({ id: customers.id, externalId: customers.externalId }).from(customers).where(eq(customers.orgId, orgId));
  const ids = new Map(rows.map((c) => [c.externalId as string, c.id]));

  const earliest = new Map<string, RetailLine>();
  for (const l of lines) if (!earliest.has(l.invoice) || l.at < (earliest.get(l.invoice) as RetailLine).at) earliest.set(l.invoice, l);
  const orderIds = new Map<string, string>();
  const now = t.clock.now();
  const orderRows = [...earliest.values()].map((l) => {
    orderIds.set(l.invoice, newId());
    return {
      orgId,
      id: orderIds.get(l.invoice) as string,
      externalId: l.invoice,
      customerId: ids.get(l.customer) as string,
      orderedAt: l.at,
      amount: '0',
      createdAt: now,
    };
  });
  for (let i = 0; i < orderRows.length; i += 1000) await t.db.insert(orders).values(orderRows.slice(i, i + 1000));
  const lineNo = new Map<string, number>();
  const lineRows = lines.map((l) => {
    const no = (lineNo.get(l.invoice) ?? 0) + 1;
    lineNo.set(l.invoice, no);
    return {
      orgId,
      orderId: orderIds.get(l.invoice) as string,
      lineNo: no,
      productCode: l.stockCode,
      productName: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    };
  });
  for (let i = 0; i < lineRows.length; i += 1000) await t.db.insert(orderLines).values(lineRows.slice(i, i + 1000));
  await t.db.execute(sql`update orders o set amount = s.total
    from (select order_id, round(sum(quantity * unit_price), 2) as total from order_lines where org_id = ${orgId} group by order_id) s
    where o.org_id = ${orgId} and o.id = s.order_id`);
  return ids;
}
