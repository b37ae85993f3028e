import { type TOrderCreate, ZOrderCreate } from '@tierline/contracts';
import { createCustomers } from '../../customers/customers.create.usecases.ts';
import { findByExternalIds } from '../../customers/customers.repository.ts';
import { appendOrderLines, createOrders } from '../../orders/orders.usecases.ts';
import { checkRecord, type Importer, issueCollector, parseDateTime, parseDecimal } from '../importer.ts';
import { errorsOfSubset, refuseRecords } from './common.ts';

/** An order with what a missing customer would be created from; `appendLines` for late lines of an order already written. */
type OrderRecord = TOrderCreate & { customerName?: string; customerRegion?: string; appendLines?: boolean };

const PROPERTY_FIELD: Record<string, string> = { externalId: 'orderNumber', customerExternalId: 'customer', customerId: 'customer' };

/**
 * Order lines: adjacent rows with one order number form an order. Customers are named by externalId;
 * with `createMissingCustomers`, an unknown one is created (in the pool for managers and above, else the
 * importer's), named by the customer name column or, without one, by its externalId.
 */
export const ordersImporter: Importer<OrderRecord> = {
  entity: 'orders',
  groupBy: 'orderNumber',
  fields: [
    {
      key: 'orderNumber',
      required: true,
      kind: 'text',
      aliases: ['订单号', '订单编号', '单号', 'order number', 'order no', 'order id', 'invoiceno', 'invoice', 'invoice number'],
    },
    {
      key: 'customer',
      required: true,
      kind: 'lookup',
      lookup: 'customer externalId',
      aliases: ['客户编号', '客户', 'customer id', 'customerid', 'customer', 'account'],
    },
    { key: 'customerName', required: false, kind: 'text', aliases: ['客户名称', 'customer name', 'company'] },
    { key: 'customerRegion', required: false, kind: 'text', aliases: ['地区', '国家', '区域', 'region', 'country'] },
    {
      key: 'orderedAt',
      required: true,
      kind: 'datetime',
      aliases: ['下单时间', '订单日期', '日期', '下单日期', 'ordered at', 'order date', 'invoicedate', 'date'],
    },
    { key: 'currency', required: false, kind: 'text', aliases: ['币种', '货币', 'currency'] },
    {
      key: 'productCode',
      required: true,
      kind: 'text',
      aliases: ['产品编码', '商品编码', '产品代码', 'sku', 'product code', 'stockcode', 'item code'],
    },
    {
      key: 'productName',
      required: false,
      kind: 'text',
      aliases: ['产品名称', '商品名称', '产品', 'product', 'product name', 'description'],
    },
    { key: 'category', required: false, kind: 'text', aliases: ['品类', '类别', '产品类别', 'category'] },
    { key: 'quantity', required: true, kind: 'number', aliases: ['数量', 'quantity', 'qty'] },
    { key: 'unitPrice', required: true, kind: 'money', aliases: ['单价', 'unit price', 'unitprice', 'price'] },
  ],
  fieldOfProperty: PROPERTY_FIELD,
  toRecord(rows, lookups, _options, continues) {
    const first = rows[0];
    const c = issueCollector(first.row);
    const v = first.values;
    // Online Retail writes customer ids as floats ("17850.0"): a whole number keeps its digits only.
    const customer = c.need('customer', v.customer?.replace(/^(\d+)\.0+$/, '$1'));
    const orderedAt = c.take('orderedAt', c.need('orderedAt', v.orderedAt), (t) => parseDateTime(t, lookups.offsetOn));
    const lines = rows.map((r) => {
      const lc = issueCollector(r.row);
      const line = {
        productCode: lc.need('productCode', r.values.productCode),
        productName: r.values.productName ?? null,
        category: r.values.category ?? null,
        quantity: lc.take('quantity', lc.need('quantity', r.values.quantity), parseDecimal),
        unitPrice: lc.take('unitPrice', lc.need('unitPrice', r.values.unitPrice), parseDecimal),
      };
      c.issues.push(...lc.issues);
      return line;
    });
    if (c.issues.length) return { issues: c.issues };
    const record = { externalId: v.orderNumber, customerExternalId: customer, orderedAt, currency: v.currency?.toUpperCase(), lines };
    const checked = checkRecord(ZOrderCreate, record, first.row, (p) => PROPERTY_FIELD[p] ?? p);
    if ('issues' in checked) return checked;
    return { record: { ...checked.record, customerName: v.customerName, customerRegion: v.customerRegion, appendLines: continues } };
  },
  async writeBatch(ctx, records, options) {
    if (options.createMissingCustomers) await createMissingCustomers(ctx, records);
    const plain = ({ customerName: _n, customerRegion: _r, appendLines: _a, ...order }: OrderRecord) => order;
    // Appends are rare (an order's lines far apart in the file): written one by one after the batch.
    const fresh = records.map((o, i) => ({ o, i })).filter(({ o }) => !o.appendLines);
    const late = records.map((o, i) => ({ o, i })).filter(({ o }) => o.appendLines);
    const r = fresh.length
      ? await createOrders(
          ctx,
          fresh.map(({ o }) => plain(o)),
          'records',
          'upsert',
        ).catch((err) =>
          refuseRecords(
            errorsOfSubset(
              err,
              fresh.map(({ i }) => i),
            ),
          ),
        )
      : { created: 0, updated: 0 };
    const appended = late.length
      ? await appendOrderLines(
          ctx,
          late.map(({ o }) => ({ ...plain(o), externalId: o.externalId as string })),
          'records',
        ).catch((err) =>
          refuseRecords(
            errorsOfSubset(
              err,
              late.map(({ i }) => i),
            ),
          ),
        )
      : { created: 0, updated: 0 };
    return { inserted: r.created + appended.created, updated: r.updated + appended.updated };
  },
};

async function createMissingCustomers(ctx: Parameters<Importer<OrderRecord>['writeBatch']>[0], records: OrderRecord[]) {
  const wanted = new Map<string, OrderRecord>();
  for (const r of records) if (r.customerExternalId && !wanted.has(r.customerExternalId)) wanted.set(r.customerExternalId, r);
  const existing = new Set((await findByExternalIds(ctx.db, ctx.actor.orgId, [...wanted.keys()])).map((c) => c.externalId));
  const missing = [...wanted.entries()].filter(([id]) => !existing.has(id));
  if (!missing.length) return;
  const pool = ctx.actor.role !== 'rep';
  await createCustomers(
    ctx,
    missing.map(([externalId, r]) => ({
      name: r.customerName ?? externalId,
      externalId,
      region: r.customerRegion ?? null,
      ...(pool ? { ownerId: null } : {}),
    })),
    { mode: 'create', pathPrefix: 'customers' },
  );
}
