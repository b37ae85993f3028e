import type { TCustomer } from '@tierline/contracts';
import { Alert, App, Button, Card, Flex, Input, Select, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/format.ts';
import { LoadMore } from '../../../shared/LoadMore.tsx';
import { PageHeader } from '../../../shared/PageHeader.tsx';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError } from '../../../shared/StatusPages.tsx';
import { useUrlFilters } from '../../../shared/useUrlFilters.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { TierTag } from '../../tiers/components/TierTag.tsx';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { type PoolFilters, useClaimCustomer, usePoolList } from '../pool.api.ts';
import { claimErrorText } from '../poolErrors.ts';

/** 公海: customers without an owner; a rep claims one within their level's limits. */
export function PoolPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [filters, setFilters] = useUrlFilters<{ [K in keyof PoolFilters]?: string }>();
  const list = usePoolList(filters);
  const { tiers } = useTiers();
  const claim = useClaimCustomer();
  const [refusal, setRefusal] = useState<{ name: string; text: string } | null>(null);

  const onClaim = (customer: TCustomer) => {
    setRefusal(null);
    claim.mutate(customer.id, {
      onSuccess: () => void message.success(t('pool.claimed', { name: customer.name })),
      onError: (error) => setRefusal({ name: customer.name, text: claimErrorText(error, t, i18n.language) }),
    });
  };

  const columns: TableProps<TCustomer>['columns'] = [
    {
      key: 'name',
      title: t('customers.name'),
      dataIndex: 'name',
      render: (name: string, c) => <Link to={`/customers/${c.id}`}>{name}</Link>,
    },
    { key: 'tier', title: t('customers.tier'), render: (_, c) => <TierTag tierId={c.tierId} /> },
    { key: 'region', title: t('customers.region'), dataIndex: 'region', responsive: ['sm'], render: (v) => v ?? '—' },
    { key: 'industry', title: t('customers.industry'), dataIndex: 'industry', responsive: ['md'], render: (v) => v ?? '—' },
    {
      key: 'lastContactAt',
      title: t('customers.lastContactAt'),
      dataIndex: 'lastContactAt',
      responsive: ['md'],
      render: (at: string | null) => (at ? formatDateTime(at, i18n.language) : '—'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, c) =>
        canWrite(user.role) && (
          <Button size="small" type="primary" ghost onClick={() => onClaim(c)} loading={claim.isPending && claim.variables === c.id}>
            {t('pool.claim')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('pool.title')} />
      <Typography.Paragraph type="secondary">{t('pool.intro')}</Typography.Paragraph>
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          title={t('pool.claimRefused', { name: refusal.name })}
          description={refusal.text}
          style={{ marginBottom: 16 }}
          data-testid="claim-refused"
        />
      )}
      <Card styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            key={`q:${filters.q ?? ''}`}
            allowClear
            defaultValue={filters.q}
            placeholder={t('customers.searchPlaceholder')}
            aria-label={t('customers.searchPlaceholder')}
            onSearch={(q) => setFilters({ q: q.trim() || undefined })}
            style={{ width: 240, maxWidth: '100%' }}
          />
          <Select<string>
            allowClear
            placeholder={t('customers.allTiers')}
            aria-label={t('customers.tier')}
            value={filters.tierId}
            onChange={(tierId) => setFilters({ tierId })}
            options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, i18n.language) }))}
            style={{ width: 130 }}
          />
          <Input
            key={`region:${filters.region ?? ''}`}
            allowClear
            defaultValue={filters.region}
            placeholder={t('customers.region')}
            aria-label={t('customers.region')}
            onPressEnter={(e) => setFilters({ region: e.currentTarget.value.trim() || undefined })}
            onClear={() => setFilters({ region: undefined })}
            style={{ width: 140 }}
          />
        </Flex>
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
              scroll={{ x: 'max-content' }}
              size="middle"
              locale={{ emptyText: t('pool.empty') }}
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
    </>
  );
}
