import type { TContractStatus } from '@tierline/contracts';
import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { CustomerSelect } from '../../customers/components/CustomerSelect.tsx';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { CONTRACT_STATUSES, type ContractFilters as Filters } from '../contracts.api.ts';

interface ContractFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

/** Number search, status, customer and owner: the filters the contracts API takes. */
export function ContractFilters({ filters, onChange }: ContractFiltersProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const wide = (desktop: number) => (isPhone ? '100%' : desktop);
  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="contract-filters">
      <Input.Search
        key={`q:${filters.q ?? ''}`}
        allowClear
        defaultValue={filters.q}
        placeholder={t('contracts.searchPlaceholder')}
        aria-label={t('contracts.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: wide(220) }}
      />
      <Select<TContractStatus>
        allowClear
        placeholder={t('contracts.allStatuses')}
        aria-label={t('contracts.status')}
        value={filters.status}
        onChange={(status) => onChange({ status })}
        options={CONTRACT_STATUSES.map((status) => ({ value: status, label: t(`contracts.statuses.${status}`) }))}
        style={{ width: isPhone ? 'calc(50% - 4px)' : 130 }}
      />
      <div style={{ display: 'grid', width: isPhone ? 'calc(50% - 4px)' : 200 }}>
        <CustomerSelect
          value={filters.customerId ?? null}
          onChange={(customerId) => onChange({ customerId: customerId ?? undefined })}
          placeholder={t('contracts.allCustomers')}
        />
      </div>
      {/* A rep sees only their own contracts: an owner filter would have one choice. */}
      {user.role !== 'rep' && (
        <UserSelect
          value={filters.ownerId ?? null}
          onChange={(ownerId) => onChange({ ownerId: ownerId ?? undefined })}
          placeholder={t('contracts.allOwners')}
          ariaLabel={t('contracts.owner')}
          style={{ width: wide(170) }}
        />
      )}
    </Flex>
  );
}
