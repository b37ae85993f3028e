import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { customers } from '../src/modules/customers/customers.table.ts';
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
 * Loads the lines as an integrator would: customers through `POST /api/v1/customers/batch`, then orders with
 * their lines through `POST /api/v1/orders/batch` (rows with the same invoice form one order). Returns externalId → customer id.
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

  const invoices = new Map<string, RetailLine[]>();
  for (const l of lines) invoices.set(l.invoice, [...(invoices.get(l.invoice) ?? []), l]);
  const records = [...invoices.entries()].map(([invoice, ls]) => ({
    externalId: invoice,
    customerExternalId: ls[0].customer,
    orderedAt: new Date(Math.min(...ls.map((l) => l.at.getTime()))).toISOString(),
    lines: ls.map((l) => ({ productCode: l.stockCode, productName: l.description, quantity: l.quantity, unitPrice: l.unitPrice })),
  }));
  // 200 orders a call keeps each body well under the 1 MB request limit.
  for (let i = 0; i < records.length; i += 200) {
    const res = await admin.post('/api/v1/orders/batch', { records: records.slice(i, i + 200) });
    if (res.statusCode !== 200) throw new Error(`order batch refused: ${res.body.slice(0, 500)}`);
  }
  return ids;
}
