import { Select } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useUserSearch, useUsersById } from '../users.api.ts';

interface UserSelectProps {
  /** Given by Form.Item, so the field's label points at this control. */
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  /** Outside a Form.Item (a filter bar), the control's accessible name. */
  ariaLabel?: string;
}

/**
 * Picks a user by typing part of a name or email; the server searches, so it works for orgs of
 * any size. A form control: use it inside Form.Item.
 */
export function UserSelect({ id, value, onChange, placeholder, style, ariaLabel }: UserSelectProps) {
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const search = useUserSearch(q);
  // The current value may not be among the search results; fetch it so its name shows.
  const selected = useUsersById([value]);

  const options = new Map<string, string>();
  for (const user of selected.values()) options.set(user.id, user.name);
  for (const user of search.data?.data ?? []) options.set(user.id, `${user.name} · ${user.email}`);

  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id ?? null)}
      placeholder={placeholder}
      aria-label={ariaLabel}
      style={style}
      loading={search.isFetching}
      options={[...options].map(([id, label]) => ({ value: id, label }))}
    />
  );
}
