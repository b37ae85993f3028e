import type { TAssignmentEntity } from '@tierline/contracts';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortId } from '../../../shared/format.ts';
import { useDebouncedValue } from '../../../shared/useDebouncedValue.ts';
import { useRecordName, useRecordSearch } from '../assignment.api.ts';
import { parseRecordRef } from '../recordRef.ts';

interface RecordPickerProps {
  id?: string;
  entity: TAssignmentEntity;
  value: string | null;
  /** A pasted page address may name another kind of record: the entity comes with the id then. */
  onChange: (id: string | null, entity?: TAssignmentEntity) => void;
}

/**
 * Picks a lead, customer or deal by typing part of its name (the server searches), or by pasting
 * its page's address or its id — what an admin has at hand when someone asks "why did I get this?".
 */
export function RecordPicker({ id, entity, value, onChange }: RecordPickerProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const search = useRecordSearch(entity, q);
  const found = search.data ?? [];
  const chosen = useRecordName(entity, value && !found.some((r) => r.id === value) ? value : null);

  const options = new Map<string, string>();
  if (value) options.set(value, chosen.data?.label ?? t('assignment.explain.pastedId', { id: shortId(value) }));
  for (const r of found) options.set(r.id, r.detail ? `${r.label} · ${r.detail}` : r.label);

  const onSearch = (text: string) => {
    const ref = parseRecordRef(text);
    if (!ref) {
      setTyped(text);
      return;
    }
    setTyped('');
    onChange(ref.id, ref.entity);
  };

  return (
    <Select<string>
      id={id}
      allowClear
      showSearch={{ filterOption: false, onSearch }}
      value={value ?? undefined}
      onChange={(next) => onChange(next ?? null)}
      placeholder={t('assignment.explain.pick')}
      loading={search.isFetching}
      options={[...options].map(([key, label]) => ({ value: key, label }))}
      style={{ flex: '1 1 240px', minWidth: 0 }}
      data-testid="record-picker"
    />
  );
}
