import { type TOrder, ZOrderListQuery } from '@tierline/contracts';
import { access } from '../../platform/access.ts';
import { defineExport, EXPORT_PAGE_SIZE, pagesOf } from '../../platform/exports/export.definition.ts';
import { customersById } from '../../platform/exports/export.lookups.ts';
import { listOrders } from './orders.usecases.ts';

type Row = TOrder & { customer: { name: string; externalId: string | null } | undefined };

/** Orders of the customers the caller may see, one row per order, newest first as on screen. */
export const ordersExport = defineExport({
  list: 'orders',
  sheet: { zh: '订单', en: 'Orders' },
  access: access.signedIn,
  filters: ZOrderListQuery.omit({ limit: true, cursor: true }),
  columns: [
    { key: 'orderNumber', zh: '订单编号', en: 'Order number', value: (o: Row) => o.externalId },
    { key: 'customer', zh: '客户名称', en: 'Customer', value: (o: Row) => o.customer?.name },
    { key: 'customerExternalId', zh: '客户外部编号', en: 'Customer external ID', value: (o: Row) => o.customer?.externalId },
    { key: 'orderedAt', zh: '下单时间', en: 'Ordered', value: (o: Row) => o.orderedAt },
    { key: 'amount', zh: '金额', en: 'Amount', value: (o: Row) => o.amount, numeric: true },
    { key: 'currency', zh: '币种', en: 'Currency', value: (o: Row) => o.currency },
    { key: 'createdAt', zh: '录入时间', en: 'Created', value: (o: Row) => o.createdAt },
    { key: 'id', zh: '系统编号', en: 'Tierline ID', value: (o: Row) => o.id },
  ],
  pages: (ctx, filters) =>
    pagesOf(
      (cursor) => listOrders(ctx, { ...filters, limit: EXPORT_PAGE_SIZE, cursor }),
      async (page): Promise<Row[]> => {
        const customers = await customersById(
          ctx,
          page.map((o) => o.customerId),
        );
        return page.map((o) => ({ ...o, customer: customers.get(o.customerId) }));
      },
    ),
});
