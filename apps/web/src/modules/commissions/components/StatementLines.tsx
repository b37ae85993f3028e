import { WarningOutlined } from '@ant-design/icons';
import { Empty, Flex, Table, type TableProps, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { CURRENCY, formatPercent } from '../../performance/kpis.ts';
import { linesAmountCents, linesMatchTotal, linesTotalCents } from '../commissionMath.ts';
import type { TCommissionStatement } from '../commissions.api.ts';

type Line = TCommissionStatement['lines'][number];

/** A statement's lines, one per payment received, with their sum, which is the statement's total. */
export function StatementLines({ statement }: { statement: TCommissionStatement }) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const lng = i18n.language;
  const money = (v: string | number) => formatMoney(v, CURRENCY, lng);
  if (statement.lines.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('commissions.noPayments')} />;
  }
  if (isPhone) return <LineList statement={statement} />;
  const columns: TableProps<Line>['columns'] = [
    { key: 'receivedOn', title: t('commissions.lines.receivedOn'), render: (_, l) => formatDate(l.receivedOn, lng) },
    {
      key: 'contract',
      title: t('commissions.lines.contract'),
      render: (_, l) => (
        <Link to={`/contracts/${l.contractId}`} data-testid="commission-contract">
          {l.contractNumber}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('commissions.lines.customer'),
      render: (_, l) => <Link to={`/customers/${l.customerId}`}>{l.customerName}</Link>,
    },
    { key: 'amount', title: t('commissions.lines.amount'), align: 'right', render: (_, l) => money(l.amount) },
    { key: 'rate', title: t('commissions.lines.rate'), align: 'right', render: (_, l) => formatPercent(l.rate, lng) },
    { key: 'commission', title: t('commissions.lines.commission'), align: 'right', render: (_, l) => money(l.commission) },
  ];
  const matches = linesMatchTotal(statement);
  return (
    <Table<Line>
      rowKey="paymentId"
      size="small"
      columns={columns}
      dataSource={statement.lines}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="commission-lines"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            <Typography.Text strong>{t('commissions.lines.sum', { count: statement.lines.length })}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {money(linesAmountCents(statement.lines) / 100)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} />
          <Table.Summary.Cell index={5} align="right">
            <Flex vertical align="flex-end" gap={2}>
              <Typography.Text strong data-testid="commission-lines-sum">
                {money(linesTotalCents(statement.lines) / 100)}
              </Typography.Text>
              {!matches && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  <WarningOutlined /> {t('commissions.lines.mismatch', { total: money(statement.total) })}
                </Typography.Text>
              )}
            </Flex>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

/** The lines on a phone: one block per payment (where, when, amount × rate = commission), then their sum. */
function LineList({ statement }: { statement: TCommissionStatement }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const lng = i18n.language;
  const money = (v: string | number) => formatMoney(v, CURRENCY, lng);
  const matches = linesMatchTotal(statement);
  return (
    <Flex vertical data-testid="commission-lines">
      {statement.lines.map((l) => (
        <Flex key={l.paymentId} vertical gap={2} style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
          <Flex justify="space-between" gap={8}>
            <Link to={`/contracts/${l.contractId}`} data-testid="commission-contract">
              {l.contractNumber}
            </Link>
            <Typography.Text type="secondary">{formatDate(l.receivedOn, lng)}</Typography.Text>
          </Flex>
          <Link to={`/customers/${l.customerId}`}>{l.customerName}</Link>
          <Flex justify="space-between" gap={8}>
            <Typography.Text type="secondary">
              {money(l.amount)} × {formatPercent(l.rate, lng)}
            </Typography.Text>
            <Typography.Text>{money(l.commission)}</Typography.Text>
          </Flex>
        </Flex>
      ))}
      <Flex justify="space-between" gap={8} style={{ paddingTop: 8 }}>
        <Typography.Text strong>{t('commissions.lines.sum', { count: statement.lines.length })}</Typography.Text>
        <Typography.Text strong data-testid="commission-lines-sum">
          {money(linesTotalCents(statement.lines) / 100)}
        </Typography.Text>
      </Flex>
      {!matches && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          <WarningOutlined /> {t('commissions.lines.mismatch', { total: money(statement.total) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
