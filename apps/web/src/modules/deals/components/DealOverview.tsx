import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatDateTime, formatMoney, formatNumber, toCents } from '../../../shared/format.ts';
import { useCustomersById } from '../../customers/customers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import type { TDealDetail } from '../deals.api.ts';

/** The deal's figures: amount, probability and weighted amount, expected close, forecast category, people. */
export function DealOverview({ deal: d }: { deal: TDealDetail }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const customer = useCustomersById([d.customerId]).get(d.customerId ?? '');
  const owner = useUsersById([d.ownerId]).get(d.ownerId);
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const weighted = d.amount === null ? null : Math.round((toCents(d.amount) * d.probability) / 100) / 100;
  return (
    <Card size="small" title={t('deals.overview')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        data-testid="deal-overview"
        items={[
          { key: 'amount', label: t('deals.amount'), children: d.amount === null ? dash : formatMoney(d.amount, d.currency, lng) },
          {
            key: 'probability',
            label: t('deals.probability'),
            children: `${d.probability}%${d.probabilityOverridden ? ` (${t('deals.probabilitySet')})` : ''}`,
          },
          { key: 'weighted', label: t('deals.weighted'), children: weighted === null ? dash : formatMoney(weighted, d.currency, lng) },
          { key: 'close', label: t('deals.expectedClose'), children: d.expectedCloseDate ? formatDate(d.expectedCloseDate, lng) : dash },
          { key: 'forecast', label: t('deals.forecast'), children: t(`deals.forecasts.${d.forecastCategory}`) },
          { key: 'owner', label: t('deals.owner'), children: owner?.name ?? '…' },
          {
            key: 'customer',
            label: t('deals.customer'),
            children: d.customerId ? <Link to={`/customers/${d.customerId}`}>{customer?.name ?? '…'}</Link> : dash,
          },
          { key: 'created', label: t('deals.createdAt'), children: formatDateTime(d.createdAt, lng) },
          ...(d.closedAt
            ? [
                { key: 'closed', label: t('deals.closedAt'), children: formatDateTime(d.closedAt, lng) },
                { key: 'cycle', label: t('deals.cycle'), children: t('deals.days', { days: formatNumber(d.cycleDays, lng, 1) }) },
              ]
            : []),
          ...(d.lossReason ? [{ key: 'loss', label: t('deals.lossReason'), children: d.lossReason }] : []),
        ]}
      />
    </Card>
  );
}
