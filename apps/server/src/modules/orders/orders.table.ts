import { foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { customers } from '../customers/customers.table.ts';

/** An order: the purchase history that tiers, VIP analysis and KPIs read. */
export const orders = pgTable(
  'orders',
  {
    orgId: uuid('org_id').notNull(),
    id: uuid('id').notNull(),
    externalId: text('external_id'),
    customerId: uuid('customer_id').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    currency: text('currency').notNull().default('CNY'),
    /** Sum of its lines' quantity × unit price, kept with the order so tiering reads one table. */
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    unique().on(t.orgId, t.externalId),
    foreignKey({ columns: [t.orgId, t.customerId], foreignColumns: [customers.orgId, customers.id] }),
    // A customer's purchase history (timeline, purchase summary, churn risk), amounts from the index alone.
    index('orders_customer_history_idx').on(t.orgId, t.customerId, t.orderedAt, t.amount),
    index().on(t.orgId, t.orderedAt),
    // Orders KPI (decision 0026): a period's orders with their customer, from the index alone.
    index('orders_kpi_ordered_idx').on(t.orgId, t.orderedAt, t.customerId, t.amount),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    orgId: uuid('org_id').notNull(),
    orderId: uuid('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    productCode: text('product_code').notNull(),
    productName: text('product_name'),
    category: text('category'),
    quantity: numeric('quantity', { precision: 14, scale: 3 }).notNull(),
    unitPrice: numeric('unit_price', { precision: 14, scale: 4 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.orderId, t.lineNo] }),
    foreignKey({ columns: [t.orgId, t.orderId], foreignColumns: [orders.orgId, orders.id] }).onDelete('cascade'),
  ],
);
