import { FilterOutlined } from '@ant-design/icons';
import type { TServiceRequestStatus } from '@tierline/contracts';
import { Badge, Button, Checkbox, Flex, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { useCustomersById } from '../../customers/customers.api.ts';
import { tierName, useTiers } from '../../tiers/tiers.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { SERVICE_STATUSES, type ServiceFilters } from '../serviceRequests.api.ts';
import { DateRangeInputs } from './DateRangeInputs.tsx';

interface ServiceRequestFiltersProps {
  filters: ServiceFilters;
  onChange: (patch: Partial<Record<keyof ServiceFilters, string | undefined>>) => void;
}

/** The filter bar of the service request list; folds under a button on a phone. */
export function ServiceRequestFilters({ filters, onChange }: ServiceRequestFiltersProps) {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { tiers } = useTiers();
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const customer = useCustomersById([filters.customerId]).get(filters.customerId ?? '');
  const active = (['status', 'breached', 'ownerId', 'tierId', 'from', 'to'] as const).filter((k) => filters[k]).length;
  // A rep sees their own requests (and those of customers shared with them): an owner filter says little to them.
  const byOwner = user.role !== 'rep';
  const showAll = !isPhone || expanded;

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }} data-testid="service-filters">
      {filters.customerId && (
        <Tag closable onClose={() => onChange({ customerId: undefined })} style={{ marginInlineEnd: 0, paddingBlock: 4 }}>
          {t('service.filters.customer', { name: customer?.name ?? '…' })}
        </Tag>
      )}
      <Select<TServiceRequestStatus>
        allowClear
        placeholder={t('service.filters.allStatuses')}
        aria-label={t('service.fields.status')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={SERVICE_STATUSES.map((s) => ({ value: s, label: t(`service.statuses.${s}`) }))}
        style={{ width: 130 }}
      />
      <Checkbox checked={filters.breached === 'true'} onChange={(e) => onChange({ breached: e.target.checked ? 'true' : undefined })}>
        {t('service.filters.breachedOnly')}
      </Checkbox>
      {isPhone && (
        <Badge count={active} size="small" style={{ marginInlineStart: 'auto' }}>
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
          {byOwner && (
            <UserSelect
              value={filters.ownerId ?? null}
              onChange={(ownerId) => onChange({ ownerId: ownerId ?? undefined })}
              placeholder={t('service.filters.allOwners')}
              ariaLabel={t('service.fields.owner')}
              style={{ width: isPhone ? '100%' : 170 }}
            />
          )}
          <Select<string>
            allowClear
            placeholder={t('service.filters.allTiers')}
            aria-label={t('service.fields.tier')}
            value={filters.tierId}
            onChange={(tierId) => onChange({ tierId })}
            options={tiers.map((tier) => ({ value: tier.id, label: tierName(tier, i18n.language) }))}
            style={{ width: isPhone ? '100%' : 130 }}
          />
          <DateRangeInputs from={filters.from} to={filters.to} onChange={onChange} block={isPhone} />
        </>
      )}
    </Flex>
  );
}
