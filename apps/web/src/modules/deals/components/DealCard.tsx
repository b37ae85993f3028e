import { MoreOutlined } from '@ant-design/icons';
import type { TDeal } from '@tierline/contracts';
import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { useCustomersById } from '../../customers/customers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { localName, type TStage } from '../deals.api.ts';

interface DealCardProps {
  deal: TDeal;
  stages: TStage[];
  draggable: boolean;
  onDragStart: (deal: TDeal) => void;
  onDragEnd: () => void;
  onMove: (deal: TDeal, stage: TStage) => void;
}

/** A deal on the board: name, customer, amount, owner. Dragged to another column, or moved from its menu. */
export function DealCard({ deal, stages, draggable, onDragStart, onDragEnd, onMove }: DealCardProps) {
  const { t, i18n } = useTranslation();
  const customer = useCustomersById([deal.customerId]).get(deal.customerId ?? '');
  const owner = useUsersById([deal.ownerId]).get(deal.ownerId);
  const lng = i18n.language;

  const dragStart = (e: DragEvent) => {
    e.dataTransfer.setData('text/plain', deal.id);
    e.dataTransfer.effectAllowed = 'move';
    onDragStart(deal);
  };

  return (
    <Card
      size="small"
      draggable={draggable}
      onDragStart={dragStart}
      onDragEnd={onDragEnd}
      data-testid="deal-card"
      data-deal-id={deal.id}
      style={{ cursor: draggable ? 'grab' : undefined }}
      styles={{ body: { padding: 10 } }}
    >
      <Flex justify="space-between" align="flex-start" gap={4}>
        <Link to={`/deals/${deal.id}`} draggable={false} style={{ fontWeight: 500, wordBreak: 'break-word' }}>
          {deal.name}
        </Link>
        {draggable && (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'move',
                  type: 'group',
                  label: t('deals.moveTo'),
                  children: stages
                    .filter((s) => s.id !== deal.stageId)
                    .map((s) => ({ key: s.id, label: localName(s, lng), onClick: () => onMove(deal, s) })),
                },
              ],
            }}
          >
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('deals.moveTo')} />
          </Dropdown>
        )}
      </Flex>
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {deal.customerId ? (customer?.name ?? '…') : t('deals.noCustomer')}
      </Typography.Text>
      <Flex justify="space-between" wrap gap={4} style={{ marginTop: 4 }}>
        <Typography.Text strong>{formatMoney(deal.amount, deal.currency, lng)}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {owner?.name ?? '…'}
        </Typography.Text>
      </Flex>
      {deal.expectedCloseDate && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('deals.closes', { date: formatDate(deal.expectedCloseDate, lng) })}
        </Typography.Text>
      )}
    </Card>
  );
}
