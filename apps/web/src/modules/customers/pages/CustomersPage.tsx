import { PlusOutlined } from '@ant-design/icons';
import type { TCustomer } from '@tierline/contracts';
import { Button, Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ExportButton } from '../../../shared/ExportButton.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite, TIER_RULE_ROLES } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { useUsersById } from '../../users/users.api.ts';
import { CustomerFilters } from '../components/CustomerFilters.tsx';
import { CustomerFormModal } from '../components/CustomerFormModal.tsx';
import { type CustomerFilters as Filters, STATUS_COLORS, type TCustomerSort, useCustomerList } from '../customers.api.ts';

type SortKey = 'name' | 'createdAt' | 'lastContactAt';

/**
 * From this many rows on, the table draws only the rows in view (antd's virtual table, in a body of fixed height):
 * with every row in the DOM, a scroll through 200 customers blocked the main thread for hundreds of ms
 * (bench/src/webBudget.customers.ts). A page or two stays a plain table, as the phone layout always is.
 */
const VIRTUAL_FROM = 100;
const VIRTUAL_SCROLL = { x: 1400, y: 640 };

/** 客户: the customers I may see, filtered, searched and sorted, with tiers as coloured tags. */
export function CustomersPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters<{ [K in keyof Filters]?: string }>();
  const sort = (filters.sort ?? 'name') as TCustomerSort;
  const list = useCustomerList({ ...(filters as Filters), sort });
  const owners = useUsersById(list.rows.map((c) => c.ownerId));
  const { byId: teamsById } = useTeamOptions();
  const [creating, setCreating] = useState(false);
  const isPhone = useIsPhone();
  const virtual = !isPhone && list.rows.length >= VIRTUAL_FROM;

  const sortOrder = (key: SortKey): SortOrder => (sort === key ? 'ascend' : sort === `-${key}` ? 'descend' : null);
  const onTableChange: TableProps<TCustomer>['onChange'] = (_p, _f, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = one?.columnKey as SortKey | undefined;
    const next = key && one?.order ? ((one.order === 'descend' ? `-${key}` : key) as TCustomerSort) : undefined;
    setFilters({ sort: next === 'name' ? undefined : next });
  };

  const columns: TableProps<TCustomer>['columns'] = [
    {
      key: 'name',
      title: t('customers.name'),
      dataIndex: 'name',
      sorter: true,
      sortOrder: sortOrder('name'),
      // The virtual table shares its fixed width among the columns without one: names would wrap on three lines.
      width: virtual ? 280 : undefined,
      // A name is whatever was typed or imported: one long unbroken run must wrap, not widen a phone's table.
      render: (name: string, c) => (
        <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()} style={{ overflowWrap: 'anywhere' }}>
          {name}
        </Link>
      ),
    },
    { key: 'tier', title: t('customers.tier'), render: (_, c) => <TierTag tierId={c.tierId} pinned={c.tierPinned} /> },
    {
      key: 'owner',
      title: t('customers.owner'),
      dataIndex: 'ownerId',
      render: (ownerId: string | null) =>
        ownerId ? (owners.get(ownerId)?.name ?? '…') : <Tag color="orange">{t('customers.inPool')}</Tag>,
    },
    {
      key: 'team',
      title: t('customers.team'),
      dataIndex: 'teamId',
      responsive: ['md'],
      render: (teamId: string | null) => (teamId ? (teamsById.get(teamId)?.name ?? '…') : '—'),
    },
    { key: 'region', title: t('customers.region'), dataIndex: 'region', responsive: ['sm'], render: (v) => v ?? '—' },
    { key: 'industry', title: t('customers.industry'), dataIndex: 'industry', responsive: ['lg'], render: (v) => v ?? '—' },
    {
      key: 'status',
      title: t('customers.status'),
      dataIndex: 'status',
      responsive: ['md'],
      render: (status: TCustomer['status']) => <Tag color={STATUS_COLORS[status]}>{t(`customers.statuses.${status}`)}</Tag>,
    },
    {
      key: 'tags',
      title: t('customers.tags'),
      dataIndex: 'tags',
      responsive: ['lg'],
      render: (tags: string[]) => (
        <Space size={[0, 4]} wrap>
          {tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'lastContactAt',
      title: t('customers.lastContactAt'),
      dataIndex: 'lastContactAt',
      responsive: ['md'],
      sorter: true,
      sortOrder: sortOrder('lastContactAt'),
      render: (at: string | null) => (at ? formatDateTime(at, i18n.language) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      key: 'createdAt',
      title: t('customers.createdAt'),
      dataIndex: 'createdAt',
      responsive: ['xl'],
      sorter: true,
      sortOrder: sortOrder('createdAt'),
      render: (at: string) => formatDateTime(at, i18n.language),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          <Space wrap>
            <ExportButton list="customers" filters={{ ...filters, sort }} />
            <Link to="/customers/pool">
              <Button>{t('nav.pool')}</Button>
            </Link>
            {TIER_RULE_ROLES.includes(user.role) && (
              <Link to="/customers/tier-rules">
                <Button>{t('nav.tierRules')}</Button>
              </Link>
            )}
            {canWrite(user.role) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('customers.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <CustomerFilters filters={filters as Filters} onChange={(patch) => setFilters(patch as Record<string, string | undefined>)} />
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={list.refetch} />
        ) : (
          <>
            <Table<TCustomer>
              rowKey="id"
              columns={columns}
              dataSource={list.rows}
              loading={list.isPending}
              pagination={false}
              onChange={onTableChange}
              onRow={(c) => ({ onClick: () => navigate(`/customers/${c.id}`), style: { cursor: 'pointer' } })}
              // A phone shows name, tier and owner, wrapping long names instead of scrolling sideways.
              virtual={virtual}
              scroll={isPhone ? undefined : virtual ? VIRTUAL_SCROLL : { x: 'max-content' }}
              size="middle"
            />
            <LoadMore
              count={list.rows.length}
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
            />
          </>
        )}
      </Card>
      <CustomerFormModal
        open={creating}
        customer={null}
        onClose={() => setCreating(false)}
        onCreated={(c) => navigate(`/customers/${c.id}`)}
      />
    </>
  );
}
