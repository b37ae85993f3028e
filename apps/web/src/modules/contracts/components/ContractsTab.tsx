import type { TContract } from '@tierline/contracts';
import { Flex, Progress, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate, formatMoney } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCustomersById } from '../../customers/customers.api.ts';
import { useUsersById } from '../../users/users.api.ts';
import { progressPercent } from '../contractMath.ts';
import { type ContractFilters as Filters, useContractFigures, useContractList } from '../contracts.api.ts';
import { ContractFilters } from './ContractFilters.tsx';
import { ContractStatusTag } from './ContractStatusTag.tsx';

interface ContractsTabProps {
  filters: Filters;
  onFiltersChange: (patch: Partial<Filters>) => void;
}

/** The contracts I may see, newest first, with what has been received and what is still owed. */
export function ContractsTab({ filters, onFiltersChange }: ContractsTabProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const list = useContractList(filters);
  const customers = useCustomersById(list.rows.map((c) => c.customerId));
  const owners = useUsersById(list.rows.map((c) => c.ownerId));
  const figures = useContractFigures(list.rows.map((c) => c.id));
  const lng = i18n.language;
  const pending = <Typography.Text type="secondary">…</Typography.Text>;

  const columns: TableProps<TContract>['columns'] = [
    {
      key: 'number',
      title: t('contracts.number'),
      dataIndex: 'number',
      render: (number: string, c) => (
        <Link to={`/contracts/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {number}
        </Link>
      ),
    },
    { key: 'customer', title: t('contracts.customer'), render: (_, c) => customers.get(c.customerId)?.name ?? '…' },
    { key: 'owner', title: t('contracts.owner'), responsive: ['md'], render: (_, c) => owners.get(c.ownerId)?.name ?? '…' },
    { key: 'amount', title: t('contracts.amount'), align: 'right', render: (_, c) => formatMoney(c.amount, c.currency, lng) },
    {
      key: 'received',
      title: t('contracts.received'),
      align: 'right',
      responsive: ['sm'],
      render: (_, c) => {
        const f = figures.get(c.id);
        if (!f) return pending;
        return (
          <div style={{ minWidth: 110 }}>
            {formatMoney(f.paid, c.currency, lng)}
            <Progress percent={progressPercent(f.paid, c.amount)} size="small" showInfo={false} />
          </div>
        );
      },
    },
    {
      key: 'outstanding',
      title: t('contracts.outstanding'),
      align: 'right',
      responsive: ['md'],
      render: (_, c) => {
        const f = figures.get(c.id);
        return f ? formatMoney(f.outstanding, c.currency, lng) : pending;
      },
    },
    { key: 'status', title: t('contracts.status'), render: (_, c) => <ContractStatusTag status={c.status} /> },
    {
      key: 'signedOn',
      title: t('contracts.signedOn'),
      responsive: ['lg'],
      render: (_, c) => (c.signedOn ? formatDate(c.signedOn, lng) : '—'),
    },
    { key: 'createdAt', title: t('contracts.createdAt'), responsive: ['xl'], render: (_, c) => formatDate(c.createdAt, lng) },
  ];

  // A phone has room for two columns: the contract and its customer, its amount and status.
  const phoneColumns: TableProps<TContract>['columns'] = [
    {
      key: 'contract',
      title: t('contracts.number'),
      render: (_, c) => (
        <Flex vertical gap={2}>
          <Link to={`/contracts/${c.id}`} onClick={(e) => e.stopPropagation()}>
            {c.number}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {customers.get(c.customerId)?.name ?? '…'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('contracts.amount'),
      align: 'right',
      render: (_, c) => {
        const f = figures.get(c.id);
        return (
          <Flex vertical gap={2} align="flex-end">
            {formatMoney(c.amount, c.currency, lng)}
            <Flex gap={4} align="center">
              {f && c.status !== 'draft' && c.status !== 'pending_approval' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {progressPercent(f.paid, c.amount)}%
                </Typography.Text>
              )}
              <ContractStatusTag status={c.status} />
            </Flex>
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <ContractFilters filters={filters} onChange={onFiltersChange} />
      {list.isError && !list.data ? (
        <LoadError error={list.error} onRetry={list.refetch} />
      ) : (
        <>
          <Table<TContract>
            rowKey="id"
            columns={isPhone ? phoneColumns : columns}
            dataSource={list.rows}
            loading={list.isPending}
            pagination={false}
            onRow={(c) => ({ onClick: () => navigate(`/contracts/${c.id}`), style: { cursor: 'pointer' } })}
            scroll={isPhone ? undefined : { x: 'max-content' }}
            size="middle"
            locale={{ emptyText: t('contracts.empty') }}
            data-testid="contracts-table"
          />
          <LoadMore
            count={list.rows.length}
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
          />
        </>
      )}
    </>
  );
}
