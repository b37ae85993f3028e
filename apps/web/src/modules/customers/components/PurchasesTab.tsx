import type { TOrder } from '@tierline/contracts';
import { Card, Col, Empty, Row, Spin, Statistic, Table, type TableProps, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../shared/Chart.tsx';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { monthlyChartOption } from '../purchaseChart.ts';
import { type TPurchaseSummary, useCustomerOrders, usePurchaseSummary } from '../purchases.api.ts';

type Product = TPurchaseSummary['topProducts'][number];
type Category = TPurchaseSummary['topCategories'][number];

/** VIP analysis: what, how much and how often the customer buys, from its order history. */
export function PurchasesTab({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const summary = usePurchaseSummary(customerId);
  const orders = useCustomerOrders(customerId);
  const lng = i18n.language;
  const option = useMemo(
    () => monthlyChartOption(summary.data?.monthly ?? [], { amount: t('purchases.amount'), orders: t('purchases.orders') }, lng),
    [summary.data, t, lng],
  );

  if (summary.isPending) return <Spin style={{ display: 'block', margin: 32 }} />;
  if (summary.isError) return <LoadError error={summary.error} onRetry={summary.refetch} />;
  const s = summary.data;
  const money = (v: string) => formatNumber(v, lng);

  const productColumns: TableProps<Product>['columns'] = [
    { key: 'product', title: t('purchases.product'), render: (_, p) => p.productName ?? p.productCode },
    { key: 'code', title: t('purchases.productCode'), dataIndex: 'productCode', responsive: ['md'] },
    { key: 'quantity', title: t('purchases.quantity'), dataIndex: 'quantity', align: 'right', render: (v: string) => formatNumber(v, lng) },
    { key: 'orders', title: t('purchases.orders'), dataIndex: 'orders', align: 'right' },
    { key: 'amount', title: t('purchases.amount'), dataIndex: 'amount', align: 'right', render: money },
  ];
  const categoryColumns: TableProps<Category>['columns'] = [
    { key: 'category', title: t('purchases.category'), dataIndex: 'category' },
    { key: 'orders', title: t('purchases.orders'), dataIndex: 'orders', align: 'right' },
    { key: 'amount', title: t('purchases.amount'), dataIndex: 'amount', align: 'right', render: money },
  ];
  const orderColumns: TableProps<TOrder>['columns'] = [
    { key: 'orderedAt', title: t('purchases.orderedAt'), dataIndex: 'orderedAt', render: (v: string) => formatDateTime(v, lng) },
    { key: 'externalId', title: t('purchases.orderNo'), dataIndex: 'externalId', render: (v) => v ?? '—' },
    { key: 'amount', title: t('purchases.amount'), align: 'right', render: (_, o) => `${formatNumber(o.amount, lng)} ${o.currency}` },
  ];

  if (s.frequency === 0) return <Empty description={t('purchases.none')} />;
  const figures = [
    { key: 'monetary', title: t('purchases.monetary'), value: money(s.monetary) },
    { key: 'frequency', title: t('purchases.frequency'), value: s.frequency },
    { key: 'recency', title: t('purchases.recency'), value: s.recencyDays ?? '—', suffix: t('purchases.days') },
    {
      key: 'interval',
      title: t('purchases.meanInterval'),
      value: s.meanDaysBetweenOrders === null ? '—' : formatNumber(s.meanDaysBetweenOrders, lng, 1),
      suffix: s.meanDaysBetweenOrders === null ? undefined : t('purchases.days'),
    },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }} data-testid="purchase-figures">
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={6}>
            <Card size="small">
              <Statistic title={f.title} value={f.value} suffix={f.suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary">
        {t('purchases.span', {
          first: formatDate(s.firstOrderAt, lng),
          last: formatDate(s.lastOrderAt, lng),
          asOf: formatDate(s.asOf, lng),
        })}
      </Typography.Paragraph>
      <Card size="small" title={t('purchases.monthly')} style={{ marginBottom: 12 }}>
        <Chart option={option} label={t('purchases.monthly')} testId="monthly-chart" />
      </Card>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('purchases.topProducts')}>
            <Table<Product>
              rowKey="productCode"
              size="small"
              pagination={false}
              columns={productColumns}
              dataSource={s.topProducts}
              scroll={{ x: 'max-content' }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('purchases.topCategories')}>
            <Table<Category> rowKey="category" size="small" pagination={false} columns={categoryColumns} dataSource={s.topCategories} />
          </Card>
        </Col>
        <Col span={24}>
          <Card
            size="small"
            title={t('purchases.recentOrders')}
            extra={<ExportButton list="orders" filters={{ customerId }} size="small" />}
          >
            <Table<TOrder>
              rowKey="id"
              size="small"
              pagination={false}
              columns={orderColumns}
              dataSource={orders.rows}
              loading={orders.isPending}
            />
            <LoadMore
              count={orders.rows.length}
              hasNextPage={orders.hasNextPage}
              isFetchingNextPage={orders.isFetchingNextPage}
              fetchNextPage={orders.fetchNextPage}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
