import { PlusOutlined } from '@ant-design/icons';
import type { TDeal } from '@tierline/contracts';
import { Button, Card, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { isMissingRoute } from '../../../shared/missingRoute.ts';
import { useDealContracts } from '../contracts.api.ts';
import { ContractStatusTag } from './ContractStatusTag.tsx';
import { NewContractModal } from './NewContractModal.tsx';

interface DealContractsCardProps {
  deal: Pick<TDeal, 'id' | 'name' | 'amount' | 'currency'>;
  /** The deal is in a won stage: only then can a contract be made from it. */
  won: boolean;
  /** The viewer may change the deal (not a viewer, not deleted). */
  editable: boolean;
}

/**
 * The deal's contracts, for the deal page: each with its status and amount, and "create contract"
 * once the deal is won and has no live contract (a deal is signed once; a cancelled one may be redone).
 */
export function DealContractsCard({ deal, won, editable }: DealContractsCardProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const contracts = useDealContracts(deal.id);
  const [creating, setCreating] = useState(false);
  // An older server without the contracts module: nothing to show rather than an error card.
  if (isMissingRoute(contracts.error)) return null;
  const rows = contracts.data?.data ?? [];
  const live = rows.some((c) => c.status !== 'cancelled');
  const mayCreate = editable && won && !live && contracts.isSuccess;

  return (
    <Card
      size="small"
      title={t('contracts.dealCard.title')}
      extra={
        mayCreate && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contracts.dealCard.create')}
          </Button>
        )
      }
      data-testid="deal-contracts"
    >
      {contracts.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : rows.length === 0 ? (
        <Typography.Text type="secondary">{won ? t('contracts.dealCard.empty') : t('contracts.dealCard.notWon')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {rows.map((c) => (
            <Flex key={c.id} justify="space-between" align="center" gap={8} wrap>
              <Flex vertical>
                <Link to={`/contracts/${c.id}`}>{c.number}</Link>
                {c.signedOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('contracts.signedOn')} {formatDate(c.signedOn, i18n.language)}
                  </Typography.Text>
                )}
              </Flex>
              <Flex gap={8} align="center">
                <Typography.Text>{formatMoney(c.amount, c.currency, i18n.language)}</Typography.Text>
                <ContractStatusTag status={c.status} />
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
      <NewContractModal open={creating} deal={deal} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/contracts/${c.id}`)} />
    </Card>
  );
}
