import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Checkbox, Flex, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { UserSelect } from '../../users/components/UserSelect.tsx';
import { type LeadFilters as Filters, LEAD_STATUSES, type TLeadStatus } from '../leads.api.ts';

interface LeadFiltersProps {
  filters: Filters;
  onChange: (patch: Partial<Filters>) => void;
}

/** The filter bar of the lead list; on a phone everything but the search folds under a button. */
export function LeadFilters({ filters, onChange }: LeadFiltersProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  const active = (['status', 'source', 'ownerId', 'unassigned', 'deleted'] as const).filter((k) => filters[k]).length;
  const showAll = !isPhone || expanded;
  // A rep sees only their own leads: an owner filter would have one choice.
  const byOwner = user.role !== 'rep';
  const applySource = (value: string) => value.trim() !== (filters.source ?? '') && onChange({ source: value.trim() || undefined });

  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }} data-testid="lead-filters">
      <Input.Search
        key={`q:${filters.q ?? ''}`}
        allowClear
        defaultValue={filters.q}
        placeholder={t('leads.searchPlaceholder')}
        aria-label={t('leads.searchPlaceholder')}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: isPhone ? 'calc(100% - 56px)' : 260, maxWidth: '100%' }}
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
          <Select<TLeadStatus>
            allowClear
            placeholder={t('leads.allStatuses')}
            aria-label={t('leads.fields.status')}
            value={filters.status}
            onChange={(status) => onChange({ status })}
            options={LEAD_STATUSES.map((status) => ({ value: status, label: t(`leads.statuses.${status}`) }))}
            style={{ width: 130 }}
          />
          {/* Sources are free text: the filter applies on Enter or when the field loses focus, not on every key. */}
          <Input
            key={`source:${filters.source ?? ''}`}
            allowClear
            defaultValue={filters.source}
            placeholder={t('leads.fields.source')}
            aria-label={t('leads.fields.source')}
            onPressEnter={(e) => applySource(e.currentTarget.value)}
            onBlur={(e) => applySource(e.currentTarget.value)}
            onClear={() => onChange({ source: undefined })}
            style={{ width: 140 }}
          />
          {byOwner && (
            <>
              <UserSelect
                value={filters.ownerId ?? null}
                onChange={(ownerId) => onChange({ ownerId: ownerId ?? undefined, unassigned: undefined })}
                placeholder={t('leads.allOwners')}
                ariaLabel={t('leads.fields.owner')}
                style={{ width: 170 }}
              />
              <Checkbox
                checked={filters.unassigned === 'true'}
                onChange={(e) => onChange({ unassigned: e.target.checked ? 'true' : undefined, ownerId: undefined })}
              >
                {t('leads.onlyUnassigned')}
              </Checkbox>
            </>
          )}
          <Checkbox checked={filters.deleted === 'only'} onChange={(e) => onChange({ deleted: e.target.checked ? 'only' : undefined })}>
            {t('leads.showDeleted')}
          </Checkbox>
        </>
      )}
    </Flex>
  );
}
