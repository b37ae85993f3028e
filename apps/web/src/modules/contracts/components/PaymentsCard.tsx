import { PlusOutlined } from '@ant-design/icons';
import type { TPayment } from '@tierline/contracts';
import { Button, Card, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, toCents } from '../../../shared/format.ts';
import type { TContractDetail } from '../contracts.api.ts';
import { RecordPaymentModal } from './RecordPaymentModal.tsx';

/** Payments received (回款), oldest first, and the way to record one while the contract is active. */
export function PaymentsCard({ contract: c, writer }: { contract: TContractDetail; writer: boolean }) {
  const { t, i18n } = useTranslation();
  const [recording, setRecording] = useState(false);
  const lng = i18n.language;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const positionOf = new Map(c.installments.map((i, index) => [i.id, index + 1]));
  const owed = toCents(c.outstanding) > 0;
  const canRecord = writer && c.status === 'active' && owed;

  const columns: TableProps<TPayment>['columns'] = [
    { key: 'receivedOn', title: t('contracts.payments.receivedOn'), render: (_, p) => formatDate(p.receivedOn, lng) },
    { key: 'amount', title: t('contracts.payments.amount'), align: 'right', render: (_, p) => formatMoney(p.amount, c.currency, lng) },
    {
      key: 'installment',
      title: t('contracts.payments.installment'),
      responsive: ['md'],
      render: (_, p) => {
        const n = p.installmentId ? positionOf.get(p.installmentId) : undefined;
        return n ? t('contracts.plan.nth', { n }) : dash;
      },
    },
    { key: 'method', title: t('contracts.payments.method'), responsive: ['sm'], render: (_, p) => p.method ?? dash },
    { key: 'reference', title: t('contracts.payments.reference'), responsive: ['lg'], render: (_, p) => p.reference ?? dash },
  ];

  return (
    <Card
      size="small"
      title={t('contracts.payments.title')}
      extra={
        canRecord && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('contracts.payments.record')}
          </Button>
        )
      }
    >
      <Table<TPayment>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={c.payments}
        locale={{ emptyText: t('contracts.payments.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="payments"
      />
      {writer && !canRecord && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {c.status === 'active' && !owed ? t('contracts.payments.settled') : t('contracts.payments.onlyActive')}
        </Typography.Paragraph>
      )}
      <RecordPaymentModal open={recording} contract={c} onClose={() => setRecording(false)} />
    </Card>
  );
}
