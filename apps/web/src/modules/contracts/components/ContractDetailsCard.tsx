import { Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format.ts';
import { useCustomersById } from '../../customers/customers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { isClosed } from '../contractMath.ts';
import { type TContractDetail, useDealNames } from '../contracts.api.ts';
import { ContractEditModal } from './ContractEditModal.tsx';

/** The contract's terms and dates, with an edit form while it is still open. */
export function ContractDetailsCard({ contract: c, writer }: { contract: TContractDetail; writer: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const customer = useCustomersById([c.customerId]).get(c.customerId);
  const owner = useUsersById([c.ownerId]).get(c.ownerId);
  const dealName = useDealNames([c.dealId]).get(c.dealId ?? '');
  const lng = i18n.language;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const date = (v: string | null) => (v ? formatDate(v, lng) : dash);

  return (
    <Card
      size="small"
      title={t('contracts.details')}
      extra={
        writer &&
        !isClosed(c.status) && (
          <Button size="small" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        // Beside the plan on a wide screen the card is narrow: one column there.
        column={{ xs: 1, sm: 2, xl: 1 }}
        data-testid="contract-details"
        items={[
          {
            key: 'customer',
            label: t('contracts.customer'),
            children: <Link to={`/customers/${c.customerId}`}>{customer?.name ?? '…'}</Link>,
          },
          { key: 'deal', label: t('contracts.deal'), children: c.dealId ? <Link to={`/deals/${c.dealId}`}>{dealName ?? '…'}</Link> : dash },
          { key: 'owner', label: t('contracts.owner'), children: owner?.name ?? '…' },
          { key: 'amount', label: t('contracts.amount'), children: formatMoney(c.amount, c.currency, lng) },
          { key: 'signedOn', label: t('contracts.signedOn'), children: date(c.signedOn) },
          { key: 'startsOn', label: t('contracts.startsOn'), children: date(c.startsOn) },
          { key: 'endsOn', label: t('contracts.endsOn'), children: date(c.endsOn) },
          { key: 'createdAt', label: t('contracts.createdAt'), children: formatDateTime(c.createdAt, lng) },
        ]}
      />
      <ContractEditModal open={editing} contract={c} onClose={() => setEditing(false)} />
    </Card>
  );
}
