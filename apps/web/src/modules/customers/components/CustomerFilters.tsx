import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useTeamOptions } from '../../teams/teams.api.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { CUSTOMER_STATUSES, type CustomerFilters as Filters, type TCustomerStatus } from '../customers.api.ts';

interface CustomerFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

/** The filter bar of the customer list; it wraps on narrow screens. */
export function CustomerFilters({ filters, onChange }: CustomerFiltersProps) {
  const { t, i18n } = useTranslation();
  const { tiers } = useTiers();
  const { teams } = useTeamOptions();
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const active = (['tierId', 'ownerId', 'teamId', 'status', 'region', 'industry', 'tag', 'deleted'] as const).filter(
    (k) => filters[k],
  ).length;
  // On a phone the filters fold under a button, so the list starts near the top of the screen.
  const showAll = !isPhone || expanded;
  // Free-text filters apply on Enter or when the field loses focus, not on every key.
  const text = (key: 'region' | 'industry' | 'tag', placeholder: string) => (
    <Input
      key={`${key}:${filters[key] ?? ''}`}
      allowClear
      defaultValue={filters[key]}
      placeholder={placeholder}
      aria-label={placeholder}
      onPressEnter={(e) => onChange({ [key]: e.currentTarget.value.trim() || undefined })}
      onBlur={(e) =>
        e.currentTarget.value.trim() !== (filters[key] ?? '') && onChange({ [key]: e.currentTarget.value.trim() || undefined })
      }
      onClear={() => onChange({ [key]: undefined })}
      style={{ width: 140 }}
    />
  );
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="customer-filters">
      <Input.Search
        key={`q:${filters.q ?? ''}`}
        allowClear
        defaultValue={filters.q}
        placeholder={t('customers.searchPlaceholder')}
        aria-label={t('customers.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: isPhone ? 'calc(100% - 56px)' : 240, maxWidth: '100%' }}
      />
      {isPhone && (
        <Badge count={active} size="small">
          <Button
            icon={<FilterOutlined />}
            onClick={() => setExpanded((v) => !v)}
            aria-label={t('common.filter')}
            aria-expanded={expanded}
          />
        </Badge>
      )}
      {showAll && (
        <>
          <Select<string>
            allowClear
            placeholder={t('customers.allTiers')}
            aria-label={t('customers.tier')}
            value={filters.tierId}
            onChange={(tierId) => onChange({ tierId })}
            options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, i18n.language) }))}
            style={{ width: 130 }}
          />
          <UserSelect
            value={filters.ownerId ?? null}
            onChange={(ownerId) => onChange({ ownerId: ownerId ?? undefined })}
            placeholder={t('customers.allOwners')}
            ariaLabel={t('customers.owner')}
            style={{ width: 170 }}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.allTeams')}
            aria-label={t('customers.team')}
            value={filters.teamId}
            onChange={(teamId) => onChange({ teamId })}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            style={{ width: 150 }}
          />
          <Select<TCustomerStatus>
            allowClear
            placeholder={t('customers.allStatuses')}
            aria-label={t('customers.status')}
            value={filters.status}
            onChange={(status) => onChange({ status })}
            options={CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`customers.statuses.${status}`) }))}
            style={{ width: 120 }}
          />
          {text('region', t('customers.region'))}
          {text('industry', t('customers.industry'))}
          {text('tag', t('customers.tag'))}
          <Checkbox checked={filters.deleted === 'only'} onChange={(e) => onChange({ deleted: e.target.checked ? 'only' : undefined })}>
            {t('customers.showDeleted')}
          </Checkbox>
        </>
      )}
    </Flex>
  );
}
