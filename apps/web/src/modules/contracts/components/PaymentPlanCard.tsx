import { Button, Card, Flex, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { centsToAmount, checkPlan, installmentStatus, isClosed, localToday } from '../contractMath.ts';
import type { TContractDetail, TInstallment } from '../contracts.api.ts';
import { InstallmentStatusTag } from './InstallmentStatusTag.tsx';
import { PaymentPlanModal } from './PaymentPlanModal.tsx';

/** The instalments with what payments cover of each (paid in due-date order), and where each stands. */
export function PaymentPlanCard({ contract: c, writer }: { contract: TContractDetail; writer: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const lng = i18n.language;
  const money = (v: string | number) => formatMoney(v, c.currency, lng);
  const today = localToday();
  const check = checkPlan(c.amount, c.installments);

  const columns: TableProps<TInstallment>['columns'] = [
    { key: 'position', title: t('contracts.plan.position'), render: (_, _i, index) => t('contracts.plan.nth', { n: index + 1 }) },
    { key: 'dueOn', title: t('contracts.plan.dueOn'), render: (_, i) => formatDate(i.dueOn, lng) },
    { key: 'amount', title: t('contracts.plan.amount'), align: 'right', render: (_, i) => money(i.amount) },
    { key: 'paid', title: t('contracts.plan.paid'), align: 'right', responsive: ['sm'], render: (_, i) => money(i.paid) },
    {
      key: 'outstanding',
      title: t('contracts.plan.outstanding'),
      align: 'right',
      responsive: ['md'],
      render: (_, i) => money(i.outstanding),
    },
    {
      key: 'status',
      title: t('contracts.plan.status'),
      render: (_, i) => <InstallmentStatusTag status={installmentStatus(i, c.status, today)} />,
    },
  ];

  return (
    <Card
      size="small"
      title={t('contracts.plan.title')}
      extra={
        writer &&
        !isClosed(c.status) && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('contracts.plan.edit')}
          </Button>
        )
      }
    >
      <Table<TInstallment>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={c.installments}
        locale={{ emptyText: t('contracts.plan.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="payment-plan"
      />
      {c.installments.length > 0 && (
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('contracts.plan.allocationHint')}</Typography.Text>
          <Typography.Text strong={!check.matches} type={check.matches ? 'secondary' : 'danger'}>
            {t('contracts.plan.sum', { sum: money(centsToAmount(check.totalCents)), amount: money(c.amount) })}
          </Typography.Text>
        </Flex>
      )}
      <PaymentPlanModal open={editing} contract={c} onClose={() => setEditing(false)} />
    </Card>
  );
}
