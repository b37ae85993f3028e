import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useDealSearch, useDealsById } from '../tasks.api.ts';

interface DealSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** Only this customer's deals, once a customer is chosen. */
  customerId?: string | null;
  disabled?: boolean;
}

/** Picks an open deal by typing part of its name; the server searches. A form control for Form.Item. */
export function DealSelect({ id, value, onChange, placeholder, customerId, disabled }: DealSelectProps) {
  const [typed, setTyped] = useState('');
  const search = useDealSearch(useDebouncedValue(typed), customerId);
  // The chosen deal may not be among the results (closed since, or another page): fetch it for its name.
  const selected = useDealsById([value]);
  const options = new Map<string, string>();
  for (const d of selected.values()) options.set(d.id, d.name);
  for (const d of search.data?.data ?? []) options.set(d.id, d.name);

  return (
    <Select<string>
      id={id}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={placeholder}
      loading={search.isFetching}
      options={[...options].map(([key, label]) => ({ value: key, label }))}
    />
  );
}
