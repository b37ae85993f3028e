import { Select } from 'antd';
import { useState } from 'react';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useCustomerSearch, useCustomersById } from '../customers.api.ts';

interface CustomerSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
}

/** Picks a customer by typing part of its name; the server searches. A form control for Form.Item. */
export function CustomerSelect({ id, value, onChange, placeholder }: CustomerSelectProps) {
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const search = useCustomerSearch(q);
  const selected = useCustomersById([value]);

  const options = new Map<string, string>();
  for (const c of selected.values()) options.set(c.id, c.name);
  for (const c of search.data?.data ?? []) options.set(c.id, c.region ? `${c.name} · ${c.region}` : c.name);

  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      placeholder={placeholder}
      loading={search.isFetching}
      options={[...options].map(([key, label]) => ({ value: key, label }))}
    />
  );
}
