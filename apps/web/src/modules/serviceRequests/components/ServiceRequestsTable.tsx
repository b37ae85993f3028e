import { StarFilled } from '@ant-design/icons';
import type { TServiceRequest } from '@tierline/contracts';
import { Empty, Flex, Table, type TableProps, Tag, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useNow } from '../../notifications/useNow.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { PRIORITY_COLORS, type ServiceFilters, STATUS_COLORS, useServiceRequestList } from '../serviceRequests.api.ts';
import { SlaText } from './SlaText.tsx';

/** The gold of VIP/KA requests: a bar down the row's left edge, so key customers are found at a glance. */
const HIGHLIGHT = '#d4b106';

/** The service requests matching the filters, newest first, with each one's SLA counting down. */
export function ServiceRequestsTable({ filters }: { filters: ServiceFilters }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const now = useNow();
  const list = useServiceRequestList(filters);
  const owners = useUsersById(list.rows.map((r) => r.ownerId));

  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={list.refetch} />;

  // The bar sits on the first cell: a table row's own border does not show in antd's separate-border table.
  const highlightBar = (r: TServiceRequest) => ({ style: r.highlight ? { boxShadow: `inset 4px 0 0 ${HIGHLIGHT}` } : {} });
  const customerCell = (r: TServiceRequest) => (
    <Flex wrap gap={4} align="center">
      <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
        {r.customerName}
      </Link>
      <TierTag tierId={r.tierId} />
      {r.highlight && (
        <Tooltip title={t('service.highlight')}>
          <StarFilled style={{ color: HIGHLIGHT }} aria-label={t('service.highlight')} data-testid="highlight-star" />
        </Tooltip>
      )}
    </Flex>
  );

  const desktop: TableProps<TServiceRequest>['columns'] = [
    {
      key: 'title',
      title: t('service.fields.title'),
      onCell: highlightBar,
      render: (_, r) => (
        <Flex vertical gap={2} style={{ minWidth: isPhone ? 0 : 180 }}>
          <Link to={`/service/${r.id}`} onClick={(e) => e.stopPropagation()} style={{ overflowWrap: 'anywhere' }}>
            {r.title}
          </Link>
          {(r.priority === 'high' || r.priority === 'urgent') && (
            <span>
              <Tag color={PRIORITY_COLORS[r.priority]}>{t(`service.priorities.${r.priority}`)}</Tag>
            </span>
          )}
        </Flex>
      ),
    },
    {
      key: 'customer',
      title: t('service.fields.customer'),
      render: (_, r) => customerCell(r),
    },
    {
      key: 'status',
      title: t('service.fields.status'),
      dataIndex: 'status',
      responsive: ['sm'],
      render: (status: TServiceRequest['status']) => <Tag color={STATUS_COLORS[status]}>{t(`service.statuses.${status}`)}</Tag>,
    },
    { key: 'sla', title: t('service.fields.sla'), render: (_, r) => <SlaText request={r} now={now} /> },
    {
      key: 'owner',
      title: t('service.fields.owner'),
      dataIndex: 'ownerId',
      responsive: ['md'],
      render: (ownerId: string) => owners.get(ownerId)?.name ?? '…',
    },
    {
      key: 'channel',
      title: t('service.fields.channel'),
      dataIndex: 'channel',
      responsive: ['xxl'],
      render: (channel: TServiceRequest['channel']) => t(`service.channels.${channel}`),
    },
    {
      key: 'openedAt',
      title: t('service.fields.openedAt'),
      dataIndex: 'openedAt',
      responsive: ['md'],
      render: (at: string) => <Typography.Text style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at, i18n.language)}</Typography.Text>,
    },
  ];

  // A phone gets one column per request, stacked like a card: a table's narrow columns wrapped every word.
  const phone: TableProps<TServiceRequest>['columns'] = [
    {
      key: 'request',
      onCell: highlightBar,
      render: (_, r) => (
        <Flex vertical gap={4}>
          <Flex justify="space-between" align="flex-start" gap={8}>
            <Link to={`/service/${r.id}`} onClick={(e) => e.stopPropagation()} style={{ overflowWrap: 'anywhere', fontWeight: 500 }}>
              {r.title}
            </Link>
            <Tag color={STATUS_COLORS[r.status]} style={{ marginInlineEnd: 0 }}>
              {t(`service.statuses.${r.status}`)}
            </Tag>
          </Flex>
          {customerCell(r)}
          <Flex justify="space-between" align="center" gap={8} wrap>
            <SlaText request={r} now={now} />
            {(r.priority === 'high' || r.priority === 'urgent') && (
              <Tag color={PRIORITY_COLORS[r.priority]} style={{ marginInlineEnd: 0 }}>
                {t(`service.priorities.${r.priority}`)}
              </Tag>
            )}
          </Flex>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Table<TServiceRequest>
        rowKey="id"
        columns={isPhone ? phone : desktop}
        showHeader={!isPhone}
        dataSource={list.rows}
        loading={list.isPending}
        pagination={false}
        onRow={(r) => ({
          onClick: () => navigate(`/service/${r.id}`),
          style: { cursor: 'pointer', background: r.highlight ? token.colorWarningBg : undefined },
          'data-highlight': r.highlight,
        })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('service.empty')} /> }}
        scroll={isPhone ? undefined : { x: 'max-content' }}
        size="middle"
        data-testid="service-table"
      />
      <LoadMore
        count={list.rows.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
      />
    </>
  );
}
