import type { TOverdueReport } from '@tierline/contracts';
import { Button, Card, Col, Empty, Flex, Input, Row, Statistic, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney, formatNumber } from '../../../shared/format.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { localToday } from '../contractMath.ts';
import { useOverdueReceivables } from '../contracts.api.ts';

type CustomerRow = TOverdueReport['byCustomer'][number];
type RepRow = TOverdueReport['byRep'][number];

interface OverdueTabProps {
  /** YYYY-MM-DD; today when not given. */
  asOf?: string;
  onAsOfChange: (asOf: string | undefined) => void;
}

/** 应收逾期: what is overdue as of a date, per customer and per rep, within what I may see. */
export function OverdueTab({ asOf, onAsOfChange }: OverdueTabProps) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const today = localToday();
  const date = asOf ?? today;
  const report = useOverdueReceivables(date);
  const lng = i18n.language;
  const money = (r: { amount: string; currency: string }) => formatMoney(r.amount, r.currency, lng);
  const days = (n: number) => t('receivables.days', { n: formatNumber(n, lng) });

  // Rows are per owner or customer and currency: an org may sell in more than one.
  const figures = <T extends CustomerRow | RepRow>(): NonNullable<TableProps<T>['columns']> => [
    {
      key: 'amount',
      title: t('receivables.amount'),
      align: 'right',
      render: (_, r) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {money(r)}
        </Typography.Text>
      ),
    },
    { key: 'installments', title: t('receivables.installments'), align: 'right', responsive: ['sm'], dataIndex: 'installments' },
    { key: 'oldest', title: t('receivables.oldestDueOn'), responsive: ['md'], render: (_, r) => formatDate(r.oldestDueOn, lng) },
    {
      key: 'maxDays',
      title: t('receivables.maxDaysOverdue'),
      align: 'right',
      render: (_, r) => <Typography.Text type={r.maxDaysOverdue > 90 ? 'danger' : undefined}>{days(r.maxDaysOverdue)}</Typography.Text>,
    },
  ];
  const customerColumns: TableProps<CustomerRow>['columns'] = [
    {
      key: 'customer',
      title: t('receivables.customer'),
      render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
    },
    ...figures<CustomerRow>(),
  ];
  const repColumns: TableProps<RepRow>['columns'] = [
    { key: 'rep', title: t('receivables.rep'), render: (_, r) => <Link to={`/contracts?ownerId=${r.ownerId}`}>{r.ownerName}</Link> },
    { key: 'customers', title: t('receivables.customers'), align: 'right', responsive: ['sm'], dataIndex: 'customers' },
    ...figures<RepRow>(),
  ];

  const data = report.data;
  const nothing = data && data.totals.length === 0;
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <Typography.Text type="secondary">{t('receivables.intro')}</Typography.Text>
        <Flex gap={8} align="center">
          <label htmlFor="overdue-as-of">{t('receivables.asOf')}</label>
          <Input
            id="overdue-as-of"
            type="date"
            value={date}
            onChange={(e) => onAsOfChange(e.target.value && e.target.value !== today ? e.target.value : undefined)}
            style={{ width: 160 }}
          />
          {asOf && <Button onClick={() => onAsOfChange(undefined)}>{t('receivables.today')}</Button>}
        </Flex>
      </Flex>
      {report.isError ? (
        <LoadError error={report.error} onRetry={report.refetch} />
      ) : nothing ? (
        <Empty description={t('receivables.empty')} data-testid="overdue-empty" />
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="overdue-totals">
            {(data?.totals ?? [{ currency: 'CNY', amount: '0', installments: 0 }]).map((total) => (
              <Col key={total.currency} xs={24} sm={12} lg={8}>
                <Card size="small" loading={report.isPending}>
                  <Statistic
                    title={`${t('receivables.total')} · ${total.currency}`}
                    value={money(total)}
                    styles={{ content: { color: '#cf1322' } }}
                  />
                  <Typography.Text type="secondary">{t('receivables.installmentsCount', { n: total.installments })}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('receivables.byCustomer')}>
            <Table<CustomerRow>
              rowKey={(r) => `${r.customerId}:${r.currency}`}
              columns={customerColumns}
              dataSource={data?.byCustomer}
              loading={report.isPending}
              pagination={false}
              size="small"
              scroll={isPhone ? undefined : { x: 'max-content' }}
              data-testid="overdue-by-customer"
            />
          </Card>
          <Card size="small" title={t('receivables.byRep')}>
            <Table<RepRow>
              rowKey={(r) => `${r.ownerId}:${r.currency}`}
              columns={repColumns}
              dataSource={data?.byRep}
              loading={report.isPending}
              pagination={false}
              size="small"
              scroll={isPhone ? undefined : { x: 'max-content' }}
              data-testid="overdue-by-rep"
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
